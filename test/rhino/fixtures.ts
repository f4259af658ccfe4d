// Fixtures of the Rhino behaviour specs: an archive with one case, one handover and one sealed
// recording, the EFR users and their groups, and scenario builders.
import {
  GROUP_EFR_CUSTODIANS, GROUP_EFR_LEADERS, GROUP_EFR_LEGAL, GROUP_EFR_OFFICE_DIRECTORS,
  GROUP_EFR_OFFICERS, GROUP_EFR_SUPERVISORS, STANDARD_NOTICE_PHRASE,
} from '../../core/src/index.js';
import { ARCHIVE_ROOT_NAME } from '../../behaviors/src/lib/archive-location.js';
import type { FixtureNode, FixtureValue, Scenario } from './rhino-run.js';

/** SHA-256 of the fixture recording, as computed at ingest. */
export const SHA = 'a3f1'.repeat(16);
/** Another valid SHA-256. */
export const OTHER_SHA = 'b7c2'.repeat(16);

/** Users and their ACS groups. */
export const USERS: Record<string, string[]> = {
  'li.officer': [GROUP_EFR_OFFICERS],
  'chen.officer': [GROUP_EFR_OFFICERS],
  'wang.custodian': [GROUP_EFR_CUSTODIANS],
  'zhao.custodian': [GROUP_EFR_CUSTODIANS],
  'sun.leader': [GROUP_EFR_LEADERS],
  'zhou.director': [GROUP_EFR_OFFICE_DIRECTORS],
  'qian.legal': [GROUP_EFR_LEGAL],
  'wu.supervisor': [GROUP_EFR_SUPERVISORS],
};

/** An ISO instant `hours` from now (the behaviours read the real clock). */
export function hoursFromNow(hours: number): string {
  return new Date(Date.now() + hours * 3600_000).toISOString();
}

/** Properties of a sealed recording (efr:recording with its mandatory aspects). */
export function sealedRecordingProps(
  overrides: Record<string, FixtureValue> = {},
): Record<string, FixtureValue> {
  return {
    'cm:name': '执法记录-20260301-0001.mp4',
    'cm:content': { content: 'contentUrl=s3://efr/2026/3/1/0001.bin|mimetype=video/mp4|' +
      'size=1048576|encoding=UTF-8|locale=zh_CN_' },
    'efr:handoverId': 'ho1',
    'efr:segmentIndex': 0,
    'efr:sessionId': 'se1',
    'efr:sha256': SHA,
    'efr:sizeBytes': 1048576,
    'efr:sealedAt': { date: '2026-03-01T09:30:00.000Z' },
    'efr:sealedBy1': 'wang.custodian',
    'efr:sealedBy2': 'zhao.custodian',
    'efr:retainUntil': { date: '2030-03-01T00:00:00.000Z' },
    'efr:retentionPermanent': false,
    'efr:secrecyLevel': 'none',
    'efr:officer': 'li.officer',
    'efr:coOfficer': 'chen.officer',
    'efr:deviceSerial': 'BWC-DD-0007',
    'efr:activityType': 'routineInspection',
    'efr:location': '丹东市振兴区锦山大街 12 号',
    'efr:recorder': 'li.officer',
    'efr:recordingStart': { date: '2026-03-01T01:00:00.000Z' },
    'efr:recordingEnd': { date: '2026-03-01T01:30:00.000Z' },
    'efr:durationSeconds': 1800,
    'efr:partyNotified': true,
    'efr:notificationPhrase': STANDARD_NOTICE_PHRASE,
    'efr:source': 'bodyCamera',
    ...overrides,
  };
}

/** Properties of the same recording before sealing (no seal, retention not fixed yet). */
export function unsealedRecordingProps(
  overrides: Record<string, FixtureValue> = {},
): Record<string, FixtureValue> {
  return sealedRecordingProps({
    'efr:sealedAt': null, 'efr:sealedBy1': null, 'efr:sealedBy2': null,
    'efr:retainUntil': null, ...overrides,
  });
}

/** Properties of the handover `ho1`. */
export function handoverProps(
  overrides: Record<string, FixtureValue> = {},
): Record<string, FixtureValue> {
  return {
    'cm:name': '移交-20260301-李',
    'efr:officer': 'li.officer',
    'efr:coOfficer': 'chen.officer',
    'efr:deviceSerial': 'BWC-DD-0007',
    'efr:returnedAt': { date: '2026-03-01T08:00:00.000Z' },
    'efr:awayWork': false,
    'efr:fieldWorkEnd': { date: '2026-03-01T07:30:00.000Z' },
    'efr:deadline': { date: '2026-03-01T15:59:59.999Z' },
    'efr:handoverStatus': 'sealed',
    'efr:late': false,
    'efr:receipt1By': 'wang.custodian',
    'efr:receipt1At': { date: '2026-03-01T09:00:00.000Z' },
    'efr:receipt1Hashes': [SHA + '  执法记录-20260301-0001.mp4'],
    'efr:receipt2By': 'zhao.custodian',
    'efr:receipt2At': { date: '2026-03-01T09:30:00.000Z' },
    'efr:receipt2Hashes': [SHA + '  执法记录-20260301-0001.mp4'],
    'efr:declaredHashes': [SHA + '  执法记录-20260301-0001.mp4'],
    ...overrides,
  };
}

