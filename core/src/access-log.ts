/**
 * The pure part of the tamper-evident access log: canonical text of an entry, the text each
 * link hashes, and chain verification. The hash function is passed in (Node: crypto; Rhino:
 * java.security.MessageDigest), so core stays free of I/O and engines.
 *
 * Link: `hash = sha256hex(chainInput(prevHash, entry))` where `chainInput` is
 * `prevHash + "\n" + canonicalEntry(entry without its prevHash and hash fields)` and the first
 * entry's prevHash is {@link GENESIS_HASH}. The hash is computed over the UTF-8 bytes of that
 * text (the caller's sha256hex must encode UTF-8).
 */

/** A JSON value as stored in a log entry. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

/** An entry of the chain: any JSON object with an id and its two hashes. */
export interface ChainedEntry {
  /** Entry id. */
  id: string;
  /** Hash of the previous entry ({@link GENESIS_HASH} for the first). */
  prevHash: string;
  /** Hash of this entry. */
  hash: string;
  /** The recorded facts (who, what, when, why, under which request, outcome). */
  [key: string]: JsonValue;
}

/** prevHash of the first entry: 64 zeros. */
export const GENESIS_HASH = '0000000000000000000000000000000000000000000000000000000000000000';

/** Fields left out of the hashed text (the link itself). */
export const CHAIN_FIELDS: readonly string[] = ['prevHash', 'hash'];

const HEX = '0123456789abcdef';

function quote(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ch = text.charAt(i);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c === 8) out += '\\b';
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 12) out += '\\f';
    else if (c === 13) out += '\\r';
    else if (c < 0x20 || isLoneSurrogate(text, i)) out += '\\u' + hex4(c);
    else out += ch;
  }
  return out + '"';
}

function isLoneSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    return !(d >= 0xdc00 && d <= 0xdfff);
  }
  if (c >= 0xdc00 && c <= 0xdfff) {
    const b = i > 0 ? text.charCodeAt(i - 1) : 0;
    return !(b >= 0xd800 && b <= 0xdbff);
  }
  return false;
}

function hex4(c: number): string {
  return HEX.charAt((c >> 12) & 15) + HEX.charAt((c >> 8) & 15) + HEX.charAt((c >> 4) & 15) +
    HEX.charAt(c & 15);
}

/**
 * Stable JSON of a value: object keys sorted by UTF-16 code units, no white space, strings
 * escaped like ES2019 `JSON.stringify` (control characters and lone surrogates as \uXXXX, all
 * other characters as themselves), `undefined` members left out. Written out by hand because
 * engines differ on lone surrogates and key order is not JSON's concern. Throws on non-finite
 * numbers, which JSON cannot carry.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!isFinite(value)) throw new RangeError('non-finite number in a log entry');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return '[' + value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',') + ']';
  }
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    return '{' + keys.map((k) => quote(k) + ':' + canonicalJson(obj[k])).join(',') + '}';
  }
  throw new TypeError('cannot put a ' + typeof value + ' in a log entry');
}

/** Canonical text of an entry without its link fields (prevHash, hash). */
export function canonicalEntry(entry: Readonly<Record<string, unknown>>): string {
  const copy: Record<string, unknown> = {};
  for (const k of Object.keys(entry)) {
    if (CHAIN_FIELDS.indexOf(k) < 0) copy[k] = entry[k];
  }
  return canonicalJson(copy);
}

/** The text whose SHA-256 is an entry's hash. */
export function chainInput(prevHash: string, entry: Readonly<Record<string, unknown>>): string {
  return prevHash + '\n' + canonicalEntry(entry);
}

/** Result of {@link verifyChain}. */
export type ChainCheck =
  | { ok: true }
  | { ok: false; index: number; id: string; reason: string };

/**
 * Verifies a chain in order and names the first broken entry: a prevHash that does not equal
 * the previous entry's hash (an entry removed, inserted or reordered), or a hash that does not
 * match the entry's content (an entry edited). A chain cut at its end cannot be detected here;
 * that needs a stored checkpoint of the last hash.
 */
export function verifyChain(
  entries: readonly Readonly<Record<string, unknown>>[],
  sha256hex: (text: string) => string,
  startPrevHash: string = GENESIS_HASH,
): ChainCheck {
  let prev = startPrevHash;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const id = e.id === undefined || e.id === null ? String(i) : String(e.id);
    if (e.prevHash !== prev) {
      return { ok: false, index: i, id, reason: 'prevHash does not match the previous entry' };
    }
    const expected = sha256hex(chainInput(prev, e)).toLowerCase();
    if (typeof e.hash !== 'string' || e.hash.toLowerCase() !== expected) {
      return { ok: false, index: i, id, reason: 'hash does not match the entry content' };
    }
    prev = e.hash;
  }
  return { ok: true };
}

/** Completes an entry with its link fields, given the previous hash. */
export function linkEntry<T extends Readonly<Record<string, unknown>>>(
  prevHash: string,
  entry: T,
  sha256hex: (text: string) => string,
): T & { prevHash: string; hash: string } {
  const hash = sha256hex(chainInput(prevHash, entry)).toLowerCase();
  return Object.assign({}, entry, { prevHash, hash });
}
