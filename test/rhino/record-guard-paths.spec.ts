// Issue 16 (module side): the paths of docs/security.md the module closes with core's rules,
// played in the ACS-like runtime against the built module as ACS's REST API (or CMIS, WebDAV,
// Share) reaches the services: properties of workflow records through `PUT /nodes` outside a
// step, copies, deletes of kept requests and cases, folders that would carry sealed recordings
// out of the archive, who reads a request (its ACL), shared links, renditions, downloads,
// versions and working copies, and the hold release step. A behaviour's refusal answers the
// status ACS's REST API maps its ScriptException to (500, never 409; AcsRuntime#restStatusOf);
// an ACL's, 403.
import { sealedRecordingProps, unsealedRecordingProps } from './fixtures.js';
import { runWebScripts, type RestCall, type WebScriptFeature, type WsCall, type WsResult } from './webscript-run.js';
import { findRefusal } from '../../core/src/index.js';

const USERS: Record<string, string[]> = {
  officer1: ['GROUP_EFR_OFFICERS'],
  officer2: ['GROUP_EFR_OFFICERS'],
  director1: ['GROUP_EFR_OFFICE_DIRECTORS'],
  leader1: ['GROUP_EFR_LEADERS'],
  custodian1: ['GROUP_EFR_CUSTODIANS'],
  admin: ['GROUP_ALFRESCO_ADMINISTRATORS'],
};
const ARCHIVE = 'EFR 执法记录';
const REC = `${ARCHIVE}/录像档案`;
/** The access-request web scripts, the archive folders and one folder outside the archive. */
const FEATURE: WebScriptFeature = {
  areas: ['access-requests'],
  folders: [`${ARCHIVE}/调阅申请`, REC, `${ARCHIVE}/案件`, '个人文件'],
};
const until = new Date(Date.now() + 3_600_000).toISOString();
const step = (name: string, action: string, user: string, body?: unknown): WsCall => ({
  name, script: 'access-request-action.post', user, templateArgs: { id: '@req', step: action }, body,
});
const caseProps = (n: number): Record<string, unknown> => ({
  'efr:caseNumber': `丹民罚〔2026〕${n}号`, 'efr:unit': '丹江市城管局', 'efr:actType': 'penalty',
  'efr:caseStatus': 'open', 'efr:handler': 'officer1', 'efr:leaderInCharge': 'leader1',
  'efr:openedAt': { date: '2026-03-01T08:00:00.000Z' },
});
const rest = (name: string, user: string, op: RestCall['rest']): RestCall => ({ name, user, rest: op });
const code = (r: WsResult): string =>
  (r.error === null ? 'allowed' : findRefusal(String(r.error))?.code ?? `error ${r.error}`);

