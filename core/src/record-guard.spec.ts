import {
  checkOwnerChange, checkRecordExposure, requestAccess,
  checkAspectRemoval, checkCaseDelete, checkFolderDepth, checkGenericAct, checkLock,
  checkPermissionChange, checkRequestDelete, GROUP_EFR_OFFICERS, GROUP_EFR_SUPERVISORS,
  isOwnerless, jsonNestingOver, mayReadRequest, REQUEST_LIMITS, WORKFLOW_RECORD_TYPES,
} from './index.js';
import type { Verdict } from './index.js';

const refusal = (v: Verdict): string =>
  (v.allowed ? 'allowed' : v.status + ' ' + v.code + ' ' + v.requirement);
const GENERIC = { workflowStep: false };
const STEP = { workflowStep: true };

describe('record guard: no way around the rules (issue 16)', () => {
  it('refuses every generic act on every workflow record with 403, never 409', () => {
    for (const type of Object.keys(WORKFLOW_RECORD_TYPES)) {
      for (const act of ['properties', 'associations', 'aspects', 'permissions', 'lock', 'move',
        'delete', 'copy'] as const) {
        const v = checkGenericAct(type, act, GENERIC);
        expect(refusal(v)).toBe(`403 efr.workflow.stepsOnly ${WORKFLOW_RECORD_TYPES[type]}`);
        expect(checkGenericAct(type, act, STEP)).toEqual({ allowed: true });
      }
    }
    expect(checkGenericAct('efr:recording', 'properties', GENERIC)).toEqual({ allowed: true });
    expect(checkGenericAct('cm:content', 'delete', GENERIC)).toEqual({ allowed: true });
  });

  it('R26.1: nobody owns a sealed recording or a workflow record', () => {
    expect(isOwnerless('efr:recording', ['efr:sealed'])).toBeTrue();
    expect(isOwnerless('efr:recording', [])).toBeFalse();
    expect(isOwnerless('efr:accessRequest', [])).toBeTrue();
    expect(isOwnerless('cm:content', ['efr:sealed'])).toBeFalse();
    expect(refusal(checkPermissionChange(true, GENERIC))).toBe('403 efr.permissions.stepsOnly R26.1');
    expect(checkPermissionChange(false, GENERIC)).toEqual({ allowed: true });
    expect(checkPermissionChange(true, STEP)).toEqual({ allowed: true });
  });

  it('locks on EFR records only by the system; protected aspects stay', () => {
    expect(refusal(checkLock('efr:recording', GENERIC))).toBe('403 efr.lock.refused R26.1');
    expect(checkLock('cm:content', GENERIC)).toEqual({ allowed: true });
    expect(checkLock('efr:recording', STEP)).toEqual({ allowed: true });
    expect(refusal(checkAspectRemoval(['cm:titled', 'efr:sealed'], GENERIC)))
      .toBe('403 efr.aspect.protected R26.1');
    // A hold is lifted by role (R14.2: supervisors, legal), decided by the recording rules.
    expect(checkAspectRemoval(['efr:legalHold'], GENERIC)).toEqual({ allowed: true });
    expect(checkAspectRemoval(['cm:titled'], GENERIC)).toEqual({ allowed: true });
  });

  it('R24.1: a request is read by its parties and the deciders only', () => {
    const r = { requester: 'officer1', viewer: 'officer3' };
    const officer = (u: string) => ({ userName: u, groups: [GROUP_EFR_OFFICERS] });
    expect(mayReadRequest(r, officer('officer1'), false)).toBeTrue();
    expect(mayReadRequest(r, officer('officer3'), false)).toBeTrue();
    expect(mayReadRequest(r, officer('officer2'), false)).toBeFalse();
    expect(mayReadRequest(r, officer('officer2'), true)).toBeTrue();
    expect(mayReadRequest(r, { userName: 's', groups: [GROUP_EFR_SUPERVISORS] }, false)).toBeTrue();
  });

  it('R24.1: a request\'s ACL grants exactly whom mayReadRequest lets read it', () => {
    const r = { requester: 'officer1', viewer: 'officer3' };
    const acl = requestAccess(r);
    expect(acl.map((a) => a.authority + (a.write ? ' write' : ' read'))).toEqual([
      'GROUP_EFR_OFFICE_DIRECTORS write', 'GROUP_EFR_LEADERS write', 'GROUP_EFR_CUSTODIANS write',
      'GROUP_EFR_SUPERVISORS read', 'officer1 write', 'officer3 read']);
    // Everyone the ACL names reads; an officer it does not name does not.
    for (const a of acl) {
      const actor = a.authority.startsWith('GROUP_') ? { userName: 'x', groups: [a.authority] }
        : { userName: a.authority, groups: [GROUP_EFR_OFFICERS] };
      expect(mayReadRequest(r, actor, false)).withContext(a.authority).toBeTrue();
    }
    expect(requestAccess({ requester: 'officer1', viewer: null }).length).toBe(5);
  });

  it('shared links, renditions, downloads, working copies, versions of EFR records: 403', () => {
    for (const [path, code] of [['sharedLink', 'efr.record.noSharedLink'],
      ['rendition', 'efr.recording.noRendition'], ['download', 'efr.record.noDownload'],
      ['workingCopy', 'efr.record.noWorkingCopy'], ['version', 'efr.record.noVersion']] as const) {
      expect(refusal(checkRecordExposure(path)).split(' ').slice(0, 2).join(' ')).toBe(`403 ${code}`);
    }
  });

  it('R22.2/R24.2: cases with sealed recordings and decided requests are kept', () => {
    expect(checkCaseDelete(0)).toEqual({ allowed: true });
    expect(refusal(checkCaseDelete(2))).toBe('403 efr.case.hasSealedRecordings R22.2');
    expect(checkRequestDelete({ status: 'submitted', registeredAt: null })).toEqual({ allowed: true });
    expect(refusal(checkRequestDelete({ status: 'registered', registeredAt: '2026-01-01' })))
      .toBe('403 efr.access.registerKept R24.2');
    expect(refusal(checkRequestDelete({ status: 'closed', registeredAt: '2026-01-01' })))
      .toBe('403 efr.access.registerKept R24.2');
  });

  it('limits: folder depth and JSON nesting, counted without recursion', () => {
    expect(checkFolderDepth(REQUEST_LIMITS.folderDepth)).toEqual({ allowed: true });
    expect(refusal(checkFolderDepth(REQUEST_LIMITS.folderDepth + 1))).toBe('422 efr.limits.folderDepth R4.1');
    expect(jsonNestingOver('{"a":[[1]]}', 3)).toBeFalse();
    expect(jsonNestingOver('{"a":[[[1]]]}', 3)).toBeTrue();
    expect(jsonNestingOver('{"a":"[[[[[[\\"[[["}', 2)).toBeFalse();
    expect(jsonNestingOver('['.repeat(1_000_000), 64)).toBeTrue();
  });

  it('R26.1: the owner of an ownerless record changes only in the repository\'s own act', () => {
    const outside = { workflowStep: false };
    const v = checkOwnerChange('efr:accessRequest', [], outside);
    expect(v.allowed ? 'allowed' : `${v.status} ${v.code} ${v.requirement}`)
      .toBe('403 efr.owner.system R24.1');
    expect(checkOwnerChange('efr:recording', ['efr:sealed'], outside).allowed).toBeFalse();
    expect(checkOwnerChange('efr:recording', [], outside).allowed).toBeTrue();
    expect(checkOwnerChange('cm:content', [], outside).allowed).toBeTrue();
    expect(checkOwnerChange('efr:accessRequest', [], { workflowStep: true }).allowed).toBeTrue();
  });
});
