import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { NoopTranslateModule } from '@alfresco/adf-core';
import { PeopleDirectoryService } from '../../shared/public-api';
import { peopleDirectoryMock } from '../../shared/mock/people-directory.mock';
import { IssueRequest, PreUseCheckFormUiComponent } from './pre-use-check-form.ui-component';

describe('PreUseCheckFormUiComponent (R15.1)', () => {
  async function setup() {
    TestBed.configureTestingModule({
      imports: [NoopTranslateModule, PreUseCheckFormUiComponent],
      providers: [
        provideNoopAnimations(),
        { provide: PeopleDirectoryService, useValue: peopleDirectoryMock() },
      ],
    });
    const fixture = TestBed.createComponent(PreUseCheckFormUiComponent);
    fixture.componentRef.setInput('zh', false);
    const emitted: IssueRequest[] = [];
    fixture.componentInstance.issueDevice.subscribe((r) => emitted.push(r));
    fixture.detectChanges();
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const input = (field: string) =>
      loader.getHarness(MatInputHarness.with({ selector: `[data-field="${field}"]` }));
    const problems = (): string[] =>
      Array.from(
        (fixture.nativeElement as HTMLElement).querySelectorAll(
          '[data-testid="check-problems"] li[data-code]',
        ),
      ).map((li) => li.getAttribute('data-code') ?? '');
    return { fixture, loader, input, problems, emitted };
  }

  it('lists the failed items as core does and emits the officer with the check', async () => {
    const { fixture, loader, input, problems, emitted } = await setup();
    expect(problems()).toEqual(['efr.preUse.battery', 'efr.preUse.storage']);
    const submit = await loader.getHarness(
      MatButtonHarness.with({ selector: '[data-testid="issue-submit"]' }),
    );
    expect(await submit.isDisabled()).toBeTrue(); // no officer named yet
    await (await input('holder')).setValue(' officer1 ');
    await (await input('batteryPercent')).setValue('15');
    await (await input('freeStorageMb')).setValue('8000');
    fixture.detectChanges();
    expect(problems()).toEqual(['efr.preUse.battery']);
    await (await input('batteryPercent')).setValue('75');
    fixture.detectChanges();
    expect(problems()).toEqual([]);
    await submit.click();
    expect(emitted.length).toBe(1);
    expect(emitted[0].holder).toBe('officer1');
    expect(emitted[0].check).toEqual(
      jasmine.objectContaining({ working: true, batteryPercent: 75, freeStorageMb: 8000 }),
    );
    // The device time defaults to now: within a few seconds of the browser clock.
    expect(Math.abs(Date.parse(emitted[0].check.deviceTime) - Date.now())).toBeLessThan(5000);
  });

  // Issue 19, point 10: the device's clock is read in the Material date-time field (to the
  // second), not in a native datetime-local input that follows the browser's locale.
  it('reads the device clock in the Material date-time field, to the second', async () => {
    const { fixture, problems } = await setup();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('input[type="datetime-local"]')).toBeNull();
    const time = el.querySelector<HTMLInputElement>('[data-testid="check-device-time"]');
    expect(time?.type).toBe('text');
    expect(time?.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const toggle = el.querySelector('efr-date-time-seconds-field mat-datetimepicker-toggle');
    expect(toggle).not.toBeNull();
    if (!time) return;
    const late = new Date(Date.now() - 180_000);
    const p = (n: number) => String(n).padStart(2, '0');
    time.value =
      `${late.getFullYear()}-${p(late.getMonth() + 1)}-${p(late.getDate())} ` +
      `${p(late.getHours())}:${p(late.getMinutes())}:${p(late.getSeconds())}`;
    time.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    expect(problems()).toContain('efr.preUse.clock');
  });
});
