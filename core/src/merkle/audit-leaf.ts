/**
 * The leaf of the access log's Merkle tree in both hosts (issue 18): an `efr-access` audit entry
 * as the public REST API answers it (`GET /audit-applications/efr-access/audit-entries
 * ?include=values`, alfresco-core.yaml AuditEntry: id, createdAt, createdByUser, values). One
 * definition, so the worker's tree over ACS's audit entries, server/'s stored tree, the module's
 * verification and the disc's proofs are the same tree:
 *
 *   leaf data = UTF-8(canonicalJson({ id, createdAt, createdByUser, values }))
 *
 * with `createdAt` as the UTC instant `yyyy-MM-ddTHH:mm:ss.SSSZ` (ACS writes `…+0000`),
 * `createdByUser` the user id (not the display name, which changes when a person is renamed)
 * and `values` every value as text. Each column of an audit row is in it: a changed id, time,
 * user or value changes the leaf; a removed or reordered row moves every later leaf, so the
 * root differs from the signed head.
 *
 * Leaves are numbered by position (entries in id order), not by id: ACS numbers audit entries
 * of every application from one sequence (alf_audit_entry), so efr-access's ids have gaps.
 */
import { canonicalJson } from '../access-log.js';
import { leafHash, type Sha256 } from './merkle-tree.js';
import { ACCESS_AUDIT_PREFIX, utf8Array, type LogEntryFacts } from './log-tree.js';

/** An audit entry as the REST API answers it (the fields the leaf reads). */
export interface RestAuditEntry {
  readonly id: string | number;
  readonly createdAt: string;
  readonly createdByUser?: { readonly id?: string } | null;
  readonly values?: Readonly<Record<string, unknown>> | null;
}

/** What a leaf covers, normalized. */
export interface AuditLeafFacts {
  readonly id: string;
  readonly createdAt: string;
  readonly createdByUser: string;
  readonly values: Readonly<Record<string, string>>;
}

function pad(n: number, width: number): string {
  let s = String(n);
  while (s.length < width) s = '0' + s;
  return s;
}

/**
 * An ISO 8601 date-time with an offset (`Z`, `+0000`, `+08:00`) as the UTC instant
 * `yyyy-MM-ddTHH:mm:ss.SSSZ`; undefined when it is not one. Parsed by hand: Rhino's Date.parse
 * does not read `+0000`.
 */
export function utcInstant(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|([+-])(\d{2}):?(\d{2}))$/
    .exec(text);
  if (!m) return undefined;
  const ms = m[7] ? Math.floor(Number('0' + m[7]) * 1000 + 1e-6) : 0;
  let t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]),
    Number(m[6]), ms);
  if (m[8] !== 'Z') t -= (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11])) * 60000;
  if (!isFinite(t)) return undefined;
  const d = new Date(t);
  return pad(d.getUTCFullYear(), 4) + '-' + pad(d.getUTCMonth() + 1, 2) + '-' +
    pad(d.getUTCDate(), 2) + 'T' + pad(d.getUTCHours(), 2) + ':' + pad(d.getUTCMinutes(), 2) +
    ':' + pad(d.getUTCSeconds(), 2) + '.' + pad(d.getUTCMilliseconds(), 3) + 'Z';
}

/**
 * The covered facts of an audit entry; undefined when it is not one (id not a positive integer,
 * no date-time, no user, a value that is not text, number or boolean). A null value is left
 * out, as JSON carries none for a missing one.
 */
export function auditLeafFacts(a: RestAuditEntry): AuditLeafFacts | undefined {
  if (typeof a !== 'object' || a === null) return undefined;
  const id = String(a.id);
  if (!/^[1-9][0-9]{0,18}$/.test(id)) return undefined;
  const createdAt = utcInstant(a.createdAt);
  const user = a.createdByUser ? a.createdByUser.id : undefined;
  if (createdAt === undefined || typeof user !== 'string' || user === '') return undefined;
  const values: Record<string, string> = {};
  const v = a.values || {};
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i++) {
    const x = v[keys[i]];
    if (x === null || x === undefined) continue;
    if (typeof x !== 'string' && typeof x !== 'number' && typeof x !== 'boolean') return undefined;
    values[keys[i]] = String(x);
  }
  return { id, createdAt, createdByUser: user, values };
}

/**
 * Whether a value is the covered facts of an audit entry as written (an evidence disc's
 * access-log extract carries each entry so): exactly id, createdAt, createdByUser and values,
 * the id a positive integer, createdAt already the UTC instant, the user and every value text.
 * The leaf hash is then computed from the entry as written, never from a reading of it.
 */
export function isAuditLeafFacts(v: unknown): v is AuditLeafFacts {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const f = v as Record<string, unknown>;
  const keys = Object.keys(f).sort();
  if (keys.join(',') !== 'createdAt,createdByUser,id,values') return false;
  if (typeof f.id !== 'string' || !/^[1-9][0-9]{0,18}$/.test(f.id)) return false;
  if (typeof f.createdAt !== 'string' || utcInstant(f.createdAt) !== f.createdAt) return false;
  if (typeof f.createdByUser !== 'string' || f.createdByUser === '') return false;
  const values = f.values;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return false;
  const names = Object.keys(values);
  for (let i = 0; i < names.length; i++) {
    if (typeof (values as Record<string, unknown>)[names[i]] !== 'string') return false;
  }
  return true;
}

