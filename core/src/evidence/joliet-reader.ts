/**
 * Reads the Joliet tree of an ISO 9660 image (ECMA-119 + Joliet), so `efr disc verify` and
 * the server check a disc without external tools. Pure parsing over sector bytes; the caller
 * does the I/O (a file in Node, a File in the browser). Multi-extent files (level 3, files of
 * 4 GiB and more) are joined into one entry with all their extents.
 */

/** Sector size of every image we read (ECMA-119 logical block of 2048). */
export const SECTOR = 2048;

/** First volume descriptor sector (ECMA-119 §8: system area is sectors 0–15). */
export const FIRST_DESCRIPTOR_SECTOR = 16;

/** One extent of a file: where its bytes are. */
export interface Extent {
  readonly sector: number;
  readonly length: number;
}

/** A file or folder of a directory. */
export interface DirEntry {
  readonly name: string;
  readonly isDirectory: boolean;
  readonly extents: readonly Extent[];
  /** Total bytes (sum of the extents). */
  readonly size: number;
}

/** What a volume descriptor says. */
export type VolumeDescriptor =
  | { kind: 'terminator' }
  | { kind: 'other' }
  | { kind: 'primary' | 'joliet'; root: Extent; label: string };

function u32le(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 16777216;
}

function ucs2(b: Uint8Array, at: number, length: number): string {
  let s = '';
  for (let i = 0; i + 1 < length; i += 2) {
    s += String.fromCharCode((b[at + i] << 8) | b[at + i + 1]);
  }
  return s;
}

function ascii(b: Uint8Array, at: number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += String.fromCharCode(b[at + i]);
  return s;
}

/** Parses one 2048-byte volume descriptor; 'other' for boot records, UDF markers and the rest. */
export function parseVolumeDescriptor(b: Uint8Array): VolumeDescriptor {
  if (ascii(b, 1, 5) !== 'CD001') return { kind: 'other' };
  const type = b[0];
  if (type === 255) return { kind: 'terminator' };
  if (type !== 1 && type !== 2) return { kind: 'other' };
  const esc = ascii(b, 88, 3);
  const joliet = type === 2 && (esc === '%/@' || esc === '%/C' || esc === '%/E');
  if (type === 2 && !joliet) return { kind: 'other' };
  const root = { sector: u32le(b, 156 + 2), length: u32le(b, 156 + 10) };
  const label = joliet ? ucs2(b, 40, 32) : ascii(b, 40, 32);
  return { kind: joliet ? 'joliet' : 'primary', root: root, label: label.replace(/\s+$/, '') };
}

/**
 * Parses the bytes of a directory extent into entries (without '.' and '..'). Records never
 * cross a sector: a zero length byte means "continue at the next sector". Consecutive records
 * of one name with the multi-extent flag (bit 7) form one file.
 */
export function parseDirectory(b: Uint8Array, joliet: boolean): DirEntry[] {
  const out: { name: string; isDirectory: boolean; extents: Extent[]; size: number }[] = [];
  let pendingMulti = false;
  let at = 0;
  while (at < b.length) {
    const len = b[at];
    if (len === 0) {
      at = (Math.floor(at / SECTOR) + 1) * SECTOR;
      continue;
    }
    if (len < 34 || at + len > b.length) throw new RangeError('bad directory record at ' + at);
    const flags = b[at + 25];
    const nameLen = b[at + 32];
    const isSelfOrParent = nameLen === 1 && (b[at + 33] === 0 || b[at + 33] === 1);
    if (!isSelfOrParent) {
      let name = joliet ? ucs2(b, at + 33, nameLen) : ascii(b, at + 33, nameLen);
      const isDirectory = (flags & 2) !== 0;
      if (!isDirectory) name = name.replace(/;\d+$/, '').replace(/\.$/, '');
      const extent = { sector: u32le(b, at + 2), length: u32le(b, at + 10) };
      const last = out.length ? out[out.length - 1] : null;
      if (pendingMulti && last !== null && last.name === name) {
        last.extents.push(extent);
        last.size += extent.length;
      } else {
        out.push({ name: name, isDirectory: isDirectory, extents: [extent], size: extent.length });
      }
      pendingMulti = (flags & 128) !== 0;
    }
    at += len;
  }
  return out;
}
