/**
 * The evidence disc's access-log extract with RFC 9162 inclusion proofs against a signed tree
 * head (issue 18): verify.html, opened from a built disc's files in Chromium, proves every
 * entry offline (hash-wasm SHA-256 through core's checker, WebCrypto Ed25519 for the head) and
 * fails after one flipped byte in the extract or in the head's signature.
 */
import { mkdir, readFile, rm, writeFile, cp } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { appendAccessLog, parseLogRow } from '../../server/src/access-log/access-log.js';
import { loadLogSigner, provenExtract } from '../../server/src/access-log/tree-heads.js';
import { openDatabase } from '../../server/src/db/database.js';
import { writeImageFile } from '../../server/src/evidence/disc-cli.js';
import { preparePackage } from '../../server/src/evidence/package-image.js';
import { tempDir } from '../support/server-harness.js';
import { generatedRecording, memorySource, tool } from './support.js';

describe('evidence disc access-log proofs in verify.html (issue 18)', () => {
  let dir: string;
  let disc: string;
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
    const image = join(dir, 'disc.iso');
    await writeImageFile((await preparePackage({ ...memorySource([rec]), ...proven })).stream(),
      image);
    disc = join(dir, 'disc');
    await mkdir(disc, { recursive: true });
    await tool('7z', ['x', `-o${disc}`, image]);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'] });
  });

  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** A copy of the disc folder with `change` applied, checked in verify.html. */
  async function check(name: string, change?: (folder: string) => Promise<void>):
    Promise<{ summary: string; rows: string[] }> {
    const folder = join(dir, name, 'EFR_DISC');
    await cp(disc, folder, { recursive: true });
    await change?.(folder);
    const page = await browser.newPage();
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

  const flip = (file: string, at: (bytes: Buffer) => number) => async (folder: string) => {
    const path = join(folder, file);
    const bytes = await readFile(path);
    bytes[at(bytes)] ^= 0x01;
    await writeFile(path, bytes);
  };

  it('proves every extract entry against the signed head offline', async () => {
    const { summary, rows } = await check('intact');
    expect(summary).toContain('All 1 files match');
    expect(summary).toContain('10 log entries proven');
    expect(rows.filter((r) => r.startsWith('ok access-log.jsonl #')).length).toBe(10);
    expect(rows.some((r) => r.startsWith('ok access-log-tree-head.json') &&
      r.includes('signature valid'))).toBeTrue();
  });

  it('fails the entry whose line has one flipped byte', async () => {
    const text = (await readFile(join(disc, 'access-log.jsonl'), 'utf8')).split('\n');
    const { summary, rows } = await check('entry', flip('access-log.jsonl', (b) =>
      b.indexOf('调阅 8') + 1));
    expect(text[2]).toContain('"seq":9');
    expect(summary).toContain('Problem');
    expect(summary).toContain('access-log.jsonl #9');
    expect(rows.filter((r) => r.startsWith('bad')).length).toBe(1);
  });

  it('fails a flipped byte in a proof hash', async () => {
    const { summary } = await check('proof', flip('access-log.jsonl', (b) =>
      b.indexOf('"inclusionProof":["') + 20));
    expect(summary).toContain('access-log.jsonl #1');
  });

  it('fails the head after one flipped byte of its signature or root', async () => {
    const sig = await check('signature', flip('access-log-tree-head.json', (b) =>
      b.indexOf('"signature":"') + 14));
    expect(sig.summary).toContain('access-log-tree-head.json');
    expect(sig.rows.some((r) => r.includes('signature INVALID'))).toBeTrue();
    const root = await check('root', flip('access-log-tree-head.json', (b) =>
      b.indexOf('"rootHash":"') + 13));
    expect(root.summary).toContain('access-log-tree-head.json');
    expect(root.rows.some((r) => r.startsWith('ok access-log'))).toBeFalse();
  });
});
