/**
 * Canonical JSON of an access-log entry: object keys sorted, no whitespace, UTF-8 text.
 * Mirrors core's `canonicalEntry` so that the same entry hashes the same in Node and Rhino.
 */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map((x) => canonicalJson(x)).join(',')}]`;
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** The hash-chain genesis value: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);
