import { RouterTestingHarness } from '@angular/router/testing';
import { CurrentUserService, EfrRole, PeopleDirectoryService } from '../../shared/public-api';
import { peopleDirectoryMock } from '../../shared/mock/people-directory.mock';
import { userWith } from '../../shared/mock/users.mock';
import { openRouted, routedElement, settleRouted } from '../../shared/mock/routed.mock';
import { HASH_MEASURE } from '../file-hash.service';
import { HandoverApiService } from '../handover-api.service';
import { Handover } from '../handover.model';
import { UploadAnswer } from '../upload-transport';
import { HandoverWizardSmartComponent } from './handover-wizard.smart-component';

/** An open handover with one declared session and no file yet. */
const OPEN: Handover = {
  id: 'h1', name: '移交-1', officer: 'officer1', coOfficer: 'officer2',
  deviceSerial: 'BWC-2026-001', unit: null, returnedAt: null, fieldWorkEnd: null,
  awayWork: false, deadline: null, status: 'open', late: false, overdue: false, receipts: [],
  preUseCheck: null, violationId: null, createdAt: '', createdBy: 'custodian1', files: [],
  sessions: [{ id: 's1', sessionId: 'S-1', activityType: 'inspection', place: '六纬路',
    startedAt: '2026-11-26T01:00:00Z', endedAt: '2026-11-26T01:10:00Z', segmentCount: 2,
    noticeText: '本次执法全程录音录像。', interruptionNote: null }],
};

/** An upload the spec answers when it chooses. */
interface HeldUpload {
  name: string;
  answer(a: UploadAnswer): void;
}

describe('HandoverWizardSmartComponent: hashing and sending files (issue 20)', () => {
  let api: jasmine.SpyObj<HandoverApiService>;
  let uploads: HeldUpload[];
  let harness: RouterTestingHarness;

  const rows = () =>
    [...routedElement(harness).querySelectorAll<HTMLElement>('[data-testid="file-row"]')];
  const states = () => rows().map((r) => r.getAttribute('data-state'));

  /** Renders until `done` holds (the worker and the held requests answer in their own time). */
  async function until(done: () => boolean, what: string): Promise<void> {
    for (let i = 0; i < 400; i++) {
      await settleRouted(harness);
      if (done()) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`${what}: rows are ${states().join(', ')}`);
  }

  /** Long enough for `until` to give its own message first on a loaded machine. */
  const TIMEOUT_MS = 20_000;

  beforeEach(async () => {
    performance.clearMeasures(HASH_MEASURE);
    uploads = [];
    api = jasmine.createSpyObj<HandoverApiService>('HandoverApiService', [
      'get', 'devices', 'officers', 'upload',
    ]);
    api.get.and.resolveTo(OPEN);
    api.devices.and.resolveTo([]);
    api.officers.and.resolveTo([]);
    api.upload.and.callFake(
      (_id, file) => new Promise((answer) => uploads.push({ name: file.name, answer })),
    );
    const user = userWith('custodian1', EfrRole.Custodian);
    harness = await openRouted('/handovers/h1', 'handovers/:id',
      HandoverWizardSmartComponent, [
        { provide: HandoverApiService, useValue: api },
        { provide: CurrentUserService, useValue: { load: async () => user, user: () => user } },
        { provide: PeopleDirectoryService, useValue: peopleDirectoryMock() },
      ]);
  });

  function drop(...files: File[]): void {
    const wizard = harness.routeDebugElement?.componentInstance as { addFiles(f: File[]): void };
    wizard.addFiles(files);
  }

  it('hashes the next file in the worker while the previous one is being sent', async () => {
    drop(new File([new Uint8Array(3 << 20).fill(1)], 'a.mp4'),
      new File([new Uint8Array(3 << 20).fill(2)], 'b.mp4'));
    await until(() => uploads.length === 1, 'the first upload did not start');
    expect(uploads[0].name).toBe('a.mp4');
    // a.mp4's request is still open: b.mp4 gets its digest meanwhile, and waits its turn.
    await until(() => states()[1] === 'hashed', 'b.mp4 was not hashed during the upload');
    expect(states()).toEqual(['uploading', 'hashed']);
    expect(uploads.length).toBe(1);
    uploads[0].answer({ status: 201, body: { entry: { id: 'r1' } }, text: '' });
    await until(() => uploads.length === 2, 'b.mp4 was not sent after a.mp4');
    uploads[1].answer({ status: 201, body: { entry: { id: 'r2' } }, text: '' });
    await until(() => states().every((s) => s === 'uploaded'), 'not every file was sent');
    expect(performance.getEntriesByName(HASH_MEASURE, 'measure').length).toBe(2);
  }, TIMEOUT_MS);

  it('sends a file again after a network error without hashing it again', async () => {
    drop(new File([new Uint8Array(1 << 20).fill(7)], 'c.mp4'));
    await until(() => uploads.length === 1, 'the upload did not start');
    const sent = api.upload.calls.mostRecent().args[2]['efr:sha256'];
    expect(sent).toMatch(/^[0-9a-f]{64}$/);
    uploads[0].answer({ status: 0, body: null, text: 'network error' });
    await until(() => states()[0] === 'failed', 'the failed upload was not shown');
    rows()[0].querySelector<HTMLButtonElement>('[data-testid="retry-file"]')?.click();
    await until(() => uploads.length === 2, 'the retry sent nothing');
    expect(api.upload.calls.mostRecent().args[2]['efr:sha256']).toBe(sent);
    uploads[1].answer({ status: 201, body: { entry: { id: 'r3' } }, text: '' });
    await until(() => states()[0] === 'uploaded', 'the retry did not finish');
    expect(performance.getEntriesByName(HASH_MEASURE, 'measure').length).toBe(1);
  }, TIMEOUT_MS);
});
