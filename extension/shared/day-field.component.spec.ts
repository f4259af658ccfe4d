import { TestBed } from '@angular/core/testing';
import { NoopTranslateModule } from '@alfresco/adf-core';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { DayFieldComponent } from './day-field.component';

// Issue 19, point 10: native date inputs showed mm/dd/yyyy in an English browser.
describe('DayFieldComponent', () => {
  it('shows yyyy-MM-dd and hands back a typed day as yyyy-MM-dd', async () => {
    TestBed.configureTestingModule({
      imports: [NoopTranslateModule],
      providers: [provideNoopAnimations()],
    });
    const fixture = TestBed.createComponent(DayFieldComponent);
    fixture.componentRef.setInput('value', '2026-12-07');
    fixture.componentRef.setInput('testId', 'day');
    fixture.detectChanges();
    await fixture.whenStable();
    const input = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>(
      '[data-testid="day"]',
    );
    if (!input) throw new Error('no input');
    expect(input.type).toBe('text');
    expect(input.value).toBe('2026-12-07');
    input.value = '2026/1/5';
    input.dispatchEvent(new Event('input'));
    expect(fixture.componentInstance.value()).toBe('2026-01-05');
  });
});
