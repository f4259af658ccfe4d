/**
 * One client cannot flood the access log (issue 16): the Content App retried a refused copy
 * about 3,600 times in 2.5 minutes, each refusal an entry. Every distinct refusal stays on
 * record; repeats of the same refusal (same user, act, node and code) beyond a number per
 * window are answered 429 and counted, and one summary entry records what was suppressed
 * (the log stays evidence of the attempt, R24.1/R26.1, without drowning the rest).
 *
 * Pure and ES5 at run time: the state is a plain object the host keeps in memory.
 */

/** The throttle's limits. */
export interface RefusalThrottleLimits {
  /** Length of a window in ms. */
  windowMs: number;
  /** Identical refusals logged per window; later ones are counted only. */
  maxPerWindow: number;
  /** Keys tracked at most (beyond, every refusal is logged: never lose one to the throttle). */
  maxKeys: number;
}

/** Defaults: 20 identical refusals a minute are logged one by one. */
export const REFUSAL_THROTTLE: RefusalThrottleLimits = {
  windowMs: 60000,
  maxPerWindow: 20,
  maxKeys: 10000,
};

interface ThrottleEntry {
  windowStart: number;
  count: number;
  suppressed: number;
  lastAt: number;
}

/** The throttle's memory (one per repository). */
export interface RefusalThrottleState {
  entries: { [key: string]: ThrottleEntry };
  size: number;
  nextSweep: number;
}

/** What was suppressed for one key in a window that has ended. */
export interface ThrottleSummary {
  key: string;
  suppressed: number;
  /** First and last suppressed refusal (ms since the epoch). */
  from: number;
  to: number;
}

/** What to do with one refusal. */
export interface ThrottleDecision {
  /** Whether to write this refusal to the access log. */
  log: boolean;
  /** Whether to answer 429 instead of the refusal's own status. */
  throttled: boolean;
  /** Whether this is the first suppressed refusal of the window (log a marker entry once). */
  firstSuppressed: boolean;
  /** Summaries of ended windows to log now. */
  summaries: ThrottleSummary[];
}

/** A fresh, empty throttle. */
export function newRefusalThrottle(): RefusalThrottleState {
  return { entries: {}, size: 0, nextSweep: 0 };
}

/** The key of a refusal: per user, act, node and refusal code. */
export function refusalKey(user: string, attempted: string, nodeId: string | null,
  code: string): string {
  return [user, attempted, nodeId || '-', code].join('\u0000');
}

/** Ends the windows over at `now` (all of them when `now` is Infinity): their summaries. */
export function endRefusalWindows(state: RefusalThrottleState, now: number,
  limits: RefusalThrottleLimits = REFUSAL_THROTTLE): ThrottleSummary[] {
  const out: ThrottleSummary[] = [];
  for (const key in state.entries) {
    if (!Object.prototype.hasOwnProperty.call(state.entries, key)) continue;
    const e = state.entries[key];
    if (e.windowStart + limits.windowMs > now) continue;
    if (e.suppressed > 0) {
      out.push({ key: key, suppressed: e.suppressed,
        from: e.windowStart, to: e.lastAt });
    }
    delete state.entries[key];
    state.size--;
  }
  state.nextSweep = now + limits.windowMs / 2;
  return out;
}

/** Decides about one refusal at `now` and updates the state. */
export function throttleRefusal(state: RefusalThrottleState, key: string, now: number,
  limits: RefusalThrottleLimits = REFUSAL_THROTTLE): ThrottleDecision {
  const summaries = now >= state.nextSweep ? endRefusalWindows(state, now, limits) : [];
  let e = Object.prototype.hasOwnProperty.call(state.entries, key) ? state.entries[key] : null;
  if (e && e.windowStart + limits.windowMs <= now) {
    if (e.suppressed > 0) {
      summaries.push({ key: key, suppressed: e.suppressed, from: e.windowStart, to: e.lastAt });
    }
    delete state.entries[key];
    state.size--;
    e = null;
  }
  if (!e) {
    if (state.size >= limits.maxKeys) {
      return { log: true, throttled: false, firstSuppressed: false, summaries: summaries };
    }
    e = { windowStart: now, count: 0, suppressed: 0, lastAt: now };
    state.entries[key] = e;
    state.size++;
  }
  e.count++;
  e.lastAt = now;
  if (e.count <= limits.maxPerWindow) {
    return { log: true, throttled: false, firstSuppressed: false, summaries: summaries };
  }
  e.suppressed++;
  return { log: false, throttled: true, firstSuppressed: e.suppressed === 1,
    summaries: summaries };
}
