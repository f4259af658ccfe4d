/**
 * The repository port's contract suite (webscripts/src/port-contract.ts) against server/'s
 * adapter over a real SQLite repository, inside one transaction as a web script call runs
 * (issue 15). The same suite runs against the module's adapter in the ACS-like runtime
 * (test/rhino/port-contract.spec.ts).
 */
import { createHash } from 'node:crypto';
import { ensureArchiveFolders, ensureGroups } from '../../demo/seed.js';
import { createNode } from '../../repo/node-writes.js';
import type { NodeRow } from '../../repo/node-rows.js';
import { streamOf, tempRepository, type TempRepository } from '../../testing/temp-repository.js';
import { PORT_CONTRACT, runPortContract, type PortCheckResult, type PortFixture } from
  '../../../../webscripts/src/port-contract.js';
import { registerFolder } from '../violations/violation-records.js';
import { asWorkflowStep } from '../web-script-host.js';
import { serverPort } from './server-port.js';

const BYTES = Buffer.from('合同 contract content\n'.repeat(1000));

const FIXTURE: PortFixture = {
  user: 'supervisor1',
  group: 'GROUP_EFR_SUPERVISORS',
  otherUser: 'officer1',
  otherDisplayName: '王 五',
  folder: '违规记录',
  stored: { id: '', sha256: createHash('sha256').update(BYTES).digest('hex'),
    size: BYTES.length },
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
      email: 'o1@efr.example.org', password: 'pw' });
    t.repo.auth.addMember('GROUP_EFR_OFFICERS', 'officer1', 'PERSON');
    await ensureArchiveFolders(t.repo);
    t.repo.db.transaction(() => registerFolder(t.repo))();
    // A file the store holds (uploaded through the REST API's path).
    const folder = t.repo.rows.childByName(t.repo.meta('efr_archive') as string, '违规记录') as
      NodeRow;
    FIXTURE.stored.id = (await createNode(t.repo, t.repo.caller('admin'), folder, {
      name: 'contract.txt', nodeType: 'cm:content', autoRename: false, fromText: false,
      properties: {}, content: { staged: await t.repo.store.stage(streamOf(BYTES)),
        mimeType: 'text/plain' } })).id;
    const caller = asWorkflowStep(t.repo.caller('supervisor1'), 'port-contract');
    results = t.repo.db.transaction(() => runPortContract(serverPort(t.repo, caller), FIXTURE))();
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
