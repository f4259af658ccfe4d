import {
  campaignProgress, checkCloseCampaign, checkFinding, defaultViolationKind, findingPassed,
  findingViolation, ITEM_RESULTS,
} from './index.js';
import type { Finding, Verdict } from './index.js';

const refusal = (v: Verdict): string =>
  (v.allowed ? 'allowed' : v.status + ' ' + v.code + ' ' + v.requirement);

function finding(o: Partial<Finding> = {}): Finding {
  return { recordingId: 'r-1', status: 'done', itemRecorded: 'pass', itemContinuous: 'pass',
    itemHandled: 'pass', note: null, skipReason: null, ...o };
}

describe('spot-check findings (R28.2) and closing (R28.1)', () => {
  it('R28.2: every combination of pass / notApplicable is accepted without a note', () => {
    const ok = ['pass', 'notApplicable'] as const;
    for (const a of ok) for (const b of ok) for (const c of ok) {
      expect(checkFinding(finding({ itemRecorded: a, itemContinuous: b, itemHandled: c })))
        .toEqual({ allowed: true });
    }
  });
  it('R28.2: each of the three items must be answered', () => {
    for (const item of ['itemRecorded', 'itemContinuous', 'itemHandled'] as const) {
      expect(refusal(checkFinding(finding({ [item]: null }))))
        .withContext(item).toBe('422 efr.finding.itemMissing R28.2');
      expect(refusal(checkFinding(finding({ [item]: 'maybe' as never }))))
        .withContext(item).toBe('422 efr.finding.itemMissing R28.2');
    }
  });
  it('R28.2: a failed item needs a note', () => {
    for (const item of ['itemRecorded', 'itemContinuous', 'itemHandled'] as const) {
      expect(refusal(checkFinding(finding({ [item]: 'fail' }))))
        .toBe('422 efr.finding.noteRequired R28.2');
      expect(refusal(checkFinding(finding({ [item]: 'fail', note: '  ' }))))
        .toBe('422 efr.finding.noteRequired R28.2');
      expect(checkFinding(finding({ [item]: 'fail', note: '中途关机 3 分钟' })).allowed).toBeTrue();
    }
  });
  it('R28.1: a skip needs a written reason; items may stay empty', () => {
    const skip = finding({ status: 'skipped', itemRecorded: null, itemContinuous: null,
      itemHandled: null });
    expect(refusal(checkFinding(skip))).toBe('422 efr.finding.skipReason R28.1');
    expect(checkFinding({ ...skip, skipReason: '文件损坏，已另案处理' }).allowed).toBeTrue();
  });
  it('a pending finding may be saved half-done', () => {
    expect(checkFinding(finding({ status: 'pending', itemHandled: null })).allowed).toBeTrue();
  });
  it('pass means done and no item failed', () => {
    expect(findingPassed(finding())).toBeTrue();
    expect(findingPassed(finding({ itemHandled: 'fail', note: 'x' }))).toBeFalse();
    expect(findingPassed(finding({ status: 'skipped', skipReason: 'x' }))).toBeFalse();
    expect(ITEM_RESULTS).toEqual(['pass', 'fail', 'notApplicable']);
  });
  it('R28.1: a campaign closes only without pending findings', () => {
    expect(checkCloseCampaign([finding(), finding({ status: 'skipped', skipReason: '损坏' })]))
      .toEqual({ allowed: true });
    expect(checkCloseCampaign([])).toEqual({ allowed: true });
    expect(refusal(checkCloseCampaign([finding(), finding({ status: 'pending' })])))
      .toBe('409 efr.spotCheck.pendingFindings R28.1');
  });
  it('R28.2: a campaign with an invalid finding does not close', () => {
    expect(refusal(checkCloseCampaign([finding({ itemRecorded: 'fail' })])))
      .toBe('422 efr.finding.noteRequired R28.2');
  });
});

describe('R28.1: the progress of a campaign', () => {
  it('counts findings by status; a failed one is done with an item failed', () => {
    expect(campaignProgress([
      finding({ status: 'pending', itemRecorded: null, itemContinuous: null, itemHandled: null }),
      finding(),
      finding({ itemHandled: 'fail', note: '未按规定移交' }),
      finding({ status: 'skipped', skipReason: '设备故障' }),
    ])).toEqual({ total: 4, pending: 1, done: 2, skipped: 1, failed: 1 });
    expect(campaignProgress([])).toEqual({ total: 0, pending: 0, done: 0, skipped: 0, failed: 0 });
  });
});

describe('the violation a failed finding proposes (R29.1; issue 19, point 6)', () => {
  const failed = (over: Partial<Finding>): Finding => ({
    recordingId: 'r1', status: 'done', itemRecorded: 'pass', itemContinuous: 'pass',
    itemHandled: 'pass', note: null, skipReason: null, ...over,
  });

  it('proposes nothing when no item failed', () => {
    expect(findingViolation(failed({}), 'misuse')).toBeNull();
  });

  it("takes the supervisor's kind, else the default of the failed item", () => {
    const f = failed({ itemRecorded: 'fail', note: '未录像。' });
    expect(findingViolation(f, 'misuse')?.kind).toBe('misuse');
    expect(findingViolation(f, null)?.kind).toBe('notRecorded');
    expect(findingViolation(f, 'nonsense')?.kind).toBe('notRecorded');
    expect(defaultViolationKind(failed({ itemHandled: 'fail' }))).toBe('otherSerious');
  });

  it("states the facts once, in the reviewer's words", () => {
    const f = failed({ itemRecorded: 'fail', itemContinuous: 'fail',
      note: '中途关机。 / 中途关机。' });
    expect(findingViolation(f)?.description).toBe('中途关机。');
  });
});
