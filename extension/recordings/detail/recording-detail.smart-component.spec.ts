import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { NoopTranslateModule } from '@alfresco/adf-core';
import {
  CaseLinksService,
  CurrentUserService,
  EfrRole,
  PeopleDirectoryService,
} from '../../shared/public-api';
import { userWith } from '../../shared/mock/users.mock';
import { ApprovalsService } from '../../approvals/public-api';
import { accessRequest } from '../../approvals/mock/access-request.mock';
import { RecordingsService } from '../recordings.service';
import { RecordingDetail } from '../recordings.model';
import { RecordingDetailSmartComponent } from './recording-detail.smart-component';

describe('RecordingDetailSmartComponent', () => {
  const detail: RecordingDetail = {
    id: 'r1',
    name: 'a.mp4',
    startedAt: new Date('2026-03-01T08:00:00Z'),
    endedAt: null,
    officers: ['officer1', 'officer2'],
    unit: 'u',
    deviceSerial: 'DSJ-001',
    activityType: 'evidenceCollection',
    secrecyLevel: 'none',
    lateHandover: false,
    recorder: 'officer1',
    location: '',
    source: 'bodyCamera',
    partyNotified: true,
    mimeType: 'video/mp4',
    sha256: 'ab'.repeat(32),
    size: 2048,
    sealedBy: ['custodian1', 'custodian2'],
    sealedAt: new Date('2026-03-01T18:00:00Z'),
    handoverId: 'h1',
    handoverName: '交接 2026-03-01',
    retainUntil: null,
    isEvidence: false,
    createdBy: 'custodian1',
    createdAt: null,
  };

  async function setup(
    roles: EfrRole[],
    tune: (
      s: jasmine.SpyObj<RecordingsService>,
      a: jasmine.SpyObj<ApprovalsService>,
    ) => void = () => undefined,
    part?: string,
  ) {
    const service = jasmine.createSpyObj<RecordingsService>('RecordingsService', [
      'getRecording',
      'linkedCases',
      'custody',
      'caseOptions',
    ]);
    service.getRecording.and.resolveTo(detail);
    service.linkedCases.and.resolveTo([]);
    service.caseOptions.and.resolveTo([
      { id: 'c1', caseNumber: 'EFR-2026-0001', title: 't', status: 'open' },
    ]);
    service.custody.and.resolveTo([
      { id: '1', at: new Date(), user: 'legal1', action: 'view', reason: '审查', requestId: 'q1' },
    ]);
    const links = jasmine.createSpyObj<CaseLinksService>('CaseLinksService', ['linkRecording']);
    const approvals = jasmine.createSpyObj<ApprovalsService>('ApprovalsService', ['list']);
    approvals.list.and.resolveTo([]);
    tune(service, approvals);
    TestBed.configureTestingModule({
      imports: [NoopTranslateModule],
      providers: [
        provideNoopAnimations(),
        provideRouter([]),
        { provide: RecordingsService, useValue: service },
        { provide: PeopleDirectoryService, useValue: { nameOf: (id: string) => `~${id}` } },
        { provide: CaseLinksService, useValue: links },
        { provide: ApprovalsService, useValue: approvals },
      ],
    });
    const currentUser = TestBed.inject(CurrentUserService);
    spyOn(currentUser, 'user').and.returnValue(userWith('u1', ...roles));
    const fixture = TestBed.createComponent(RecordingDetailSmartComponent);
    fixture.componentRef.setInput('id', 'r1');
    // The router binds an input it has no parameter for as undefined: the whole page.
    fixture.componentRef.setInput('part', part);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, service, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  it('shows the SHA-256, both custodians and the chain of custody', async () => {
    const { fixture, loader } = await setup([EfrRole.Supervisor]);
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="sha256"]')?.textContent?.trim()).toBe('ab'.repeat(32));
    expect(el.querySelector('[data-testid="sealed-by"]')?.textContent?.trim()).toBe(
      '~custodian1、~custodian2',
    );
    const custody = await loader.getHarness(MatTableHarness);
    expect((await custody.getRows()).length).toBe(1);
  });

  it('has no edit or delete action, whatever the role (R26.1)', async () => {
    const { loader } = await setup([EfrRole.Legal, EfrRole.Custodian]);
    const texts = await Promise.all(
      (await loader.getAllHarnesses(MatButtonHarness)).map((b) => b.getText()),
    );
    expect(texts.some((t) => /EDIT|DELETE/i.test(t))).toBeFalse();
  });

  it('offers linking to a case to legal staff, not to supervisors', async () => {
    const legal = await setup([EfrRole.Legal]);
    expect(legal.fixture.nativeElement.querySelector('[data-testid="link-case"]')).not.toBeNull();
    TestBed.resetTestingModule();
    const supervisor = await setup([EfrRole.Supervisor]);
    expect(supervisor.fixture.nativeElement.querySelector('[data-testid="link-case"]')).toBeNull();
  });

  // Issue 19, point 1: the page used to load all parts together and show only "您没有查看此内容
  // 的权限。重试" when the chain of custody answered 403.
  it('shows an officer the capture facts, a sentence for the custody log and 申请调阅', async () => {
    const { fixture, service } = await setup([EfrRole.Officer], (s) =>
      s.custody.and.rejectWith({ status: 403 }),
    );
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="detail-error"]')).toBeNull();
    expect(el.querySelector('[data-testid="sha256"]')?.textContent?.trim()).toBe('ab'.repeat(32));
    expect(el.querySelector('[data-testid="custody-forbidden"]')).not.toBeNull();
    expect(service.custody).not.toHaveBeenCalled();
    expect(el.querySelector('[data-testid="request-viewing"]')).not.toBeNull();
  });

  it('keeps the page when the repository refuses the custody log (403)', async () => {
    const { fixture } = await setup([EfrRole.Supervisor], (s) =>
      s.custody.and.rejectWith({ status: 403 }),
    );
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="detail-error"]')).toBeNull();
    expect(el.querySelector('[data-testid="recording-title"]')?.textContent).toContain('a.mp4');
    expect(el.querySelector('[data-testid="custody-forbidden"]')).not.toBeNull();
  });

  it('offers 播放 under an open registered viewing window', async () => {
    const { fixture } = await setup([EfrRole.Officer], (_s, a) =>
      a.list.and.callFake(async (queue) =>
        queue === 'viewing'
          ? [
              accessRequest({
                id: 'q1',
                recordingIds: ['r1'],
                status: 'registered',
                viewer: 'u1',
                windowOpen: true,
              }),
            ]
          : [],
      ),
    );
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="play"]')?.getAttribute('href')).toBe('/playback/q1');
    expect(el.querySelector('[data-testid="request-viewing"]')).toBeNull();
  });

  // Issue 17: each part is also an info-drawer tab of the Content App.
  it('shows and reads only the part of an info-drawer tab', async () => {
    const { fixture, service } = await setup([EfrRole.Supervisor], undefined, 'custody');
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelectorAll('mat-card').length).toBe(1);
    expect(el.querySelector('[data-testid="recording-title"]')).toBeNull();
    expect(service.custody).toHaveBeenCalled();
    expect(service.linkedCases).not.toHaveBeenCalled();
    TestBed.resetTestingModule();
    const fixity = await setup([EfrRole.Supervisor], undefined, 'fixity');
    const part: HTMLElement = fixity.fixture.nativeElement;
    expect(part.querySelector('[data-testid="sha256"]')).not.toBeNull();
    expect(fixity.service.custody).not.toHaveBeenCalled();
  });
});
