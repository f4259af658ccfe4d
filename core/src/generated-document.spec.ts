import { checkDocumentChange, isGeneratedDocument, type DocumentChange } from './generated-document.js';
import { leaseFrom, type PackageJob } from './package-job.js';
import { GROUP_EFR_CUSTODIANS, GROUP_EFR_WORKERS,
  type Actor } from './roles.js';

const NOW = '2026-12-07T10:00:00.000Z';
const worker: Actor = { userName: 'efr-worker', groups: [GROUP_EFR_WORKERS] };
const admin: Actor = { userName: 'admin', groups: ['GROUP_ALFRESCO_ADMINISTRATORS'] };
const custodian: Actor = { userName: 'custodian1', groups: [GROUP_EFR_CUSTODIANS] };
const building: PackageJob = { state: 'building', worker: 'efr-worker', leaseUntil: leaseFrom(NOW),
  bytesDone: 0, bytesTotal: 0 };
const built: PackageJob = { ...building, state: 'built' };

function code(job: PackageJob | null, hasContent: boolean, change: DocumentChange, actor: Actor,
  workflowStep = false): string {
  const v = checkDocumentChange({ job, hasContent }, change, { actor, workflowStep, now: NOW });
  return v.allowed ? 'allowed' : `${v.status} ${v.code}`;
}

describe('generated documents are permanent records (issue 15, R22.1)', () => {
  it('is a cm:content with the job aspect', () => {
    expect(isGeneratedDocument('cm:content', ['cm:titled', 'efr:packageJob'])).toBeTrue();
    expect(isGeneratedDocument('efr:evidencePackage', ['efr:packageJob'])).toBeFalse();
    expect(isGeneratedDocument('cm:content', ['cm:titled'])).toBeFalse();
  });

  it('takes content once, from the worker holding the job', () => {
    expect(code(building, false, { act: 'content' }, worker)).toBe('allowed');
    expect(code(building, true, { act: 'content' }, worker)).toBe('403 efr.document.kept');
    expect(code(building, false, { act: 'content' }, admin)).toBe('403 efr.job.notWorker');
    expect(code(building, false, { act: 'content' }, custodian, true))
      .toBe('403 efr.job.notWorker');
    expect(code(built, false, { act: 'content' }, worker)).toBe('403 efr.document.kept');
    expect(code(null, false, { act: 'content' }, worker)).toBe('403 efr.document.kept');
  });

  it('changes job properties in a job step only, until the job ended', () => {
    const job: DocumentChange = { act: 'properties', changed: ['efr:jobState', 'cm:modified'] };
    expect(code(building, false, job, worker, true)).toBe('allowed');
    expect(code(building, false, job, admin)).toBe('403 efr.document.kept');
    expect(code(built, true, job, worker, true)).toBe('403 efr.document.kept');
  });

  it('never renames, re-describes, re-owns, moves, deletes, copies, locks or strips it', () => {
    for (const changed of [['cm:name'], ['cm:description'], ['cm:owner'], ['cm:title']]) {
      expect(code(building, false, { act: 'properties', changed }, admin, true))
        .withContext(changed[0]).toBe('403 efr.document.kept');
    }
    for (const act of ['aspects', 'delete', 'move', 'copy', 'lock', 'owner'] as const) {
      expect(code(built, true, { act }, admin, true)).withContext(act).toBe('403 efr.document.kept');
    }
    expect(code(built, true, { act: 'permissions' }, admin)).toBe('403 efr.document.kept');
    expect(code(built, true, { act: 'permissions' }, worker, true)).toBe('allowed');
  });
});
