/**
 * ECMA-167 / OSTA UDF 1.02 building blocks: descriptor tags with their checksum and CRC-ITU,
 * entity identifiers (regid), character set specifications and d-strings.
 */
import { crcItu, u16le, u32le } from './bytes.js';

/** UDF revision written everywhere a revision is recorded (1.02: the widest read support). */
export const UDF_REVISION = 0x0102;
/** Descriptor version for NSR02 volumes (ECMA-167 2nd edition, as UDF 1.02 requires). */
export const DESCRIPTOR_VERSION = 2;
/** Tag serial number: one value for the whole volume (UDF 2.2.1.1 allows any fixed value). */
const TAG_SERIAL = 1;

/** ECMA-167 tag identifiers used here. */
export const TagId = {
  primaryVolume: 1,
  anchor: 2,
  implementationUse: 4,
  partition: 5,
  logicalVolume: 6,
  unallocatedSpace: 7,
  terminating: 8,
  integrity: 9,
  fileSet: 256,
  fileIdentifier: 257,
  fileEntry: 261,
} as const;

/**
 * Completes the 16-byte tag at `off` for a descriptor whose body (after the tag) is
 * `bodyLength` bytes: descriptor CRC over the body, then the tag checksum (ECMA-167 3/7.2).
 * `location` is the sector (volume structures) or partition block (file structures) holding it.
 */
export function finishTag(
  buf: Uint8Array, off: number, id: number, location: number, bodyLength: number,
): void {
  u16le(buf, off, id);
  u16le(buf, off + 2, DESCRIPTOR_VERSION);
  buf[off + 5] = 0;
  u16le(buf, off + 6, TAG_SERIAL);
  u16le(buf, off + 8, crcItu(buf, off + 16, off + 16 + bodyLength));
  u16le(buf, off + 10, bodyLength);
  u32le(buf, off + 12, location);
  let sum = 0;
  for (let i = 0; i < 16; i++) if (i !== 4) sum += buf[off + i];
  buf[off + 4] = sum & 0xff;
}

/** Kinds of regid suffix (UDF 2.1.5.3). */
export type RegidSuffix = 'domain' | 'udf' | 'implementation' | 'none';

/** Our implementation identifier (UDF 2.1.5.2: starts with "*", names the writer). */
export const IMPLEMENTATION_ID = '*EFR Evidence Disc';

/** Writes a 32-byte entity identifier. */
export function regid(buf: Uint8Array, off: number, identifier: string, suffix: RegidSuffix): void {
  buf[off] = 0;
  for (let i = 0; i < 23; i++) {
    buf[off + 1 + i] = i < identifier.length ? identifier.charCodeAt(i) : 0;
  }
  if (suffix === 'domain') {
    u16le(buf, off + 24, UDF_REVISION);
    buf[off + 26] = 0; // domain flags: no hard or soft write protection
  } else if (suffix === 'udf') {
    u16le(buf, off + 24, UDF_REVISION);
    buf[off + 26] = 0; // OS class: undefined
    buf[off + 27] = 0;
  }
  // 'implementation': OS class and identifier undefined (zeros); 'none': zeros.
}

/** Writes the CS0 charspec "OSTA Compressed Unicode" (64 bytes). */
export function charspec(buf: Uint8Array, off: number): void {
  const text = 'OSTA Compressed Unicode';
  buf[off] = 0;
  for (let i = 0; i < 63; i++) buf[off + 1 + i] = i < text.length ? text.charCodeAt(i) : 0;
}

/** OSTA compressed Unicode bytes of a name: id 8 (one byte per char) or 16 (UTF-16BE). */
export function compressedUnicode(text: string): Uint8Array {
  let wide = false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) wide = true;
  const out = new Uint8Array(1 + text.length * (wide ? 2 : 1));
  out[0] = wide ? 16 : 8;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (wide) {
      out[1 + 2 * i] = c >>> 8;
      out[2 + 2 * i] = c & 0xff;
    } else out[1 + i] = c;
  }
  return out;
}

/**
 * Writes a d-string of `len` bytes (ECMA-167 1/7.2.12): compressed Unicode, truncated to fit,
 * with the used length in the last byte; empty text gives all zeros.
 */
export function dstring(buf: Uint8Array, off: number, len: number, text: string): string {
  buf.fill(0, off, off + len);
  if (!text) return '';
  let t = text;
  while (compressedUnicode(t).length > len - 1) t = Array.from(t).slice(0, -1).join('');
  const bytes = compressedUnicode(t);
  buf.set(bytes, off);
  buf[off + len - 1] = bytes.length;
  return t;
}

/** Writes an extent_ad (length, location). */
export function extentAd(buf: Uint8Array, off: number, length: number, location: number): void {
  u32le(buf, off, length);
  u32le(buf, off + 4, location);
}

/** Writes a long_ad pointing at one block of partition 0, with the UDF unique id. */
export function longAd(
  buf: Uint8Array, off: number, length: number, block: number, uniqueId = 0,
): void {
  u32le(buf, off, length);
  u32le(buf, off + 4, block);
  u16le(buf, off + 8, 0);
  u16le(buf, off + 10, 0); // ADImpUse flags
  u32le(buf, off + 12, uniqueId); // UDF 2.3.4.3: lower 32 bits of the unique id
}
