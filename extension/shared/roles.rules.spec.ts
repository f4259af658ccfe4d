import { EfrRole, hasAnyRole, isAdminUser, rolesFromGroups } from './roles.rules';
import { ADMIN_USER, userWith } from './mock/users.mock';

describe('roles.rules (DESIGN "Who uses it")', () => {
  it('takes the EFR roles from group ids in canonical order and ignores other groups', () => {
    expect(
      rolesFromGroups(['GROUP_EFR_LEGAL', 'GROUP_site_x', 'GROUP_EFR_OFFICERS', 'GROUP_EVERYONE']),
    ).toEqual([EfrRole.Officer, EfrRole.Legal]);
  });

  it('knows all seven role groups', () => {
    const all = [
      'GROUP_EFR_OFFICERS',
      'GROUP_EFR_CUSTODIANS',
      'GROUP_EFR_OFFICE_DIRECTORS',
      'GROUP_EFR_LEADERS',
      'GROUP_EFR_SUPERVISORS',
      'GROUP_EFR_LEGAL',
      'GROUP_EFR_UNIT_HEADS',
    ];
    expect(rolesFromGroups(all).length).toBe(7);
  });

  it('does not take a look-alike group for a role', () => {
    expect(rolesFromGroups(['GROUP_EFR_LEGAL_X', 'group_efr_legal'])).toEqual([]);
  });

  it('makes admins of ALFRESCO_ADMINISTRATORS members or admin capability', () => {
    expect(isAdminUser(['GROUP_ALFRESCO_ADMINISTRATORS'], false)).toBeTrue();
    expect(isAdminUser([], true)).toBeTrue();
    expect(isAdminUser(['GROUP_EFR_LEGAL'], false)).toBeFalse();
  });

  it('grants a role check to holders of one of the roles and to admins only', () => {
    const legal = userWith('legal1', EfrRole.Legal);
    expect(hasAnyRole(legal, [EfrRole.Custodian, EfrRole.Legal])).toBeTrue();
    expect(hasAnyRole(legal, [EfrRole.Custodian])).toBeFalse();
    expect(hasAnyRole(ADMIN_USER, [EfrRole.Custodian])).toBeTrue();
    expect(hasAnyRole(null, [EfrRole.Custodian])).toBeFalse();
  });
});
