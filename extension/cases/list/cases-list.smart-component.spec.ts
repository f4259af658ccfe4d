import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { PeopleDirectoryService } from '../../shared/public-api';
import { openRouted, routedElement, settleRouted } from '../../shared/mock/routed.mock';
import { CasesService } from '../cases.service';
import { CasesListSmartComponent } from './cases-list.smart-component';

describe('CasesListSmartComponent (the status filter is in the URL)', () => {
  let service: jasmine.SpyObj<CasesService>;

  function open(url: string): Promise<RouterTestingHarness> {
    service = jasmine.createSpyObj<CasesService>('CasesService', ['list']);
    service.list.and.resolveTo({ items: [], total: 0 });
    return openRouted(url, 'cases', CasesListSmartComponent, [
      { provide: CasesService, useValue: service },
      { provide: PeopleDirectoryService, useValue: { nameOf: (id: string) => id } },
    ]);
  }

  it('lists the open cases a dashboard tile counted', async () => {
    await open('/cases?status=open');
    expect(service.list).toHaveBeenCalledOnceWith(0, 25, 'open');
  });

  it('lists every case without a status, or with an unknown one', async () => {
    await open('/cases?status=archived');
    expect(service.list).toHaveBeenCalledOnceWith(0, 25, '');
  });

  it('puts a chosen status into the URL and lists it', async () => {
    const harness = await open('/cases');
    routedElement(harness)
      .querySelector<HTMLButtonElement>('mat-button-toggle[value="closed"] button')
      ?.click();
    await settleRouted(harness);
    expect(TestBed.inject(Router).url).toBe('/cases?status=closed');
    expect(service.list).toHaveBeenCalledWith(0, 25, 'closed');
  });
});
