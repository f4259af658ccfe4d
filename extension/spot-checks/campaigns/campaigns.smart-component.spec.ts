import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CurrentUserService, EfrRole } from '../../shared/public-api';
import { userWith } from '../../shared/mock/users.mock';
import { openRouted, routedElement, settleRouted } from '../../shared/mock/routed.mock';
import { Campaign } from '../spot-checks.model';
import { SpotChecksService } from '../spot-checks.service';
import { CampaignsSmartComponent } from './campaigns.smart-component';

describe('CampaignsSmartComponent (?findings=pending: the findings due, R28.2)', () => {
  const campaign = (id: string, pending: number): Campaign =>
    ({ id, title: id, status: 'open', proportion: 0.5, sampleSize: 2, populationSize: 4,
      progress: { total: 2, pending, done: 2 - pending, skipped: 0, failed: 0 } }) as Campaign;

  function open(url: string): Promise<RouterTestingHarness> {
    const user = userWith('supervisor1', EfrRole.Supervisor);
    const service = jasmine.createSpyObj<SpotChecksService>('SpotChecksService', ['campaigns']);
    service.campaigns.and.resolveTo([campaign('a', 2), campaign('b', 0), campaign('c', 1)]);
    return openRouted(url, 'spot-checks', CampaignsSmartComponent, [
      { provide: SpotChecksService, useValue: service },
      { provide: CurrentUserService, useValue: { user: () => user } },
    ]);
  }

  const rows = (harness: RouterTestingHarness) =>
    [...routedElement(harness).querySelectorAll('[data-testid="campaign-row"]')].map((r) =>
      Number(r.getAttribute('data-pending')),
    );

  it('lists the campaigns with findings due and their total, as the tile counted', async () => {
    const harness = await open('/spot-checks?findings=pending');
    expect(rows(harness)).toEqual([2, 1]);
    const total = routedElement(harness).querySelector('[data-testid="pending-total"]');
    expect(total?.getAttribute('data-count')).toBe('3');
  });

  it('lists every campaign without the parameter, and puts a choice into the URL', async () => {
    const harness = await open('/spot-checks');
    expect(rows(harness)).toEqual([2, 0, 1]);
    expect(routedElement(harness).querySelector('[data-testid="pending-total"]')).toBeNull();
    routedElement(harness)
      .querySelector<HTMLButtonElement>('[data-filter="pending"] button')
      ?.click();
    await settleRouted(harness);
    expect(TestBed.inject(Router).url).toBe('/spot-checks?findings=pending');
    expect(rows(harness)).toEqual([2, 1]);
  });
});
