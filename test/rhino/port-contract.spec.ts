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
import { PORT_CONTRACT, type PortCheckResult, type PortFixture } from
  '../../webscripts/src/port-contract.js';
import { moduleParts, runDriver, WEBSCRIPT_ROOT } from '../acs-runtime/acs-runtime.js';

const LOCATION = `classpath*:${WEBSCRIPT_ROOT}/org/efr/test/port-contract.get.js`;

const BYTES = Buffer.from('合同 contract content\n'.repeat(1000));

const FIXTURE: PortFixture = {
  user: 'supervisor1',
  group: 'GROUP_EFR_SUPERVISORS',
  otherUser: 'officer1',
  // The runtime's people have no names: ACS then shows the user name.
  otherDisplayName: 'officer1',
  folder: '违规记录',
  // A file stored before the call (its id is set by the controller from `#contract.txt`).
  stored: { id: '', sha256: createHash('sha256').update(BYTES).digest('hex'), size: BYTES.length },
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
    const mod = await moduleParts();
    const stored = join(dir, 'contract.txt');
    writeFileSync(stored, BYTES);
    const out = await runDriver<{ name: string; status: number; body: unknown; error: string }[]>(
      'webscripts.js', {
        scripts: { ...mod.scripts, [LOCATION]: file },
        users: { supervisor1: ['GROUP_EFR_SUPERVISORS'], officer1: ['GROUP_EFR_OFFICERS'] },
        folders: ['EFR 执法记录/违规记录'],
        nodes: [{ folder: 'EFR 执法记录/违规记录', name: 'contract.txt', type: 'cm:content',
          properties: { 'cm:content': { file: stored, mimetype: 'text/plain' } } }],
        idPrefix: 'p',
        calls: [{ name: 'contract', location: LOCATION, user: FIXTURE.user,
          args: { fixture: JSON.stringify(FIXTURE) }, templateArgs: { stored: '#contract.txt' } }],
      });
    const call = out[0];
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
