import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { NoopTranslateModule } from '@alfresco/adf-core';
import { ApprovalsService } from '../approvals.service';
import { PlaceHoldSmartComponent } from './place-hold.smart-component';

describe('PlaceHoldSmartComponent (issue 17: place a hold from the Content App; R14.2)', () => {
  async function setup(placeHold: jasmine.Spy) {
    const close = jasmine.createSpy('close');
    TestBed.configureTestingModule({
      imports: [NoopTranslateModule],
      providers: [
        provideNoopAnimations(),
        { provide: MAT_DIALOG_DATA, useValue: { recordingIds: ['r1'] } },
        { provide: MatDialogRef, useValue: { close } },
        { provide: ApprovalsService, useValue: { placeHold } },
      ],
    });
    const fixture = TestBed.createComponent(PlaceHoldSmartComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    const reason = el.querySelector<HTMLTextAreaElement>('[data-testid="hold-reason"]')!;
    reason.value = '群众投诉执法态度';
    reason.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    el.querySelector<HTMLButtonElement>('[data-testid="hold-submit"]')!.click();
    await fixture.whenStable();
    fixture.detectChanges();
    return { el, close };
  }

  it('holds the selected recordings with the reason, then closes', async () => {
    const placeHold = jasmine.createSpy('placeHold').and.resolveTo({ held: ['r1'], alreadyHeld: [] });
    const { close } = await setup(placeHold);
    expect(placeHold).toHaveBeenCalledWith(['r1'], '群众投诉执法态度', '');
    expect(close).toHaveBeenCalledWith({ held: ['r1'], alreadyHeld: [] });
  });

  it('shows the repository\'s refusal and stays open', async () => {
    const refusal = new Error(JSON.stringify({ error: { statusCode: 403,
      briefSummary: 'Only supervisors and the office place a preservation hold. / 只有监督人员和办公室可以保全。' } }));
    const { el, close } = await setup(jasmine.createSpy('placeHold').and.rejectWith(refusal));
    // Chinese first when no language is chosen.
    expect(el.querySelector('[data-testid="hold-error"]')?.textContent).toContain('只有监督人员');
    expect(close).not.toHaveBeenCalled();
  });
});
