/**
 * The repository port's contract suite (webscripts/src/port-contract.ts) against server/'s
 * adapter over a real SQLite repository, inside one transaction as a web script call runs
 * (issue 15). The same suite runs against the module's adapter in the ACS-like runtime
 * (test/rhino/port-contract.spec.ts).
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { ensureArchiveFolders, ensureGroups } from '../../demo/seed.js';
import { createNode } from '../../repo/node-writes.js';
import { formatAcsDate } from '../../model/property-values.js';
import {
  tempRepository, uploadRecording, type TempRepository,
} from '../../testing/temp-repository.js';
import {
  CONTRACT_RECORDINGS, PORT_CONTRACT, runPortContract, type PortCheckResult, type PortFixture,
} from '../../../../webscripts/src/port-contract.js';
import { archiveFolder, subFolder } from '../devices/record-writes.js';
import { registerFolder } from '../violations/violation-records.js';
import { asWorkflowStep } from '../web-script-host.js';
import { serverPort } from './server-port.js';

const BYTES = Buffer.from('EFR port contract content '.repeat(100));

const FIXTURE: Omit<PortFixture, 'disposal'> = {
  user: 'supervisor1',
  group: 'GROUP_EFR_SUPERVISORS',
  otherUser: 'officer1',
  otherDisplayName: '王 五',
  folder: '违规记录',
  otherOrganization: '社会事务科',
  content: { name: 'contract.bin', sha256: createHash('sha256').update(BYTES).digest('hex'),
    size: BYTES.length },
  readNode: '',
};

describe('repository port contract: server/ adapter over SQLite (issue 15)', () => {
  let t: TempRepository;
  let results: PortCheckResult[] = [];
  const saved = process.env.EFR_TIME_ZONE;

  beforeAll(async () => {
    delete process.env.EFR_TIME_ZONE;
    t = await tempRepository();
    ensureGroups(t.repo);
    t.repo.addPerson({ id: 'supervisor1', firstName: '监督', email: 's1@efr.example.org',
      password: 'pw' });
    t.repo.auth.addMember('GROUP_EFR_SUPERVISORS', 'supervisor1', 'PERSON');
    t.repo.addPerson({ id: 'officer1', firstName: '王', lastName: '五',
      email: 'o1@efr.example.org', password: 'pw', props: { organization: '社会事务科' } });
    t.repo.auth.addMember('GROUP_EFR_OFFICERS', 'officer1', 'PERSON');
    await ensureArchiveFolders(t.repo);
    const register = t.repo.db.transaction(() => registerFolder(t.repo))();
    const staged = await t.repo.store.stage(Readable.from([BYTES]));
    await createNode(t.repo, t.repo.systemCaller('port-contract'), register, {
      name: FIXTURE.content.name, nodeType: 'cm:content', autoRename: false, fromText: false,
      content: { staged, mimeType: 'application/octet-stream' },
    });
    const parent = archiveFolder(t.repo, 'recordings').id;
    // The population's recordings, with ids that sort in the contract's order.
    CONTRACT_RECORDINGS.made.forEach(({ name, start }, i) => {
      const now = Date.now();
      t.repo.rows.insert({ id: `c${1000000 + i}-0000-4000-8000-000000000000`, type: 'efr:recording',
        parentId: parent, name, isFolder: false, isFile: true, createdAt: now, createdBy: 'admin',
        modifiedAt: now, modifiedBy: 'admin', props: { 'efr:officer': 'officer1',
          'efr:recordingStart': formatAcsDate(Date.parse(start)) },
        aspects: ['sys:referenceable', 'cm:auditable'], content: null, inherit: true,
        aclLocal: false, lock: null });
    });
    // --- access log (issue 15/18) ---
    // officer1 read a node's content: what routes/content.ts logs for GET /nodes/{id}/content.
    FIXTURE.readNode = register.id;
    t.repo.log({ user: 'officer1', action: 'read', nodeId: register.id, values: {} });
    const disposal = await disposalFixture(t);
    const caller = asWorkflowStep(t.repo.caller('supervisor1'), 'port-contract');
    results = t.repo.db.transaction(() => runPortContract(serverPort(t.repo, caller),
      { ...FIXTURE, disposal }))();
  });
  afterAll(async () => {
    if (saved !== undefined) process.env.EFR_TIME_ZONE = saved;
    await t.dispose();
  });

  for (const check of PORT_CONTRACT) {
    it(check.name, () => {
      const r = results.find((x) => x.name === check.name);
      expect(r).withContext('the check ran').toBeDefined();
      expect(r?.failure ?? null).toBeNull();
    });
  }
});

/** Two sealed recordings with content and an executed batch that lists the first (issue 18). */
async function disposalFixture(t: TempRepository): Promise<PortFixture['disposal']> {
  const upload = () => uploadRecording(t, { 'efr:retainUntil': '2025-01-01' }, 4096);
  const listed = await upload();
  const kept = await upload();
  const admin = asWorkflowStep(t.repo.caller('admin'), 'port-contract-setup');
  const batchId = t.repo.db.transaction(() => {
    const root = t.repo.rows.get(t.repo.meta('efr_archive') ?? '');
    if (!root) throw new Error('no archive');
    const folder = subFolder(t.repo, root, '处置批次', Date.now());
    return serverPort(t.repo, admin).createNode(folder.id, {
      name: '销毁-contract', type: 'efr:dispositionBatch',
      props: { 'efr:batchStatus': 'executed', 'efr:batchProposedBy': 'custodian1',
        'efr:proposalReason': '合同 contract', 'efr:destroyedIds': [listed.id] },
    }).id;
  })();
  return { recordingId: listed.id, sha256: listed.sha, keptId: kept.id, batchId };
}