describe('issue 16: the module against PUT, copy, delete and move of kept records', () => {
  let r: Record<string, WsResult>;
  let tree: string[];

  beforeAll(async () => {
    r = await runWebScripts(FEATURE, USERS, [
      { name: 'req', script: 'access-requests.post', user: 'officer1',
        body: { recordingIds: ['#clip.mp4'], purpose: 'work', reason: '复核现场执法过程' } },
      { name: 'req2', script: 'access-requests.post', user: 'officer2',
        body: { recordingIds: ['#clip.mp4'], purpose: 'work', reason: '复核现场执法过程' } },
      // A status step through PUT /nodes, as the state machine would allow it in a step.
      rest('putReview', 'director1', { op: 'update', node: '@req', properties: {
        'efr:requestStatus': 'reviewed', 'efr:reviewer': 'director1',
        'efr:reviewedAt': { date: new Date().toISOString() } } }),
      step('review', 'review', 'director1'),
      step('approve', 'approve', 'leader1'),
      step('register', 'register', 'custodian1',
        { viewer: 'officer1', reason: '案件复核需要', viewingUntil: until }),
      // The requester widens his registered request's purpose; an administrator renames it.
      rest('putPurpose', 'officer1', { op: 'update', node: '@req',
        properties: { 'efr:purpose': 'litigation' } }),
      rest('putByAdmin', 'admin', { op: 'update', node: '@req', properties: { 'cm:title': '改' } }),
      rest('copyRequest', 'officer1', { op: 'copy', node: '@req', dest: '#inbox', newName: 'mine' }),
      rest('deleteRegistered', 'admin', { op: 'delete', node: '@req' }),
      rest('deleteSubmitted', 'officer2', { op: 'delete', node: '@req2' }),
      rest('moveRequest', 'officer1', { op: 'move', node: '@req', dest: '#inbox' }),
      // A case with a sealed recording linked, and one without.
      rest('link', 'admin', { op: 'addAssoc', node: '#case1', target: '#clip.mp4',
        assoc: 'efr:caseRecordings' }),
      rest('deleteCase', 'admin', { op: 'delete', node: '#case1' }),
      rest('deleteEmptyCase', 'admin', { op: 'delete', node: '#case2' }),
      // Folders: one holding a sealed recording leaves the archive; one whose case holds it.
      rest('moveBox', 'admin', { op: 'move', node: '#box', dest: '#inbox' }),
      rest('moveBoxWithCase', 'admin', { op: 'move', node: '#box2', dest: '#inbox' }),
      rest('moveBoxInside', 'admin', { op: 'move', node: '#box', dest: '#shelf' }),
    ], [
      { folder: REC, name: 'clip.mp4', type: 'efr:recording', properties: sealedRecordingProps() },
      { folder: '个人文件', name: 'inbox', type: 'cm:folder', properties: {} },
      { folder: `${ARCHIVE}/案件`, name: 'case1', type: 'efr:case', properties: caseProps(1) },
      { folder: `${ARCHIVE}/案件`, name: 'case2', type: 'efr:case', properties: caseProps(2) },
      { folder: REC, name: 'box', type: 'cm:folder', properties: {} },
      { folder: `${REC}/box`, name: 'boxed.mp4', type: 'efr:recording',
        properties: sealedRecordingProps() },
      { folder: REC, name: 'box2', type: 'cm:folder', properties: {} },
      { folder: `${REC}/box2`, name: 'case3', type: 'efr:case', properties: caseProps(3) },
      { folder: `${REC}/box2/case3`, name: 'cased.mp4', type: 'efr:recording',
        properties: sealedRecordingProps() },
      { folder: REC, name: 'shelf', type: 'cm:folder', properties: {} },
    ]);
    tree = r.$tree.logs;
  });

  it('R24.1: a request changes only through its steps, not PUT /nodes, administrators included', () => {
    expect(r.req.status).withContext(JSON.stringify(r.req.body)).toBe(201);
    expect(code(r.putReview)).toBe('efr.workflow.stepsOnly');
    expect(r.putReview.status).toBe(500);
    expect(r.register.status).withContext(JSON.stringify(r.register.body)).toBe(200);
    // The request's own rule saw the purpose (a recorded decision) first; the guard sees all.
    expect(code(r.putPurpose)).toBe('efr.access.decisionFixed');
    expect(code(r.putByAdmin)).toBe('efr.workflow.stepsOnly');
    expect(r.putByAdmin.logs.join('\n')).toContain('efr refused properties of');
  });

  it('R24.1: a request is neither copied nor moved through the node API', () => {
    expect(code(r.copyRequest)).toBe('efr.workflow.stepsOnly');
    expect(code(r.moveRequest)).toBe('efr.workflow.stepsOnly');
    expect(tree.some((p) => p.endsWith('个人文件/inbox/mine'))).toBe(false);
  });

  it('R24.2: a registered request stays in the register; a submitted one goes only by its steps', () => {
    expect(code(r.deleteRegistered)).toBe('efr.access.registerKept');
    expect(r.req2.status).withContext(JSON.stringify(r.req2.body)).toBe(201);
    expect(code(r.deleteSubmitted)).toBe('efr.workflow.stepsOnly');
  });

  it('R22.2: a case linked to a sealed recording is kept; an empty one may go', () => {
    expect(code(r.link)).toBe('allowed');
    expect(code(r.deleteCase)).toBe('efr.case.hasSealedRecordings');
    expect(code(r.deleteEmptyCase)).toBe('allowed');
    expect(tree.some((p) => p.endsWith('案件/case1'))).toBe(true);
  });

  it('R26.1: a folder does not carry a sealed recording out of the archive', () => {
    expect(code(r.moveBox)).toBe('efr.recording.leavesArchive');
    expect(tree.some((p) => p.endsWith('录像档案/shelf/box/boxed.mp4'))).toBe(true);
    // A case is part of the archive wherever it is filed: its recordings stay inside it.
    expect(code(r.moveBoxWithCase)).toBe('allowed');
    expect(code(r.moveBoxInside)).toBe('allowed');
  });
});

