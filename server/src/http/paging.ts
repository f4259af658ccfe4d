import { badRequest } from './errors.js';
import { isWebScriptError } from '../../../webscripts/src/web-script.js';
import { parsePaging as parseShared, type Paging } from '../../../webscripts/src/paging.js';

/** The paging rules are the web scripts' (webscripts/src/paging.ts), one for both hosts. */
export { listBody, pageOf, type Paging } from '../../../webscripts/src/paging.js';

/** Parses skipCount (≥ 0) and maxItems (1…10000, default 100) from a query (400 if bad). */
export function parsePaging(q: Record<string, unknown>): Paging {
  try {
    return parseShared(q);
  } catch (e) {
    // The shared parser's 400 (WebScriptError) as server/'s AcsError.
    if (isWebScriptError(e)) throw badRequest(e.summary);
    throw e;
  }
}
