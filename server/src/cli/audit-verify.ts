import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { verifyChain, type ChainCheck } from '../access-log/access-log.js';

/**
 * Verifies the access-log hash chain of a data dir (read-only). Resolves to
 * `{ ok: true, count }` or `{ ok: false, index, id, reason }` naming the first broken entry.
 * Wired as `npx efr audit verify [--data dir]` by bin/efr-cli.ts.
 */
export async function verifyAccessLog(dataDir: string): Promise<ChainCheck> {
  const file = join(dataDir, 'repository.sqlite');
  if (!existsSync(file))
    return { ok: false, index: 0, id: 0, reason: `no repository in ${dataDir}` };
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return verifyChain(db);
  } finally {
    db.close();
  }
}
