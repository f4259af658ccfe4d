import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { NoopTranslateModule } from '@alfresco/adf-core';
import { provideEfrDates } from '../../shared/public-api';
import { RecordingFilter } from '../recordings.model';
import { RecordingFiltersUiComponent } from './recording-filters.ui-component';

describe('RecordingFiltersUiComponent', () => {
  async function setup(filter: RecordingFilter) {
    TestBed.configureTestingModule({
      imports: [NoopTranslateModule, RecordingFiltersUiComponent],
      providers: [provideNoopAnimations(), provideEfrDates()],
    });
    const fixture = TestBed.createComponent(RecordingFiltersUiComponent);
    fixture.componentRef.setInput('filter', filter);
    fixture.componentRef.setInput('cases', [
      { id: 'c1', caseNumber: 'EFR-2026-0001', title: 't', status: 'open' },
    ]);
    const emitted: RecordingFilter[] = [];
    fixture.componentInstance.applyFilter.subscribe((f) => emitted.push(f));
    fixture.detectChanges();
    return { loader: TestbedHarnessEnvironment.loader(fixture), emitted };
  }

  it('shows the applied filter and emits the edited one', async () => {
    const { loader, emitted } = await setup({ unit: '一中队' });
    const unit = await loader.getHarness(
      MatInputHarness.with({ selector: '[data-filter="unit"]' }),
    );
    expect(await unit.getValue()).toBe('一中队');
    const officer = await loader.getHarness(
      MatInputHarness.with({ selector: '[data-filter="officer"]' }),
    );
    await officer.setValue(' officer1 ');
    const activity = await loader.getHarness(
      MatSelectHarness.with({ selector: '[data-filter="activityType"]' }),
    );
    await activity.open();
    const options = await activity.getOptions();
    expect(options.length).toBe(7); // "any" + the six activities of R10.1
    await activity.clickOptions({ text: 'EFR_SHARED.ACTIVITY.coerciveMeasure' });
    await (await loader.getHarness(MatCheckboxHarness)).check();
    await (
      await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="apply-filter"]' }))
    ).click();
    expect(emitted).toEqual([
      jasmine.objectContaining({
        unit: '一中队',
        officer: 'officer1',
        activityType: 'coerciveMeasure',
        lateOnly: true,
      }),
    ]);
  });

  it('reads and writes capture dates as yyyy-MM-dd days', async () => {
    const { loader, emitted } = await setup({ from: '2026-03-01' });
    const from = await loader.getHarness(
      MatInputHarness.with({ selector: '[data-filter="from"]' }),
    );
    expect(await from.getValue()).toBe('2026-03-01');
    const to = await loader.getHarness(MatInputHarness.with({ selector: '[data-filter="to"]' }));
    await to.setValue('2026-03-31');
    await to.blur();
    await (
      await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="apply-filter"]' }))
    ).click();
    expect(emitted[0]).toEqual(jasmine.objectContaining({ from: '2026-03-01', to: '2026-03-31' }));
  });

  it('offers the four secrecy levels of R27.1 and clears everything', async () => {
    const { loader, emitted } = await setup({ secrecyLevel: 'stateSecret' });
    const secrecy = await loader.getHarness(
      MatSelectHarness.with({ selector: '[data-filter="secrecyLevel"]' }),
    );
    await secrecy.open();
    expect((await secrecy.getOptions()).length).toBe(5);
    await secrecy.close();
    await (
      await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="clear-filter"]' }))
    ).click();
    expect(emitted).toEqual([{}]);
  });
});
