import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { NoopTranslateModule } from '@alfresco/adf-core';
import type { GeneratedDocument } from '../../../contract/index';
import { PeopleDirectoryService } from '../../shared/public-api';
import { peopleDirectoryMock } from '../../shared/mock/people-directory.mock';
import type { Assessment } from '../spot-checks.model';
import { SpotChecksService } from '../spot-checks.service';
import { AssessmentSmartComponent } from './assessment.smart-component';

// Issue 15: the assessment's PDF is a report efr worker renders: asked for, followed, downloaded.
describe('AssessmentSmartComponent', () => {
  const assessment = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z',
    report: { officers: [], units: [] }, violations: [] } as unknown as Assessment;
  const doc = (state: GeneratedDocument['job']['state'], percent: number): GeneratedDocument =>
    ({ id: 'r1', name: '质量考评-2026-11-01-2026-12-01-20261208045512345.pdf',
      kind: 'qualityReport', subjectId: 'f1', job: { state, percent } } as GeneratedDocument);

  async function screen(first: GeneratedDocument, next: GeneratedDocument) {
    const service = jasmine.createSpyObj<SpotChecksService>('SpotChecksService',
      ['assessment', 'exportUrl', 'requestReport', 'document', 'reportUrl']);
    service.assessment.and.resolveTo(assessment);
    service.exportUrl.and.returnValue('/csv');
    service.requestReport.and.resolveTo(first);
    service.document.and.resolveTo(next);
    service.reportUrl.and.returnValue('/alfresco/service/efr/quality/reports/r1?alf_ticket=t');
    TestBed.configureTestingModule({
      imports: [NoopTranslateModule, AssessmentSmartComponent],
      providers: [provideNoopAnimations(), { provide: SpotChecksService, useValue: service },
        { provide: PeopleDirectoryService, useValue: peopleDirectoryMock() }],
    });
    const fixture = TestBed.createComponent(AssessmentSmartComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    return { service, fixture, el };
  }

  it('asks for the report, shows its progress, then the download link named as stored', async () => {
    jasmine.clock().install();
    try {
      const { service, fixture, el } = await screen(doc('building', 40), doc('built', 100));
      (el.querySelector('[data-testid="quality-pdf"]') as HTMLButtonElement).click();
      await fixture.whenStable();
      fixture.detectChanges();
      expect(service.requestReport).toHaveBeenCalledWith(jasmine.any(String),
        jasmine.any(String), jasmine.any(String));
      expect(el.querySelector('[data-testid="quality-pdf-rendering"]')?.textContent?.trim())
        .toBe('EFR_SPOT_CHECKS.ASSESSMENT.PDF_RENDERING');
      expect(el.querySelector('[data-testid="quality-pdf-download"]')).toBeNull();
      jasmine.clock().tick(2000);
      await fixture.whenStable();
      fixture.detectChanges();
      expect(service.document).toHaveBeenCalledWith('r1');
      const link = el.querySelector('[data-testid="quality-pdf-download"]');
      expect(link?.getAttribute('href')).toBe('/alfresco/service/efr/quality/reports/r1?alf_ticket=t');
      expect(link?.getAttribute('download')).toBe(doc('built', 100).name);
      expect(el.querySelector('[data-testid="quality-pdf-rendering"]')).toBeNull();
    } finally {
      jasmine.clock().uninstall();
    }
  });

  it('says when the report could not be rendered and offers to ask again', async () => {
    const { fixture, el } = await screen(doc('failed', 0), doc('failed', 0));
    (el.querySelector('[data-testid="quality-pdf"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="quality-pdf-failed"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="quality-pdf"]')).not.toBeNull();
  });
});
