/**
 * System Use Sharing Protocol (SUSP 1.12) and Rock Ridge (RRIP 1.12) entries written in the
 * system-use field of ISO 9660 directory records: full original names (NM), POSIX modes,
 * link counts and serial numbers (PX) and times (TF). Entries that do not fit the 255-byte
 * record go to a continuation area (CE).
 */
import { concat, u32both, utf8 } from './bytes.js';
import { recordingDate } from './dates.js';

/** Mode of every file: regular, read-only for all (evidence is never modified on disc). */
export const FILE_MODE = 0o100444;
/** Mode of every folder: read and search for all. */
export const DIR_MODE = 0o040555;

/** Bytes of a CE entry (kept inline when the rest moves to a continuation area). */
export const CE_LENGTH = 28;

const ER_ID = 'IEEE_P1282';
const ER_DESCRIPTOR =
  'THE IEEE P1282 PROTOCOL PROVIDES SUPPORT FOR POSIX FILE SYSTEM SEMANTICS.';
const ER_SOURCE =
  'PLEASE CONTACT THE IEEE STANDARDS DEPARTMENT, PISCATAWAY, NJ, USA FOR THE P1282 SPECIFICATION.';

function header(sig: string, len: number): Uint8Array {
  const out = new Uint8Array(len);
  out[0] = sig.charCodeAt(0);
  out[1] = sig.charCodeAt(1);
  out[2] = len;
  out[3] = 1;
  return out;
}

/** SP: marks SUSP in use; only in the root's "." record. */
export function spEntry(): Uint8Array {
  const e = header('SP', 7);
  e[4] = 0xbe;
  e[5] = 0xef;
  e[6] = 0;
  return e;
}

/** ER: names the RRIP 1.12 extension; only in the root's "." record (continuation area). */
export function erEntry(): Uint8Array {
  const id = utf8(ER_ID);
  const des = utf8(ER_DESCRIPTOR);
  const src = utf8(ER_SOURCE);
  const e = header('ER', 8 + id.length + des.length + src.length);
  e[4] = id.length;
  e[5] = des.length;
  e[6] = src.length;
  e[7] = 1;
  e.set(id, 8);
  e.set(des, 8 + id.length);
  e.set(src, 8 + id.length + des.length);
  return e;
}

/** PX (RRIP 1.12, 44 bytes): mode, link count, uid, gid, serial number. */
export function pxEntry(mode: number, links: number, serial: number): Uint8Array {
  const e = header('PX', 44);
  u32both(e, 4, mode);
  u32both(e, 12, links);
  u32both(e, 20, 0);
  u32both(e, 28, 0);
  u32both(e, 36, serial);
  return e;
}

/** TF: modification, access and attribute-change times in the 7-byte form. */
export function tfEntry(date: Date, utcOffsetMinutes: number): Uint8Array {
  const e = header('TF', 5 + 3 * 7);
  e[4] = 0x02 | 0x04 | 0x08;
  const stamp = recordingDate(date, utcOffsetMinutes);
  for (let i = 0; i < 3; i++) e.set(stamp, 5 + i * 7);
  return e;
}

/** Most name bytes one NM entry holds (its length field is one byte, header 5). */
const NM_CHUNK = 250;

/**
 * NM entries for the alternate (full) name, UTF-8. A name over 250 bytes is split into
 * several entries, all but the last flagged CONTINUE, cut between characters.
 */
export function nmEntries(name: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  let piece = '';
  const flush = (last: boolean): void => {
    const bytes = utf8(piece);
    const e = header('NM', 5 + bytes.length);
    e[4] = last ? 0 : 1;
    e.set(bytes, 5);
    out.push(e);
    piece = '';
  };
  for (const ch of name) {
    if (utf8(piece + ch).length > NM_CHUNK) flush(false);
    piece += ch;
  }
  flush(true);
  return out;
}

/** CE: where the continuation area is (block, offset in it, length). */
export function ceEntry(sector: number, offset: number, length: number): Uint8Array {
  const e = header('CE', CE_LENGTH);
  u32both(e, 4, sector);
  u32both(e, 12, offset);
  u32both(e, 20, length);
  return e;
}

/** System-use entries of one record, split into what stays inline and what continues. */
export interface SystemUse {
  /** Entries recorded in the directory record itself (a CE last when continued). */
  readonly inline: readonly Uint8Array[];
  /** Entries recorded in the continuation area (empty when everything fits). */
  readonly continued: Uint8Array;
  /** Inline bytes including the CE entry when there is one. */
  readonly inlineLength: number;
}

/**
 * Splits entries so the record stays within `budget` bytes of system use: the fixed ones
 * (SP, PX, TF) stay inline, the movable ones (NM, ER) go to a continuation area when needed.
 */
export function planSystemUse(
  fixed: readonly Uint8Array[],
  movable: readonly Uint8Array[],
  budget: number,
): SystemUse {
  const fixedLen = fixed.reduce((n, e) => n + e.length, 0);
  const movableLen = movable.reduce((n, e) => n + e.length, 0);
  if (fixedLen + movableLen <= budget) {
    return {
      inline: [...fixed, ...movable],
      continued: new Uint8Array(0),
      inlineLength: fixedLen + movableLen,
    };
  }
  return { inline: fixed, continued: concat(movable), inlineLength: fixedLen + CE_LENGTH };
}
