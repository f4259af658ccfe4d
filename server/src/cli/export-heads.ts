import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  ASIA_SHANGHAI, instantOfLocal, localDateOf, type SignedTreeHead,
} from '../../../core/src/index.js';
import { keyIdOf, listTreeHeads, loadVerifyKey } from '../access-log/tree-heads.js';

/** The document `efr audit export-heads` writes: one day's signed tree heads and the key. */
export interface TreeHeadExport {
  log: 'efr-access';
  /** The China calendar day exported (YYYY-MM-DD), or `all`. */
  day: string;
  /** Raw Ed25519 public key (hex) and its id, so the copy can be checked on its own. */
  publicKey: string | null;
  keyId: string | null;
  heads: SignedTreeHead[];
}

/**
 * The signed tree heads made on one China calendar day (UTC+8; `day` YYYY-MM-DD, default
 * today) or all of them, read-only from a data dir. Undefined `day` text that is not a date
 * throws a RangeError naming it.
 */
export function exportTreeHeads(dataDir: string, day?: string, keyFile?: string,
  now = Date.now()): TreeHeadExport {
  const file = join(dataDir, 'repository.sqlite');
  if (!existsSync(file)) throw new RangeError(`no repository in ${dataDir}`);
  let from = 0;
  let to = Number.MAX_SAFE_INTEGER;
  let label = 'all';
  if (day !== 'all') {
    const d = day === undefined ? localDateOf(now, ASIA_SHANGHAI) : parseDay(day);
    from = instantOfLocal(d, 0, 0, 0, 0, ASIA_SHANGHAI);
    to = from + 86_400_000;
    label = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const publicKey = loadVerifyKey(dataDir, keyFile) ?? null;
    return { log: 'efr-access', day: label, publicKey,
      keyId: publicKey ? keyIdOf(publicKey) : null, heads: listTreeHeads(db, from, to) };
  } finally {
    db.close();
  }
}

function parseDay(text: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const d = m && { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const back = d && new Date(Date.UTC(d.year, d.month - 1, d.day));
  if (!d || !back || back.getUTCDate() !== d.day || back.getUTCMonth() !== d.month - 1) {
    throw new RangeError(`not a date (YYYY-MM-DD): ${text}`);
  }
  return d;
}

/** The export as text to print and sign by hand: one line per head, zh-CN and en. */
export function treeHeadsText(e: TreeHeadExport): string {
  const lines = [
    `访问日志树头 Access-log tree heads · ${e.day}`,
    `公钥 Public key (Ed25519): ${e.publicKey ?? '-'}`,
    `密钥标识 Key id (SHA-256): ${e.keyId ?? '-'}`,
    '',
    '条目数 size | 时间 time (UTC) | 根哈希 root hash | 签名 signature',
  ];
  for (const h of e.heads) {
    lines.push(`${h.treeSize} | ${new Date(h.timestamp).toISOString()} | ${h.rootHash} | ` +
      h.signature);
  }
  if (e.heads.length === 0) lines.push('（当日无树头 no heads that day）');
  lines.push('', '核对人签字 Checked by: ____________  日期 Date: ____________', '');
  return lines.join('\n');
}
