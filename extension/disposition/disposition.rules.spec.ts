import { EfrRole } from '../shared/public-api';
import { DispositionBatchView } from './disposition.model';
import {
  basisText, registerState, batchStatusKey, dispositionTextValid, offeredDecisions, sparedKey,
} from './disposition.rules';

// Issue 18: who decides a disposition batch, as the screens offer it.
describe('disposition rules', () => {
  const batch = (over: Partial<DispositionBatchView>): DispositionBatchView => ({
    id: 'b', number: '销毁-1', status: 'proposed', reason: '期满', proposedBy: 'custodian1',
    proposedByName: '李保管', proposedAt: '2026-01-01T00:00:00Z', recordingIds: [], caseLinks: [],
    reviewedBy: null,
    reviewedByName: null, reviewedAt: null, reviewOpinion: null, approvedBy: null,
    approvedByName: null, approvedAt: null, approvalOpinion: null, rejectedBy: null,
    rejectedByName: null,
    rejectedAt: null, rejectionReason: null, executedAt: null, destroyedIds: [], spared: [],
    recordings: [], register: null, ...over,
  });
  it('offers review to the office director and approval to a leader, never twice', () => {
    expect(offeredDecisions(batch({}), 'director1', [EfrRole.OfficeDirector]))
      .toEqual(['review', 'reject']);
    expect(offeredDecisions(batch({}), 'leader1', [EfrRole.Leader])).toEqual([]);
    const reviewed = batch({ status: 'reviewed', reviewedBy: 'director1' });
    expect(offeredDecisions(reviewed, 'leader1', [EfrRole.Leader])).toEqual(['approve', 'reject']);
    expect(offeredDecisions(reviewed, 'director1', [EfrRole.Leader, EfrRole.OfficeDirector]))
      .toEqual([]);
  });
  it('needs a real opinion and names statuses and reasons by key', () => {
    expect(dispositionTextValid(' 同 ')).toBeFalse();
    expect(dispositionTextValid('同意')).toBeTrue();
    expect(batchStatusKey('executed')).toBe('EFR_DISPOSITION.STATUS.EXECUTED');
    expect(sparedKey('efr.disposition.legalHold')).toBe('EFR_DISPOSITION.SPARED.legalHold');
  });
  it('shows the retention basis in the language of the reader', () => {
    const basis = 'R22.1 录制结束后至少保存 1 年，保存至 2025-01-03 / ' +
      'kept at least 1 year, until 2025-01-03';
    expect(basisText(basis, 'zh-CN')).toBe('R22.1 录制结束后至少保存 1 年，保存至 2025-01-03');
    expect(basisText(basis, 'en')).toBe('kept at least 1 year, until 2025-01-03');
    expect(basisText('R22.1', 'en')).toBe('R22.1');
  });
  it('offers the register once efr worker rendered it, says so while it renders', () => {
    const job = (state: 'requested' | 'building' | 'built' | 'failed') => ({ id: 'd1',
      name: '销毁清册-销毁-1.pdf', kind: 'destructionRegister' as const, subjectId: 'b1',
      job: { state, bytesDone: 0, bytesTotal: 0, percent: 0, worker: null, finishedAt: null,
        error: null } });
    expect(registerState(batch({}))).toBe('none');
    expect(registerState(batch({ status: 'executed' }))).toBe('none');
    expect(registerState(batch({ status: 'executed', register: job('requested') })))
      .toBe('rendering');
    expect(registerState(batch({ status: 'executed', register: job('building') })))
      .toBe('rendering');
    expect(registerState(batch({ status: 'executed', register: job('built') }))).toBe('ready');
    expect(registerState(batch({ status: 'executed', register: job('failed') }))).toBe('failed');
  });
});
