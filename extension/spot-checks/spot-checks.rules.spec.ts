import { EfrRole, EfrUser } from '../shared/public-api';
import { Campaign, Finding } from './spot-checks.model';
import {
  barWidth, bureauDay, campaignBody, campaignDays, campaignFilterFromParam, campaignFilterToParams,
  campaignsShown, findingBody, findingFormOf, findingProblems, mayReadAssessment,
  proposedViolationKind, violationFacts, violationSource,
  mayRunSpotChecks, nextDay, pendingFindings, percentText, refusalText, supervisionRequestFor,
} from './spot-checks.rules';

const user = (id: string, ...roles: EfrRole[]): EfrUser => ({ id, displayName: id, roles,
  isAdmin: false });
const pending: Finding = { id: 'f1', recordingId: 'r1', recordingName: 'a.mp4',
  officer: 'officer1', status: 'pending', itemRecorded: null, itemContinuous: null,
  itemHandled: null, notes: { recorded: null, continuous: null, handled: null },
  placementObservation: null, conductObservation: null, skipReason: null, reviewedBy: null,
  reviewedAt: null };

describe('spot-check screen rules (issue 8)', () => {
  it('R28.1: only supervisors run spot checks; unit heads also read the assessment', () => {
    expect(mayRunSpotChecks(user('s', EfrRole.Supervisor))).toBeTrue();
    expect(mayRunSpotChecks(user('u', EfrRole.UnitHead))).toBeFalse();
    expect(mayReadAssessment(user('u', EfrRole.UnitHead))).toBeTrue();
    expect(mayReadAssessment(user('o', EfrRole.Officer))).toBeFalse();
  });

  it('R28.2: ?findings=pending lists the campaigns with findings due, and writes back', () => {
    expect(campaignFilterFromParam('pending')).toBe('pending');
    expect(campaignFilterFromParam('done')).toBe('all');
    expect(campaignFilterFromParam(null)).toBe('all');
    expect(campaignFilterToParams('pending')).toEqual({ findings: 'pending' });
    expect(campaignFilterToParams('all')).toEqual({});
  });

  it('R28.2: the due findings are those of the campaigns listed, summed', () => {
    const campaign = (id: string, pendingCount: number) => ({ id, progress: { total: 3,
      pending: pendingCount, done: 3 - pendingCount, skipped: 0, failed: 0 } }) as Campaign;
    const all = [campaign('a', 2), campaign('b', 0), campaign('c', 1)];
    expect(campaignsShown(all, 'pending').map((c) => c.id)).toEqual(['a', 'c']);
    expect(campaignsShown(all, 'all').length).toBe(3);
    expect(pendingFindings(campaignsShown(all, 'pending'))).toBe(3);
    expect(pendingFindings([])).toBe(0);
  });

  it('R28.1: a campaign covers whole bureau days, the last one included', () => {
    const r = campaignBody({ title: ' 十一月 ', fromDay: '2026-11-01', toDay: '2026-11-30',
      percent: 10, seed: '' });
    expect(r).toEqual({ ok: true, body: { title: '十一月', from: '2026-11-01T00:00:00+08:00',
      to: '2026-12-01T00:00:00+08:00', proportion: 0.1 } });
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    // 21:51 UTC is already the next day in the bureau (UTC+8).
    expect(bureauDay(0, Date.UTC(2026, 10, 26, 21, 51))).toBe('2026-11-27');
    expect(campaignBody({ title: '', fromDay: '2026-11-02', toDay: '2026-11-01', percent: 10,
      seed: '' })).toEqual({ ok: false, key: 'EFR_SPOT_CHECKS.FORM.BAD_PERIOD' });
    expect(campaignBody({ title: '', fromDay: '2026-11-01', toDay: '2026-11-01', percent: 0,
      seed: 'x' })).toEqual({ ok: false, key: 'EFR_SPOT_CHECKS.FORM.BAD_PERCENT' });
  });

  it('R28.2: a skip needs a reason; each item an answer; a failure its note', () => {
    const form = findingFormOf(pending);
    expect(findingProblems(form).length).toBe(3);
    expect(findingProblems({ ...form, status: 'skipped' }))
      .toEqual(['EFR_SPOT_CHECKS.REVIEW.NEED_SKIP_REASON']);
    const answered = { ...form, items: { Recorded: 'pass', Continuous: 'fail',
      Handled: 'notApplicable' } } as typeof form;
    expect(findingProblems(answered)).toEqual(['EFR_SPOT_CHECKS.REVIEW.NEED_NOTE.Continuous']);
    const noted = { ...answered, notes: { ...answered.notes, Continuous: '中途关机' } };
    expect(findingProblems(noted)).toEqual([]);
    expect(findingBody('f1', noted)).toEqual(jasmine.objectContaining({ findingId: 'f1',
      status: 'done', itemContinuous: 'fail',
      notes: { recorded: '', continuous: '中途关机', handled: '' } }));
  });

  it('issue 19, point 6: a failed item proposes the kind the supervisor chose', () => {
    const form = findingFormOf(pending);
    expect(proposedViolationKind(form)).toBeNull();
    const failed = { ...form, items: { Recorded: 'pass', Continuous: 'fail', Handled: 'pass' },
      notes: { ...form.notes, Continuous: '中途关机' } } as typeof form;
    expect(proposedViolationKind(failed)).toBe('notRecorded');
    expect(findingBody('f1', failed)).toEqual(jasmine.objectContaining({
      violationKind: 'notRecorded' }));
    const chosen = { ...failed, violationKind: 'misuse' as const };
    expect(findingBody('f1', chosen)).toEqual(jasmine.objectContaining({
      violationKind: 'misuse' }));
    expect('violationKind' in findingBody('f1', { ...chosen, items: { Recorded: 'pass',
      Continuous: 'pass', Handled: 'pass' } })).toBeFalse();
  });

  it('shows rates without turning "no data" into 0 %', () => {
    expect(percentText(null)).toBe('—');
    expect(percentText(0.5)).toBe('50.0 %');
    expect(barWidth(null)).toBe(0);
    expect(barWidth(1.2)).toBe(100);
  });

  it('shows the refusal in the user language', () => {
    const e = { message: JSON.stringify({ error: { briefSummary:
      'A skipped recording needs a written reason. / 跳过抽查须填写书面理由。' } }) };
    expect(refusalText(e, 'zh-CN')).toBe('跳过抽查须填写书面理由。');
    expect(refusalText(e, 'en')).toBe('A skipped recording needs a written reason.');
  });

  it('R25.1: plays a drawn recording only under a registered supervision request', () => {
    const r = { id: 'q1', status: 'registered', purpose: 'supervision', viewer: 'supervisor1',
      recordingIds: ['r1'], viewingFrom: '2026-11-26T00:00:00Z',
      viewingUntil: '2026-11-27T00:00:00Z' };
    const now = Date.parse('2026-11-26T12:00:00Z');
    expect(supervisionRequestFor([r], 'r1', 'supervisor1', now)?.id).toBe('q1');
    expect(supervisionRequestFor([{ ...r, purpose: 'work' }], 'r1', 'supervisor1', now))
      .toBeNull();
    expect(supervisionRequestFor([r], 'r2', 'supervisor1', now)).toBeNull();
    expect(supervisionRequestFor([r], 'r1', 'officer1', now)).toBeNull();
    expect(supervisionRequestFor([r], 'r1', 'supervisor1', Date.parse('2026-11-27T00:00:00Z')))
      .toBeNull();
  });

  it('issue 19, point 6: a violation\'s facts once, in the reader\'s language', () => {
    const legacy = { sourceReference: 'finding:f1', description:
      'Spot check 抽查-20261207, a.mp4: 中途关机 / 抽查 抽查-20261207 不合格：中途关机' };
    expect(violationFacts(legacy, 'zh-CN')).toBe('抽查 抽查-20261207 不合格：中途关机');
    const now = { sourceReference: 'finding:f1', description: '中途关机 / 未说明理由' };
    expect(violationFacts(now, 'zh-CN')).toBe('中途关机 / 未说明理由');
    expect(violationFacts(now, 'en')).toBe('中途关机 / 未说明理由');
    const late = { sourceReference: 'handover:h1', description:
      'Handover 移交-1 sealed after its deadline (R21.1/R21.2). / 移交 移交-1 超过移交时限。' };
    expect(violationFacts(late, 'zh-CN')).toBe('移交 移交-1 超过移交时限。');
    expect(violationFacts(late, 'en')).toBe(
      'Handover 移交-1 sealed after its deadline (R21.1/R21.2).');
    expect(violationSource(late)).toBe('handover');
    // A fixity alert's facts: the reader's half too (issue 19).
    const fixity = { sourceReference: 'fixity:r1:abc', description:
      'Fixity audit: the stored bytes of a.mp4 are missing (2026-12-07T00:00:00Z). / ' +
      '定期完整性核查：录像 a.mp4 的存储内容缺失。' };
    expect(violationFacts(fixity, 'zh-CN')).toBe('定期完整性核查：录像 a.mp4 的存储内容缺失。');
    expect(violationSource(fixity)).toBe('fixity');
    expect(violationSource({ sourceReference: 'log:12' })).toBe('refusal');
    expect(violationSource({ sourceReference: null })).toBe('other');
  });

  it('issue 19, point 11: a campaign to 12-07 shows 12-07, not the exclusive end', () => {
    expect(campaignDays({ from: '2026-11-30T16:00:00.000Z', to: '2026-12-07T16:00:00.000Z' }))
      .toEqual({ first: '2026-12-01', last: '2026-12-07' });
    expect(campaignDays({ from: null, to: null })).toEqual({ first: '—', last: '—' });
  });
});
