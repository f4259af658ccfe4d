// The access log as a Merkle tree with signed tree heads (issue 18): the stored tree gives the
// RFC 9162 root of the entries, heads are Ed25519-signed, and `efr audit verify` names the first
// changed, removed or reordered row of the SQLite table, also when the forger rewrote the chain.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bytesToHex, canonicalJson, chainInput, emptyFrontier, frontierAppend, frontierRoot, hexToBytes, logLeafHash,
  verifyInclusion, type LinkedLogEntry, type LogEntryFacts,
} from '../../../core/src/index.js';
import { verifyAccessLog } from '../cli/audit-verify.js';
import { exportTreeHeads, treeHeadsText } from '../cli/export-heads.js';
import { openDatabase, type Db } from '../db/database.js';
import { appendAccessLog, sha256Hex } from './access-log.js';
import { nodeSha256, proofOfEntry, rootAt, storedTreeSize } from './log-tree.js';
import {
  listTreeHeads, loadLogSigner, publishTreeHead, verifyTreeHead, type LogSigner,
} from './tree-heads.js';

const T0 = Date.UTC(2026, 11, 7, 2, 0);

describe('access log Merkle tree and signed tree heads (issue 18)', () => {
  let dir: string;
  let db: Db;
  let signer: LogSigner;

  const append = (n: number, from: number): void => {
    db.transaction(() => {
      for (let i = from; i < from + n; i++) {
        appendAccessLog(db, { user: i % 2 ? 'custodian1' : 'officer1', action: 'read',
          nodeId: `n${i % 5}`, values: { note: '查看录像 ' + i } }, T0 + i * 1000);
      }
    })();
  };
  /** Entry `seq` with its chain link: what the tree's leaf covers (core audit-leaf.ts). */
  const facts = (seq: number): LinkedLogEntry => {
    const r = db.prepare('SELECT entry_json, prev_hash, hash FROM access_log WHERE id = ?')
      .get(seq) as { entry_json: string; prev_hash: string; hash: string };
    return { ...JSON.parse(r.entry_json) as LogEntryFacts, prevHash: r.prev_hash, hash: r.hash };
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'efr-tree-'));
    db = openDatabase(dir);
    signer = loadLogSigner(dir, {});
    append(5, 0);
    publishTreeHead(db, signer, T0 + 10_000);
    append(7, 5);
    publishTreeHead(db, signer, T0 + 20_000);
    append(3, 12);
  });
  afterEach(() => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the RFC 9162 root of the entries and serves verifiable inclusion proofs', () => {
    expect(storedTreeSize(db)).toBe(15);
    const f = emptyFrontier();
    for (let seq = 1; seq <= 15; seq++) frontierAppend(nodeSha256, f, logLeafHash(nodeSha256,
      facts(seq)));
    expect(bytesToHex(rootAt(db, 15))).toBe(bytesToHex(frontierRoot(nodeSha256, f)));
    const root = rootAt(db, 12);
    for (let seq = 1; seq <= 12; seq++) {
      expect(verifyInclusion(nodeSha256, seq - 1, 12, logLeafHash(nodeSha256, facts(seq)),
        proofOfEntry(db, seq, 12), root)).toBeTrue();
    }
  });

  it('keeps the tree in the entry transaction: a rolled-back entry leaves no node', () => {
    expect(() => db.transaction(() => {
      appendAccessLog(db, { user: 'x', action: 'read' });
      throw new Error('rolled back');
    })()).toThrowError('rolled back');
    expect(storedTreeSize(db)).toBe(15);
  });

  it('completes the tree of a log written before it existed', () => {
    db.prepare('DELETE FROM access_log_tree').run();
    append(1, 15);
    expect(storedTreeSize(db)).toBe(16);
    const f = emptyFrontier();
    for (let seq = 1; seq <= 16; seq++) frontierAppend(nodeSha256, f, logLeafHash(nodeSha256,
      facts(seq)));
    expect(bytesToHex(rootAt(db, 16))).toBe(bytesToHex(frontierRoot(nodeSha256, f)));
  });

  it('signs heads with the deployment key, one per size, and verifies them', async () => {
    expect(signer.generated).toBeTrue();
    expect(loadLogSigner(dir, {}).generated).toBeFalse();
    const again = publishTreeHead(db, signer, T0 + 30_000);
    expect(publishTreeHead(db, signer, T0 + 40_000)).toEqual(again);
    const heads = listTreeHeads(db);
    expect(heads.map((h) => h.treeSize)).toEqual([5, 12, 15]);
    for (const h of heads) expect(verifyTreeHead(h, signer.publicKey)).toBeTrue();
    const other = loadLogSigner(join(dir, 'other'), {});
    expect(verifyTreeHead(heads[0], other.publicKey)).toBeFalse();
    expect(verifyTreeHead({ ...heads[0], treeSize: 4 }, signer.publicKey)).toBeFalse();
    db.close();
    expect(await verifyAccessLog(dir)).toEqual({ ok: true, count: 15, heads: 3 });
  });

  it('refuses a configured key path that does not exist', () => {
    expect(() => loadLogSigner(dir, { EFR_LOG_SIGNING_KEY: join(dir, 'missing.pem') }))
      .toThrowError(/does not exist/);
  });

  it('names a changed row', async () => {
    const r = db.prepare('SELECT entry_json FROM access_log WHERE id = 7').get() as
      { entry_json: string };
    db.prepare('UPDATE access_log SET entry_json = ? WHERE id = 7')
      .run(r.entry_json.replace('查看录像', '删除录像'));
    db.close();
    expect(await verifyAccessLog(dir)).toEqual(jasmine.objectContaining({ ok: false, id: 7 }));
  });

  it('names a removed row', async () => {
    db.prepare('DELETE FROM access_log WHERE id = 9').run();
    db.close();
    expect(await verifyAccessLog(dir)).toEqual(jasmine.objectContaining({ ok: false, id: 10 }));
  });

  it('names reordered rows', async () => {
    const a = db.prepare('SELECT entry_json, prev_hash, hash FROM access_log WHERE id = 3')
      .get() as Record<string, string>;
    const b = db.prepare('SELECT entry_json, prev_hash, hash FROM access_log WHERE id = 4')
      .get() as Record<string, string>;
    const put = db.prepare('UPDATE access_log SET entry_json = ?, prev_hash = ?, hash = ? ' +
      'WHERE id = ?');
    db.transaction(() => {
      put.run(b.entry_json, b.prev_hash, b.hash, 3);
      put.run(a.entry_json, a.prev_hash, a.hash, 4);
    })();
    db.close();
    expect(await verifyAccessLog(dir)).toEqual(jasmine.objectContaining({ ok: false, id: 3 }));
  });

  /** Rewrites entry `seq` and relinks every later entry and the head anchor, as a forger would. */
  const rewriteChainFrom = (seq: number): void => {
    const rows = db.prepare('SELECT id, entry_json, prev_hash FROM access_log WHERE id >= ? ' +
      'ORDER BY id').all(seq) as { id: number; entry_json: string; prev_hash: string }[];
    let prev = rows[0].prev_hash;
    db.transaction(() => {
      for (const r of rows) {
        const e = JSON.parse(r.entry_json) as LogEntryFacts;
        const changed = r.id === seq ? { ...e, user: 'someone-else' } : e;
        const hash = sha256Hex(chainInput(prev, changed as unknown as Record<string, unknown>));
        db.prepare('UPDATE access_log SET entry_json = ?, prev_hash = ?, hash = ? WHERE id = ?')
          .run(canonicalJson(changed), prev, hash, r.id);
        prev = hash;
      }
      db.prepare("UPDATE meta SET value = ? WHERE key = 'access_log_head'")
        .run(`${rows[rows.length - 1].id}:${prev}`);
    })();
  };

  it('names a row of a chain rewritten from it on, through the stored leaf', async () => {
    rewriteChainFrom(4);
    db.close();
    const check = await verifyAccessLog(dir);
    expect(check).toEqual(jasmine.objectContaining({ ok: false, id: 4 }));
  });

  it('bounds a rewrite that also rewrote the stored tree to the entries after a good head',
    async () => {
      rewriteChainFrom(8);
      db.prepare('DELETE FROM access_log_tree').run();
      db.close();
      const check = await verifyAccessLog(dir);
      expect(check).toEqual(jasmine.objectContaining({ ok: false, id: 6 }));
      expect(!check.ok && check.reason).toContain('6..12');
    });

  it('names the first missing entry when the end was cut and the anchor moved', async () => {
    db.prepare('DELETE FROM access_log WHERE id >= 11').run();
    const last = db.prepare('SELECT id, hash FROM access_log WHERE id = 10').get() as
      { id: number; hash: string };
    db.prepare("UPDATE meta SET value = ? WHERE key = 'access_log_head'")
      .run(`${last.id}:${last.hash}`);
    db.close();
    expect(await verifyAccessLog(dir)).toEqual(jasmine.objectContaining({ ok: false, id: 11 }));
  });

  it('names a forged tree head', async () => {
    const h = listTreeHeads(db)[1];
    db.prepare('UPDATE access_log_heads SET root_hash = ? WHERE tree_size = ?')
      .run('0'.repeat(64), h.treeSize);
    db.close();
    const check = await verifyAccessLog(dir);
    expect(check).toEqual(jasmine.objectContaining({ ok: false, id: 12 }));
  });

  it('exports one China day of heads with the public key, as JSON and printable text', () => {
    const doc = exportTreeHeads(dir, '2026-12-07');
    expect(doc.heads.map((h) => h.treeSize)).toEqual([5, 12]);
    expect(doc.publicKey).toBe(signer.publicKey);
    expect(exportTreeHeads(dir, '2026-12-08').heads).toEqual([]);
    expect(treeHeadsText(doc)).toContain(doc.heads[1].rootHash);
    expect(() => exportTreeHeads(dir, '2026-02-30')).toThrowError(/not a date/);
    expect(hexToBytes(doc.heads[0].signature)?.length).toBe(64);
  });
});

