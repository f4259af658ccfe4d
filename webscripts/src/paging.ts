/**
 * skipCount / maxItems paging as the ACS REST API v1 answers lists, for the web scripts of
 * both hosts (the module's lists were not paged before issue 15).
 */
import { invalidArgument } from './web-script.js';

/** skipCount / maxItems of a list request. */
export interface Paging {
  skipCount: number;
  maxItems: number;
}

function intParam(v: unknown, name: string, dflt: number, min: number, max: number): number {
  if (v === undefined || v === null || v === '') return dflt;
  if (typeof v !== 'string' || !/^\d+$/.test(v)) {
    throw invalidArgument('Invalid paging parameter ' + name + ': ' + String(v));
  }
  const n = Number(v);
  if (n < min || n > max) throw invalidArgument('Invalid paging parameter ' + name + ': ' + v);
  return n;
}

/** Parses skipCount (≥ 0) and maxItems (1…10000, default 100) from a query. */
export function parsePaging(q: Record<string, unknown>): Paging {
  return {
    skipCount: intParam(q.skipCount, 'skipCount', 0, 0, 9007199254740991),
    maxItems: intParam(q.maxItems, 'maxItems', 100, 1, 10000),
  };
}

/** The list envelope of the ACS API. */
export function listBody<T>(entries: T[], paging: Paging, totalItems: number): unknown {
  return {
    list: {
      pagination: {
        count: entries.length,
        hasMoreItems: paging.skipCount + entries.length < totalItems,
        totalItems,
        skipCount: paging.skipCount,
        maxItems: paging.maxItems,
      },
      entries: entries.map((entry) => ({ entry })),
    },
  };
}

/** Pages an in-memory list. */
export function pageOf<T>(all: T[], p: Paging): T[] {
  return all.slice(p.skipCount, p.skipCount + p.maxItems);
}

/** The page of `all` that the query asks for, in the list envelope. */
export function pagedList<T>(all: T[], query: Record<string, unknown>): unknown {
  const p = parsePaging(query);
  return listBody(pageOf(all, p), p, all.length);
}
