/**
 * The words a zh-CN screen or document must not carry (issue 19, "Done when": no user id, raw
 * code or English fragment): one rule for the e2e screen review (test/e2e/screen-review.e2e.ts),
 * the Content App's screens (test/e2e/content-app.e2e.ts) and the check over generated
 * documents (test/documents/zh-documents.spec.ts).
 */

/** A login id of the demo users (server/src/demo/users.ts): no screen or document shows one. */
export const DEMO_LOGIN_ID =
  /\b(?:officer|custodian|director|leader|supervisor|legal|unithead)\d\b/;

/**
 * A raw code: a refusal code, a requirement id, or a camelCase enum value (routineInspection,
 * notRecorded, bodyCamera) that a label should have replaced.
 */
export const RAW_CODE = /\befr\.[a-z]+\.[A-Za-z.]+|\bR\d+\.\d+\b|\b[a-z]+[A-Z][a-z]+[A-Za-z]*\b/;

/**
 * The Latin words a Chinese reader reads as they are (issue 19: a single English word on a
 * zh-CN screen or document is a finding unless it is one of these). Each is a proper name or
 * a standard abbreviation that Chinese users and Chinese standards write in Latin letters:
 * - EFR, Alfresco, ACS: the product's and the platform's names;
 * - ISO, UDF: the disc's file systems (ISO 9660, UDF), as GB/T and the burning tools name them;
 * - PDF, CSV, MP4: file formats, as Chinese software names them;
 * - SHA: the digest (SHA-256, GB/T 32905 writes SM3 the same way);
 * - CD, DVD, BD, DL: disc media as printed on the disc (CD-R, DVD±R DL, BD-R 25 GB);
 * - ID: the number of a record or device (身份证号 aside, "ID" is read as such);
 * - AI: as Chinese writes it (AI 助手 in the Content App);
 * - BagIt: the packaging standard the disc follows (RFC 8493), a proper name;
 * - UTC: a time's offset (UTC+08:00), as GB/T 7408 writes it;
 * - GB, MB, KB, TB, GiB, MiB, KiB: units of size.
 * Other Latin text passes only as a file name (`x.mp4`, `description.txt`), a digest's hex
 * value, or a code in capitals with digits: a device serial (BWC-2026-001), a medium (DVD-5).
 */
export const LATIN_ALLOWED: ReadonlySet<string> = new Set([
  'EFR', 'Alfresco', 'ACS', 'ISO', 'UDF', 'PDF', 'CSV', 'MP4', 'SHA', 'CD', 'DVD', 'BD', 'DL',
  'ID', 'AI', 'BagIt', 'UTC', 'GB', 'MB', 'KB', 'TB', 'GiB', 'MiB', 'KiB',
]);

/** A run of Latin letters, digits and the marks inside names and paths (`.`, `-`, `_`, `/`). */
const LATIN_TOKEN = /[A-Za-z0-9](?:[A-Za-z0-9._/-]*[A-Za-z0-9])?/g;
/** A file name or path: a name and one of the extensions EFR writes or stores. */
const FILE_NAME =
  /^[\w./-]+\.(?:mp4|m4a|mov|avi|wav|jpg|jpeg|png|pdf|txt|csv|iso|json|jsonl|html)$/i;
/** A digest's value in hex (SHA-256, 64 digits), printed beside its name. */
const DIGEST = /^[0-9a-f]{40,}$/;
/**
 * A repository id under its label (档案库编号：<uuid>, ID <uuid>): a record's number, read
 * as a number. An id without such a label (a node UUID in a log's details) is still a finding.
 */
const NUMBERED_ID = /(?:编号|ID)[：:\s]*[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\b/g;
/** A code in capitals with digits: serial, medium, digest (BWC-2026-001, DVD-5, H.264). */
const CAPITAL_CODE = /^(?=[A-Z0-9.-]*\d)[A-Z][A-Z0-9]*(?:[-.][A-Z0-9]+)*$/;

/** Whether `token` (a LATIN_TOKEN) is a word a Chinese reader does not read as it stands. */
function isForeignWord(token: string, allowed: ReadonlySet<string>): boolean {
  if (!/[A-Za-z]{2}/.test(token)) return false; // numbers, a single letter (×, 第 2 版)
  if (allowed.has(token) || FILE_NAME.test(token) ||
    CAPITAL_CODE.test(token) || DIGEST.test(token)) return false;
  // An allowed word joined to a number, a letter or another allowed word: SHA-256, CD-R.
  return !token.split(/[-./]/).every((part) => !/[A-Za-z]{2}/.test(part) ||
    allowed.has(part));
}

/**
 * The English-word check with `data` words allowed besides LATIN_ALLOWED: names a host stores
 * in English and shows as data, not interface (the Content App's "Company Home").
 */
export function englishWords(data: Iterable<string> = []): WordCheck {
  const allowed = new Set([...LATIN_ALLOWED, ...data]);
  return (line) => {
    for (const m of line.replace(NUMBERED_ID, '').matchAll(LATIN_TOKEN)) {
      if (isForeignWord(m[0], allowed)) return m[0];
    }
    return undefined;
  };
}

/**
 * An English word on a zh-CN screen or document: any Latin word outside LATIN_ALLOWED, file
 * names and capital codes ("Retry", "range", "dvd5" and "description" are findings).
 */
export const ENGLISH: WordCheck = englishWords();

/** A check of one line: what it found, or undefined. */
export type WordCheck = (line: string) => string | undefined;

/** A regular expression as a check. */
const byPattern = (pattern: RegExp): WordCheck => (line) => pattern.exec(line)?.[0];

/** The three checks by name, in the order the reports list them. */
export const ZH_WORD_CHECKS: readonly (readonly [string, WordCheck])[] = [
  ['login id', byPattern(DEMO_LOGIN_ID)],
  ['raw code', byPattern(RAW_CODE)],
  ['English', ENGLISH],
];

/** The lines of `text` that `check` finds, with what it found. */
export function offending(text: string, check: WordCheck): string[] {
  return text
    .split('\n')
    .map((line) => [line, check(line)] as const)
    .filter(([, hit]) => hit !== undefined)
    .map(([line, hit]) => `${hit} in "${line.trim().slice(0, 80)}"`);
}

/** Every finding of the three checks in `text`, as `<check>: <hit> in "<line>"`. */
export function zhWordProblems(text: string): string[] {
  return ZH_WORD_CHECKS.flatMap(([what, pattern]) =>
    offending(text, pattern).map((o) => `${what}: ${o}`));
}
