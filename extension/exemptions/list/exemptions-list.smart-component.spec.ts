import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CurrentUserService, EfrRole, PeopleDirectoryService } from '../../shared/public-api';
import { userWith } from '../../shared/mock/users.mock';
import { openRouted, routedElement, settleRouted } from '../../shared/mock/routed.mock';
import { Exemption } from '../exemptions.model';
import { ExemptionsService } from '../exemptions.service';
import { ExemptionsListSmartComponent } from './exemptions-list.smart-component';

describe('ExemptionsListSmartComponent (view, status and leader in the URL, R11.2)', () => {
  let service: jasmine.SpyObj<ExemptionsService>;
  const record = (id: string, status: Exemption['status']): Exemption =>
    ({
      id,
      status,
      author: 'officer1',
      leader: 'leader1',
      activityType: 'routineInspection',
      ground: 'explosionHazard',
      location: `地点${id}`,
      basis: '防爆区域不得使用非防爆设备。',
      reminder: { waitingFor: 'leader', dueAt: null, overdue: false },
    }) as unknown as Exemption;

  function open(url: string): Promise<RouterTestingHarness> {
    const user = userWith('leader1', EfrRole.Leader);
    service = jasmine.createSpyObj<ExemptionsService>('ExemptionsService', ['list']);
    service.list.and.resolveTo([record('e1', 'written'), record('e2', 'acknowledged')]);
    return openRouted(url, 'exemptions', ExemptionsListSmartComponent, [
      { provide: ExemptionsService, useValue: service },
      { provide: CurrentUserService, useValue: { user: () => user } },
      { provide: PeopleDirectoryService, useValue: { nameOf: (id: string) => `~${id}` } },
    ]);
  }

  const el = routedElement;
  const rows = (harness: RouterTestingHarness) =>
    [...el(harness).querySelectorAll('[data-testid="exemption-row"]')].map((r) =>
      r.getAttribute('data-status'),
    );

  it("asks the repository for a tile's status and leader, and shows the filters", async () => {
    const harness = await open('/exemptions?view=all&status=written&leader=leader1');
    expect(service.list).toHaveBeenCalledOnceWith({ status: 'written', leader: 'leader1' });
    // The answer is checked again: a row that left the status does not stay listed.
    expect(rows(harness)).toEqual(['written']);
    expect(
      el(harness).querySelector('[data-view="all"]')?.classList.contains(
        'mat-button-toggle-checked',
      ),
    ).toBeTrue();
    expect(el(harness).querySelector('[data-testid="filter-status"]')?.textContent).toContain(
      'EFR_EXEMPTIONS.LIST.FILTER_STATUS',
    );
    expect(el(harness).querySelector('[data-testid="filter-leader"]')).not.toBeNull();
  });

  it("opens the user's default view without parameters and reads every record", async () => {
    const harness = await open('/exemptions');
    expect(service.list).toHaveBeenCalledOnceWith({});
    expect(el(harness).querySelector('[data-testid="exemption-filters"]')).toBeNull();
    // A leader's default view: what waits for them.
    expect(rows(harness)).toEqual(['written']);
  });

  it('keeps the filters when the view changes and drops them on request', async () => {
    const harness = await open('/exemptions?view=all&status=written&leader=leader1');
    el(harness).querySelector<HTMLButtonElement>('[data-view="todo"] button')?.click();
    await settleRouted(harness);
    expect(TestBed.inject(Router).url).toBe(
      '/exemptions?view=todo&status=written&leader=leader1',
    );
    // Another view of the same rows: no second read.
    expect(service.list).toHaveBeenCalledTimes(1);
    el(harness).querySelector<HTMLButtonElement>('[data-testid="clear-filters"]')?.click();
    await settleRouted(harness);
    expect(TestBed.inject(Router).url).toBe('/exemptions?view=todo');
    expect(service.list).toHaveBeenCalledWith({});
  });
});
