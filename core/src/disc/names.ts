/**
 * File names per tree. ISO 9660 level 2 allows only A-Z 0-9 _ (30 characters with the
 * extension), Joliet 64 UCS-2 characters, UDF and Rock Ridge 255 bytes. Every reduction is
 * deterministic (same name, same result) and reported through NameMapping, never silent.
 */
import { DiscError } from './types.js';
import { fnv1a32, hex32, utf8 } from './bytes.js';

/** Longest ISO 9660 level 2 file identifier before ";1" (name, dot and extension). */
export const ISO_FILE_MAX = 30;
/** Longest ISO 9660 level 2 directory identifier. */
export const ISO_DIR_MAX = 31;
/**
 * Longest Joliet identifier in UCS-2 characters: 64 (128 bytes), the ";1" version of a file
 * included, so a file name keeps at most 62.
 */
export const JOLIET_MAX = 64;
/** Longest UDF file identifier in bytes (compression id included) and Rock Ridge name. */
export const NAME_BYTES_MAX = 255;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Splits and checks a path: no empty component, no control character, no "." or "..".
 * @throws DiscError naming the path when it is not acceptable.
 */
export function splitPath(path: string): string[] {
  if (typeof path !== 'string' || path.length === 0) {
    throw new DiscError('empty-name', 'A file path is empty.', String(path));
  }
  const parts = path.split('/');
  for (const part of parts) {
    if (part.length === 0) {
      throw new DiscError('empty-name', `Empty name in path "${path}".`, path);
    }
    if (CONTROL.test(part) || part.includes('\\')) {
      throw new DiscError('bad-character', `Control character or "\\" in "${path}".`, path);
    }
    if (part === '.' || part === '..') {
      throw new DiscError('reserved-name', `"." or ".." in "${path}".`, path);
    }
  }
  return parts;
}

/** Splits "name.ext" at the last dot; a leading dot or a long tail is not an extension. */
export function splitExtension(name: string, maxExt = 16): { stem: string; ext: string } {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || name.length - dot - 1 > maxExt || dot === name.length - 1) {
    return { stem: name, ext: '' };
  }
  return { stem: name.slice(0, dot), ext: name.slice(dot) };
}

/** Code points of a string, so shortening never splits a surrogate pair. */
function codePoints(text: string): string[] {
  return Array.from(text);
}

/**
 * Shortens `name` to the longest form `<stem prefix><sep><hash><ext>` accepted by `fits`.
 * The hash is over the original name (and `salt` when resolving a collision), so the result
 * is stable and two long names sharing a prefix stay distinct.
 */
export function shortenName(
  name: string,
  fits: (candidate: string) => boolean,
  salt = 0,
  sep = '~',
  upper = false,
): string {
  const { stem, ext } = splitExtension(name);
  let tag = hex32(fnv1a32(salt === 0 ? name : `${name}\u0000${salt}`)).slice(0, 6);
  if (upper) tag = tag.toUpperCase();
  const suffix = `${sep}${tag}${ext}`;
  const chars = codePoints(stem);
  for (let n = chars.length; n >= 0; n--) {
    const candidate = chars.slice(0, n).join('') + suffix;
    if (fits(candidate)) return candidate;
  }
  // Even the suffix alone is too long only for absurd extensions: drop the extension.
  return `${sep}${tag}`;
}

/** Maps to ISO 9660 d-characters: upper-case ASCII letters, digits and underscore. */
function dChars(text: string): string {
  let out = '';
  for (const ch of text.toUpperCase()) out += /^[A-Z0-9_]$/.test(ch) ? ch : '_';
  return out;
}

/** ISO 9660 level 2 base identifier (no version), before uniqueness is resolved. */
export function isoBaseName(name: string, isDirectory: boolean): string {
  if (isDirectory) return dChars(name).slice(0, ISO_DIR_MAX);
  const { stem, ext } = splitExtension(name, 8);
  const e = ext ? dChars(ext.slice(1)) : '';
  const s = dChars(stem).slice(0, ISO_FILE_MAX - 1 - e.length);
  return `${s}.${e}`;
}

/** A unique ISO 9660 identifier after a collision: hash tag in place of the stem's tail. */
export function isoUniqueName(name: string, isDirectory: boolean, salt: number): string {
  const tag = hex32(fnv1a32(`${name}\u0000${salt}`)).slice(0, 6).toUpperCase();
  const base = isoBaseName(name, isDirectory);
  if (isDirectory) return `${base.slice(0, ISO_DIR_MAX - 7)}_${tag}`;
  const dot = base.indexOf('.');
  const stem = base.slice(0, dot);
  const ext = base.slice(dot + 1);
  return `${stem.slice(0, ISO_FILE_MAX - 1 - ext.length - 7)}_${tag}.${ext}`;
}

/** Characters Joliet forbids (besides control characters, already refused). */
const JOLIET_FORBIDDEN = /[*/:;?\\]/g;

/**
 * Joliet identifier (without the version): forbidden characters replaced, shortened to 64
 * UTF-16 code units for a folder and 62 for a file (";1" follows).
 */
export function jolietName(name: string, isDirectory: boolean, salt = 0): string {
  const max = isDirectory ? JOLIET_MAX : JOLIET_MAX - 2;
  const fits = (candidate: string): boolean => candidate.length <= max;
  const clean = name.replace(JOLIET_FORBIDDEN, '_');
  if (salt === 0 && fits(clean)) return clean;
  return shortenName(clean, fits, salt);
}

/** Bytes of a UDF file identifier in OSTA compressed Unicode (8-bit when possible). */
export function udfIdentifierLength(name: string): number {
  let wide = false;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) > 0xff) wide = true;
  return 1 + (wide ? 2 : 1) * name.length;
}

/** UDF identifier: the full name unless it exceeds 255 bytes. */
export function udfName(name: string, salt = 0): string {
  const fits = (c: string): boolean => udfIdentifierLength(c) <= NAME_BYTES_MAX;
  if (salt === 0 && fits(name)) return name;
  return shortenName(name, fits, salt);
}

/** Rock Ridge NM name: the full name unless it exceeds 255 UTF-8 bytes. */
export function rockRidgeName(name: string, salt = 0): string {
  const fits = (c: string): boolean => utf8(c).length <= NAME_BYTES_MAX;
  if (salt === 0 && fits(name)) return name;
  return shortenName(name, fits, salt);
}

/** Compares strings by UTF-16 code units (locale-independent, hence stable everywhere). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * ISO 9660 9.3 ordering of identifiers: by name, then extension, each padded with spaces,
 * then version. Identifiers here are "NAME.EXT;1" or directory names.
 */
export function compareIsoIdentifiers(a: string, b: string): number {
  const pa = isoParts(a);
  const pb = isoParts(b);
  return (
    comparePadded(pa[0], pb[0]) || comparePadded(pa[1], pb[1]) || compareCodeUnits(pa[2], pb[2])
  );
}

function isoParts(id: string): [string, string, string] {
  const semi = id.indexOf(';');
  const body = semi < 0 ? id : id.slice(0, semi);
  const version = semi < 0 ? '' : id.slice(semi + 1);
  const dot = body.indexOf('.');
  return dot < 0 ? [body, '', version] : [body.slice(0, dot), body.slice(dot + 1), version];
}

function comparePadded(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  return compareCodeUnits(a.padEnd(len, ' '), b.padEnd(len, ' '));
}
