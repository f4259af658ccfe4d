import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { NoopTranslateModule } from '@alfresco/adf-core';
import { PeopleDirectoryService } from '../../shared/public-api';
import { peopleDirectoryMock } from '../../shared/mock/people-directory.mock';
import { AccessRequestView, Decision } from '../approvals.model';
import { accessRequest } from '../mock/access-request.mock';
import { DecisionEvent, RequestCardUiComponent } from './request-card.ui-component';

/** The shared request of the specs, naming its one recording. */
function request(o: Partial<AccessRequestView> = {}): AccessRequestView {
  return accessRequest({
    recordings: [
      {
        id: 'v1',
        name: 'a.mp4',
        title: '现场检查',
        mimeType: 'video/mp4',
        secrecyLevel: 'none',
        durationSeconds: 8,
      },
    ],
    ...o,
  });
}

describe('RequestCardUiComponent (issue 6: R24.1, R24.2)', () => {
  function setup(r: AccessRequestView, decisions: Decision[]) {
    TestBed.configureTestingModule({
      imports: [NoopTranslateModule, RequestCardUiComponent],
      providers: [
        provideNoopAnimations(),
        provideRouter([]),
        {
          provide: PeopleDirectoryService,
          useValue: peopleDirectoryMock([{ id: 'officer1', name: '王明', detail: '执法人员' }]),
        },
      ],
    });
    const fixture = TestBed.createComponent(RequestCardUiComponent);
    fixture.componentRef.setInput('request', r);
    fixture.componentRef.setInput('decisions', decisions);
    fixture.detectChanges();
    const events: DecisionEvent[] = [];
    fixture.componentInstance.decide.subscribe((e) => events.push(e));
    const el = fixture.nativeElement as HTMLElement;
    const click = (sel: string): void => {
      el.querySelector<HTMLElement>(sel)?.click();
      fixture.detectChanges();
    };
    return { fixture, el, events, click };
  }

  it('R24.1: a review is sent with its opinion, none when left blank (issue 19, point 8)',
    async () => {
      const { fixture, el, events, click } = setup(request(), ['review', 'reject']);
      click('[data-decision="review"]');
      expect(events).toEqual([]);
      click('[data-testid="confirm-opinion"]');
      expect(events).toEqual([{ decision: 'review', payload: {} }]);
      click('[data-decision="review"]');
      await fixture.whenStable();
      const opinion = el.querySelector<HTMLTextAreaElement>('[data-testid="opinion"]');
      if (!opinion) throw new Error('no opinion field');
      opinion.value = ' 同意。 ';
      opinion.dispatchEvent(new Event('input'));
      fixture.detectChanges();
      click('[data-testid="confirm-opinion"]');
      expect(events[1]).toEqual({ decision: 'review', payload: { opinion: '同意。' } });
    });

  it('R24.1: shows the opinions of review and approval (issue 19, point 8)', () => {
    const { el } = setup(request({ reviewedBy: 'director1', reviewedAt: '2026-12-07T01:00:00Z',
      reviewOpinion: '同意，报批。', approvedBy: 'leader1', approvedAt: '2026-12-07T02:00:00Z',
      approvalOpinion: '同意调阅。' }), []);
    expect(el.querySelector('[data-testid="review-opinion"]')?.textContent).toBe('同意，报批。');
    expect(el.querySelector('[data-testid="approval-opinion"]')?.textContent).toBe('同意调阅。');
  });

  it('R24.1: a rejection is sent only with a reason', async () => {
    const { fixture, el, events, click } = setup(request(), ['review', 'reject']);
    click('[data-decision="reject"]');
    click('[data-testid="confirm-reject"]');
    expect(events).toEqual([]);
    expect(el.querySelector('[role="alert"]')).not.toBeNull();
    const reason = el.querySelector<HTMLTextAreaElement>('[data-testid="reject-reason"]');
    if (!reason) throw new Error('no reason field');
    reason.value = '事由不充分，请补充';
    reason.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    await fixture.whenStable();
    click('[data-testid="confirm-reject"]');
    expect(events).toEqual([{ decision: 'reject', payload: { reason: '事由不充分，请补充' } }]);
  });

  // Issue 19, point 2: the viewer is chosen by name, the id is what is sent.
  it('R24.2: a registration proposes the requester as viewer and a future window end', async () => {
    const { fixture, el, events, click } = setup(request({ status: 'approved' }), [
      'register',
      'close',
    ]);
    click('[data-decision="register"]');
    await fixture.whenStable();
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector<HTMLInputElement>('[data-testid="register-viewer"]')?.value).toBe(
      '王明',
    );
    click('[data-testid="confirm-register"]');
    expect(events.length).toBe(1);
    const payload = events[0].payload as { viewer: string; reason: string; viewingUntil: string };
    expect(payload.viewer).toBe('officer1');
    expect(payload.reason).toBe('复核现场');
    expect(Date.parse(payload.viewingUntil)).toBeGreaterThan(Date.now());
  });

  it('shows the play button only when playable', () => {
    const { fixture, el } = setup(request({ status: 'registered' }), []);
    expect(el.querySelector('[data-testid="play"]')).toBeNull();
    fixture.componentRef.setInput('playable', true);
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="play"]')).not.toBeNull();
  });

  // Issue 19, point 8: 结束 (ends a viewing) sat beside 播放 and ended it in one click.
  it('asks for a reason before ending a viewing or withdrawing a request', async () => {
    for (const d of ['close', 'withdraw'] as const) {
      TestBed.resetTestingModule();
      const { fixture, el, events, click } = setup(request({ status: 'registered' }), [d]);
      click(`[data-decision="${d}"]`);
      expect(events).withContext(d).toEqual([]);
      expect(el.querySelector('[data-testid="confirm-form"] .warning')).not.toBeNull();
      click('[data-testid="confirm-reject"]');
      expect(events).withContext(d).toEqual([]);
      const reason = el.querySelector<HTMLTextAreaElement>('[data-testid="reject-reason"]');
      if (!reason) throw new Error('no reason field');
      reason.value = '调阅已完成';
      reason.dispatchEvent(new Event('input'));
      fixture.detectChanges();
      await fixture.whenStable();
      click('[data-testid="confirm-reject"]');
      expect(events).withContext(d).toEqual([{ decision: d, payload: { reason: '调阅已完成' } }]);
    }
  });

  // Issue 19, point 9: registering with an empty viewer closed the form and lost the input.
  it('keeps the registration open and says what is missing', async () => {
    const { fixture, el, events, click } = setup(request({ status: 'approved' }), ['register']);
    click('[data-decision="register"]');
    await fixture.whenStable();
    fixture.detectChanges();
    const viewer = el.querySelector<HTMLInputElement>('[data-testid="register-viewer"]');
    if (!viewer) throw new Error('no viewer field');
    viewer.value = '';
    viewer.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    click('[data-testid="confirm-register"]');
    expect(events).toEqual([]);
    expect(el.querySelector('[data-testid="confirm-register"]')).not.toBeNull();
    expect(el.querySelector('.register-error')?.textContent).toContain('NO_VIEWER');
  });
});
