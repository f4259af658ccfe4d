/**
 * ECMA-119 (ISO 9660) encoders: volume descriptors (primary, Joliet supplementary, set
 * terminator), directory records and path-table records. Layout decisions live elsewhere;
 * these functions only turn numbers into bytes.
 */
import {
  SECTOR,
  ascii,
  u16be,
  u16both,
  u16le,
  u32be,
  u32both,
  u32le,
  utf16be,
} from './bytes.js';
import { volumeDate } from './dates.js';

/** Largest ISO 9660 extent: 4 GiB - 2 KiB (sector-aligned, fits the 32-bit length field). */
export const ISO_EXTENT_MAX = 0xfffff800;

/** Directory record flag: the entry is a directory. */
export const FLAG_DIRECTORY = 0x02;
/** Directory record flag: more extents of this file follow (interchange level 3). */
export const FLAG_MULTI_EXTENT = 0x80;

/** Fields of one directory record. */
export interface DirRecordFields {
  readonly id: Uint8Array;
  readonly sector: number;
  readonly dataLength: number;
  readonly date: Uint8Array;
  readonly flags: number;
  readonly systemUse: readonly Uint8Array[];
}

/** Length of a directory record: header, identifier, pad to even, system use, pad to even. */
export function dirRecordLength(idLength: number, systemUseLength: number): number {
  const base = 33 + idLength + (idLength % 2 === 0 ? 1 : 0);
  const total = base + systemUseLength;
  return total + (total % 2);
}

/** Encodes a directory record (ECMA-119 9.1). */
export function dirRecord(f: DirRecordFields): Uint8Array {
  const suLength = f.systemUse.reduce((n, e) => n + e.length, 0);
  const len = dirRecordLength(f.id.length, suLength);
  if (len > 255) throw new Error(`directory record of ${len} bytes`);
  const r = new Uint8Array(len);
  r[0] = len;
  r[1] = 0;
  u32both(r, 2, f.sector);
  u32both(r, 10, f.dataLength);
  r.set(f.date, 18);
  r[25] = f.flags;
  r[26] = 0;
  r[27] = 0;
  u16both(r, 28, 1);
  r[32] = f.id.length;
  r.set(f.id, 33);
  let off = 33 + f.id.length + (f.id.length % 2 === 0 ? 1 : 0);
  for (const e of f.systemUse) {
    r.set(e, off);
    off += e.length;
  }
  return r;
}

/** Encodes one path-table record (ECMA-119 9.4), little- or big-endian. */
export function pathTableRecord(
  id: Uint8Array,
  sector: number,
  parentNumber: number,
  bigEndian: boolean,
): Uint8Array {
  const r = new Uint8Array(8 + id.length + (id.length % 2));
  r[0] = id.length;
  r[1] = 0;
  if (bigEndian) {
    u32be(r, 2, sector);
    u16be(r, 6, parentNumber);
  } else {
    u32le(r, 2, sector);
    u16le(r, 6, parentNumber);
  }
  r.set(id, 8);
  return r;
}

/** What a primary or Joliet descriptor records. */
export interface VolumeDescriptorFields {
  readonly joliet: boolean;
  readonly volumeId: string;
  readonly publisher: string;
  readonly volumeSectors: number;
  readonly pathTableBytes: number;
  readonly pathTableL: number;
  readonly pathTableM: number;
  readonly rootRecord: Uint8Array;
  readonly date: Date;
  readonly utcOffsetMinutes: number;
}

/** Writes text as UCS-2 big-endian, padded with UCS-2 spaces (Joliet descriptors). */
function ucs2(buf: Uint8Array, off: number, len: number, text: string): void {
  const chars = utf16be(text.slice(0, Math.floor(len / 2)));
  for (let i = 0; i + 1 < len; i += 2) {
    buf[off + i] = i < chars.length ? chars[i] : 0x00;
    buf[off + i + 1] = i < chars.length ? chars[i + 1] : 0x20;
  }
  if (len % 2) buf[off + len - 1] = 0;
}

/** Primary (type 1) or Joliet supplementary (type 2, UCS-2 level 3) volume descriptor. */
export function volumeDescriptor(f: VolumeDescriptorFields): Uint8Array {
  const d = new Uint8Array(SECTOR);
  const text = f.joliet ? ucs2 : ascii;
  d[0] = f.joliet ? 2 : 1;
  ascii(d, 1, 5, 'CD001');
  d[6] = 1;
  text(d, 8, 32, '');
  text(d, 40, 32, f.volumeId);
  u32both(d, 80, f.volumeSectors);
  if (f.joliet) {
    d[88] = 0x25; // "%/E": UCS-2 level 3, the Joliet escape sequence
    d[89] = 0x2f;
    d[90] = 0x45;
  }
  u16both(d, 120, 1);
  u16both(d, 124, 1);
  u16both(d, 128, SECTOR);
  u32both(d, 132, f.pathTableBytes);
  u32le(d, 140, f.pathTableL);
  u32be(d, 148, f.pathTableM);
  d.set(f.rootRecord, 156);
  text(d, 190, 128, '');
  text(d, 318, 128, f.publisher);
  text(d, 446, 128, '');
  text(d, 574, 128, 'EFR EVIDENCE DISC WRITER');
  text(d, 702, 37, '');
  text(d, 739, 37, '');
  text(d, 776, 37, '');
  d.set(volumeDate(f.date, f.utcOffsetMinutes), 813);
  d.set(volumeDate(f.date, f.utcOffsetMinutes), 830);
  d.set(volumeDate(null, 0), 847);
  d.set(volumeDate(f.date, f.utcOffsetMinutes), 864);
  d[881] = 1;
  return d;
}

/** Volume descriptor set terminator (type 255). */
export function setTerminator(): Uint8Array {
  const d = new Uint8Array(SECTOR);
  d[0] = 255;
  ascii(d, 1, 5, 'CD001');
  d[6] = 1;
  return d;
}

/** UDF volume recognition sequence descriptor ("BEA01", "NSR02", "TEA01"). */
export function recognitionDescriptor(id: 'BEA01' | 'NSR02' | 'TEA01'): Uint8Array {
  const d = new Uint8Array(SECTOR);
  d[0] = 0;
  ascii(d, 1, 5, id);
  d[6] = 1;
  return d;
}

/** ISO 9660 d-character volume label: upper-case, A-Z 0-9 _, at most 32. */
export function isoVolumeLabel(label: string): string {
  let out = '';
  for (const ch of label.toUpperCase()) out += /^[A-Z0-9_]$/.test(ch) ? ch : '_';
  return out.slice(0, 32);
}