describe('issue 16: who reads a viewing request in ACS (its own ACL, core\'s requestAccess)', () => {
  let r: Record<string, WsResult>;
  const REQUESTS = `${ARCHIVE}/调阅申请`;
  const names = (x: WsResult): string[] => (x.body?.list?.entries ?? []).map((e) => String(e.entry.name));

  beforeAll(async () => {
    const users = { ...USERS, officer3: ['GROUP_EFR_OFFICERS'], supervisor1: ['GROUP_EFR_SUPERVISORS'],
      legal1: ['GROUP_EFR_LEGAL'] };
    r = await runWebScripts({
      ...FEATURE,
      // The demo's requests folder (server/src/demo/archive-folders.ts): every officer may file.
      folderAces: { [ARCHIVE]: ['ALLOWED;GROUP_EFR_CUSTODIANS;Collaborator',
        'ALLOWED;GROUP_EFR_SUPERVISORS;Consumer'],
      [REQUESTS]: ['ALLOWED;GROUP_EFR_OFFICERS;Contributor', 'ALLOWED;GROUP_EFR_LEGAL;Contributor',
        'ALLOWED;GROUP_EFR_OFFICE_DIRECTORS;Collaborator', 'ALLOWED;GROUP_EFR_LEADERS;Collaborator'] },
    }, users, [
      { name: 'req', script: 'access-requests.post', user: 'officer1',
        body: { recordingIds: ['#clip.mp4'], purpose: 'work', reason: '复核现场执法过程' } },
      rest('byRequester', 'officer1', { op: 'get', node: '@req' }),
      rest('byOtherOfficer', 'officer2', { op: 'get', node: '@req' }),
      rest('byLegal', 'legal1', { op: 'get', node: '@req' }),
      rest('byDirector', 'director1', { op: 'get', node: '@req' }),
      rest('bySupervisor', 'supervisor1', { op: 'get', node: '@req' }),
      rest('byCustodian', 'custodian1', { op: 'get', node: '@req' }),
      rest('viewerBefore', 'officer3', { op: 'get', node: '@req' }),
      rest('listRequester', 'officer1', { op: 'children', node: `/${REQUESTS}` }),
      rest('listOther', 'officer2', { op: 'children', node: `/${REQUESTS}` }),
      step('review', 'review', 'director1'),
      step('approve', 'approve', 'leader1'),
      step('register', 'register', 'custodian1',
        { viewer: 'officer3', reason: '案件复核需要', viewingUntil: until }),
      rest('viewerAfter', 'officer3', { op: 'get', node: '@req' }),
      { name: 'acl', permissionsOf: '@req' },
      // The requester holds no right to change who reads it.
      rest('requesterAcl', 'officer1', { op: 'setPermission', node: '@req',
        authority: 'GROUP_EVERYONE', role: 'Consumer' }),
    ], [
      { folder: REC, name: 'clip.mp4', type: 'efr:recording', properties: sealedRecordingProps() },
    ]);
  });

  it('R24.1: the requester, the deciders and supervisors read it; other officers and legal do not (403)', () => {
    expect(r.req.status).withContext(JSON.stringify(r.req.body)).toBe(201);
    for (const k of ['byRequester', 'byDirector', 'bySupervisor', 'byCustodian']) {
      expect(r[k].status).withContext(`${k} ${r[k].error}`).toBe(200);
    }
    for (const k of ['byOtherOfficer', 'byLegal', 'viewerBefore']) {
      expect(r[k].status).withContext(k).toBe(403);
    }
  });

  it('R24.1: the requests folder lists it to the requester only, among officers', () => {
    expect(names(r.listRequester).length).toBe(1);
    expect(names(r.listOther)).toEqual([]);
  });

  it('R24.2: registration lets the viewer read it; nobody but EFR sets its ACL', () => {
    expect(r.register.status).withContext(JSON.stringify(r.register.body)).toBe(200);
    expect(r.viewerAfter.status).toBe(200);
    expect(r.acl.body?.permissions).toEqual(jasmine.arrayWithExactContents([
      'ALLOWED;GROUP_EFR_OFFICE_DIRECTORS;Collaborator', 'ALLOWED;GROUP_EFR_LEADERS;Collaborator',
      'ALLOWED;GROUP_EFR_CUSTODIANS;Collaborator', 'ALLOWED;GROUP_EFR_SUPERVISORS;Consumer',
      'ALLOWED;officer1;Collaborator', 'ALLOWED;officer3;Consumer']));
    expect(r.requesterAcl.status).toBe(403);
  });
});

