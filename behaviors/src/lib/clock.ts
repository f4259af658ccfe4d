/**
 * The current time for the rules. core never reads the clock (the caller passes `now`); the
 * behaviour is that caller.
 */
import { isoOfMillis } from './java-values.js';

/** Now, as an ISO 8601 UTC string. */
export function nowIso(): string {
  return isoOfMillis(new Date().getTime());
}
