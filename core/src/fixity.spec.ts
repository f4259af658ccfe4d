// Fixity audit planning (issue 18, R26.1): every sealed recording within the cycle, oldest
// check first, within the round's byte budget; coverage as the screen shows it.
import {
  checkFixityReport, checkFixityRun, DEFAULT_FIXITY_POLICY, fixityCoverage, fixityResultOf,
  GROUP_EFR_CUSTODIANS, GROUP_EFR_OFFICERS, GROUP_EFR_WORKERS, JOB_LEASE_MS, planFixityRound,
  type FixitySubject, type PackageJob, type Verdict,
} from './index.js';

const DAY = 86400000;
const NOW = Date.UTC(2026, 11, 7);
const GIB = 1024 ** 3;

describe('fixity audit planning (issue 18, R26.1)', () => {
  const subjects: FixitySubject[] = [
    { id: 'a', size: 2 * GIB, lastCheckedAt: NOW - 10 * DAY },
    { id: 'b', size: 1 * GIB, lastCheckedAt: null },
    { id: 'c', size: 3 * GIB, lastCheckedAt: NOW - 100 * DAY },
    { id: 'd', size: 1 * GIB, lastCheckedAt: NOW - 91 * DAY },
  ];

  it('defaults to every recording within 90 days', () => {
    expect(DEFAULT_FIXITY_POLICY.cycleDays).toBe(90);
  });

  it('takes never-checked first, then the oldest check, within the byte budget', () => {
    const policy = { cycleDays: 90, bytesPerHour: 4 * GIB };
    expect(planFixityRound(subjects, policy, NOW, 3600000).map((s) => s.id)).toEqual(['b', 'c']);
    expect(planFixityRound(subjects, policy, NOW, 30 * 60000).map((s) => s.id)).toEqual(['b']);
  });

  it('always moves at least one file, even one larger than the budget', () => {
    const policy = { cycleDays: 90, bytesPerHour: 1024 };
    expect(planFixityRound(subjects, policy, NOW, 60000).map((s) => s.id)).toEqual(['b']);
  });

  it('leaves out what was checked within the cycle', () => {
    const policy = { cycleDays: 90, bytesPerHour: 100 * GIB };
    expect(planFixityRound(subjects, policy, NOW, 3600000).map((s) => s.id))
      .toEqual(['b', 'c', 'd']);
  });

  it('reports coverage and whether the rate can meet the cycle', () => {
    const c = fixityCoverage(subjects, { cycleDays: 90, bytesPerHour: 1024 }, NOW);
    expect(c).toEqual(jasmine.objectContaining({ total: 4, checkedInCycle: 1,
      totalBytes: 7 * GIB, cycleFeasible: false }));
    expect(c.requiredBytesPerHour).toBe(Math.ceil(7 * GIB / (90 * 24)));
    expect(fixityCoverage(subjects, DEFAULT_FIXITY_POLICY, NOW).cycleFeasible).toBeTrue();
  });
});

describe('fixity rounds as worker jobs (issues 15, 18; R26.1)', () => {
  const at = new Date(NOW).toISOString();
  const worker = { userName: 'w1', groups: [GROUP_EFR_WORKERS] };
  const job: PackageJob = { state: 'building', worker: 'w1', bytesDone: 0, bytesTotal: 10,
    leaseUntil: new Date(NOW + JOB_LEASE_MS).toISOString() };
  const code = (v: Verdict): string => (v.allowed ? 'allowed' : `${v.status} ${v.code}`);
  const report = (over: Record<string, unknown> = {}) => ({ recordingId: 'r1',
    sha256: 'a'.repeat(64), bytes: 10, busyMs: 5, ...over });

  it('custodians, supervisors and the worker\'s schedule ask for rounds; officers do not', () => {
    expect(checkFixityRun({ userName: 'c', groups: [GROUP_EFR_CUSTODIANS] }).allowed).toBeTrue();
    expect(checkFixityRun(worker).allowed).toBeTrue();
    expect(code(checkFixityRun({ userName: 'o', groups: [GROUP_EFR_OFFICERS] })))
      .toBe('403 efr.fixity.notCustodian');
  });

  it('takes a report from the lease holder about a planned, unchecked recording only', () => {
    const planned = ['r1', 'r2'];
    expect(checkFixityReport(job, worker, at, report(), planned, []).allowed).toBeTrue();
    expect(checkFixityReport(job, worker, at, report({ sha256: null }), planned, []).allowed)
      .toBeTrue();
    expect(code(checkFixityReport(job, { userName: 'w2', groups: [GROUP_EFR_WORKERS] }, at,
      report(), planned, []))).toBe('409 efr.job.leaseLost');
    expect(code(checkFixityReport(job, worker, at, report({ recordingId: 'r9' }), planned, [])))
      .toBe('422 efr.fixity.badReport');
    expect(code(checkFixityReport(job, worker, at, report(), planned, ['r1'])))
      .toBe('409 efr.fixity.alreadyChecked');
    for (const bad of [{ sha256: 'A'.repeat(64) }, { bytes: -1 }, { busyMs: 1.5 },
      { bytes: '10' }]) {
      expect(code(checkFixityReport(job, worker, at, report(bad), planned, [])))
        .withContext(JSON.stringify(bad)).toBe('422 efr.fixity.badReport');
    }
  });

  it('names what a check found', () => {
    expect(fixityResultOf('A'.repeat(64), 'a'.repeat(64))).toBe('ok');
    expect(fixityResultOf('a'.repeat(64), 'b'.repeat(64))).toBe('mismatch');
    expect(fixityResultOf('a'.repeat(64), null)).toBe('missing');
  });
});
