/**
 * The words a zh-CN screen or document must not carry (issue 19, "Done when": no user id, raw
 * code or English fragment): one list for the e2e screen review (test/e2e/screen-review.e2e.ts)
 * and the check over generated documents (test/documents/zh-documents.spec.ts).
 */

/** A login id of the demo users (server/src/demo/users.ts): no screen or document shows one. */
export const DEMO_LOGIN_ID =
  /\b(?:officer|custodian|director|leader|supervisor|legal|unithead)\d\b/;

/**
 * A raw code: a refusal code, a requirement id, or a camelCase enum value (routineInspection,
 * notRecorded, bodyCamera) that a label should have replaced.
 */
export const RAW_CODE = /\befr\.[a-z]+\.[A-Za-z.]+|\bR\d+\.\d+\b|\b[a-z]+[A-Z][a-z]+[A-Za-z]*\b/;

/** Two English words in a row (a file name, a serial or a unit like "4.7 GB" is not). */
export const ENGLISH = /\b(?!(?:GB|MB|KB|MiB|KiB|GiB)\b)[A-Za-z]{2,}[a-z]\s+[A-Za-z]{2,}[a-z]\b/;

/** The three checks by name, in the order the reports list them. */
export const ZH_WORD_CHECKS: readonly (readonly [string, RegExp])[] = [
  ['login id', DEMO_LOGIN_ID],
  ['raw code', RAW_CODE],
  ['English', ENGLISH],
];

/** The lines of `text` that `pattern` finds, with what it found. */
export function offending(text: string, pattern: RegExp): string[] {
  return text
    .split('\n')
    .map((line) => [line, pattern.exec(line)?.[0]] as const)
    .filter(([, hit]) => hit !== undefined)
    .map(([line, hit]) => `${hit} in "${line.trim().slice(0, 80)}"`);
}

/** Every finding of the three checks in `text`, as `<check>: <hit> in "<line>"`. */
export function zhWordProblems(text: string): string[] {
  return ZH_WORD_CHECKS.flatMap(([what, pattern]) =>
    offending(text, pattern).map((o) => `${what}: ${o}`));
}
