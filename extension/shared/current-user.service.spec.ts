import { TestBed } from '@angular/core/testing';
import { CurrentUserService } from './current-user.service';
import { EfrApiService } from './efr-api.service';
import { EfrRole } from './roles.rules';
import { createEfrApiMock, paging } from './mock/efr-api.mock';

describe('CurrentUserService', () => {
  it('loads -me- and its groups once and derives the roles', async () => {
    const api = createEfrApiMock();
    api.people.getPerson.and.resolveTo({ entry: { id: 'legal1', displayName: '李法制' } });
    api.groups.listGroupMembershipsForPerson.and.resolveTo(
      paging([{ id: 'GROUP_EFR_LEGAL' }, { id: 'GROUP_EVERYONE' }]),
    );
    TestBed.configureTestingModule({ providers: [{ provide: EfrApiService, useValue: api }] });
    const service = TestBed.inject(CurrentUserService);

    const [a, b] = await Promise.all([service.load(), service.load()]);
    expect(a).toBe(b);
    expect(api.people.getPerson).toHaveBeenCalledOnceWith('-me-');
    expect(a).toEqual({
      id: 'legal1',
      displayName: '李法制',
      roles: [EfrRole.Legal],
      isAdmin: false,
    });
    expect(service.hasAny(EfrRole.Legal)).toBeTrue();
    expect(service.hasAny(EfrRole.Custodian)).toBeFalse();

    service.clear();
    expect(service.user()).toBeNull();
  });
});
