/**
 * The finding evidence (R28.2), written once (webscripts/src/spot-checks/finding-evidence.ts),
 * over the module's port in the ACS-like runtime (issues 15/18): the reads of a recording come
 * from the efr-access audit application through ACS's AuditService, read for a supervisor, who
 * is no administrator. A read covered by a registered viewing request is not listed; reads by
 * administrators (whom core's read rule lets through without a request) are.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Evidence } from '../../contract/index.js';
import { compileScript } from '../../behaviors/build/compile-scripts.mjs';
import { moduleParts, runDriver, WEBSCRIPT_ROOT } from '../acs-runtime/acs-runtime.js';

const LOCATION = `classpath*:${WEBSCRIPT_ROOT}/org/efr/test/finding-evidence.get.js`;
const HOUR = 3600000;

interface Out { name: string; status: number; body: { entry: Evidence } | null; error: string }

describe('finding evidence over the module port, reads from efr-access (R28.2, issue 15)', () => {
  let out: Out[] = [];
  let dir = '';
  const now = Date.now();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'efr-finding-evidence-'));
    const { code } = await compileScript({ name: 'finding-evidence.get',
      file: resolve(import.meta.dirname, 'finding-evidence.entry.ts') });
    const file = join(dir, 'finding-evidence.get.js');
    writeFileSync(file, code);
    // Surf renders the answer through the format's template, as it does the module's
    // (DeclarativeWebScript#renderFormatTemplate; test/acs-runtime AcsRuntime#renderFormat).
    writeFileSync(join(dir, 'finding-evidence.get.json.ftl'), '${body}\n');
    const mod = await moduleParts();
    const iso = (ms: number): string => new Date(ms).toISOString();
    out = await runDriver<Out[]>('webscripts.js', {
      scripts: { ...mod.scripts, [LOCATION]: file },
      users: { supervisor1: ['GROUP_EFR_SUPERVISORS'], admin1: ['GROUP_ALFRESCO_ADMINISTRATORS'],
        admin2: ['GROUP_ALFRESCO_ADMINISTRATORS'] },
      folders: ['EFR 执法记录/移交记录', 'EFR 执法记录/录像档案'],
      folderAces: { 'EFR 执法记录': ['ALLOWED;GROUP_EFR_SUPERVISORS;Consumer',
        'ALLOWED;GROUP_EFR_CUSTODIANS;Consumer'] },
      nodes: [
        { folder: 'EFR 执法记录/移交记录', name: '移交-1', type: 'efr:handover',
          properties: { 'efr:officer': 'officer1', 'efr:unit': '婚姻登记处', 'efr:late': true,
            'efr:handoverStatus': 'sealed', 'efr:deadline': iso(now - 2 * HOUR) } },
        { folder: 'EFR 执法记录/录像档案', name: 'rec-1.mp4', type: 'efr:recording',
          properties: { 'efr:officer': 'officer1', 'efr:sessionId': 's-1',
            'efr:recordingStart': iso(now - 5 * HOUR), 'efr:recordingEnd': iso(now - 4 * HOUR) } },
      ],
      idPrefix: 'e',
      calls: [
        { name: 'read1', user: 'admin1', rest: { op: 'read', node: '#rec-1.mp4' } },
        { name: 'read2', user: 'admin2', rest: { op: 'read', node: '#rec-1.mp4' } },
        { name: 'evidence', location: LOCATION, user: 'supervisor1',
          args: { from: iso(now - 24 * HOUR), to: iso(now + HOUR) },
          templateArgs: { recording: '#rec-1.mp4' } },
      ],
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists each content read of the recording as ACS audited it', () => {
    expect(out[0].status).withContext(out[0].error).toBe(200);
    expect(out[1].status).withContext(out[1].error).toBe(200);
    const e = out[2];
    expect(e.status).withContext(e.error).toBe(200);
    const handled = e.body?.entry.handled;
    expect(handled?.unregisteredAccess.map((x) => [x.user, x.action, x.values['subActions']]))
      .toEqual([['admin1', 'READ', 'readContent'], ['admin2', 'READ', 'readContent']]);
    expect(handled?.unregisteredAccess[0].seq).toBeLessThan(handled?.unregisteredAccess[1].seq ?? 0);
    // Refused attempts are rolled back with their transaction: efr-access never has them.
    expect(handled?.refusals).toEqual([]);
    expect(e.body?.entry.continuous).toEqual(jasmine.objectContaining({ sessionId: 's-1',
      segmentsFound: 1, gaps: [] }));
  });
});
