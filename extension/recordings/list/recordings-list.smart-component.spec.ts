import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatTableHarness } from '@angular/material/table/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { NoopTranslateModule } from '@alfresco/adf-core';
import { PeopleDirectoryService, provideEfrDates } from '../../shared/public-api';
import { RecordingsService } from '../recordings.service';
import { RecordingPage } from '../recordings.model';
import { RecordingsListSmartComponent } from './recordings-list.smart-component';

describe('RecordingsListSmartComponent', () => {
  let service: jasmine.SpyObj<RecordingsService>;

  const page: RecordingPage = {
    total: 40,
    items: [
      {
        id: 'r1',
        name: '20260301_DSJ-001.mp4',
        startedAt: new Date('2026-03-01T08:00:00Z'),
        officers: ['officer1', 'officer2'],
        unit: '一中队',
        deviceSerial: 'DSJ-001',
        activityType: 'routineInspection',
        secrecyLevel: 'none',
        lateHandover: true,
      },
    ],
  };

  async function open(url: string) {
    service = jasmine.createSpyObj<RecordingsService>('RecordingsService', [
      'search',
      'caseOptions',
    ]);
    service.search.and.resolveTo(page);
    service.caseOptions.and.resolveTo([]);
    TestBed.configureTestingModule({
      imports: [NoopTranslateModule],
      providers: [
        provideNoopAnimations(),
        provideEfrDates(),
        provideRouter([{ path: 'recordings', component: RecordingsListSmartComponent }]),
        { provide: RecordingsService, useValue: service },
        { provide: PeopleDirectoryService, useValue: { nameOf: (id: string) => `~${id}` } },
      ],
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, RecordingsListSmartComponent);
    await harness.fixture.whenStable();
    harness.detectChanges();
    return { harness, loader: TestbedHarnessEnvironment.loader(harness.fixture) };
  }

  it('searches with the filter, sort and page of the URL (dashboard links open it)', async () => {
    await open('/recordings?lateOnly=true&sort=name&dir=asc&page=1&size=10');
    expect(service.search).toHaveBeenCalledWith(
      { lateOnly: true },
      { key: 'name', ascending: true },
      10,
      10,
    );
  });

  it('shows the rows in a Material table with a pager over the total', async () => {
    const { loader } = await open('/recordings');
    const table = await loader.getHarness(MatTableHarness);
    const rows = await table.getRows();
    expect(rows.length).toBe(1);
    const cells = await rows[0].getCellTextByColumnName();
    expect(cells['name']).toBe('20260301_DSJ-001.mp4');
    expect(cells['officers']).toBe('~officer1、~officer2');
    expect(cells['device']).toBe('DSJ-001');
    const pager = await loader.getHarness(MatPaginatorHarness);
    expect(await pager.getRangeLabel()).toContain('40');
  });

  it('offers no edit or delete action for recordings (R26.1)', async () => {
    const { loader } = await open('/recordings');
    const buttons = await loader.getAllHarnesses(MatButtonHarness);
    const texts = await Promise.all(buttons.map((b) => b.getText()));
    for (const text of texts) {
      expect(text.toUpperCase()).not.toMatch(/EDIT|DELETE|REMOVE/);
    }
  });

  it('explains an empty result instead of showing a bare table', async () => {
    const { harness } = await open('/recordings');
    service.search.and.resolveTo({ items: [], total: 0 });
    await harness.navigateByUrl('/recordings?unit=none', RecordingsListSmartComponent);
    await harness.fixture.whenStable();
    harness.detectChanges();
    const empty = harness.routeNativeElement?.querySelector('[data-testid="recordings-empty"]');
    expect(empty?.textContent).toContain('EFR_RECORDINGS.LIST.EMPTY_FILTERED');
  });
});
