import {
  checkJobClaim, checkJobFailure, checkJobProgress, checkJobResult, checkJobWorker, jobPercent,
  leaseFrom,
  mayWorkerRead, checkJobUpload,
  type PackageJob,
} from './package-job.js';
import { GROUP_EFR_CUSTODIANS, GROUP_EFR_WORKERS, type Actor } from './roles.js';

const NOW = '2026-12-07T10:00:00.000Z';
const LATER = '2026-12-07T10:06:00.000Z';
const worker: Actor = { userName: 'efr-worker', groups: [GROUP_EFR_WORKERS] };
const second: Actor = { userName: 'efr-worker-2', groups: [GROUP_EFR_WORKERS] };
const custodian: Actor = { userName: 'custodian1', groups: [GROUP_EFR_CUSTODIANS] };

const requested: PackageJob = { state: 'requested', worker: null, leaseUntil: null,
  bytesDone: 0, bytesTotal: 0 };
const building: PackageJob = { state: 'building', worker: 'efr-worker', leaseUntil: leaseFrom(NOW),
  bytesDone: 100, bytesTotal: 1000 };
const SHA = 'a'.repeat(64);

function code(v: ReturnType<typeof checkJobClaim>): string {
  return v.allowed ? 'allowed' : `${v.status} ${v.code}`;
}

describe('package jobs (issue 15, R23.1)', () => {
  it('lets only workers take a worker\'s step at all (the job list)', () => {
    expect(code(checkJobWorker(worker))).toBe('allowed');
    expect(code(checkJobWorker(custodian))).toBe('403 efr.job.notWorker');
  });

  it('only the worker service account claims, and only a requested or abandoned job', () => {
    expect(code(checkJobClaim(requested, worker, NOW))).toBe('allowed');
    expect(code(checkJobClaim(requested, custodian, NOW))).toBe('403 efr.job.notWorker');
    expect(code(checkJobClaim(building, second, NOW))).toBe('409 efr.job.claimed');
    // Five minutes without a report: the job is free again.
    expect(code(checkJobClaim(building, second, LATER))).toBe('allowed');
    expect(code(checkJobClaim({ ...building, state: 'built' }, worker, LATER)))
      .toBe('409 efr.job.finished');
  });

  it('takes progress only from the holder, forward and within the total', () => {
    expect(code(checkJobProgress(building, worker, NOW, 500, 1000))).toBe('allowed');
    expect(code(checkJobProgress(building, second, NOW, 500, 1000))).toBe('409 efr.job.leaseLost');
    expect(code(checkJobProgress(building, worker, LATER, 500, 1000))).toBe('409 efr.job.leaseLost');
    expect(code(checkJobProgress(building, worker, NOW, 50, 1000))).toBe('422 efr.job.progress');
    expect(code(checkJobProgress(building, worker, NOW, 2000, 1000))).toBe('422 efr.job.progress');
    expect(code(checkJobProgress(building, worker, NOW, 1.5, 1000))).toBe('422 efr.job.progress');
    expect(code(checkJobProgress(building, worker, NOW, '5', 1000))).toBe('422 efr.job.progress');
    expect(code(checkJobProgress(requested, worker, NOW, 0, 0))).toBe('409 efr.job.notBuilding');
  });

  it('takes a result with a digest and a size, and a failure with a code and a message', () => {
    expect(code(checkJobResult(building, worker, NOW, SHA, 1000))).toBe('allowed');
    expect(code(checkJobResult(building, worker, NOW, 'A'.repeat(64), 1000)))
      .toBe('422 efr.job.result');
    expect(code(checkJobResult(building, worker, NOW, SHA, 0))).toBe('422 efr.job.result');
    expect(code(checkJobResult(building, custodian, NOW, SHA, 10))).toBe('403 efr.job.notWorker');
    expect(code(checkJobFailure(building, worker, NOW, 'efr.evidence.fixityMismatch', '不符')))
      .toBe('allowed');
    expect(code(checkJobFailure(building, worker, NOW, 'bad code!', 'x'))).toBe('422 efr.job.failure');
    expect(code(checkJobFailure(building, worker, NOW, 'a.b', ' '))).toBe('422 efr.job.failure');
  });

  it('says how far a job is', () => {
    expect(jobPercent(building)).toBe(10);
    expect(jobPercent(requested)).toBe(0);
    expect(jobPercent({ state: 'built', bytesDone: 0, bytesTotal: 0 })).toBe(100);
    expect(leaseFrom(NOW)).toBe('2026-12-07T10:05:00.000Z');
  });
});

describe('what a worker may read (R23.1, R24.2)', () => {
  const job = { state: 'building' as const, worker: 'efr-worker', leaseUntil: leaseFrom(NOW),
    recordingIds: ['r1', 'r2'] };
  it('reads the recordings of the job it holds, while it holds it, and nothing else', () => {
    expect(mayWorkerRead(worker, 'r1', [job], NOW)).toBeTrue();
    expect(mayWorkerRead(worker, 'r3', [job], NOW)).toBeFalse();
    expect(mayWorkerRead(second, 'r1', [job], NOW)).toBeFalse();
    expect(mayWorkerRead(worker, 'r1', [job], LATER)).toBeFalse();
    expect(mayWorkerRead(worker, 'r1', [{ ...job, state: 'built' }], NOW)).toBeFalse();
    expect(mayWorkerRead({ userName: 'efr-worker', groups: [] }, 'r1', [job], NOW)).toBeFalse();
  });
});

describe('who writes a package\'s image (R23.1, R26.1)', () => {
  it('only the holding worker, only while building', () => {
    expect(code(checkJobUpload(building, worker, NOW))).toBe('allowed');
    expect(code(checkJobUpload(building, second, NOW))).toBe('409 efr.job.leaseLost');
    expect(code(checkJobUpload(building, custodian, NOW))).toBe('403 efr.job.notWorker');
    expect(code(checkJobUpload({ ...building, state: 'built' }, worker, NOW)))
      .toBe('403 efr.workflow.stepsOnly');
    expect(code(checkJobUpload(null, worker, NOW))).toBe('403 efr.workflow.stepsOnly');
  });
});
