/**
 * The evidence disc's access-log extract with RFC 9162 inclusion proofs against a signed tree
 * head (issue 18): verify.html, opened from a built disc's files in Chromium, proves every
 * entry offline (hash-wasm SHA-256 through core's checker, WebCrypto Ed25519 for the head) and
 * fails after one flipped byte in the extract or in the head's signature. Two discs: one of
 * server/'s chained log, one of `efr-access` audit entries as ACS's REST API answers them (ids
 * with gaps, proven by position, proofs computed as GET /access-log/entries computes them).
 */
import { mkdir, readFile, rm, writeFile, cp } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { appendAccessLog, parseLogRow } from '../../server/src/access-log/access-log.js';
import {
  auditEntryNodeId, auditLeafFacts, auditLeafHashHex, inclusionProofsHex, treeRootHex,
  type AuditLeafFacts, type LogExtractEntry, type RestAuditEntry,
} from '../../core/src/index.js';
import { nodeSha256Hex } from '../../server/src/access-log/log-tree.js';
import {
  loadLogSigner, provenExtract, signTreeHead,
} from '../../server/src/access-log/tree-heads.js';
import { startServer, type RunningServer } from '../../server/src/app.js';
import { openDatabase } from '../../server/src/db/database.js';
import { writeImageFile } from '../../server/src/evidence/disc-cli.js';
import { preparePackage } from '../../server/src/evidence/package-image.js';
import {
  restCall, restPackageSource, RestError, type RestConnection, type RestPackageRequest,
} from '../../server/src/evidence/rest-source.js';
import { WORKER_USER } from '../../server/src/worker/in-process.js';
import { runTreeHeadJobs } from '../../server/src/worker/jobs/tree-head.js';
import { tempDir } from '../support/server-harness.js';
import { generatedRecording, memorySource, tool } from './support.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A built disc unpacked in a folder, and verify.html's verdict on a changed copy of it. */
class DiscFolder {
  constructor(readonly dir: string, readonly disc: string, readonly browser: Browser) {}

  static async build(dir: string, src: Parameters<typeof preparePackage>[0], browser: Browser):
    Promise<DiscFolder> {
    const image = join(dir, 'disc.iso');
    await writeImageFile((await preparePackage(src)).stream(), image);
    const disc = join(dir, 'disc');
    await mkdir(disc, { recursive: true });
    await tool('7z', ['x', `-o${disc}`, image]);
    return new DiscFolder(dir, disc, browser);
  }

  /** A copy of the disc folder with `change` applied, checked in verify.html. */
  async check(name: string, change?: (folder: string) => Promise<void>):
    Promise<{ summary: string; rows: string[] }> {
    const folder = join(this.dir, name, 'EFR_DISC');
    await cp(this.disc, folder, { recursive: true });
    await change?.(folder);
    const page = await this.browser.newPage();
    try {
      await page.goto(pathToFileURL(join(folder, 'verify.html')).href);
      await page.setInputFiles('#efr-pick', folder);
      await page.waitForFunction(() =>
        /^(ok|bad)$/.test(document.getElementById('efr-summary')?.className ?? ''));
      return { summary: await page.textContent('#efr-summary') ?? '',
        rows: await page.$$eval('#efr-results tr', (trs) => trs.map((tr) =>
          tr.className + ' ' + (tr.textContent ?? ''))) };
    } finally {
      await page.close();
    }
  }
}

const flip = (file: string, at: (bytes: Buffer) => number) => async (folder: string) => {
  const path = join(folder, file);
  const bytes = await readFile(path);
  const i = at(bytes);
  if (!(i >= 0 && i < bytes.length)) throw new Error(`nothing to flip in ${file}`);
  bytes[i] ^= 0x01;
  await writeFile(path, bytes);
};

