import { createHash } from 'node:crypto';
import type { Db } from '../db/database.js';
import { canonicalJson, chainInput, GENESIS_HASH } from '../../../core/src/index.js';
import { appendToTree } from './log-tree.js';

/** What an access-log entry records. */
export interface AccessLogInput {
  /** Who acted (user id). */
  user: string;
  /** What happened: `read`, `range`, `download`, `refused`, `create`, `update`, `seal`… */
  action: string;
  /** The node concerned, if any. */
  nodeId?: string | null;
  /** Further facts as text (why, request id, range, rule code…). */
  values?: Record<string, string>;
}

/** One stored entry. */
export interface AccessLogEntry {
  /** Entry id: the sequence number as text (core's ChainedEntry id). */
  id: string;
  seq: number;
  at: string;
  user: string;
  action: string;
  nodeId: string | null;
  values: Record<string, string>;
}

/** A stored row with its chain fields. */
export interface AccessLogRow extends AccessLogEntry {
  prevHash: string;
  hash: string;
}

/** SHA-256 hex of text (UTF-8). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The chain hash of an entry, as core defines it: SHA-256 of `prevHash + "\n" + canonical`. */
export function chainHash(prevHash: string, entry: AccessLogEntry): string {
  return sha256Hex(chainInput(prevHash, entry as unknown as Record<string, unknown>));
}

/**
 * Appends an entry to the hash-chained access log and its Merkle tree (log-tree.ts). Must run
 * inside the caller's transaction so that the entry commits (or rolls back) with the change it
 * records.
 */
export function appendAccessLog(db: Db, input: AccessLogInput, now = Date.now()): AccessLogRow {
  const last = db.prepare('SELECT id, hash FROM access_log ORDER BY id DESC LIMIT 1').get() as
    | { id: number; hash: string }
    | undefined;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const seq = (last?.id ?? 0) + 1;
  const entry: AccessLogEntry = {
    id: String(seq),
    seq,
    at: new Date(now).toISOString(),
    user: input.user,
    action: input.action,
    nodeId: input.nodeId ?? null,
    values: input.values ?? {},
  };
  const hash = chainHash(prevHash, entry);
  db.prepare(
    `INSERT INTO access_log (id, created_at, user_id, action, node_id, entry_json,
    prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)`,
  ).run(seq, now, entry.user, entry.action, entry.nodeId, canonicalJson(entry), prevHash, hash);
  const row = { ...entry, prevHash, hash };
  anchorHead(db, row);
  appendToTree(db, row);
  return row;
}

interface RawLog {
  id: number;
  entry_json: string;
  prev_hash: string;
  hash: string;
}

/** Parses a stored row. */
export function parseLogRow(r: RawLog): AccessLogRow {
  const e = JSON.parse(r.entry_json) as AccessLogEntry;
  return { ...e, prevHash: r.prev_hash, hash: r.hash };
}

/** Result of verifying the chain (core's ChainCheck plus the count and a numeric id). */
export type ChainCheck =
  | { ok: true; count: number }
  | { ok: false; index: number; id: number; reason: string };

/**
 * Verifies the whole chain in storage order: each entry's seq equals its row id and follows
 * the previous one, its prevHash equals the previous hash, and its hash recomputes. Editing,
 * deleting or reordering any row breaks one of these.
 */
export function verifyChain(db: Db): ChainCheck {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let index = 0;
  const rows = db
    .prepare('SELECT id, entry_json, prev_hash, hash FROM access_log ORDER BY id')
    .iterate() as IterableIterator<RawLog>;
  for (const r of rows) {
    let e: AccessLogEntry;
    try {
      e = JSON.parse(r.entry_json) as AccessLogEntry;
    } catch {
      return { ok: false, index, id: r.id, reason: 'entry is not valid JSON' };
    }
    if (r.id !== expectedSeq || e.seq !== r.id || e.id !== String(r.id)) {
      return {
        ok: false,
        index,
        id: r.id,
        reason: `sequence gap or reorder: expected ${expectedSeq}`,
      };
    }
    if (r.prev_hash !== prev)
      return { ok: false, index, id: r.id, reason: 'previous hash mismatch' };
    if (canonicalJson(e) !== r.entry_json) {
      return { ok: false, index, id: r.id, reason: 'entry is not in canonical form' };
    }
    if (chainHash(prev, e) !== r.hash)
      return { ok: false, index, id: r.id, reason: 'hash mismatch' };
    prev = r.hash;
    expectedSeq++;
    index++;
  }
  // Deleting the newest rows leaves a valid prefix; the anchor in meta catches that.
  const anchor = db.prepare("SELECT value FROM meta WHERE key = 'access_log_head'").get() as
    | { value: string }
    | undefined;
  if (anchor) {
    const [seqText, hash] = anchor.value.split(':');
    if (Number(seqText) > index) {
      return {
        ok: false,
        index,
        id: Number(seqText),
        reason: 'entries missing at the end of the log',
      };
    }
    const row = db.prepare('SELECT hash FROM access_log WHERE id = ?').get(Number(seqText)) as
      | { hash: string }
      | undefined;
    if (row && row.hash !== hash) {
      return {
        ok: false,
        index: Number(seqText) - 1,
        id: Number(seqText),
        reason: 'head anchor mismatch',
      };
    }
  }
  return { ok: true, count: index };
}

/** Records the current head (seq:hash) in meta, in the same transaction as the append. */
export function anchorHead(db: Db, row: AccessLogRow): void {
  db.prepare(
    `INSERT INTO meta (key, value) VALUES ('access_log_head', ?)
    ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
  ).run(`${row.seq}:${row.hash}`);
}
