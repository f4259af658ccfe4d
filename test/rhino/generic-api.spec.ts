// Issue 16 (module side): what the module answers a client that goes around EFR's web scripts
// through ACS's generic REST API (or CMIS, WebDAV, Share), played in the ACS-like runtime on
// the versions where ACS differs.
import { sealedRecordingProps } from './fixtures.js';
import { ACCESS_REQUESTS, HANDOVERS } from './webscript-features.js';
import { runWebScripts, type RestCall, type WsResult } from './webscript-run.js';
import { findRefusal } from '../../core/src/index.js';

const USERS: Record<string, string[]> = {
  custodian1: ['GROUP_EFR_CUSTODIANS'],
  supervisor1: ['GROUP_EFR_SUPERVISORS'],
  admin: ['GROUP_ALFRESCO_ADMINISTRATORS'],
};
const REC = 'EFR 执法记录/录像档案';
const HELD = {
  ...sealedRecordingProps(),
  'efr:holdReason': '群众投诉', 'efr:holdReference': '投诉-2026-07',
  'efr:holdSince': { date: '2026-03-02T00:00:00.000Z' }, 'efr:holdBy': 'supervisor1',
};

const code = (r: WsResult): string =>
  (r.status === 200 ? 'allowed' : findRefusal(String(r.error))?.code ?? `error ${r.error}`);

for (const acsVersion of ['23.1', '25.5']) {
  describe(`issue 16: the module against the generic API (ACS ${acsVersion})`, () => {
    let r: Record<string, WsResult>;

    beforeAll(async () => {
      const op = (name: string, user: string, rest: RestCall['rest']): RestCall =>
        ({ name, user, rest });
      r = await runWebScripts(HANDOVERS, USERS, [
        op('holdOffByCustodian', 'custodian1',
          { op: 'removeAspect', node: '#held.mp4', aspect: 'efr:legalHold' }),
        op('sealOffByAdmin', 'admin', { op: 'removeAspect', node: '#held.mp4', aspect: 'efr:sealed' }),
        op('factsOffByAdmin', 'admin',
          { op: 'removeAspect', node: '#held.mp4', aspect: 'efr:captureFacts' }),
        op('holdOffBySupervisor', 'supervisor1',
          { op: 'removeAspect', node: '#held.mp4', aspect: 'efr:legalHold' }),
      ], [{ folder: REC, name: 'held.mp4', type: 'efr:recording', properties: HELD }], acsVersion);
    });

    it('R14.2: a hold is lifted only by supervisors or legal, on every version', () => {
      expect(code(r.holdOffByCustodian)).toBe('efr.recording.holdRelease');
      expect(code(r.holdOffBySupervisor)).toBe('allowed');
    });

    it('R26.1: no aspect of the sealed record is removed, not even by an administrator', () => {
      expect(code(r.sealOffByAdmin)).toBe('efr.recording.sealedContent');
      expect(code(r.factsOffByAdmin)).toBe('efr.recording.sealedContent');
    });
  });
}

describe('issue 16: workflow records and locks against the generic API (module)', () => {
  let r: Record<string, WsResult>;

  beforeAll(async () => {
    r = await runWebScripts(ACCESS_REQUESTS, { ...USERS, officer1: ['GROUP_EFR_OFFICERS'] }, [
      { name: 'req', script: 'access-requests.post', user: 'officer1',
        body: { recordingIds: ['#clip.mp4'], purpose: 'work', reason: '复核现场执法过程' } },
      // POST /nodes/{request}/targets: another recording slipped into the request.
      { name: 'addTarget', user: 'officer1',
        rest: { op: 'addAssoc', node: '@req', target: '#other.mp4', assoc: 'efr:requestRecordings' } },
      { name: 'dropTarget', user: 'admin',
        rest: { op: 'removeAssoc', node: '@req', target: '#clip.mp4', assoc: 'efr:requestRecordings' } },
      { name: 'lockRecording', user: 'custodian1', rest: { op: 'lock', node: '#clip.mp4' } },
      { name: 'lockRequest', user: 'officer1', rest: { op: 'lock', node: '@req', persistent: false } },
      // The requester made the request, yet owns nothing on it: no ACL change, no ownership.
      { name: 'requesterAcl', user: 'officer1', rest: { op: 'setPermission', node: '@req',
        authority: 'GROUP_EVERYONE', role: 'Consumer' } },
      { name: 'takeOwnership', user: 'officer1',
        rest: { op: 'update', node: '@req', properties: { 'cm:owner': 'officer1' } } },
      { name: 'hold', script: 'holds.post', user: 'supervisor1',
        body: { recordingIds: ['#clip.mp4'], reason: '群众投诉', reference: '投诉-2026-07' } },
    ], [
      { folder: REC, name: 'clip.mp4', type: 'efr:recording', properties: sealedRecordingProps() },
      { folder: REC, name: 'other.mp4', type: 'efr:recording',
        properties: sealedRecordingProps({ 'efr:secrecyLevel': 'personalPrivacy' }) },
    ]);
  });

  it('R24.1: a request\'s recordings change only through its steps, not the node API', () => {
    expect(r.req.status).withContext(String(r.req.error)).toBe(201);
    expect(code(r.addTarget)).toBe('efr.workflow.stepsOnly');
    expect(code(r.dropTarget)).toBe('efr.workflow.stepsOnly');
  });

  it('R24.1/R26.1: nobody owns a workflow record, its creator included', () => {
    expect(String(r.requesterAcl.error)).toContain('Access Denied');
    expect(code(r.takeOwnership)).toBe('efr.owner.system');
  });

  it('R14.2/R26.1: nobody locks an EFR record; the steps still run', () => {
    expect(code(r.lockRecording)).toBe('efr.lock.refused');
    expect(code(r.lockRequest)).toBe('efr.lock.refused');
    expect(r.hold.status).withContext(JSON.stringify(r.hold.body)).toBe(201);
  });
});