describe('evidence disc access-log proofs in verify.html (issue 18)', () => {
  let dir: string;
  let disc: DiscFolder;
  let browser: Browser;

  beforeAll(async () => {
    dir = tempDir('log-proof');
    const rec = await generatedRecording('r1', '现场检查.mp4', 200_000, 9);
    const db = openDatabase(join(dir, 'data'));
    loadLogSigner(join(dir, 'data'), {});
    db.transaction(() => {
      for (let i = 0; i < 40; i++) {
        appendAccessLog(db, { user: i % 3 ? 'custodian1' : 'officer1', action: 'read',
          nodeId: i % 4 === 0 ? 'r1' : `other${i}`, values: { note: '调阅 ' + i } },
        Date.UTC(2026, 10, 25, 0, i));
      }
    })();
    const rows = db.prepare("SELECT id, entry_json, prev_hash, hash FROM access_log " +
      "WHERE node_id = 'r1' ORDER BY id").all() as Parameters<typeof parseLogRow>[0][];
    const proven = provenExtract(db, rows.map(parseLogRow));
    db.close();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    disc = await DiscFolder.build(dir, { ...memorySource([rec]), ...proven }, browser);
  });

  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('proves every extract entry against the signed head offline', async () => {
    const { summary, rows } = await disc.check('intact');
    expect(summary).toContain('All 1 files match');
    expect(summary).toContain('10 log entries proven');
    expect(rows.filter((r) => r.startsWith('ok access-log.jsonl #')).length).toBe(10);
    expect(rows.some((r) => r.startsWith('ok access-log-tree-head.json') &&
      r.includes('signature valid'))).toBeTrue();
  });

  it('fails the entry whose line has one flipped byte', async () => {
    const text = (await readFile(join(disc.disc, 'access-log.jsonl'), 'utf8')).split('\n');
    const { summary, rows } = await disc.check('entry', flip('access-log.jsonl', (b) =>
      b.indexOf('调阅 8') + 1));
    expect(text[2]).toContain('"seq":9');
    expect(text[2]).toContain('调阅 8');
    expect(summary).toContain('Problem');
    expect(summary).toContain('access-log.jsonl #9');
    expect(rows.filter((r) => r.startsWith('bad')).length).toBe(1);
  });

  it('fails a flipped byte in a proof hash', async () => {
    const { summary } = await disc.check('proof', flip('access-log.jsonl', (b) =>
      b.indexOf('"inclusionProof":["') + 20));
    expect(summary).toContain('access-log.jsonl #1');
  });

  it('fails the head after one flipped byte of its signature or root', async () => {
    const sig = await disc.check('signature', flip('access-log-tree-head.json', (b) =>
      b.indexOf('"signature":"') + 14));
    expect(sig.summary).toContain('access-log-tree-head.json');
    expect(sig.rows.some((r) => r.includes('signature INVALID'))).toBeTrue();
    const root = await disc.check('root', flip('access-log-tree-head.json', (b) =>
      b.indexOf('"rootHash":"') + 13));
    expect(root.summary).toContain('access-log-tree-head.json');
    expect(root.rows.some((r) => r.startsWith('ok access-log'))).toBeFalse();
  });
});

/** ACS's efr-access value keys (efr-audit.xml; behaviors/src/lib/acs-audit.ts). */
const K = '/efr-access/transaction/';
const REC = '0a1b2c3d-0000-4000-8000-00000000000a';

/**
 * `GET /audit-applications/efr-access/audit-entries?include=values` as ACS answers it: ids from
 * the one alf_audit_entry sequence of every application (gaps), createdAt with ACS's `+0000`,
 * the node a NodeRef written as its id (RestJsonModule's NodeRefSerializer).
 */
function acsEntries(n: number): RestAuditEntry[] {
  const out: RestAuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    const node = i % 5 === 2 ? REC : `0a1b2c3d-0000-4000-8000-${String(100 + i).padStart(12, '0')}`;
    out.push({ id: String(1000 + i * 3 + (i % 2)),
      createdAt: new Date(Date.UTC(2026, 10, 25, 1, i)).toISOString().replace('Z', '+0000'),
      createdByUser: { id: i % 3 ? 'custodian1' : 'officer1' },
      values: { [K + 'action']: 'READ', [K + 'sub-actions']: 'readContent',
        [K + 'user']: i % 3 ? 'custodian1' : 'officer1', [K + 'node']: node,
        [K + 'type']: 'efr:recording', [K + 'path']: `/app:company_home/cm:录像${i}` } });
  }
  return out;
}