describe('issue 16: shared links, renditions, downloads, versions and working copies (module)', () => {
  let r: Record<string, WsResult>;

  beforeAll(async () => {
    r = await runWebScripts(FEATURE, USERS, [
      rest('shareRecording', 'officer1', { op: 'share', node: '#clip.mp4' }),
      rest('shareMemo', 'officer1', { op: 'share', node: '#memo.txt' }),
      rest('renderRecording', 'officer1', { op: 'render', node: '#clip.mp4' }),
      rest('renderUnsealed', 'officer1', { op: 'render', node: '#raw.mp4' }),
      rest('renderMemo', 'officer1', { op: 'render', node: '#memo.txt' }),
      rest('downloadRecording', 'custodian1', { op: 'download', node: '#clip.mp4' }),
      rest('downloadFolder', 'custodian1', { op: 'download', node: '#box' }),
      rest('downloadPlain', 'officer1', { op: 'download', node: '#inbox' }),
      rest('versionSealed', 'admin', { op: 'version', node: '#clip.mp4' }),
      rest('versionUnsealed', 'officer1', { op: 'version', node: '#raw.mp4' }),
      rest('checkoutRecording', 'officer1', { op: 'checkout', node: '#raw.mp4' }),
      rest('checkoutMemo', 'officer1', { op: 'checkout', node: '#memo.txt' }),
    ], [
      { folder: REC, name: 'clip.mp4', type: 'efr:recording', properties: sealedRecordingProps() },
      { folder: REC, name: 'raw.mp4', type: 'efr:recording', properties: unsealedRecordingProps() },
      { folder: '个人文件', name: 'inbox', type: 'cm:folder', properties: {} },
      { folder: '个人文件/inbox', name: 'memo.txt', type: 'cm:content', properties: {} },
      { folder: REC, name: 'box', type: 'cm:folder', properties: {} },
      { folder: `${REC}/box`, name: 'deep', type: 'cm:folder', properties: {} },
      { folder: `${REC}/box/deep`, name: 'boxed.mp4', type: 'efr:recording',
        properties: sealedRecordingProps() },
    ]);
  });

  it('R24.2: no shared link (anonymous access) to a recording; other content is shared', () => {
    expect(code(r.shareRecording)).toBe('efr.record.noSharedLink');
    expect(r.shareRecording.status).toBe(500);
    expect(code(r.shareMemo)).toBe('allowed');
  });

  it('R23.1: no rendition or thumbnail of any recording, sealed or not', () => {
    expect(code(r.renderRecording)).toBe('efr.recording.noRendition');
    expect(code(r.renderUnsealed)).toBe('efr.recording.noRendition');
    expect(code(r.renderMemo)).toBe('allowed');
  });

  it('R23.1: no download zip of a recording or of a folder holding one at any depth', () => {
    expect(code(r.downloadRecording)).toBe('efr.record.noDownload');
    expect(code(r.downloadFolder)).toBe('efr.record.noDownload');
    expect(code(r.downloadPlain)).toBe('allowed');
  });

  it('R26.1: a sealed recording gets no version, administrators included; none is checked out', () => {
    expect(code(r.versionSealed)).toBe('efr.record.noVersion');
    expect(code(r.versionUnsealed)).toBe('allowed');
    expect(code(r.checkoutRecording)).toBe('efr.record.noWorkingCopy');
    expect(code(r.checkoutMemo)).toBe('allowed');
  });
});

