import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { NoopTranslateModule } from '@alfresco/adf-core';
import { CurrentUserService, EfrApiService, EfrRole } from '../../shared/public-api';
import { userWith } from '../../shared/mock/users.mock';
import { ApprovalsService } from '../../approvals/public-api';
import { accessRequest } from '../../approvals/mock/access-request.mock';
import { RecordingViewerComponent } from './recording-viewer.component';

describe('RecordingViewerComponent (the Content App\'s viewer for recordings)', () => {
  async function setup(nodeType: string, tune: (a: jasmine.SpyObj<ApprovalsService>) => void =
  () => undefined) {
    const getNode = jasmine.createSpy('getNode')
      .and.resolveTo({ entry: { id: 'v1', name: 'a.mp4', nodeType } });
    const approvals = jasmine.createSpyObj<ApprovalsService>('ApprovalsService',
      ['list', 'get', 'contentUrl', 'viewingEvent']);
    approvals.list.and.resolveTo([]);
    tune(approvals);
    TestBed.configureTestingModule({
      imports: [NoopTranslateModule],
      providers: [
        provideNoopAnimations(),
        provideRouter([]),
        { provide: EfrApiService, useValue: { nodes: { getNode } } },
        { provide: ApprovalsService, useValue: approvals },
      ],
    });
    const currentUser = TestBed.inject(CurrentUserService);
    spyOn(currentUser, 'load').and.resolveTo();
    spyOn(currentUser, 'user').and.returnValue(userWith('legal1', EfrRole.Legal));
    const fixture = TestBed.createComponent(RecordingViewerComponent);
    const loaded = jasmine.createSpy('contentLoaded');
    fixture.componentInstance.contentLoaded.subscribe(loaded);
    fixture.componentRef.setInput('url', '/alfresco/api/…/nodes/v1/content?attachment=false');
    fixture.componentRef.setInput('extension', 'mp4');
    fixture.componentRef.setInput('nodeId', 'v1');
    // The player is a chunk of its own (its dynamic import is no task the zone waits for) and
    // runs a clock (the zone is never stable while it plays): ticks, not whenStable.
    const tick = async () => {
      fixture.detectChanges();
      await new Promise((ok) => setTimeout(ok, 20));
    };
    for (let i = 0; i < 100 && !loaded.calls.any(); i++) await tick();
    for (let i = 0; i < 5; i++) await tick();
    return { fixture, el: fixture.nativeElement as HTMLElement, approvals, loaded };
  }

  it('without a viewing right says why and offers 申请调阅, reading no content', async () => {
    const { el, approvals, loaded } = await setup('efr:recording');
    expect(el.querySelector('[data-testid="efr-viewer-why"]')?.textContent)
      .toContain('EFR_RECORDINGS.VIEWER.NO_RIGHT_TITLE');
    expect(el.querySelector('video')).toBeNull();
    expect(approvals.get).not.toHaveBeenCalled();
    expect(loaded).toHaveBeenCalled();
    const router = TestBed.inject(Router);
    spyOn(router, 'navigate').and.resolveTo(true);
    (el.querySelector('[data-testid="efr-viewer-request"]') as HTMLButtonElement).click();
    expect(router.navigate).toHaveBeenCalledWith(['/approvals/new'],
      { queryParams: { recordingId: 'v1' } });
  });

  it('with the user\'s own request on its way says so, and plays nothing', async () => {
    const { el } = await setup('efr:recording', (a) => a.list.and.callFake(async (queue) =>
      queue === 'mine' ? [accessRequest({ id: 'q1', number: '调阅-7', status: 'reviewed' })] : []));
    expect(el.querySelector('[data-testid="efr-viewer-pending"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="efr-viewer-request"]')).toBeNull();
    expect(el.querySelector('video')).toBeNull();
  });

  it('under an open registered request plays through EFR\'s player, on this recording',
    async () => {
      const open = accessRequest({ id: 'q1', status: 'registered', viewer: 'legal1',
        windowOpen: true, viewingUntil: new Date(Date.now() + 3_600_000).toISOString(),
        recordings: ['v0', 'v1'].map((id) => ({ id, name: `${id}.mp4`, title: null,
          mimeType: 'video/mp4', secrecyLevel: 'none', durationSeconds: 8 })),
        recordingIds: ['v0', 'v1'] });
      const { el, approvals } = await setup('efr:recording', (a) => {
        a.list.and.callFake(async (queue) => (queue === 'viewing' ? [open] : []));
        a.get.and.resolveTo(open);
        a.contentUrl.and.callFake((id: string) => `/content/${id}`);
      });
      expect(el.querySelector('efr-player')).not.toBeNull();
      expect(approvals.get).toHaveBeenCalledWith('q1');
      expect(el.querySelector('[data-testid="watermark"]')).not.toBeNull();
      expect(el.querySelector('video')?.getAttribute('src')).toBe('/content/v1');
    });

  it('leaves any other media file to ADF\'s own player', async () => {
    const { el, approvals } = await setup('cm:content');
    expect(el.querySelector('adf-media-player')).not.toBeNull();
    expect(el.querySelector('efr-player')).toBeNull();
    expect(approvals.list).not.toHaveBeenCalled();
  });
});
