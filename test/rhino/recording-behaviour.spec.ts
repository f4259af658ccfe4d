// The efr:recording script behaviour, compiled into the module JAR, run in Debian's Rhino
// 1.7.14 at language version 0 with ACS-like arguments (test/acs-runtime). Forbidden changes must
// throw with core's code; allowed ones must pass.
import {
  archiveNodes, hoursFromNow, OTHER_SHA, recordingScenario, recordingUpdate, sealedRecordingProps,
  unsealedRecordingProps, handoverProps,
} from './fixtures.js';
import { runByName } from './rhino-run.js';
import type { FixtureNode, Scenario, ScenarioResult } from './rhino-run.js';

const sealed = sealedRecordingProps();
const confidential = sealedRecordingProps({ 'efr:secrecyLevel': 'stateSecret' });
/** Under legal hold (efr:legalHold properties); the update removes the aspect. */
const held = sealedRecordingProps({ 'efr:holdReason': '投诉调查',
  'efr:holdSince': { date: '2026-04-01T00:00:00.000Z' }, 'efr:holdBy': 'wu.supervisor' });
/** Marked as evidence (efr:evidence properties); the update removes the aspect. */
const marked = sealedRecordingProps({ 'efr:evidenceMarkedBy': 'qian.legal',
  'efr:evidenceMarkedAt': { date: '2026-04-01T00:00:00.000Z' } });

/** A request registered for `viewer` on rec1 whose window is open now (R24.2). */
function openWindowFor(viewer: string): FixtureNode {
  return {
    type: 'efr:accessRequest', supertypes: ['cm:cmobject'], parent: 'archive',
    properties: {
      'efr:requester': viewer, 'efr:purpose': 'work', 'efr:reason': '案件复核需要调阅',
      'efr:requestStatus': 'registered', 'efr:reviewer': 'zhou.director',
      'efr:approver': 'sun.leader', 'efr:registrar': 'wang.custodian',
      'efr:viewer': viewer, 'efr:viewReason': '案件复核',
      'efr:windowFrom': { date: hoursFromNow(-1) }, 'efr:windowTo': { date: hoursFromNow(1) },
    },
    assocs: { 'efr:requestRecordings': ['rec1'] },
  };
}

