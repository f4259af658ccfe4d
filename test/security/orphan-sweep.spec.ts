/**
 * Issue 16, item 9 (server/): stored files that no node references (a process killed between
 * storing the bytes and committing the row) are removed at start, and the sweep is logged with
 * its count. Referenced content is never touched.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startInProcess, tempDir } from '../support/server-harness.js';

function storedFiles(dataDir: string): string[] {
  const root = join(dataDir, 'content');
  const out: string[] = [];
  for (const a of readdirSync(root)) {
    if (a === 'tmp') continue;
    for (const b of readdirSync(join(root, a))) out.push(...readdirSync(join(root, a, b)));
  }
  return out.sort();
}

describe('orphaned content is swept at start (issue 16)', () => {
  it('removes unreferenced files, keeps referenced ones, logs the count', async () => {
    const dataDir = tempDir('orphans');
    try {
      let s = await startInProcess({ dataDir, demo: true });
      await s.close();
      const referenced = storedFiles(dataDir);
      expect(referenced.length).toBeGreaterThan(0);
      const orphans = ['killed upload 1', 'killed upload 2', 'killed upload 3'].map((text) => {
        const sha = createHash('sha256').update(text).digest('hex');
        const dir = join(dataDir, 'content', sha.slice(0, 2), sha.slice(2, 4));
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, sha), text);
        return sha;
      });
      s = await startInProcess({ dataDir, demo: true });
      await s.close();
      expect(storedFiles(dataDir)).toEqual(referenced);
      for (const sha of orphans) {
        expect(existsSync(join(dataDir, 'content', sha.slice(0, 2), sha.slice(2, 4), sha)))
          .toBeFalse();
      }
      const db = new Database(join(dataDir, 'repository.sqlite'), { readonly: true });
      const rows = db.prepare("SELECT entry_json FROM access_log WHERE action = 'store.orphansRemoved'")
        .all() as { entry_json: string }[];
      db.close();
      expect(rows.map((r) => JSON.parse(r.entry_json).values.files)).toEqual(['3']);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
