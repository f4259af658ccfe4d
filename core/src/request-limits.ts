/**
 * Limits that keep every request cheap (issue 16): the central archive must stay available to
 * everyone while one client sends deep folders, long queries or deeply nested JSON (R4.1:
 * records managed centrally and kept complete; R14.1: supervision reads them at any time).
 * Both hosts answer a request over a limit with a 4xx before doing the work.
 */
import { refuse, type Verdict } from './verdict.js';

/** The limits, shared by server/ and the module. */
export const REQUEST_LIMITS = {
  /** Deepest folder level below the root (the archive uses 4; ACS sites about 10). */
  folderDepth: 64,
  /** Terms of one search query (AFTS), NOT and nesting included. */
  queryTerms: 256,
  /** Nesting of NOT, parentheses and sub-queries in one query. */
  queryNesting: 32,
  /** Nesting of arrays and objects in a JSON body. */
  jsonNesting: 64,
  /** Longest request URL (path and query) in characters. */
  urlLength: 8192,
} as const;

/** A node placed `depth` levels below the root: refused past the folder depth limit. */
export function checkFolderDepth(depth: number): Verdict {
  if (depth <= REQUEST_LIMITS.folderDepth) return { allowed: true };
  return refuse(
    422,
    'efr.limits.folderDepth',
    'R4.1',
    `Folders nest at most ${REQUEST_LIMITS.folderDepth} levels deep (asked for ${depth}).`,
    `目录层级最多 ${REQUEST_LIMITS.folderDepth} 层（请求为 ${depth} 层）。`,
  );
}

/**
 * The deepest nesting of arrays and objects in a JSON text, counted without parsing (strings
 * skipped), stopping as soon as `limit` is passed: linear time, constant stack.
 */
export function jsonNestingOver(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > limit) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}