describe('R14.2: the hold release step (module, as server/)', () => {
  let r: Record<string, WsResult>;
  const HELD = {
    ...sealedRecordingProps(),
    'efr:holdReason': '群众投诉', 'efr:holdReference': '投诉-2026-07',
    'efr:holdSince': { date: '2026-03-02T00:00:00.000Z' }, 'efr:holdBy': 'supervisor1',
  };
  const release = (name: string, user: string, body: unknown): WsCall =>
    ({ name, script: 'holds-release.post', user, body });

  beforeAll(async () => {
    r = await runWebScripts(FEATURE, { ...USERS, supervisor1: ['GROUP_EFR_SUPERVISORS'] }, [
      release('byCustodian', 'custodian1', { recordingIds: ['#held.mp4'], reason: '投诉已办结' }),
      release('noReason', 'supervisor1', { recordingIds: ['#held.mp4', '#clip.mp4'] }),
      release('bad', 'supervisor1', { recordingIds: 'x' }),
      release('released', 'supervisor1',
        { recordingIds: ['#held.mp4', '#clip.mp4'], reason: '投诉已办结' }),
      release('again', 'supervisor1', { recordingIds: ['#held.mp4'], reason: '投诉已办结' }),
      // Once lifted, the recording may be held again by the hold step.
      { name: 'holdAgain', script: 'holds.post', user: 'supervisor1',
        body: { recordingIds: ['#held.mp4'], reason: '新的投诉事项' } },
    ], [
      { folder: REC, name: 'held.mp4', type: 'efr:recording', properties: HELD },
      { folder: REC, name: 'clip.mp4', type: 'efr:recording', properties: sealedRecordingProps() },
    ]);
  });

  it('refuses others and a missing reason before writing anything, then lifts and logs', () => {
    const key = (x: WsResult): string => `${x.status} ${x.body?.error?.errorKey ?? ''}`;
    expect(key(r.byCustodian)).toBe('403 efr.recording.holdRelease');
    expect(key(r.noReason)).toBe('422 efr.hold.releaseReason');
    expect(r.bad.status).toBe(400);
    expect(r.released.status).withContext(JSON.stringify(r.released.body)).toBe(200);
    expect(r.released.body?.entry).toEqual({ released: [jasmine.any(String)], notHeld: [jasmine.any(String)] });
    expect(r.released.logs.join('\n')).toContain('hold.release');
    expect(r.again.body?.entry).toEqual({ released: [], notHeld: [jasmine.any(String)] });
    expect(r.holdAgain.status).withContext(JSON.stringify(r.holdAgain.body)).toBe(201);
  });
});
