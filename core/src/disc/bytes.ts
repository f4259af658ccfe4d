/**
 * Byte-level helpers shared by the ISO 9660 and UDF encoders: fixed-width integers in the
 * byte orders those standards use, string encoders, CRC-ITU and a small stable hash.
 * Pure functions over Uint8Array so the writer runs unchanged in Node and the browser.
 */

/** Bytes per logical sector / logical block on every medium this writer targets. */
export const SECTOR = 2048;

/** Writes an unsigned 8-bit value. */
export function u8(buf: Uint8Array, off: number, v: number): void {
  buf[off] = v & 0xff;
}

/** Writes an unsigned 16-bit little-endian value. */
export function u16le(buf: Uint8Array, off: number, v: number): void {
  buf[off] = v & 0xff;
  buf[off + 1] = (v >>> 8) & 0xff;
}

/** Writes an unsigned 16-bit big-endian value. */
export function u16be(buf: Uint8Array, off: number, v: number): void {
  buf[off] = (v >>> 8) & 0xff;
  buf[off + 1] = v & 0xff;
}

/** Writes an unsigned 32-bit little-endian value. */
export function u32le(buf: Uint8Array, off: number, v: number): void {
  buf[off] = v & 0xff;
  buf[off + 1] = (v >>> 8) & 0xff;
  buf[off + 2] = (v >>> 16) & 0xff;
  buf[off + 3] = (v >>> 24) & 0xff;
}

/** Writes an unsigned 32-bit big-endian value. */
export function u32be(buf: Uint8Array, off: number, v: number): void {
  buf[off] = (v >>> 24) & 0xff;
  buf[off + 1] = (v >>> 16) & 0xff;
  buf[off + 2] = (v >>> 8) & 0xff;
  buf[off + 3] = v & 0xff;
}

/** Writes an unsigned 64-bit little-endian value (exact up to 2^53). */
export function u64le(buf: Uint8Array, off: number, v: number): void {
  u32le(buf, off, v % 0x100000000);
  u32le(buf, off + 4, Math.floor(v / 0x100000000));
}

/** ISO 9660 "both-byte order" 16-bit field (7.2.3): little-endian then big-endian. */
export function u16both(buf: Uint8Array, off: number, v: number): void {
  u16le(buf, off, v);
  u16be(buf, off + 2, v);
}

/** ISO 9660 "both-byte order" 32-bit field (7.3.3): little-endian then big-endian. */
export function u32both(buf: Uint8Array, off: number, v: number): void {
  u32le(buf, off, v);
  u32be(buf, off + 4, v);
}

/** Writes ASCII text padded with `pad` to `len` bytes (text is assumed already valid). */
export function ascii(buf: Uint8Array, off: number, len: number, text: string, pad = 0x20): void {
  for (let i = 0; i < len; i++) {
    buf[off + i] = i < text.length ? text.charCodeAt(i) & 0x7f : pad;
  }
}

/** Writes raw bytes. */
export function bytes(buf: Uint8Array, off: number, src: Uint8Array): void {
  buf.set(src, off);
}

/** UTF-16 big-endian code units of a string (Joliet's UCS-2 level 3 and UDF's 16-bit d-chars). */
export function utf16be(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) u16be(out, i * 2, text.charCodeAt(i));
  return out;
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a string (Rock Ridge NM names). */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Concatenates small metadata pieces (never file content). */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let len = 0;
  for (const p of parts) len += p.length;
  const out = new Uint8Array(len);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

const CRC_TABLE = buildCrcTable();

function buildCrcTable(): Uint16Array {
  const table = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n << 8;
    for (let k = 0; k < 8; k++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff;
    table[n] = c;
  }
  return table;
}

/**
 * CRC-ITU-T (polynomial x^16 + x^12 + x^5 + 1, initial value 0, no reflection), the descriptor
 * CRC of ECMA-167 7.2.6.
 */
export function crcItu(data: Uint8Array, start: number, end: number): number {
  let crc = 0;
  for (let i = start; i < end; i++) {
    crc = ((crc << 8) & 0xffff) ^ CRC_TABLE[((crc >>> 8) ^ data[i]) & 0xff];
  }
  return crc;
}

/**
 * 32-bit FNV-1a over the UTF-8 bytes of a string. Used only for stable, short name suffixes
 * and the UDF volume-set id, where collision resistance against an adversary is not needed
 * (payload integrity is the packager's SHA-256).
 */
export function fnv1a32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (const b of utf8(text)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Lower-case hex of a 32-bit value, zero-padded to 8 digits. */
export function hex32(v: number): string {
  return (v >>> 0).toString(16).padStart(8, '0');
}

/** Number of whole sectors needed for `n` bytes. */
export function sectorsFor(n: number): number {
  return Math.ceil(n / SECTOR);
}
