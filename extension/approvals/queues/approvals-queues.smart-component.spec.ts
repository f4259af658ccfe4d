import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CurrentUserService, EfrRole, PeopleDirectoryService } from '../../shared/public-api';
import { userWith } from '../../shared/mock/users.mock';
import { openRouted, routedElement, settleRouted } from '../../shared/mock/routed.mock';
import { ApprovalsService } from '../approvals.service';
import { ApprovalsQueuesSmartComponent } from './approvals-queues.smart-component';

describe('ApprovalsQueuesSmartComponent (the queue is in the URL, R24.1)', () => {
  let service: jasmine.SpyObj<ApprovalsService>;

  function open(url: string, ...roles: EfrRole[]): Promise<RouterTestingHarness> {
    const user = userWith('u1', ...roles);
    service = jasmine.createSpyObj<ApprovalsService>('ApprovalsService', ['list']);
    service.list.and.resolveTo([]);
    return openRouted(url, 'approvals', ApprovalsQueuesSmartComponent, [
      { provide: ApprovalsService, useValue: service },
      { provide: CurrentUserService, useValue: { user: () => user, load: async () => user } },
      { provide: PeopleDirectoryService, useValue: { nameOf: (id: string) => id } },
    ]);
  }

  const selected = (harness: RouterTestingHarness) =>
    routedElement(harness)
      .querySelector('[role="tab"][aria-selected="true"]')
      ?.getAttribute('data-queue');

  it('opens the queue a dashboard tile links to', async () => {
    const harness = await open('/approvals?queue=register', EfrRole.Custodian);
    expect(service.list).toHaveBeenCalledOnceWith('register');
    expect(selected(harness)).toBe('register');
  });

  it("opens the role's own turn without a queue, or one the user does not work on", async () => {
    await open('/approvals', EfrRole.Leader);
    expect(service.list).toHaveBeenCalledOnceWith('approve');
    TestBed.resetTestingModule();
    const harness = await open('/approvals?queue=review', EfrRole.Leader);
    expect(service.list).toHaveBeenCalledOnceWith('approve');
    expect(selected(harness)).toBe('approve');
  });

  it('puts a chosen tab into the URL and reads that queue', async () => {
    const harness = await open('/approvals?queue=register', EfrRole.Custodian);
    routedElement(harness).querySelector<HTMLButtonElement>('[data-queue="all"]')?.click();
    await settleRouted(harness);
    expect(TestBed.inject(Router).url).toBe('/approvals?queue=all');
    expect(service.list).toHaveBeenCalledWith('all');
    expect(selected(harness)).toBe('all');
  });
});
