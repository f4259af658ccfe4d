// Issue 14: what ACS does to the module that the old harness did not, one spec per finding that
// the ACS-like runtime (test/acs-runtime) reproduces: maps as NativeMap (2), content reads with
// no user (3), log levels (7), groups synced from a directory (8), ACS's error text (9). Findings
// 1, 4, 5 are checked on the JAR (test/module-jar), 6 by every web script run (webscript-run.ts).
import { findRefusal, GROUP_EFR_CUSTODIANS } from '../../core/src/index.js';
import {
  archiveNodes, OTHER_SHA, recordingScenario, recordingUpdate, sealedRecordingProps, USERS,
} from './fixtures.js';
import { runByName } from './rhino-run.js';
import { HANDOVERS, WS_USERS } from './webscript-features.js';
import { runWebScripts, type WsResult } from './webscript-run.js';
import type { Scenario, ScenarioResult } from './rhino-run.js';

const sealed = sealedRecordingProps();
const later = sealedRecordingProps({ 'efr:retainUntil': { date: '2031-03-01T00:00:00.000Z' } });
/** wang.custodian's only group is synced from LDAP: zone AUTH.EXT.ldap1, not APP.DEFAULT. */
const LDAP: Partial<Scenario> = { groupZones: { [GROUP_EFR_CUSTODIANS]: 'AUTH.EXT.ldap1' } };

const SCENARIOS: Scenario[] = [
  recordingUpdate('sha change', 'wang.custodian', sealed,
    sealedRecordingProps({ 'efr:sha256': OTHER_SHA })),
  recordingUpdate('retention shortened', 'wang.custodian', sealed,
    sealedRecordingProps({ 'efr:retainUntil': { date: '2028-03-01T00:00:00.000Z' } })),
  { ...recordingScenario('index fetch', 'onContentRead', '', [{ node: 'rec1' }],
    archiveNodes({ recording: sealedRecordingProps({ 'efr:secrecyLevel': 'stateSecret' }) })),
  user: null },
  recordingScenario('read', 'onContentRead', 'li.officer', [{ node: 'rec1' }]),
  { ...recordingUpdate('custodian annotates, directory group', 'wang.custodian', sealed, later),
    ...LDAP },
  { ...recordingUpdate('custodian annotates, directory group, interpreted', 'wang.custodian',
    sealed, later), ...LDAP, optimizationLevel: -1 },
];

describe('issue 14: the module as ACS runs it (ACS-like runtime)', () => {
  let r: Record<string, ScenarioResult>;

  beforeAll(async () => {
    r = await runByName(SCENARIOS);
  });

  it('finding 2: reads the policy maps ACS hands over as NativeMaps (strings and dates)', () => {
    expect(r['sha change'].outcome).withContext(String(r['sha change'].acsMessage)).toBe('refused');
    expect(r['sha change'].message).toMatch(/^efr\.recording\.sealedContent R26\.1: /);
    expect(r['retention shortened'].message)
      .toMatch(/^efr\.recording\.retentionShortened R22\.2: /);
  });

  it('finding 3: a read with no authenticated user (the index fetch) passes and is logged', () => {
    expect(r['index fetch'].outcome).withContext(String(r['index fetch'].acsMessage))
      .toBe('allowed');
    expect(r['index fetch'].logs.join('\n'))
      .toContain('efr read of recording rec1 by the search index (no authenticated user)');
  });

  it('finding 7: EFR\'s lines show at ACS\'s log levels with the module\'s log4j2.properties', () => {
    expect(r.read.logLines.some((l) =>
      /^info org\.efr\.repo shown: efr read of recording rec1 by li\.officer/.test(l))).toBeTrue();
    expect(r['sha change'].logLines.some((l) =>
      /^warn org\.efr\.repo shown: efr refused update/.test(l))).toBeTrue();
  });

  it('finding 8: a custodian whose group is synced from a directory (AUTH.EXT) is one', () => {
    for (const name of ['custodian annotates, directory group',
      'custodian annotates, directory group, interpreted']) {
      expect(r[name].outcome).withContext(`${name}: ${String(r[name].acsMessage)}`).toBe('allowed');
    }
    expect(Object.keys(USERS)).toContain('wang.custodian');
  });

  it('finding 9: the efr code and both languages are found in the text ACS answers', () => {
    const acs = String(r['sha change'].acsMessage);
    expect(acs).toMatch(new RegExp("^\\d{8} Failed to execute script " +
      "'alfresco/module/efr-repo/scripts/recording\\.js': \\d{8} Error: " +
      'efr\\.recording\\.sealedContent R26\\.1: .+ \\(alfresco/module/efr-repo/scripts/' +
      'recording\\.js#\\d+\\)$'));
    const found = findRefusal(acs);
    expect(found?.code).toBe('efr.recording.sealedContent');
    expect(found?.message).toMatch(/^[\x20-\x7e]+$/);
    expect(found?.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('issue 14: ACS checks mandatory properties at commit (IntegrityChecker)', () => {
  let r: Record<string, WsResult>;

  beforeAll(async () => {
    const upload = (name: string, size: number | null): Parameters<typeof runWebScripts>[2][number] =>
      ({ name, user: 'officer1', create: { parent: '#inbox', name: `${name}.mp4`,
        type: 'efr:recording', properties: { 'efr:sizeBytes': size } } });
    r = await runWebScripts(HANDOVERS, WS_USERS, [upload('sized', 1000), upload('unsized', null)],
      [{ folder: 'EFR 执法记录/录像档案', name: 'inbox', type: 'cm:folder', properties: {} }]);
  });

  it('an upload without an enforced mandatory property fails at commit and leaves nothing', () => {
    expect(r.sized.status).withContext(String(r.sized.error)).toBe(201);
    expect(r.unsized.status).toBe(500);
    expect(String(r.unsized.error)).toMatch(/integrity violations[\s\S]*efr:sizeBytes/);
    expect(r.$tree.logs.some((p) => p.endsWith('unsized.mp4'))).toBeFalse();
  });
});
