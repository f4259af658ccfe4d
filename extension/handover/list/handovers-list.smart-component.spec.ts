import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CurrentUserService, EfrRole, PeopleDirectoryService } from '../../shared/public-api';
import { userWith } from '../../shared/mock/users.mock';
import { openRouted, routedElement, settleRouted } from '../../shared/mock/routed.mock';
import { HandoverApiService } from '../handover-api.service';
import { Handover } from '../handover.model';
import { HandoversListSmartComponent } from './handovers-list.smart-component';

describe('HandoversListSmartComponent (the status filter is in the URL, R21.4)', () => {
  let api: jasmine.SpyObj<HandoverApiService>;
  const row = { id: 'h1', name: '移交-1', officer: 'officer1', coOfficer: 'officer2',
    deviceSerial: 'BWC-1', deadline: null, files: [], status: 'pending', late: false,
    overdue: false } as unknown as Handover;

  function open(url: string): Promise<RouterTestingHarness> {
    const user = userWith('custodian1', EfrRole.Custodian);
    api = jasmine.createSpyObj<HandoverApiService>('HandoverApiService', ['list']);
    api.list.and.resolveTo([row]);
    return openRouted(url, 'handovers', HandoversListSmartComponent, [
      { provide: HandoverApiService, useValue: api },
      { provide: CurrentUserService, useValue: { user: () => user, hasAny: () => true } },
      { provide: PeopleDirectoryService, useValue: { nameOf: (id: string) => `~${id}` } },
    ]);
  }

  const checked = (harness: RouterTestingHarness) =>
    routedElement(harness)
      .querySelector('mat-button-toggle.mat-button-toggle-checked')
      ?.getAttribute('data-filter');

  it('lists the handovers a dashboard tile counted (open and pending: unsealed)', async () => {
    const harness = await open('/handovers?status=unsealed');
    expect(api.list).toHaveBeenCalledWith('unsealed');
    expect(checked(harness)).toBe('unsealed');
    const rows = routedElement(harness).querySelectorAll('[data-testid="handover-row"]');
    expect(rows.length).toBe(1);
    expect(rows[0].textContent).toContain('~officer1 / ~officer2');
  });

  // Issue 19, point 5: from the side-nav (no filter) the second custodian finds the handover
  // awaiting their confirmation (待第二人确认), not only those awaiting receipt.
  it('lists every unsealed handover without a filter or with an unknown one', async () => {
    const harness = await open('/handovers');
    expect(api.list).toHaveBeenCalledOnceWith('unsealed');
    expect(checked(harness)).toBe('unsealed');
  });

  it('reads an unknown filter as every unsealed handover', async () => {
    await open('/handovers?status=everything');
    expect(api.list).toHaveBeenCalledOnceWith('unsealed');
  });

  it('puts a chosen filter into the URL', async () => {
    const harness = await open('/handovers?status=late');
    expect(api.list).toHaveBeenCalledWith('late');
    routedElement(harness)
      .querySelector<HTMLButtonElement>('[data-filter="sealed"] button')
      ?.click();
    await settleRouted(harness);
    expect(TestBed.inject(Router).url).toBe('/handovers?status=sealed');
    expect(api.list).toHaveBeenCalledWith('sealed');
  });
});