const SCENARIOS: Scenario[] = [
  recordingUpdate('sha change', 'wang.custodian', sealed,
    sealedRecordingProps({ 'efr:sha256': OTHER_SHA })),
  recordingUpdate('location change', 'wang.custodian', sealed,
    sealedRecordingProps({ 'efr:location': '丹东市元宝区' })),
  recordingUpdate('start change', 'qian.legal', sealed,
    sealedRecordingProps({ 'efr:recordingStart': { date: '2026-03-01T00:59:00.000Z' } })),
  recordingUpdate('segment change', 'wang.custodian', sealed,
    sealedRecordingProps({ 'efr:segmentIndex': 3 })),
  recordingUpdate('codec change', 'qian.legal', sealed,
    sealedRecordingProps({ 'efr:codec': 'hevc' })),
  recordingUpdate('content change', 'wang.custodian', sealed,
    sealedRecordingProps({
      'cm:content': { content: 'contentUrl=s3://efr/cut.bin|mimetype=video/mp4' },
    })),
  recordingUpdate('seal rewrite', 'wang.custodian', sealed,
    sealedRecordingProps({ 'efr:sealedBy2': 'wang.custodian' })),
  { ...recordingUpdate('sha change, user from AuthenticationUtil', 'wang.custodian', sealed,
    sealedRecordingProps({ 'efr:sha256': OTHER_SHA })), user: null, runAs: 'wang.custodian' },
  { ...recordingUpdate('retention extended, user from AuthenticationUtil', 'wang.custodian',
    sealed, sealedRecordingProps({ 'efr:retainUntil': { date: '2031-03-01T00:00:00.000Z' } })),
  user: null, runAs: 'wang.custodian' },
  { ...recordingUpdate('sha change, interpreted', 'wang.custodian', sealed,
    sealedRecordingProps({ 'efr:sha256': OTHER_SHA })), optimizationLevel: -1 },
  { ...recordingUpdate('retention extended, interpreted', 'wang.custodian', sealed,
    sealedRecordingProps({ 'efr:retainUntil': { date: '2031-03-01T00:00:00.000Z' } })),
  optimizationLevel: -1 },
  recordingUpdate('retention extended', 'wang.custodian', sealed,
    sealedRecordingProps({ 'efr:retainUntil': { date: '2031-03-01T00:00:00.000Z' } })),
  recordingUpdate('retention shortened', 'wang.custodian', sealed,
    sealedRecordingProps({ 'efr:retainUntil': { date: '2028-03-01T00:00:00.000Z' } })),
  recordingUpdate('secrecy raised', 'wang.custodian', sealed,
    sealedRecordingProps({ 'efr:secrecyLevel': 'tradeSecret' })),
  recordingUpdate('same values resent', 'li.officer', sealed, sealedRecordingProps()),
  recordingUpdate('officer annotates sealed', 'li.officer', sealed,
    sealedRecordingProps({ 'efr:retainUntil': { date: '2031-03-01T00:00:00.000Z' } })),
  recordingUpdate('unsealed edit', 'li.officer', unsealedRecordingProps(),
    unsealedRecordingProps({ 'efr:location': '丹东市元宝区', 'efr:sha256': OTHER_SHA })),
  recordingUpdate('unsealed edit by stranger', 'qian.legal', unsealedRecordingProps(),
    unsealedRecordingProps({ 'efr:location': '丹东市元宝区' })),
  recordingUpdate('sealing as handover says', 'zhao.custodian', unsealedRecordingProps(),
    unsealedRecordingProps({ 'efr:sealedAt': { date: '2026-03-01T09:30:00.000Z' },
      'efr:sealedBy1': 'wang.custodian', 'efr:sealedBy2': 'zhao.custodian' })),
  recordingUpdate('sealing without handover', 'li.officer', unsealedRecordingProps(),
    unsealedRecordingProps({ 'efr:sealedAt': { date: '2026-03-01T09:30:00.000Z' },
      'efr:sealedBy1': 'li.officer', 'efr:sealedBy2': 'chen.officer' })),
  recordingUpdate('hold lifted by custodian', 'wang.custodian', held, sealed),
  recordingUpdate('hold lifted by supervisor', 'wu.supervisor', held, sealed),
  recordingUpdate('evidence mark removed by custodian', 'wang.custodian', marked, sealed),
  recordingUpdate('evidence mark removed by legal', 'qian.legal', marked, sealed),
  recordingScenario('delete before retain-until', 'beforeDeleteNode', 'wang.custodian',
    [{ node: 'rec1' }]),
  recordingScenario('delete under legal hold', 'beforeDeleteNode', 'wang.custodian',
    [{ node: 'rec1' }], archiveNodes({
      recording: sealedRecordingProps({ 'efr:retainUntil': { date: '2024-01-01T00:00:00.000Z' },
        'efr:holdReason': '投诉调查', 'efr:holdSince': { date: '2026-04-01T00:00:00.000Z' } }),
      recordingAspects: ['efr:legalHold'],
    })),
  recordingScenario('delete after retention without disposal', 'beforeDeleteNode',
    'wang.custodian', [{ node: 'rec1' }], archiveNodes({
      recording: sealedRecordingProps({ 'efr:retainUntil': { date: '2024-01-01T00:00:00.000Z' } }),
    })),
  { ...recordingScenario('disposal by the repository', 'beforeDeleteNode', 'wang.custodian',
    [{ node: 'rec1' }], archiveNodes({
      recording: sealedRecordingProps({ 'efr:retainUntil': { date: '2024-01-01T00:00:00.000Z' } }),
    })), user: null, runAs: 'System' },
  recordingScenario('move out of archive', 'beforeMoveNode', 'wang.custodian',
    [{ childAssoc: { parent: 'ho1', child: 'rec1' } }, { node: 'desk' }]),
  recordingScenario('move within archive', 'beforeMoveNode', 'wang.custodian',
    [{ childAssoc: { parent: 'ho1', child: 'rec1' } }, { node: 'case1' }]),
  recordingScenario('move of unsealed', 'beforeMoveNode', 'li.officer',
    [{ childAssoc: { parent: 'ho1', child: 'rec1' } }, { node: 'desk' }],
    archiveNodes({ recording: unsealedRecordingProps() })),
  recordingScenario('copy', 'beforeCopy', 'wang.custodian',
    [{ qname: '{http://www.efr.example.org/model/efr/1.0}recording' }, { node: 'rec1' },
      { node: 'desk' }]),
  recordingScenario('content on sealed', 'onContentUpdate', 'wang.custodian',
    [{ node: 'rec1' }, { bool: false }]),
  // Issue 15: every read is core's checkContentRead, as on server/ (the registered viewer inside
  // the window, whatever the secrecy; custodians not exempt), and logged either way.
  recordingScenario('read outside window', 'onContentRead', 'li.officer', [{ node: 'rec1' }]),
  recordingScenario('read inside window', 'onContentRead', 'li.officer', [{ node: 'rec1' }],
    archiveNodes({ recording: sealed, extra: { req1: openWindowFor('li.officer') } })),
  recordingScenario('read by custodian', 'onContentRead', 'wang.custodian', [{ node: 'rec1' }]),
  { ...recordingScenario('read by the repository', 'onContentRead', 'wang.custodian',
    [{ node: 'rec1' }]), user: null, runAs: 'System' },
  recordingScenario('confidential read outside window', 'onContentRead', 'li.officer',
    [{ node: 'rec1' }], archiveNodes({ recording: confidential })),
  recordingScenario('confidential read by custodian', 'onContentRead', 'wang.custodian',
    [{ node: 'rec1' }], archiveNodes({ recording: confidential })),
  recordingScenario('confidential read inside window', 'onContentRead', 'li.officer',
    [{ node: 'rec1' }], archiveNodes({
      recording: confidential,
      extra: { req1: openWindowFor('li.officer') },
    })),
];

