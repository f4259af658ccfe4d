import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { NoopTranslateModule } from '@alfresco/adf-core';
import { PeopleDirectoryService } from '../../shared/public-api';
import { peopleDirectoryMock } from '../../shared/mock/people-directory.mock';
import { SpotChecksService } from '../spot-checks.service';
import { ViolationsSmartComponent } from './violations.smart-component';

describe('ViolationsSmartComponent', () => {
  // Issue 19, point 9: an administrator opening the register read "仅监督人员可以登记违规。",
  // the refusal of registering one, though he had only opened the list.
  it('says who keeps the register when reading it is refused (403)', async () => {
    const service = jasmine.createSpyObj<SpotChecksService>('SpotChecksService', ['violations']);
    service.violations.and.rejectWith({
      status: 403,
      message: JSON.stringify({
        error: { briefSummary: 'Only supervisors keep the violation register. / 仅监督人员可以登记违规。' },
      }),
    });
    TestBed.configureTestingModule({
      imports: [NoopTranslateModule, ViolationsSmartComponent],
      providers: [
        provideNoopAnimations(),
        { provide: SpotChecksService, useValue: service },
        { provide: PeopleDirectoryService, useValue: peopleDirectoryMock() },
      ],
    });
    const fixture = TestBed.createComponent(ViolationsSmartComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    const alert = (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]');
    expect(alert?.textContent?.trim()).toBe('EFR_SPOT_CHECKS.VIOLATIONS.LIST_FORBIDDEN');
    // The sentence alone: no empty register under it.
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="violations-table"]')).toBeNull();
    expect(el.querySelector('[data-testid="violations-scan"]')).toBeNull();
  });
});