describe('a data dir of a former leaf rule (issue 18 migration)', () => {
  it('keeps its signed tree heads in access_log_heads_retired, never deletes them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'efr-heads-retired-'));
    try {
      let db = openDatabase(dir);
      const signer = loadLogSigner(dir, {});
      db.transaction(() => {
        for (let i = 0; i < 3; i++) {
          appendAccessLog(db, { user: 'officer1', action: 'read', nodeId: 'n1', values: {} },
            T0 + i);
        }
      })();
      const head = publishTreeHead(db, signer, T0 + 10);
      // As a data dir written before the leaf became the audit entry: no leaf rule recorded.
      db.prepare("DELETE FROM meta WHERE key = 'access_log_leaf'").run();
      db.close();
      const warn = spyOn(console, 'warn');
      db = openDatabase(dir);
      expect(warn).toHaveBeenCalledWith(jasmine.stringMatching(/1 signed access-log tree heads/));
      expect(db.prepare('SELECT COUNT(*) FROM access_log_heads').pluck().get()).toBe(0);
      expect(db.prepare('SELECT tree_size AS treeSize, timestamp, root_hash AS rootHash, ' +
        'signature, key_id AS keyId, leaf_rule AS rule FROM access_log_heads_retired').all())
        .toEqual([{ ...head, rule: 'chain-entry' }]);
      db.close();
      // Opened again: nothing more moves, the retired head stays.
      db = openDatabase(dir);
      expect(db.prepare('SELECT COUNT(*) FROM access_log_heads_retired').pluck().get()).toBe(1);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
