import { NoopTranslateModule } from '@alfresco/adf-core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { DateTimeFieldComponent, DateTimeSecondsFieldComponent } from './date-time-field.component';
import { fromLocalDateTime, toLocalDateTime } from './dates';

describe('DateTimeFieldComponent (issue 19, point 10)', () => {
  it('shows and reads yyyy-MM-dd HH:mm with a Material picker, not a native input', () => {
    TestBed.configureTestingModule({
      imports: [NoopTranslateModule, DateTimeFieldComponent],
      providers: [provideNoopAnimations()],
    });
    const fixture = TestBed.createComponent(DateTimeFieldComponent);
    fixture.componentRef.setInput('testId', 'until');
    fixture.componentInstance.value.set('2026-12-07T16:30');
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const input = el.querySelector<HTMLInputElement>('[data-testid="until"]');
    expect(input?.type).toBe('text');
    expect(input?.value).toBe('2026-12-07 16:30');
    expect(el.querySelector('mat-datetimepicker-toggle')).not.toBeNull();
    if (!input) return;
    input.value = '2026-12-08 09:05';
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    expect(fixture.componentInstance.value()).toBe('2026-12-08T09:05');
  });

  it('has a variant to the second for device clocks (R15.1: 60 s of drift)', () => {
    TestBed.configureTestingModule({
      imports: [NoopTranslateModule, DateTimeSecondsFieldComponent],
      providers: [provideNoopAnimations()],
    });
    const fixture = TestBed.createComponent(DateTimeSecondsFieldComponent);
    fixture.componentRef.setInput('testId', 'clock');
    fixture.componentInstance.value.set('2026-12-07T16:30:45');
    fixture.detectChanges();
    const input = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>(
      '[data-testid="clock"]',
    );
    expect(input?.value).toBe('2026-12-07 16:30:45');
    expect(input?.placeholder).toBe('EFR_SHARED.COMMON.DATE_TIME_SECONDS_EXAMPLE');
    if (!input) return;
    input.value = '2026-12-08 09:05:07';
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    expect(fixture.componentInstance.value()).toBe('2026-12-08T09:05:07');
  });

  it('converts between the form value and a local Date', () => {
    expect(toLocalDateTime(fromLocalDateTime('2026-12-07T16:30'))).toBe('2026-12-07T16:30');
    expect(toLocalDateTime(fromLocalDateTime('2026-12-07T16:30:45'), true)).toBe(
      '2026-12-07T16:30:45',
    );
    expect(fromLocalDateTime('')).toBeNull();
    expect(toLocalDateTime(null)).toBe('');
  });
});
