import {
  endRefusalWindows, newRefusalThrottle, refusalKey, throttleRefusal,
} from './index.js';

const LIMITS = { windowMs: 1000, maxPerWindow: 3, maxKeys: 2 };

describe('refusal throttle (issue 16: the access log cannot be flooded)', () => {
  it('logs the first refusals, then counts and summarises the repeats', () => {
    const s = newRefusalThrottle();
    const k = refusalKey('officer1', 'copy', 'n1', 'efr.recording.noCopy');
    const seen = [0, 1, 2, 3, 4, 5].map((t) => throttleRefusal(s, k, 100 + t, LIMITS));
    expect(seen.map((d) => d.log)).toEqual([true, true, true, false, false, false]);
    expect(seen.map((d) => d.throttled)).toEqual([false, false, false, true, true, true]);
    expect(seen.map((d) => d.firstSuppressed)).toEqual([false, false, false, true, false, false]);
    // A distinct refusal (other node) is logged meanwhile.
    expect(throttleRefusal(s, refusalKey('officer1', 'copy', 'n2', 'x'), 106, LIMITS).log).toBeTrue();
    // After the window: the summary of the suppressed ones, and logging again.
    const next = throttleRefusal(s, k, 1200, LIMITS);
    expect(next.log).toBeTrue();
    expect(next.summaries).toEqual([{ key: k, suppressed: 3, from: 100, to: 105 }]);
  });

  it('never loses a refusal when too many keys are tracked; flushes at the end', () => {
    const s = newRefusalThrottle();
    for (const n of ['a', 'b', 'c', 'd']) {
      for (let i = 0; i < 5; i++) throttleRefusal(s, n, 10, LIMITS);
    }
    // c and d were not tracked (maxKeys 2): every one of their refusals was logged.
    expect(throttleRefusal(s, 'd', 11, LIMITS)).toEqual(
      { log: true, throttled: false, firstSuppressed: false, summaries: [] });
    const all = endRefusalWindows(s, Number.POSITIVE_INFINITY, LIMITS);
    expect(all.map((x) => [x.key, x.suppressed])).toEqual([['a', 2], ['b', 2]]);
    expect(s.size).toBe(0);
  });
});