describe('efr:recording script behaviour in Rhino 1.7.14 (module JAR)', () => {
  let results: Record<string, ScenarioResult>;

  beforeAll(async () => {
    results = await runByName(SCENARIOS);
  });

  function expectRefused(name: string, code: string, requirement: string): void {
    const r = results[name];
    expect(r.outcome).withContext(`${name}: ${r.message}`).toBe('refused');
    expect(r.message).toMatch(new RegExp('^' + code.replace(/\./g, '\\.') + ' ' +
      requirement.replace(/\./g, '\\.') + ': '));
  }

  function expectAllowed(name: string): void {
    const r = results[name];
    expect(r.outcome).withContext(`${name}: ${r.message}`).toBe('allowed');
  }

  it('R23.1: refuses copying a recording in the repository (evidence copies are discs)', () => {
    expectRefused('copy', 'efr.recording.noCopy', 'R23.1');
  });

  it('R26.1: refuses a sha256 change of a sealed recording', () => {
    expectRefused('sha change', 'efr.recording.sealedContent', 'R26.1');
    expect(results['sha change'].message).toContain('sha256');
  });

  it('R26.1: refuses changes to capture facts (location, start) of a sealed recording', () => {
    expectRefused('location change', 'efr.recording.sealedContent', 'R26.1');
    expectRefused('start change', 'efr.recording.sealedContent', 'R26.1');
  });

  it('R26.1/R17.1: refuses changes to media facts and the session segment of a sealed one', () => {
    expectRefused('segment change', 'efr.recording.sealedContent', 'R26.1');
    expect(results['segment change'].message).toContain('segmentIndex');
    expectRefused('codec change', 'efr.recording.sealedContent', 'R26.1');
  });

  it('R26.1: refuses new content and a rewritten seal in the property update', () => {
    expectRefused('content change', 'efr.recording.sealedContent', 'R26.1');
    expect(results['content change'].message).toContain('content');
    expectRefused('seal rewrite', 'efr.recording.sealedContent', 'R26.1');
  });

  it('R26.1: finds the user as ACS does (AuthenticationUtil, no person) with their groups', () => {
    expectRefused('sha change, user from AuthenticationUtil', 'efr.recording.sealedContent',
      'R26.1');
    expectAllowed('retention extended, user from AuthenticationUtil');
  });

  it('R26.1: gives the same answers when Rhino interprets instead of compiling', () => {
    expectRefused('sha change, interpreted', 'efr.recording.sealedContent', 'R26.1');
    expectAllowed('retention extended, interpreted');
  });

  it('R22.2: allows extending the retention of a sealed recording, never shortening it', () => {
    expectAllowed('retention extended');
    expectRefused('retention shortened', 'efr.recording.retentionShortened', 'R22.2');
  });

  it('R27.1: allows raising the secrecy level of a sealed recording', () => {
    expectAllowed('secrecy raised');
  });

  it('R26.1: accepts a form that sends the same values back, refuses an officer annotating', () => {
    expectAllowed('same values resent');
    expectRefused('officer annotates sealed', 'efr.recording.notArchivist', 'R26.1');
  });

  it('R26.1: allows the officers to edit a recording before sealing, nobody else', () => {
    expectAllowed('unsealed edit');
    expectRefused('unsealed edit by stranger', 'efr.recording.notEditor', 'R26.1');
  });

  it('R21.4: seals only as the sealed handover says', () => {
    expectAllowed('sealing as handover says');
    expectRefused('sealing without handover', 'efr.recording.sealBySystem', 'R21.4');
  });

  it('R14.2: only supervisors or legal staff lift a legal hold (aspect removal)', () => {
    expectRefused('hold lifted by custodian', 'efr.recording.holdRelease', 'R14.2');
    expectAllowed('hold lifted by supervisor');
  });

  it('R22.2: only legal staff remove an evidence mark (aspect removal)', () => {
    expectRefused('evidence mark removed by custodian', 'efr.recording.evidenceUnmark', 'R22.2');
    expectAllowed('evidence mark removed by legal');
  });

  it('R22.1: refuses a delete before retain-until', () => {
    expectRefused('delete before retain-until', 'efr.recording.retained', 'R22.1');
  });

  it('R14.2: refuses a delete under legal hold even after retention', () => {
    expectRefused('delete under legal hold', 'efr.recording.legalHold', 'R14.2');
  });

  it('R26.1: deletes only through the disposal procedure (the repository as System)', () => {
    expectRefused('delete after retention without disposal', 'efr.recording.disposalRequired',
      'R26.1');
    expectAllowed('disposal by the repository');
  });

  it('R26.1: refuses moving a sealed recording out of the archive, allows moves inside it', () => {
    expectRefused('move out of archive', 'efr.recording.leavesArchive', 'R26.1');
    expectAllowed('move within archive');
    expectAllowed('move of unsealed');
  });

  it('R26.1: refuses new content on a sealed recording (ingest: recording-ingest.spec.ts)', () => {
    expectRefused('content on sealed', 'efr.recording.sealedContent', 'R26.1');
  });

  it('R24.2: logs every content read with user and node, refused or not', () => {
    for (const name of ['read outside window', 'read inside window']) {
      expect(results[name].logs.some((l) => /^info: efr read of recording rec1 by li\.officer/
        .test(l))).withContext(name).toBeTrue();
    }
  });

  it('R24.2 (issue 15): every recording is read only by its registered viewer in the window', () => {
    expectRefused('read outside window', 'efr.recording.noViewingRight', 'R24.2');
    expectAllowed('read inside window');
    expectAllowed('read by the repository');
  });

  it('R24.2 (issue 15): custodians are not exempt, as on server/', () => {
    expectRefused('read by custodian', 'efr.recording.noViewingRight', 'R24.2');
    expectRefused('confidential read by custodian', 'efr.recording.noViewingRight', 'R27.1');
  });

  it('R27.1/R24.2: a confidential recording is read only inside a registered window', () => {
    expectRefused('confidential read outside window', 'efr.recording.noViewingRight', 'R27.1');
    expectAllowed('confidential read inside window');
  });

  it('logs every refusal as a warning naming the rule', () => {
    expect(results['sha change'].logs.some((l) => l.startsWith('warn: efr refused update') &&
      l.includes('efr.recording.sealedContent'))).toBeTrue();
  });

  it('R21.4: the fixture handover names the custodians the sealed recording names', () => {
    const h = handoverProps();
    expect(String(h['efr:receipt1By'])).toBe(String(sealed['efr:sealedBy1']));
    expect(String(h['efr:receipt2By'])).toBe(String(sealed['efr:sealedBy2']));
  });
});
