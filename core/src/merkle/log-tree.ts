/**
 * The access log as an RFC 9162 Merkle tree (issue 18): what a leaf is, what a signed tree
 * head signs, and the checks an auditor runs over entries, heads and proofs. Used by server/
 * (the tree beside the hash chain, `efr audit verify`), by the REST verifier over
 * `efr-access` audit entries, and bundled into the disc's verify.html.
 *
 * Leaf data: the audit entry the entry is served as over the REST API (./audit-leaf.ts), the
 * same in both hosts.
 */
import { utf8Bytes } from '../prng.js';
import { sameHash, type Sha256 } from './merkle-tree.js';

/** The facts of one access-log entry (what the chain and the tree cover). */
export interface LogEntryFacts {
  readonly id: string;
  readonly seq: number;
  readonly at: string;
  readonly user: string;
  readonly action: string;
  readonly nodeId: string | null;
  readonly values: Readonly<Record<string, string>>;
}

/** A tree head as stored and exported: size, root and when, signed with Ed25519. */
export interface SignedTreeHead {
  /** Number of entries covered (entries seq 1..treeSize). */
  readonly treeSize: number;
  /** Milliseconds since the epoch when the head was made. */
  readonly timestamp: number;
  /** MTH of the first treeSize entries, lower-case hex. */
  readonly rootHash: string;
  /** Ed25519 signature over {@link treeHeadMessage}, lower-case hex. */
  readonly signature: string;
  /** SHA-256 of the raw 32-byte public key, lower-case hex (which key signed). */
  readonly keyId: string;
}

const HEX = '0123456789abcdef';

/** Lower-case hex of bytes. */
export function bytesToHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX.charAt(bytes[i] >> 4) + HEX.charAt(bytes[i] & 15);
  return s;
}

/** Bytes of hex text; undefined when the text is not even-length hex. */
export function hexToBytes(hex: string): Uint8Array | undefined {
  if (typeof hex !== 'string' || hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    return undefined;
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
  return out;
}

/** UTF-8 bytes of text as a Uint8Array (lone surrogates as U+FFFD, as TextEncoder does). */
export function utf8Array(text: string): Uint8Array {
  return new Uint8Array(utf8Bytes(text));
}

/** Only the covered facts of an entry, in the shape the chain hashes. */
export function logEntryFacts(e: LogEntryFacts): LogEntryFacts {
  return { id: e.id, seq: e.seq, at: e.at, user: e.user, action: e.action,
    nodeId: e.nodeId, values: e.values };
}

function uint64(out: number[], n: number): void {
  const bytes: number[] = [];
  let x = n;
  for (let i = 0; i < 8; i++) {
    bytes.unshift(x % 256);
    x = Math.floor(x / 256);
  }
  for (let i = 0; i < 8; i++) out.push(bytes[i]);
}

/**
 * The bytes a tree head signature covers: RFC 9162 §4.9 TreeHeadDataV2 in TLS encoding,
 * `uint64 timestamp; uint64 tree_size; opaque root_hash<32..255>; Extension extensions<0..2^16-1>`
 * with no extensions. Undefined when the head's fields are out of range.
 */
export function treeHeadMessage(head: { treeSize: number; timestamp: number; rootHash: string }):
  Uint8Array | undefined {
  const root = hexToBytes(head.rootHash);
  if (!root || root.length !== 32) return undefined;
  if (!isCount(head.treeSize) || !isCount(head.timestamp)) return undefined;
  const out: number[] = [];
  uint64(out, head.timestamp);
  uint64(out, head.treeSize);
  out.push(root.length);
  for (let i = 0; i < root.length; i++) out.push(root[i]);
  out.push(0, 0);
  return new Uint8Array(out);
}

function isCount(n: unknown): n is number {
  return typeof n === 'number' && isFinite(n) && n >= 0 && Math.floor(n) === n &&
    n <= 9007199254740991;
}

/** Whether a value has the shape of a signed tree head (not whether it verifies). */
export function isSignedTreeHead(v: unknown): v is SignedTreeHead {
  if (typeof v !== 'object' || v === null) return false;
  const h = v as Record<string, unknown>;
  return isCount(h.treeSize) && isCount(h.timestamp) && typeof h.rootHash === 'string' &&
    /^[0-9a-f]{64}$/.test(h.rootHash) && typeof h.signature === 'string' &&
    /^[0-9a-f]{128}$/.test(h.signature) && typeof h.keyId === 'string' &&
    /^[0-9a-f]{64}$/.test(h.keyId);
}

/** Audit-entry value keys of the access log in the ACS audit API (`/efr-access/<name>`). */
export const ACCESS_AUDIT_PREFIX = '/efr-access/';

/** The keys of an audit entry's values that are not entry values. */
const RESERVED_VALUES = ['action', 'user', 'nodeId', 'at', 'prevHash', 'hash'];

/** An entry of `GET /audit-applications/efr-access/audit-entries?include=values`. */
export interface AccessAuditEntry {
  readonly id: string;
  readonly createdAt: string;
  readonly values?: Readonly<Record<string, string>>;
}

/**
 * The logged facts of an `efr-access` audit entry as the REST API returns it: seq and id from
 * the entry id, `at` from `/efr-access/at` (or createdAt in ISO form), the rest from the
 * `/efr-access/…` values. Undefined when the entry lacks what the log records.
 */
export function factsOfAuditEntry(a: AccessAuditEntry):
  { facts: LogEntryFacts; prevHash?: string; hash?: string } | undefined {
  const v = a.values;
  if (!v || !/^[1-9][0-9]*$/.test(String(a.id))) return undefined;
  const get = (k: string): string | undefined => v[ACCESS_AUDIT_PREFIX + k];
  const action = get('action');
  const user = get('user');
  const at = get('at') ?? isoOfAcsDate(a.createdAt);
  if (action === undefined || user === undefined || at === undefined) return undefined;
  const values: Record<string, string> = {};
  const keys = Object.keys(v).sort();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k.indexOf(ACCESS_AUDIT_PREFIX) !== 0) continue;
    const name = k.slice(ACCESS_AUDIT_PREFIX.length);
    if (RESERVED_VALUES.indexOf(name) < 0) values[name] = v[k];
  }
  const facts: LogEntryFacts = { id: String(a.id), seq: Number(a.id), at, user, action,
    nodeId: get('nodeId') ?? null, values };
  return { facts, prevHash: get('prevHash'), hash: get('hash') };
}

/** `2026-12-07T10:00:00.000+0000` → `2026-12-07T10:00:00.000Z` (UTC only). */
function isoOfAcsDate(text: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})(\+0000|\+00:00|Z)$/.exec(text);
  return m ? m[1] + 'Z' : undefined;
}

/** Whether two hex hashes are equal (case-insensitive). */
export function sameHex(a: string, b: Uint8Array): boolean {
  return sameHash(hexToBytes(a), b);
}

/** A byte SHA-256 as the hex one the tree's portable code takes (./hex-tree.ts). */
export function hexSha256Of(sha: Sha256): (hexBytes: string) => string {
  return (hex) => bytesToHex(sha(hexToBytes(hex) as Uint8Array));
}