/**
 * The archive: company home → archive root `EFR 执法记录` → handover ho1 → recording rec1,
 * and `录像档案/<handover>` (`filed`) where sealing files it; case case1 (led by sun.leader)
 * links rec1; `desk` is an ordinary folder outside the archive, `fake` a folder under it
 * named like the archive root.
 */
export function archiveNodes(options: {
  recording?: Record<string, FixtureValue>;
  recordingAspects?: string[];
  handover?: Record<string, FixtureValue>;
  extra?: Record<string, FixtureNode>;
} = {}): Record<string, FixtureNode> {
  return {
    companyhome: { type: 'cm:folder', qnamePath: '/app:company_home',
      properties: { 'cm:name': 'Company Home' } },
    archive: { type: 'cm:folder', parent: 'companyhome',
      properties: { 'cm:name': ARCHIVE_ROOT_NAME } },
    recordings: { type: 'cm:folder', parent: 'archive', properties: { 'cm:name': '录像档案' } },
    filed: { type: 'cm:folder', parent: 'recordings',
      properties: { 'cm:name': '移交-20260301-李' } },
    desk: { type: 'cm:folder', parent: 'companyhome', properties: { 'cm:name': '个人文件' } },
    /** A look-alike of the archive root outside Company Home: not the archive. */
    fake: { type: 'cm:folder', parent: 'desk', properties: { 'cm:name': ARCHIVE_ROOT_NAME } },
    ho1: {
      type: 'efr:handover', supertypes: ['cm:folder'], parent: 'archive',
      aspects: ['efr:officers', 'efr:deviceBound'],
      properties: options.handover ?? handoverProps(),
      assocs: { 'efr:handoverRecordings': ['rec1'] },
    },
    case1: {
      type: 'efr:case', supertypes: ['cm:folder'], parent: 'archive',
      aspects: ['cm:titled', 'efr:caseNumbered', 'efr:owningUnit', 'efr:retention'],
      properties: { 'cm:name': '丹民罚〔2026〕12号', 'efr:caseNumber': '丹民罚〔2026〕12号',
        'efr:leaderInCharge': 'sun.leader', 'efr:caseStatus': 'open' },
      assocs: { 'efr:caseRecordings': ['rec1'] },
    },
    rec1: {
      type: 'efr:recording', supertypes: ['cm:content'], parent: 'ho1',
      aspects: ['efr:captureFacts', 'efr:sealed', 'efr:retention', 'efr:secrecy',
        'efr:sessionBound', 'efr:accessLogged', ...(options.recordingAspects ?? [])],
      properties: options.recording ?? sealedRecordingProps(),
    },
    ...(options.extra ?? {}),
  };
}

/** A scenario of the recording script, as `user`, with the archive fixture. */
export function recordingScenario(
  name: string,
  policy: string,
  user: string,
  args: Scenario['args'],
  nodes: Record<string, FixtureNode> = archiveNodes(),
): Scenario {
  return { name, script: 'recording', policy, user, users: USERS, nodes, args };
}

/** An onUpdateProperties scenario of rec1 from `before` to `after`. */
export function recordingUpdate(
  name: string,
  user: string,
  before: Record<string, FixtureValue>,
  after: Record<string, FixtureValue>,
): Scenario {
  return recordingScenario(name, 'onUpdateProperties', user,
    [{ node: 'rec1' }, { map: before }, { map: after }],
    archiveNodes({ recording: after }));
}

/**
 * Values for the efr:recording properties the model makes mandatory and enforced, which ACS's
 * integrity checker requires of every stored recording at commit (the ACS-like runtime checks
 * them too): a stored or uploaded recording of a fixture gets those it does not name.
 */
export const RECORDING_MANDATORY: Readonly<Record<string, FixtureValue>> = {
  'efr:handoverId': 'ho-fixture',
  'efr:sessionId': 's-fixture',
  'efr:sha256': '0'.repeat(64),
  'efr:sizeBytes': 1000,
  'efr:recorder': 'officer1',
  'efr:officer': 'officer1',
  'efr:recordingStart': { date: '2026-03-01T01:00:00.000Z' },
  'efr:recordingEnd': { date: '2026-03-01T01:10:00.000Z' },
  'efr:durationSeconds': 600,
  'efr:partyNotified': true,
  'efr:source': 'bodyCamera',
  'efr:activityType': 'routineInspection',
  'efr:location': '丹东市振兴区',
  'efr:deviceSerial': 'BWC-FIXTURE',
};

/** `props` with every mandatory recording property it lacks (see {@link RECORDING_MANDATORY}). */
export function completeRecording<T>(props: Record<string, T>): Record<string, T | FixtureValue> {
  const out: Record<string, T | FixtureValue> = { ...RECORDING_MANDATORY };
  for (const [k, v] of Object.entries(props)) out[k] = v;
  return out;
}
