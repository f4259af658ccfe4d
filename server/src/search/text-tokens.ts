import type { Db } from '../db/database.js';

/**
 * Text terms matched as ACS's Solr index matches them. Alfresco Search Services indexes
 * tokenised d:text properties such as cm:name with its cross-language field type `text___`
 * (Alfresco/SearchServices, search-services/alfresco-search/src/main/resources/solr/instance/
 * templates/rerank/conf/schema.xml, fieldType "text___"): ICUTokenizer, then
 * WordDelimiterFilter (generateWordParts, generateNumberParts, splitOnCaseChange,
 * splitOnNumerics, preserveOriginal, catenate*) and ICUFoldingFilter. So `foo.mp4` is indexed
 * as `foo.mp4` (the original) plus the parts `foo`, `mp`, `4` (and their catenations), and a
 * query `mp4`, analysed the same way, is the phrase `mp 4`: it finds `foo.mp4`.
 *
 * Here: a value's tokens are its parts (runs of letters or digits, split again where letters
 * meet digits and at a lower→upper case change), lower-cased. A plain term matches when its
 * parts occur consecutively among the value's parts (or it equals the whole value). A wildcard
 * term (`mp4*`, `*.mp4`) matches the whole value or any run of letters and digits of it,
 * case-insensitively. Approximation: ICU splits Chinese into dictionary words, which cannot be
 * reproduced without its dictionary; a part with CJK characters matches any part containing it.
 */

const RUN = /[\p{L}\p{N}]+/gu;
/** Where a run of letters and digits splits: letter↔digit, lower→upper case. */
const PART_BOUNDARY = /(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})|(?<=\p{Ll})(?=\p{Lu})/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** The word parts of a text (WordDelimiterFilter's generateWordParts/NumberParts), lower-cased. */
export function wordParts(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(RUN) ?? []) {
    for (const part of run.split(PART_BOUNDARY)) {
      if (part) out.push(part.toLowerCase());
    }
  }
  return out;
}

function partMatches(valuePart: string, queryPart: string): boolean {
  return valuePart === queryPart || (CJK.test(queryPart) && valuePart.includes(queryPart));
}

/** Compiled terms of recent queries: the SQL function runs once per candidate row. */
const compiled = new Map<string, RegExp | string[]>();

function compiledTerm(term: string): RegExp | string[] {
  let out = compiled.get(term);
  if (out === undefined) {
    out = /[*?]/.test(term) ? wildcardRegex(term) : wordParts(term);
    if (compiled.size >= 256) compiled.clear();
    compiled.set(term, out);
  }
  return out;
}

function wildcardRegex(term: string): RegExp {
  const body = term.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'isu');
}

/** Whether a tokenised text value matches an AFTS term (see the file comment). */
export function textTermMatches(value: string, term: string): boolean {
  if (value.toLowerCase() === term.toLowerCase()) return true;
  const q = compiledTerm(term);
  if (q instanceof RegExp) {
    return q.test(value) || (value.match(RUN) ?? []).some((run) => q.test(run));
  }
  if (q.length === 0) return false;
  const v = wordParts(value);
  for (let i = 0; i + q.length <= v.length; i++) {
    if (q.every((part, k) => partMatches(v[i + k], part))) return true;
  }
  return false;
}

/** SQL function `afts_text_match(value, term)` (1 or 0) over textTermMatches. */
export function registerTextMatch(db: Db): void {
  db.function('afts_text_match', { deterministic: true }, (value: unknown, term: unknown) =>
    typeof value === 'string' && typeof term === 'string' && textTermMatches(value, term) ? 1 : 0);
}
