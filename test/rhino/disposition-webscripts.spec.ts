/**
 * Issue 18 in the ACS module: a whole disposition in the ACS-like runtime, from the one source
 * server/ runs too (webscripts/src/disposition/): a custodian lists the eligible recordings and
 * proposes a batch, the office director reviews, a leader approves (three people; a decider
 * out of turn or twice is refused), the approval executes: the bytes of what is still eligible
 * leave the content store once the step commits (the eager cleaner, forced: the installation
 * keeps `system.content.eagerOrphanCleanup=false`), with its rendition and its version, the
 * tombstone stays with its fixity and retention basis, the register's data is written on the
 * batch; a hold and a case link placed mid-batch spare their recordings. Nobody takes a
 * recording's bytes, or fakes or rewrites a tombstone, through the node API. The same removal
 * on a plain document shows ACS's own path: the file stays, then goes to contentstore.deleted.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRefusal } from '../../core/src/index.js';
import { sealedRecordingProps } from './fixtures.js';
import { DISPOSITION } from './webscript-features.js';
import {
  runWebScripts, type ContentStoreCleanerCall, type NodeOfCall, type RestCall, type SetupNode,
  type StoreReportCall, type WsCall, type WsResult,
} from './webscript-run.js';

const USERS: Record<string, string[]> = {
  custodian1: ['GROUP_EFR_CUSTODIANS'],
  custodian2: ['GROUP_EFR_CUSTODIANS'],
  director1: ['GROUP_EFR_OFFICE_DIRECTORS'],
  // Office director and leader at once: reviews, then may not approve the same batch.
  boss1: ['GROUP_EFR_OFFICE_DIRECTORS', 'GROUP_EFR_LEADERS'],
  leader1: ['GROUP_EFR_LEADERS'],
  supervisor1: ['GROUP_EFR_SUPERVISORS'],
  officer1: ['GROUP_EFR_OFFICERS'],
  admin: ['GROUP_ALFRESCO_ADMINISTRATORS'],
  worker1: ['GROUP_EFR_WORKERS'],
};
/** The bytes efr worker "renders" here (the renderer runs beside ACS, not in it). */
const PDF = '%PDF-1.4 EFR register in the ACS-like runtime';
const PDF_SHA = createHash('sha256').update(PDF).digest('hex');
const REC = 'EFR 执法记录/录像档案';

/** Who tries to change the register once it is built: its folder's writers, admin, System. */
const KEPT_USERS = ['custodian1', 'director1', 'leader1', 'admin', 'System'];
/** Every generic path to the register's bytes, name, order, job, owner, aspects and place. */
const keptTries = (user: string): [string, Omit<RestCall['rest'], 'node'>][] => [
  ['content', { op: 'putContent', text: '%PDF-fake', mimetype: 'application/pdf' }],
  ['delete', { op: 'delete' }],
  ['rename', { op: 'update', properties: { 'cm:name': '销毁清册-改.pdf' } }],
  ['order', { op: 'update', properties: { 'cm:description': '{}' } }],
  ['jobState', { op: 'update', properties: { 'efr:jobState': 'requested' } }],
  ['owner', { op: 'update', properties: { 'cm:owner': user } }],
  ['stripJob', { op: 'removeAspect', aspect: 'efr:packageJob' }],
  ['stripTitled', { op: 'removeAspect', aspect: 'cm:titled' }],
  ['move', { op: 'move', dest: '#inbox' }],
  ['copy', { op: 'copy', dest: '#inbox' }],
  ['lock', { op: 'lock', lockType: 'WRITE_LOCK' }],
];

interface Recording { id: string; sha256: string | null; destroyed: boolean; keptBy: string | null }
interface Batch {
  id: string; status: string; destroyedIds: string[]; proposedByName: string;
  spared: { id: string; code: string }[]; recordings: Recording[];
  bytesDestroyed?: { sha256: string; bytes: number; removed: boolean }[];
}

const code = (r: WsResult): string => (r.status < 400 ? String(r.status)
  : r.body?.error ? `${r.status} ${r.body.error.errorKey}`
    : `${r.status} ${findRefusal(String(r.error))?.code ?? r.error}`);
const entry = (r: WsResult): Batch => r.body?.entry as unknown as Batch;
const listIds = (r: WsResult): string[] =>
  (r.body?.list?.entries ?? []).map((e) => String((e.entry as { id: string }).id));