/**
 * The node an access-log audit entry is about, by id: server/'s `/efr-access/nodeId`, ACS's
 * `/efr-access/transaction/node` (efr-audit.xml; a NodeRef, which the REST API writes as its
 * id); null when it names none.
 */
export function auditEntryNodeId(values: Readonly<Record<string, unknown>>): string | null {
  const v = values[ACCESS_AUDIT_PREFIX + 'nodeId'] !== undefined
    ? values[ACCESS_AUDIT_PREFIX + 'nodeId'] : values[ACCESS_AUDIT_PREFIX + 'transaction/node'];
  if (typeof v !== 'string' || v === '') return null;
  return v.substring(v.lastIndexOf('/') + 1);
}

/** The leaf data's text: the canonical JSON of the covered facts. */
export function auditLeafText(f: AuditLeafFacts): string {
  return canonicalJson({ id: f.id, createdAt: f.createdAt, createdByUser: f.createdByUser,
    values: f.values });
}

/** The RFC 9162 leaf hash of an audit entry: SHA-256(0x00 || UTF-8(canonical JSON)). */
export function auditLeafHash(sha: Sha256, f: AuditLeafFacts): Uint8Array {
  return leafHash(sha, utf8Array(auditLeafText(f)));
}

/** An access-log entry of server/ with its chain link (the link is part of the entry). */
export interface LinkedLogEntry extends LogEntryFacts {
  readonly prevHash?: string;
  readonly hash?: string;
}

/**
 * The audit entry server/ serves for one of its chained log entries (the REST API's shape,
 * written once: server/'s audit routes answer it, its stored tree hashes it): the entry's seq
 * as id, its time, its user, and its facts under `/efr-access/`: action, user, nodeId, each
 * value, and the chain link (prevHash, hash).
 */
export function accessAuditEntryOf(e: LinkedLogEntry):
  { id: string; createdAt: string; createdByUser: { id: string }; values: Record<string, string> } {
  const v: Record<string, string> = {};
  v[ACCESS_AUDIT_PREFIX + 'action'] = e.action;
  v[ACCESS_AUDIT_PREFIX + 'user'] = e.user;
  if (e.nodeId) v[ACCESS_AUDIT_PREFIX + 'nodeId'] = e.nodeId;
  const keys = Object.keys(e.values);
  for (let i = 0; i < keys.length; i++) v[ACCESS_AUDIT_PREFIX + keys[i]] = e.values[keys[i]];
  if (typeof e.prevHash === 'string') v[ACCESS_AUDIT_PREFIX + 'prevHash'] = e.prevHash;
  if (typeof e.hash === 'string') v[ACCESS_AUDIT_PREFIX + 'hash'] = e.hash;
  return { id: e.id, createdAt: e.at, createdByUser: { id: e.user }, values: v };
}

/**
 * The leaf hash of one of server/'s log entries: the leaf of the audit entry it is served as
 * ({@link accessAuditEntryOf}), so a proof from server/'s stored tree verifies against a head the
 * worker made over the REST API, and the other way round.
 */
export function logLeafHash(sha: Sha256, e: LinkedLogEntry): Uint8Array {
  return auditLeafHash(sha, auditLeafFacts(accessAuditEntryOf(e)) as AuditLeafFacts);
}

// --- the tree's state between heads (the worker extends it) ---

/**
 * A frontier (the roots of the complete subtrees, largest first) as text, stored with each
 * tree head so the next head extends it: `level:hex` joined by `,`. Small: one pair per set bit
 * of the size (20 at a million entries).
 */
export function frontierText(f: { hashes: Uint8Array[]; levels: number[] }): string {
  const parts: string[] = [];
  for (let i = 0; i < f.hashes.length; i++) {
    let hex = '';
    const h = f.hashes[i];
    for (let j = 0; j < h.length; j++) hex += (h[j] < 16 ? '0' : '') + h[j].toString(16);
    parts.push(f.levels[i] + ':' + hex);
  }
  return parts.join(',');
}

/**
 * Whether a frontier's text fits a tree of `size` leaves: levels strictly decreasing (largest
 * first) whose powers of two sum to size (the set bits of size), each hash 32 bytes of hex.
 * Strings only: the module's web scripts check it in Rhino, which has no typed arrays.
 */
export function frontierTextFits(size: number, text: unknown): boolean {
  if (!(size >= 0 && Math.floor(size) === size) || typeof text !== 'string') return false;
  const parts = text === '' ? [] : text.split(',');
  let rest = size;
  let previous = 64;
  for (let i = 0; i < parts.length; i++) {
    const m = /^(\d{1,2}):[0-9a-f]{64}$/.exec(parts[i]);
    if (!m || Number(m[1]) >= previous) return false;
    previous = Number(m[1]);
    rest -= Math.pow(2, previous);
  }
  return rest === 0;
}

/** The frontier of a tree of `size` leaves from its text; undefined when it does not fit. */
export function frontierOfText(size: number, text: string):
  { size: number; hashes: Uint8Array[]; levels: number[] } | undefined {
  if (!frontierTextFits(size, text)) return undefined;
  const hashes: Uint8Array[] = [];
  const levels: number[] = [];
  const parts = text === '' ? [] : text.split(',');
  for (let i = 0; i < parts.length; i++) {
    const [level, hex] = parts[i].split(':');
    const h = new Uint8Array(32);
    for (let j = 0; j < 32; j++) h[j] = parseInt(hex.substr(j * 2, 2), 16);
    hashes.push(h);
    levels.push(Number(level));
  }
  return { size, hashes, levels };
}
