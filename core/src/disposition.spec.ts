import {
  caseLinksOf, checkDestroyedContentRead, checkDisposal, checkEligible, checkNewBatch, dispositionTransition,
  executeBatch, GROUP_EFR_CUSTODIANS, GROUP_EFR_LEADERS, GROUP_EFR_OFFICE_DIRECTORS,
  planExecution, retentionBasis,
} from './index.js';
import type { Actor, DispositionBatch, DispositionCandidate, Verdict } from './index.js';

// Issue 18: disposition after retention (R22.1, R22.2, R14.2, R26.1).
const actor = (userName: string, ...groups: string[]): Actor => ({ userName, groups });
const custodian = actor('baoguan', GROUP_EFR_CUSTODIANS);
const director = actor('zhuren', GROUP_EFR_OFFICE_DIRECTORS);
const leader = actor('lingdao', GROUP_EFR_LEADERS);
const NOW = '2027-06-01T00:00:00.000Z';

const refusal = (v: Verdict): string =>
  (v.allowed ? 'allowed' : v.status + ' ' + v.code + ' ' + v.requirement);

const rec = (over: Partial<DispositionCandidate> = {}): DispositionCandidate => ({
  id: 'r-1', sealed: true, destroyed: false, retainUntil: '2026-01-02T00:00:00.000Z',
  retentionPermanent: false, legalHold: false, recordingEnd: '2025-01-02T00:00:00.000Z',
  cases: [], ...over,
});
const closedCase = { id: 'c-1', number: 'DD-2024-1', closedAt: '2025-01-01T00:00:00.000Z',
  retentionYears: 2, retentionPermanent: false };

function proposed(recs: DispositionCandidate[]): DispositionBatch {
  return {
    id: 'b-1', status: 'proposed', proposedBy: 'baoguan', proposedAt: NOW, reason: '期满',
    recordingIds: recs.map((r) => r.id), caseLinks: caseLinksOf(recs), reviewedBy: null,
    reviewedAt: null, reviewOpinion: null, approvedBy: null, approvedAt: null,
    approvalOpinion: null, rejectedBy: null, rejectedAt: null, rejectionReason: null,
    executedAt: null, destroyedIds: [], spared: [],
  };
}

describe('disposition eligibility (R22.1, R22.2, R14.2)', () => {
  it('a sealed recording whose retention passed, unheld and without cases, is eligible', () => {
    expect(refusal(checkEligible(rec(), NOW))).toBe('allowed');
  });
  it('keeps what retention, a hold, a case or permanence keeps', () => {
    expect(refusal(checkEligible(rec({ retainUntil: '2028-01-01T00:00:00Z' }), NOW)))
      .toBe('409 efr.disposition.retained R22.1');
    expect(refusal(checkEligible(rec({ legalHold: true }), NOW)))
      .toBe('409 efr.disposition.legalHold R14.2');
    expect(refusal(checkEligible(rec({ retentionPermanent: true }), NOW)))
      .toBe('409 efr.disposition.permanent R22.2');
    expect(refusal(checkEligible(rec({ cases: [{ ...closedCase, closedAt: null }] }), NOW)))
      .toBe('409 efr.disposition.openCase R22.2');
    // Closed 2025-01-01 with 2 years: retained until 2027-01-01... passed at NOW.
    expect(refusal(checkEligible(rec({ cases: [closedCase] }), NOW))).toBe('allowed');
    expect(refusal(checkEligible(rec({ cases: [{ ...closedCase, retentionYears: 5 }] }), NOW)))
      .toBe('409 efr.disposition.caseRetained R22.2');
    expect(refusal(checkEligible(rec({ sealed: false }), NOW)))
      .toBe('409 efr.disposition.retentionOpen R22.1');
    expect(refusal(checkEligible(rec({ destroyed: true }), NOW)))
      .toBe('409 efr.disposition.destroyed R26.1');
  });
  it('names the rule behind the retention in the tombstone basis', () => {
    expect(retentionBasis(rec())).toContain('R22.1');
    expect(retentionBasis(rec({ cases: [closedCase] }))).toContain('R22.2 随案卷保存：DD-2024-1');
  });
});