/** The store line of a URL. */
const line = (r: WsResult, url: string): string =>
  (r.body?.store ?? []).find((l) => l.startsWith(url + ' ')) ?? `no line for ${url}`;

describe('issue 18 in the module: a disposition in the ACS-like runtime', () => {
  let dir = '';
  let r: Record<string, WsResult>;
  let ids: Record<string, string>;
  const media: Record<string, { file: string; sha256: string; size: number }> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'efr-disposition-'));
    for (const name of ['a', 'b', 'c', 'k', 'doc', 'thumb']) {
      const bytes = Buffer.from(`EFR ${name} `.repeat(200 + name.length));
      const file = join(dir, `${name}.bin`);
      writeFileSync(file, bytes);
      media[name] = { file, sha256: createHash('sha256').update(bytes).digest('hex'),
        size: bytes.length };
    }
    const recording = (name: string, over: Record<string, unknown> = {},
      extra: Partial<SetupNode> = {}): SetupNode => ({
      folder: REC, name: `${name}.mp4`, type: 'efr:recording',
      properties: sealedRecordingProps({ 'cm:name': `${name}.mp4`, 'cm:content': null,
        'efr:sha256': media[name].sha256, 'efr:sizeBytes': media[name].size,
        'efr:retainUntil': { date: '2025-01-01T00:00:00.000Z' }, ...over }),
      content: { file: media[name].file }, ...extra,
    });
    const nodes: SetupNode[] = [
      // a: kept from before the module came with a version and a thumbnail.
      recording('a', {}, { versions: 1, renditions: [{ name: 'doclib', file: media.thumb.file }] }),
      recording('b'),
      recording('c'),
      recording('k', { 'efr:retainUntil': { date: '2999-01-01T00:00:00.000Z' } }),
      { folder: 'EFR 执法记录/案件', name: 'case1', type: 'efr:case', properties: {
        'efr:caseNumber': '丹民罚〔2020〕1号', 'efr:unit': '丹江市城管局', 'efr:actType': 'penalty',
        'efr:caseStatus': 'open', 'efr:handler': 'officer1', 'efr:leaderInCharge': 'leader1',
        'efr:openedAt': { date: '2020-03-01T08:00:00.000Z' } } },
      { folder: '文档', name: 'inbox', type: 'cm:folder', properties: {} },
      { folder: '文档', name: 'doc.txt', type: 'cm:content', properties: {},
        content: { file: media.doc.file, mimetype: 'text/plain' } },
    ];
    const ws = (name: string, script: string, user: string, extra: Partial<WsCall> = {}): WsCall =>
      ({ name, script, user, ...extra });
    const step = (name: string, s: string, user: string, body: unknown): WsCall =>
      ws(name, 'disposition-batch-step.post', user, { templateArgs: { id: '@propose', step: s },
        body });
    const rest = (name: string, user: string, op: RestCall['rest']): RestCall =>
      ({ name, user, rest: op });
    const look = (name: string, nodeOf: string): NodeOfCall => ({ name, nodeOf });
    const store = (name: string): StoreReportCall => ({ name, storeReport: true });
    const cleaner = (name: string, days: number): ContentStoreCleanerCall =>
      ({ name, contentStoreCleaner: { days } });
    // As docs/deploy.md sets the batches folder up: custodians, office directors and leaders
    // write the batches, supervisors read them, efr worker's group reads the archive.
    const feature = { ...DISPOSITION, folderAces: { 'EFR 执法记录/处置批次': [
      'ALLOWED;GROUP_EFR_CUSTODIANS;Collaborator', 'ALLOWED;GROUP_EFR_OFFICE_DIRECTORS;Collaborator',
      'ALLOWED;GROUP_EFR_LEADERS;Collaborator', 'ALLOWED;GROUP_EFR_SUPERVISORS;Consumer',
      'ALLOWED;GROUP_EFR_WORKERS;Consumer'] } };
    r = await runWebScripts(feature, USERS, [
      ws('eligibleOfficer', 'disposition-eligible.get', 'officer1'),
      ws('eligible', 'disposition-eligible.get', 'custodian1'),
      ws('proposeKept', 'disposition-batches.post', 'custodian1',
        { body: { recordingIds: ['#k.mp4'], reason: '保存期满' } }),
      ws('proposeNoReason', 'disposition-batches.post', 'custodian1',
        { body: { recordingIds: ['#a.mp4'], reason: '' } }),
      ws('proposeByOfficer', 'disposition-batches.post', 'officer1',
        { body: { recordingIds: ['#a.mp4'], reason: '保存期满' } }),
      ws('propose', 'disposition-batches.post', 'custodian1',
        { body: { recordingIds: ['#a.mp4', '#b.mp4', '#c.mp4'], reason: '保存期限届满，按程序销毁' } }),
      ws('proposeAgain', 'disposition-batches.post', 'custodian2',
        { body: { recordingIds: ['#a.mp4'], reason: '再次提出' } }),
      // The batch is a workflow record: not moved by the node API (issue 16).
      rest('putBatch', 'director1', { op: 'update', node: '@propose',
        properties: { 'efr:batchStatus': 'approved' } }),
      step('approveEarly', 'approve', 'leader1', { opinion: '同意' }),
      step('reviewByCustodian', 'review', 'custodian1', { opinion: '同意' }),
      step('reviewNoOpinion', 'review', 'boss1', {}),
      step('review', 'review', 'boss1', { opinion: '经核对，同意销毁' }),
      ws('registerReviewed', 'disposition-register.get', 'director1',
        { templateArgs: { id: '@propose' } }),
      // Mid-batch: a hold on b (R14.2), a case link on c (R22.2).
      ws('hold', 'holds.post', 'supervisor1',
        { body: { recordingIds: ['#b.mp4'], reason: '批次办理中收到投诉' } }),
      rest('link', 'admin', { op: 'addAssoc', node: '#case1', target: '#c.mp4',
        assoc: 'efr:caseRecordings' }),
      step('approveByReviewer', 'approve', 'boss1', { opinion: '同意' }),
      // Nobody takes the bytes or makes a tombstone through the node API, administrators
      // included; a step of another web script cannot either.
      rest('clearContent', 'admin', { op: 'update', node: '#a.mp4',
        properties: { 'cm:content': null } }),
      rest('fakeTombstone', 'custodian1', { op: 'addAspect', node: '#a.mp4',
        aspect: 'efr:destroyed', properties: { 'efr:destroyedBatch': '@propose',
          'efr:destroyedBy': 'leader1', 'efr:destroyedAt': { date: '2027-01-01T00:00:00.000Z' },
          'efr:retentionBasis': 'R22.1' } }),
      rest('bareMark', 'admin', { op: 'addAspect', node: '#b.mp4', aspect: 'efr:destroyed' }),
      store('storeBefore'),
      step('approve', 'approve', 'leader1', { opinion: '同意销毁' }),
      store('storeAfter'),
      look('tombA', '#a.mp4'),
      look('keptB', '#b.mp4'),
      look('batchNode', '@propose'),
      ws('batch', 'disposition-batch.get', 'director1', { templateArgs: { id: '@propose' } }),
      ws('batchBySupervisor', 'disposition-batch.get', 'supervisor1',
        { templateArgs: { id: '@propose' } }),
      ws('batchByOfficer', 'disposition-batch.get', 'officer1', { templateArgs: { id: '@propose' } }),
      ws('executedList', 'disposition-batches.get', 'leader1', { args: { status: 'executed' } }),
      ws('badStatus', 'disposition-batches.get', 'leader1', { args: { status: 'gone' } }),
      ws('eligibleAfter', 'disposition-eligible.get', 'custodian1'),
      step('approveAgain', 'approve', 'leader1', { opinion: '同意' }),
      rest('rewriteTombstone', 'custodian1', { op: 'update', node: '#a.mp4',
        properties: { 'efr:destroyedBy': 'someone' } }),
      rest('unmarkTombstone', 'admin', { op: 'removeAspect', node: '#a.mp4',
        aspect: 'efr:destroyed' }),
      // ACS's own path for a plain document: the URL is only marked orphaned.
      rest('clearDoc', 'admin', { op: 'update', node: '#doc.txt', properties: { 'cm:content': null } }),
      store('storeDoc'),
      cleaner('cleaner', 15),
      // The register's PDF (issue 15): recorded by the approval, rendered by efr worker.
      ws('registerWaiting', 'disposition-register.get', 'director1',
        { templateArgs: { id: '@propose' } }),
      ws('registerByOfficer', 'disposition-register.get', 'officer1',
        { templateArgs: { id: '@propose' } }),
      // Issue 15: before the claim nobody writes the register, its folder's writers neither.
      rest('uploadEarly', 'custodian1', { op: 'putContent', node: '@registerWaiting',
        text: '%PDF-fake', mimetype: 'application/pdf' }),
      ws('jobsByDirector', 'document-jobs.get', 'director1'),
      ws('jobs', 'document-jobs.get', 'worker1'),
      ws('claim', 'document-claim.post', 'worker1', { templateArgs: { id: '@registerWaiting' },
        body: {} }),
      ws('claimAgain', 'document-claim.post', 'worker1',
        { templateArgs: { id: '@registerWaiting' }, body: {} }),
      ws('registerRendering', 'disposition-register.get', 'director1',
        { templateArgs: { id: '@propose' } }),
      rest('uploadByAdmin', 'admin', { op: 'putContent', node: '@registerWaiting',
        text: '%PDF-fake', mimetype: 'application/pdf' }),
      rest('upload', 'worker1', { op: 'putContent', node: '@registerWaiting', text: PDF,
        mimetype: 'application/pdf' }),
      // Once, and by the holder only.
      rest('uploadTwice', 'worker1', { op: 'putContent', node: '@registerWaiting',
        text: '%PDF-second', mimetype: 'application/pdf' }),
      ws('resultWrong', 'document-result.post', 'worker1',
        { templateArgs: { id: '@registerWaiting' }, body: { sha256: '0'.repeat(64),
          size: PDF.length } }),
      ws('result', 'document-result.post', 'worker1', { templateArgs: { id: '@registerWaiting' },
        body: { sha256: PDF_SHA, size: PDF.length } }),
      ...KEPT_USERS.flatMap((u) => keptTries(u).map(([what, op]) => rest(`${what}By${u}`, u,
        { node: '@registerWaiting', ...op }))),
      look('registerAfter', '@registerWaiting'),
      ws('registerPdf', 'disposition-register.get', 'director1',
        { templateArgs: { id: '@propose' } }),
      ws('batchWithRegister', 'disposition-batch.get', 'director1',
        { templateArgs: { id: '@propose' } }),
    ], nodes);
    const setup = r.$nodes.logs.map((l) => l.split(' '));
    ids = Object.fromEntries(setup.map(([n, id]) => [n, id]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('R22.1: custodians list what retention, holds and cases no longer keep', () => {
    expect(code(r.eligibleOfficer)).toBe('403 framework.exception.PermissionDenied');
    expect(r.eligible.status).toBe(200);
    expect(listIds(r.eligible).sort()).toEqual([ids['a.mp4'], ids['b.mp4'], ids['c.mp4']].sort());
    expect(code(r.proposeKept)).toBe('409 efr.disposition.retained');
    expect(code(r.proposeNoReason)).toBe('422 efr.disposition.reasonRequired');
    expect(code(r.proposeByOfficer)).toBe('403 efr.disposition.notCustodian');
    expect(r.propose.status).withContext(JSON.stringify(r.propose.body)).toBe(201);
    expect(entry(r.propose).status).toBe('proposed');
    expect(entry(r.propose).proposedByName).toBe('custodian1');
    expect(code(r.proposeAgain)).toBe('409 efr.disposition.inOtherBatch');
    expect(code(r.putBatch)).toBe('500 efr.workflow.stepsOnly');
  });

  it('R22.1: the director reviews, a leader approves: three people, in turn, with opinions', () => {
    expect(code(r.approveEarly)).toBe('409 efr.disposition.badState');
    expect(code(r.reviewByCustodian)).toBe('403 efr.disposition.notOfficeDirector');
    expect(code(r.reviewNoOpinion)).toBe('422 efr.disposition.opinionRequired');
    expect(entry(r.review).status).toBe('reviewed');
    expect(code(r.approveByReviewer)).toBe('403 efr.disposition.separationOfDuties');
    expect(r.approve.status).withContext(JSON.stringify(r.approve.body)).toBe(200);
    expect(code(r.approveAgain)).toBe('409 efr.disposition.badState');
  });

  it('R26.1: no path but the executed batch takes the bytes or marks a tombstone', () => {
    expect(code(r.clearContent)).toBe('500 efr.disposition.stepsOnly');
    expect(code(r.fakeTombstone)).toBe('500 efr.disposition.stepsOnly');
    expect(code(r.bareMark)).toBe('500 efr.disposition.stepsOnly');
    expect(code(r.rewriteTombstone)).toBe('500 efr.disposition.stepsOnly');
    expect(code(r.unmarkTombstone)).toBe('500 efr.recording.sealedContent');
    expect(line(r.storeBefore, urlOf(r.storeBefore, ids['a.mp4']))).toContain('binary=yes');
  });

  it('R14.2, R22.2: a hold and a case link placed mid-batch spare their recordings', () => {
    expect(r.hold.status).toBe(201);
    expect(code(r.link)).toBe('200');
    const done = entry(r.approve);
    expect(done.status).toBe('executed');
    expect(done.destroyedIds).toEqual([ids['a.mp4']]);
    expect(done.spared.map((s) => `${s.id} ${s.code}`).sort()).toEqual([
      `${ids['b.mp4']} efr.disposition.legalHold`, `${ids['c.mp4']} efr.disposition.newCaseLink`,
    ].sort());
    expect(r.keptB.body?.node?.aspects).not.toContain('efr:destroyed');
    expect(line(r.storeAfter, urlOf(r.storeBefore, ids['b.mp4']))).toContain('binary=yes');
    expect(listIds(r.eligibleAfter)).toEqual([]);
  });

  it('R22.1: the approval destroys the bytes with the rendition and the version; the tombstone stays', () => {
    const done = entry(r.approve);
    expect(done.bytesDestroyed).toEqual([{ sha256: media.a.sha256, bytes: media.a.size,
      removed: true }]);
    // Gone from the store at commit, forced (eagerOrphanCleanup stays false): the row is only
    // marked orphaned, nothing references the URL, the version store no longer either.
    const a = urlOf(r.storeBefore, ids['a.mp4']);
    expect(line(r.storeBefore, a)).toContain(`version:${ids['a.mp4']}`);
    expect(line(r.storeAfter, a)).toBe(`${a} row=orphaned binary=no backup=no refs=`);
    const thumb = (r.storeBefore.body?.store ?? [])[1].split(' ')[0];
    expect(line(r.storeAfter, thumb)).toContain('binary=no');
    const tomb = r.tombA.body?.node;
    expect(tomb?.aspects).toContain('efr:destroyed');
    expect(tomb?.props['cm:content'] ?? null).toBeNull();
    expect(tomb?.props['efr:sha256']).toBe(media.a.sha256);
    expect(tomb?.props['efr:sizeBytes']).toBe(media.a.size);
    expect(tomb?.props['efr:destroyedBatch']).toBe(done.id);
    expect(tomb?.props['efr:destroyedBy']).toBe('leader1');
    expect(String(tomb?.props['efr:retentionBasis'])).toContain('R22.1');
    expect(tomb?.aspects).not.toContain('cm:versionable');
    expect(r.approve.logs.join('\n')).toContain('efr disposition.destroy');
    expect(r.approve.logs.join('\n')).toContain('efr disposition.execute');
  });

  it('R22.1: the register is written on the batch, people, times and opinions as signed', () => {
    const record = JSON.parse(String(r.batchNode.body?.node?.props['efr:registerRecord'])) as {
      proposedBy: string; reviewedBy: string; approvedBy: string; reviewOpinion: string;
      approvalOpinion: string; recordings: { name: string; destroyed: boolean; sparedCode: string }[];
    };
    expect([record.proposedBy, record.reviewedBy, record.approvedBy])
      .toEqual(['custodian1', 'boss1', 'leader1']);
    expect([record.reviewOpinion, record.approvalOpinion]).toEqual(['经核对，同意销毁', '同意销毁']);
    expect(record.recordings.map((x) => `${x.name} ${x.destroyed} ${x.sparedCode}`).sort()).toEqual([
      'a.mp4 true null', 'b.mp4 false efr.disposition.legalHold',
      'c.mp4 false efr.disposition.newCaseLink',
    ]);
    expect(entry(r.batch).status).toBe('executed');
    expect(entry(r.batch).recordings.find((x) => x.id === ids['a.mp4'])?.destroyed).toBe(true);
    expect(r.batchBySupervisor.status).toBe(200);
    expect(code(r.batchByOfficer)).toBe('403 framework.exception.PermissionDenied');
    expect(listIds(r.executedList)).toEqual([entry(r.approve).id]);
    expect(code(r.badStatus)).toBe('400 framework.exception.InvalidArgument');
  });

  it('issue 15: the register is a document efr worker renders; then the stored PDF streams', () => {
    expect(code(r.registerReviewed)).toBe('409 efr.disposition.notExecuted');
    expect(r.registerWaiting.status).withContext(JSON.stringify(r.registerWaiting)).toBe(202);
    const doc = r.registerWaiting.body?.entry as unknown as { id: string; name: string;
      kind: string; subjectId: string; job: { state: string } };
    expect([doc.kind, doc.subjectId, doc.job.state])
      .toEqual(['destructionRegister', entry(r.approve).id, 'requested']);
    expect(doc.name).toBe(`销毁清册-${(entry(r.approve) as unknown as { number: string }).number}.pdf`);
    expect(code(r.registerByOfficer)).toBe('403 framework.exception.PermissionDenied');
    expect(code(r.jobsByDirector)).toBe('403 efr.job.notWorker');
    expect(listIds(r.jobs)).toEqual([doc.id]);
    expect(r.claim.status).withContext(JSON.stringify(r.claim)).toBe(200);
    const order = (r.claim.body as unknown as { order: { kind: string; name: string;
      register: { approvedBy: string; approvalOpinion: string } } }).order;
    expect([order.kind, order.name]).toEqual(['destructionRegister', doc.name]);
    expect([order.register.approvedBy, order.register.approvalOpinion])
      .toEqual(['leader1', '同意销毁']);
    expect(code(r.claimAgain)).toBe('409 efr.job.claimed');
    expect(r.registerRendering.status).toBe(202);
    expect((r.registerRendering.body?.entry as unknown as { job: { state: string } }).job.state)
      .toBe('building');
    expect(r.upload.status).withContext(JSON.stringify(r.upload)).toBe(200);
    expect(code(r.resultWrong)).toBe('422 efr.job.imageMismatch');
    expect(r.result.status).withContext(JSON.stringify(r.result)).toBe(200);
    // StreamContent: the stored bytes as an attachment, without a file name (ACS's own).
    expect(r.registerPdf.status).withContext(JSON.stringify(r.registerPdf)).toBe(200);
    expect(r.registerPdf.body as unknown).toEqual({ stream: { node: doc.id,
      mimetype: 'application/pdf', size: PDF.length, contentDisposition: 'attachment' } });
    expect(r.registerPdf.logs.join('\n')).toContain('efr disposition.register');
    expect((entry(r.batchWithRegister) as unknown as { register: { job: { state: string } } })
      .register.job.state).toBe('built');
  });

  it('issue 15: the register is written once by its worker; nobody changes it after', () => {
    expect(code(r.uploadEarly)).toBe('500 efr.job.notWorker');
    expect(code(r.uploadTwice)).toBe('500 efr.document.kept');
    expect(code(r.uploadByAdmin)).toBe('500 efr.job.notWorker');
    for (const u of KEPT_USERS) {
      for (const [what] of keptTries(u)) {
        const res = r[`${what}By${u}`];
        expect(code(res)).withContext(`${u} ${what}: ${JSON.stringify(res)}`)
          .toBe('500 efr.document.kept');
        expect(res.logs.join('\n')).withContext(`${u} ${what}`)
          .toContain('efr refused');
      }
    }
    const after = r.registerAfter.body?.node;
    expect(after?.aspects).toContain('efr:packageJob');
    expect(after?.aspects).toContain('cm:titled');
    expect(after?.props['efr:jobState']).toBe('built');
    expect(String(after?.props['cm:name'])).toMatch(/^销毁清册-.*\.pdf$/);
    expect((r.registerPdf.body as unknown as { stream: { size: number } }).stream.size)
      .toBe(PDF.length);
  });

  it('ACS alone keeps orphaned bytes: 14 days in the store, then in contentstore.deleted', () => {
    const doc = urlOf(r.storeBefore, ids['doc.txt']);
    expect(code(r.clearDoc)).toBe('200');
    expect(line(r.storeDoc, doc)).toBe(`${doc} row=orphaned binary=yes backup=no refs=`);
    // The job after 15 days: the document's file is copied to contentstore.deleted; the
    // destroyed recording's row goes with nothing left to copy.
    const a = urlOf(r.storeBefore, ids['a.mp4']);
    expect(r.cleaner.body?.cleaned).toContain(doc);
    expect(r.cleaner.body?.cleaned).toContain(a);
    expect(line(r.cleaner, doc)).toBe(`${doc} row=none binary=no backup=yes refs=`);
    expect(line(r.cleaner, a)).toBe(`${a} row=none binary=no backup=no refs=`);
  });
});

/** The content URL a node references in a store report. */
function urlOf(report: WsResult, id: string): string {
  const hit = (report.body?.store ?? []).find((l) => new RegExp(`refs=(.*,)?${id}(,|$)`).test(l));
  if (hit === undefined) throw new Error(`no URL of ${id} in ${JSON.stringify(report.body?.store)}`);
  return hit.split(' ')[0];
}
