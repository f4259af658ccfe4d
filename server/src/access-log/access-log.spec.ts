import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENESIS_HASH } from '../../../core/src/index.js';
import { verifyAccessLog } from '../cli/audit-verify.js';
import { openDatabase, type Db } from '../db/database.js';
import { appendAccessLog, verifyChain } from './access-log.js';

describe('access log hash chain (tamper evidence, R26.1 / DESIGN access log)', () => {
  let dir: string;
  let db: Db;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'efr-log-'));
    db = openDatabase(dir);
    db.transaction(() => {
      for (let i = 0; i < 6; i++) {
        appendAccessLog(
          db,
          {
            user: i % 2 ? 'custodian1' : 'officer1',
            action: 'read',
            nodeId: `n${i}`,
            values: { range: `${i}-${i + 10}`, note: '查看录像' },
          },
          Date.UTC(2026, 10, 26, 1, i),
        );
      }
    })();
  });
  afterEach(() => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('links each entry to the previous one from the genesis hash and verifies intact', async () => {
    const rows = db.prepare('SELECT prev_hash, hash FROM access_log ORDER BY id').all() as {
      prev_hash: string;
      hash: string;
    }[];
    expect(rows[0].prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    expect(verifyChain(db)).toEqual({ ok: true, count: 6 });
    db.close();
    expect(await verifyAccessLog(dir)).toEqual({ ok: true, count: 6, heads: 0 });
  });

  it('detects an edited entry and names it', async () => {
    const r = db.prepare('SELECT entry_json FROM access_log WHERE id = 3').get() as {
      entry_json: string;
    };
    db.prepare('UPDATE access_log SET entry_json = ? WHERE id = 3').run(
      r.entry_json.replace('officer1', 'officer2'),
    );
    db.close();
    const check = await verifyAccessLog(dir);
    expect(check).toEqual(jasmine.objectContaining({ ok: false, id: 3, index: 2 }));
  });

  it('detects an edited entry whose hash was recomputed by the forger (next link breaks)', () => {
    db.prepare("UPDATE access_log SET user_id = 'x', hash = ? WHERE id = 2").run('f'.repeat(64));
    expect(verifyChain(db)).toEqual(jasmine.objectContaining({ ok: false, id: 2 }));
  });

  it('detects a deleted entry in the middle', () => {
    db.prepare('DELETE FROM access_log WHERE id = 4').run();
    expect(verifyChain(db)).toEqual(jasmine.objectContaining({ ok: false, id: 5 }));
  });

  it('detects deleted entries at the end through the stored head anchor', () => {
    db.prepare('DELETE FROM access_log WHERE id >= 5').run();
    expect(verifyChain(db)).toEqual(jasmine.objectContaining({ ok: false }));
  });

  it('detects reordered entries (two rows swapped)', () => {
    const a = db.prepare('SELECT * FROM access_log WHERE id = 2').get() as Record<string, unknown>;
    const b = db.prepare('SELECT * FROM access_log WHERE id = 3').get() as Record<string, unknown>;
    const put =
      db.prepare(`UPDATE access_log SET created_at=?, user_id=?, action=?, node_id=?, entry_json=?,
      prev_hash=?, hash=? WHERE id=?`);
    db.transaction(() => {
      put.run(b.created_at, b.user_id, b.action, b.node_id, b.entry_json, b.prev_hash, b.hash, 2);
      put.run(a.created_at, a.user_id, a.action, a.node_id, a.entry_json, a.prev_hash, a.hash, 3);
    })();
    expect(verifyChain(db)).toEqual(jasmine.objectContaining({ ok: false, id: 2 }));
  });

  it('reports a missing repository instead of throwing', async () => {
    expect(await verifyAccessLog(join(dir, 'nope'))).toEqual(
      jasmine.objectContaining({ ok: false }),
    );
  });
});
