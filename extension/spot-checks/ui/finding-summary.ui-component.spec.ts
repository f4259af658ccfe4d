import { TestBed } from '@angular/core/testing';
import { NoopTranslateModule } from '@alfresco/adf-core';
import { PeopleDirectoryService } from '../../shared/public-api';
import { peopleDirectoryMock } from '../../shared/mock/people-directory.mock';
import { Finding } from '../spot-checks.model';
import { FindingSummaryUiComponent } from './finding-summary.ui-component';

describe('FindingSummaryUiComponent', () => {
  // Issue 19, point 6: a closed campaign showed only "已检查", not what the reviewer found.
  it('shows the items, notes and observations of a recorded finding', () => {
    const finding: Finding = { id: 'f1', recordingId: 'r1', recordingName: 'a.mp4',
      officer: 'officer1', status: 'done', itemRecorded: 'pass', itemContinuous: 'fail',
      itemHandled: 'notApplicable', notes: { recorded: null, continuous: '中途关机约两分钟。',
        handled: null }, placementObservation: '佩戴于胸前。', conductObservation: null,
      skipReason: null, reviewedBy: 'supervisor1', reviewedAt: '2026-12-07T02:00:00Z' };
    TestBed.configureTestingModule({
      imports: [NoopTranslateModule, FindingSummaryUiComponent],
      providers: [{ provide: PeopleDirectoryService, useValue: peopleDirectoryMock() }],
    });
    const fixture = TestBed.createComponent(FindingSummaryUiComponent);
    fixture.componentRef.setInput('finding', finding);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const continuous = el.querySelector('[data-item="Continuous"]');
    expect(continuous?.getAttribute('data-result')).toBe('fail');
    expect(continuous?.textContent).toContain('中途关机约两分钟。');
    expect(el.textContent).toContain('佩戴于胸前。');
  });
});