describe('evidence disc access-log proofs of ACS audit entries in verify.html (issue 18)', () => {
  let dir: string;
  let disc: DiscFolder;
  let browser: Browser;
  let log: LogExtractEntry[];

  beforeAll(async () => {
    dir = tempDir('log-proof-acs');
    const rec = await generatedRecording(REC, '现场检查.mp4', 200_000, 11);
    const signer = loadLogSigner(join(dir, 'keys'), {});
    const all = acsEntries(23);
    const facts = all.map((a) => auditLeafFacts(a) as AuditLeafFacts);
    const leaves = facts.map((f) => auditLeafHashHex(nodeSha256Hex, f));
    const size = 21;
    const head = signTreeHead(signer, size, treeRootHex(nodeSha256Hex, leaves, size),
      Date.UTC(2026, 10, 26));
    // As GET /access-log/entries picks and proves them (webscripts/src/access-log/proofs.ts).
    const picked = all.slice(0, size).map((a, i) => i).filter((i) =>
      auditEntryNodeId(all[i].values ?? {}) === REC);
    const proofs = inclusionProofsHex(nodeSha256Hex, leaves, picked, size);
    log = picked.map((i, k) => ({ seq: i + 1, entry: facts[i], inclusionProof: proofs[k] }));
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const base = memorySource([rec]);
    disc = await DiscFolder.build(dir, { ...base, log,
      logTree: { head, publicKey: signer.publicKey } }, browser);
  });

  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes each entry as hashed, at its position, and proves them all', async () => {
    const lines = (await readFile(join(disc.disc, 'access-log.jsonl'), 'utf8')).trim().split('\n')
      .map((l) => JSON.parse(l) as { seq: number; entry: AuditLeafFacts });
    expect(lines.map((l) => l.seq)).toEqual([3, 8, 13, 18]);
    expect(lines[0].entry).toEqual({ id: '1006', createdAt: '2026-11-25T01:02:00.000Z',
      createdByUser: 'custodian1', values: jasmine.objectContaining({ [K + 'node']: REC }) });
    const { summary, rows } = await disc.check('intact');
    expect(summary).toContain('4 log entries proven');
    expect(rows.filter((r) => r.startsWith('ok access-log.jsonl #')).length).toBe(4);
    expect(rows.some((r) => r.startsWith('ok access-log-tree-head.json') &&
      r.includes('signature valid'))).toBeTrue();
  });

  it('fails one flipped byte in an entry, in a proof hash, in the signature', async () => {
    const entry = await disc.check('entry', flip('access-log.jsonl', (b) =>
      b.indexOf('cm:录像7') + 1));
    expect(entry.summary).toContain('access-log.jsonl #8');
    const bad = entry.rows.filter((r) => r.startsWith('bad'));
    expect(bad.length).toBe(1);
    expect(bad[0]).toContain('access-log.jsonl #8');
    const proof = await disc.check('proof', flip('access-log.jsonl', (b) =>
      b.lastIndexOf('"inclusionProof":["') + 30));
    expect(proof.summary).toContain('access-log.jsonl #18');
    const sig = await disc.check('signature', flip('access-log-tree-head.json', (b) =>
      b.indexOf('"signature":"') + 40));
    expect(sig.rows.some((r) => r.includes('signature INVALID'))).toBeTrue();
    expect(sig.summary).toContain('access-log-tree-head.json');
  });

  it('fails an entry whose position was changed (a row removed before it moves it)', async () => {
    const moved = await disc.check('moved', async (folder) => {
      const path = join(folder, 'access-log.jsonl');
      await writeFile(path, (await readFile(path, 'utf8')).replace('"seq":13', '"seq":12'));
    });
    expect(moved.summary).toContain('access-log.jsonl #12');
  });
});

describe('a disc built by efr worker over REST against server/ proves its log (issue 18)', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let disc: DiscFolder;
  let admin: RestConnection;
  let read: () => ReturnType<typeof restPackageSource>;

  beforeAll(async () => {
    dir = tempDir('log-proof-rest');
    server = await startServer({ dataDir: join(dir, 'data'), port: 0, demo: true,
      demoPassword: 'pw', worker: false });
    admin = { url: server.url, user: 'admin', password: 'admin' };
    const ticket = server.repository.auth.issueTicket(WORKER_USER);
    const worker: RestConnection = { url: server.url, user: WORKER_USER, password: '',
      ticket: () => ticket };
    const signer = loadLogSigner(join(dir, 'deployment'), {});
    const req: RestPackageRequest = { caseNumber: '丹民罚〔2026〕12号', producer: '张丽',
      extractor: '周敏', extractionTime: new Date().toISOString(), medium: 'dvd5', label: 'EFR' };
    // As efr-worker.ts builds a disc: the earliest covering head, one signed when none covers.
    read = () => restPackageSource(admin, req, async () => {
      await restCall(worker, '/alfresco/s/efr/access-log/tree-heads', { method: 'POST',
        body: '{}' });
      await runTreeHeadJobs(worker, signer, 24 * 3600_000, Date.now(), 0);
    });
    const src = await read();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    disc = await DiscFolder.build(dir, src, browser);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('proves every entry of the recordings in verify.html, and fails a flipped byte', async () => {
    const lines = (await readFile(join(disc.disc, 'access-log.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    const { summary, rows } = await disc.check('intact');
    expect(summary).withContext(summary).toContain(`${lines.length} log entries proven`);
    expect(rows.some((r) => r.startsWith('ok access-log-tree-head.json') &&
      r.includes('signature valid'))).toBeTrue();
    const first = JSON.parse(lines[0]) as { seq: number };
    const bad = await disc.check('entry', flip('access-log.jsonl', (b) =>
      b.indexOf('"createdByUser":"') + 18));
    expect(bad.summary).toContain(`access-log.jsonl #${first.seq}`);
  });

  it('names a row removed behind the repository\'s back instead of writing failing proofs',
    async () => {
      const lines = (await readFile(join(disc.disc, 'access-log.jsonl'), 'utf8')).trim()
        .split('\n').map((l) => JSON.parse(l) as { seq: number; entry: { id: string } });
      const gone = lines[0];
      server.repository.db.prepare('DELETE FROM access_log WHERE id = ?')
        .run(Number(gone.entry.id));
      const err = await read().then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(RestError);
      expect((err as RestError).status).toBe(409);
      expect((err as RestError).message).withContext((err as RestError).message)
        .toContain(`position ${gone.seq}`);
    });
});
