/**
 * The repository port's contract suite (webscripts/src/port-contract.ts) against the module's
 * adapter (behaviors/src/lib/acs-port.ts), compiled to ES5 as the module's controllers are and
 * run as one web script call in the ACS-like runtime (issue 15). The same suite runs against
 * server/'s adapter in server/src/webscripts/port/server-port.spec.ts.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compileScript } from '../../behaviors/build/compile-scripts.mjs';
import {
  CONTRACT_RECORDINGS, PORT_CONTRACT, type PortCheckResult, type PortFixture,
} from '../../webscripts/src/port-contract.js';
import { moduleParts, runDriver, WEBSCRIPT_ROOT } from '../acs-runtime/acs-runtime.js';
import { completeRecording, sealedRecordingProps } from './fixtures.js';

const LOCATION = `classpath*:${WEBSCRIPT_ROOT}/org/efr/test/port-contract.get.js`;

const BYTES = Buffer.from('EFR port contract content '.repeat(100));

const FIXTURE: Omit<PortFixture, 'disposal'> = {
  user: 'supervisor1',
  group: 'GROUP_EFR_SUPERVISORS',
  otherUser: 'officer1',
  // The runtime's people have no names: ACS then shows the user name.
  otherDisplayName: 'officer1',
  // Not the register: the module makes that on its first violationRegister() call.
  folder: '案件',
  otherOrganization: '社会事务科',
  content: { name: 'contract.bin', sha256: createHash('sha256').update(BYTES).digest('hex'),
    size: BYTES.length },
  // --- access log (issue 15/18) ---
  // Set by the controller from its template argument (the node's id is the runtime's).
  readNode: '',
};

describe('repository port contract: the module adapter in the ACS-like runtime (issue 15)', () => {
  let results: PortCheckResult[] = [];
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'efr-port-contract-'));
    const { code } = await compileScript({ name: 'port-contract.get',
      file: resolve(import.meta.dirname, 'port-contract.entry.ts') });
    const file = join(dir, 'port-contract.get.js');
    writeFileSync(file, code);
    // Surf renders the answer through the format's template, as it does the module's
    // (DeclarativeWebScript#renderFormatTemplate; test/acs-runtime AcsRuntime#renderFormat).
    writeFileSync(join(dir, 'port-contract.get.json.ftl'), '${body}\n');
    const bytes = join(dir, FIXTURE.content.name);
    writeFileSync(bytes, BYTES);
    const mod = await moduleParts();
    // Disposition (issue 18): two sealed recordings with stored content, an executed batch
    // that lists the first.
    const clip = Buffer.from('efr port contract '.repeat(64));
    const media = join(dir, 'clip.mp4');
    writeFileSync(media, clip);
    const sha256 = createHash('sha256').update(clip).digest('hex');
    const recording = (name: string) => ({ folder: 'EFR 执法记录/录像档案', name,
      type: 'efr:recording', properties: completeRecording(sealedRecordingProps({ 'cm:name': name,
        'cm:content': null, 'efr:sha256': sha256, 'efr:sizeBytes': clip.length })),
      content: { file: media } });
    const out = await runDriver<{ name: string; status: number; body: unknown; error: string }[]>(
      'webscripts.js', {
        scripts: { ...mod.scripts, [LOCATION]: file },
        users: { supervisor1: ['GROUP_EFR_SUPERVISORS'], officer1: ['GROUP_EFR_OFFICERS'],
          admin: ['GROUP_ALFRESCO_ADMINISTRATORS'] },
        folders: ['EFR 执法记录/案件', 'EFR 执法记录/录像档案', 'EFR 执法记录/合同读取',
          'EFR 执法记录/处置批次'],
        // --- access log (issue 15/18) ---
        // officer1 reads a document's content through the REST API before the suite runs.
        folderAces: { 'EFR 执法记录/合同读取': ['ALLOWED;officer1;Consumer'] },
        nodes: [{ folder: 'EFR 执法记录/案件', name: FIXTURE.content.name, type: 'cm:content',
          properties: { 'cm:content': { file: bytes } } },
        { folder: 'EFR 执法记录/合同读取', name: '读取-contract', type: 'cm:content',
          properties: {} },
        // The population's recordings, made in the contract's order (the runtime's ids sort as
        // its nodes are made).
        ...CONTRACT_RECORDINGS.made.map(({ name, start }) => ({
          folder: 'EFR 执法记录/录像档案', name,
          type: 'efr:recording', properties: { 'efr:officer': 'officer1',
            'efr:recordingStart': start } })),
        recording('listed.mp4'), recording('kept.mp4'),
        { folder: 'EFR 执法记录/处置批次', name: '销毁-contract', type: 'efr:dispositionBatch',
          properties: { 'efr:batchStatus': 'executed', 'efr:batchProposedBy': 'custodian1',
            'efr:proposalReason': '合同 contract', 'efr:destroyedIds': ['#listed.mp4'] },
          assocs: { 'efr:batchRecordings': ['#listed.mp4', '#kept.mp4'] } }],
        personProps: { officer1: { 'cm:organization': FIXTURE.otherOrganization } },
        idPrefix: 'p',
        calls: [
          { name: 'read', user: FIXTURE.otherUser, rest: { op: 'read', node: '#读取-contract' } },
          { name: 'contract', location: LOCATION, user: FIXTURE.user,
            args: { fixture: JSON.stringify({ ...FIXTURE, disposal: { sha256 } }) },
            templateArgs: { readNode: '#读取-contract', recording: '#listed.mp4',
              kept: '#kept.mp4', batch: '#销毁-contract' } },
        ],
      });
    if (out[0].status !== 200) throw new Error(`read: ${out[0].status} ${out[0].error}`);
    const call = out[1];
    if (call.status !== 200) throw new Error(`contract call: ${call.status} ${call.error}`);
    results = (call.body as { results: PortCheckResult[] }).results;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const check of PORT_CONTRACT) {
    it(check.name, () => {
      const r = results.find((x) => x.name === check.name);
      expect(r).withContext('the check ran').toBeDefined();
      expect(r?.failure ?? null).toBeNull();
    });
  }
});