describe('disposition batch (issue 18)', () => {
  it('only a custodian proposes eligible recordings, each in one pending batch', () => {
    const ok = { recordingIds: ['r-1'], reason: '保存期满' };
    expect(refusal(checkNewBatch(ok, custodian, [rec()], [], NOW))).toBe('allowed');
    expect(refusal(checkNewBatch(ok, director, [rec()], [], NOW)))
      .toBe('403 efr.disposition.notCustodian R22.1');
    expect(refusal(checkNewBatch(ok, custodian, [rec({ legalHold: true })], [], NOW)))
      .toBe('409 efr.disposition.legalHold R14.2');
    expect(refusal(checkNewBatch(ok, custodian, [rec()], ['r-1'], NOW)))
      .toBe('409 efr.disposition.inOtherBatch R22.1');
    expect(refusal(checkNewBatch({ ...ok, reason: ' ' }, custodian, [rec()], [], NOW)))
      .toBe('422 efr.disposition.reasonRequired R22.1');
    expect(refusal(checkNewBatch({ ...ok, recordingIds: [] }, custodian, [], [], NOW)))
      .toBe('422 efr.disposition.batchSize R22.1');
    expect(refusal(checkNewBatch({ ...ok, recordingIds: ['x'] }, custodian, [rec()], [], NOW)))
      .toBe('422 efr.disposition.notRecording R22.1');
  });

  it('goes proposed → reviewed → approved by three different people, with opinions', () => {
    const b = proposed([rec()]);
    expect(refusal(dispositionTransition(b, { type: 'approve', opinion: '同意' }, leader, NOW)
      .verdict)).toBe('409 efr.disposition.badState R22.1');
    expect(refusal(dispositionTransition(b, { type: 'review', opinion: '同意' }, leader, NOW)
      .verdict)).toBe('403 efr.disposition.notOfficeDirector R22.1');
    const proposerAsDirector = actor('baoguan', GROUP_EFR_CUSTODIANS, GROUP_EFR_OFFICE_DIRECTORS);
    expect(refusal(dispositionTransition(b, { type: 'review', opinion: '同意' },
      proposerAsDirector, NOW).verdict)).toBe('403 efr.disposition.separationOfDuties R22.1');
    expect(refusal(dispositionTransition(b, { type: 'review', opinion: '' }, director, NOW)
      .verdict)).toBe('422 efr.disposition.opinionRequired R22.1');
    const reviewed = dispositionTransition(b, { type: 'review', opinion: '同意销毁' }, director,
      NOW).next as DispositionBatch;
    expect(reviewed.status).toBe('reviewed');
    expect(reviewed.reviewOpinion).toBe('同意销毁');
    const directorAsLeader = actor('zhuren', GROUP_EFR_OFFICE_DIRECTORS, GROUP_EFR_LEADERS);
    expect(refusal(dispositionTransition(reviewed, { type: 'approve', opinion: '同意' },
      directorAsLeader, NOW).verdict)).toBe('403 efr.disposition.separationOfDuties R22.1');
    const approved = dispositionTransition(reviewed, { type: 'approve', opinion: '同意' }, leader,
      NOW).next as DispositionBatch;
    expect(approved.status).toBe('approved');
    expect(approved.approvedBy).toBe('lingdao');
  });

  it('a rejection needs the decider whose turn it is and a reason', () => {
    const b = proposed([rec()]);
    expect(refusal(dispositionTransition(b, { type: 'reject', reason: '' }, director, NOW)
      .verdict)).toBe('422 efr.disposition.rejectionReason R22.1');
    const r = dispositionTransition(b, { type: 'reject', reason: '尚需核查' }, director, NOW);
    expect(r.next?.status).toBe('rejected');
    expect(refusal(dispositionTransition(r.next as DispositionBatch,
      { type: 'review', opinion: '同意' }, director, NOW).verdict))
      .toBe('409 efr.disposition.badState R22.1');
  });

  it('a hold or a new case link placed during the batch spares its recording', () => {
    const b = { ...proposed([rec(), rec({ id: 'r-2' }), rec({ id: 'r-3' })]),
      status: 'approved' as const };
    const plan = planExecution(b, [
      rec(),
      rec({ id: 'r-2', legalHold: true }),
      rec({ id: 'r-3', cases: [closedCase] }),
    ], NOW);
    expect(plan.destroy).toEqual(['r-1']);
    expect(plan.spared).toEqual([
      { id: 'r-2', code: 'efr.disposition.legalHold', requirement: 'R14.2' },
      { id: 'r-3', code: 'efr.disposition.newCaseLink', requirement: 'R22.2' },
    ]);
    const done = executeBatch(b, plan, NOW).next as DispositionBatch;
    expect(done.status).toBe('executed');
    expect(done.destroyedIds).toEqual(['r-1']);
    expect(refusal(executeBatch(done, plan, NOW).verdict))
      .toBe('409 efr.disposition.badState R22.1');
  });

  it('a tombstone answers 410 Gone for its content', () => {
    expect(refusal(checkDestroyedContentRead('b-1')))
      .toBe('410 efr.disposition.contentDestroyed R22.1');
  });
});

describe('the one path to the bytes of a recording (issue 18, R26.1): checkDisposal', () => {
  const executed = { id: 'b-1', status: 'executed', destroyedIds: ['r-1'] };
  const change = (over: Partial<Parameters<typeof checkDisposal>[0]> = {}) => checkDisposal({
    recordingId: 'r-1', removesContent: false, changed: [], addedAspects: [],
    wasTombstone: false, inStep: true, batch: executed, ...over,
  });

  it('lets other changes through untouched', () => {
    expect(refusal(change({ changed: ['cm:title'], inStep: false, batch: null })))
      .toBe('allowed');
  });

  it('an executed batch that lists the recording, in a step, makes the tombstone and takes the bytes', () => {
    expect(refusal(change({ addedAspects: ['efr:destroyed'],
      changed: ['efr:destroyedAt', 'efr:destroyedBatch'] }))).toBe('allowed');
    expect(refusal(change({ removesContent: true, wasTombstone: true }))).toBe('allowed');
  });

  it('refuses every other way: outside a step, without the batch, a batch not executed or not naming it', () => {
    for (const over of [
      { inStep: false },
      { batch: null },
      { batch: { ...executed, status: 'approved' } },
      { batch: { ...executed, destroyedIds: ['r-2'] } },
    ]) {
      expect(refusal(change({ removesContent: true, ...over })))
        .withContext(JSON.stringify(over)).toBe('403 efr.disposition.stepsOnly R26.1');
      expect(refusal(change({ addedAspects: ['efr:destroyed'], ...over })))
        .withContext(JSON.stringify(over)).toBe('403 efr.disposition.stepsOnly R26.1');
    }
  });

  it('never rewrites a tombstone, not even in a step', () => {
    expect(refusal(change({ wasTombstone: true, changed: ['efr:destroyedBy'] })))
      .toBe('403 efr.disposition.stepsOnly R26.1');
  });
});
