import { canLinkRecordings, mayLinkSomeCase } from './case-links.rules';
import { EfrRole } from './roles.rules';
import { ADMIN_USER, userWith } from './mock/users.mock';

describe('case-links.rules (issue 4: legal staff and handlers link recordings)', () => {
  const open = { handler: 'officer1', status: 'open' };

  it('lets legal staff link on any open case', () => {
    expect(canLinkRecordings(userWith('legal1', EfrRole.Legal), open)).toBeTrue();
  });

  it("lets the case's handler link, not another officer", () => {
    expect(canLinkRecordings(userWith('officer1', EfrRole.Officer), open)).toBeTrue();
    expect(canLinkRecordings(userWith('officer2', EfrRole.Officer), open)).toBeFalse();
  });

  it('refuses custodians, leaders and nobody-signed-in', () => {
    expect(canLinkRecordings(userWith('c1', EfrRole.Custodian), open)).toBeFalse();
    expect(canLinkRecordings(userWith('l1', EfrRole.Leader), open)).toBeFalse();
    expect(canLinkRecordings(null, open)).toBeFalse();
  });

  it('freezes closed cases, even for legal staff and admins', () => {
    const closed = { handler: 'officer1', status: 'closed' };
    expect(canLinkRecordings(userWith('legal1', EfrRole.Legal), closed)).toBeFalse();
    expect(canLinkRecordings(ADMIN_USER, closed)).toBeFalse();
  });

  it('does not match an empty handler to a user', () => {
    expect(
      canLinkRecordings(userWith('', EfrRole.Officer), { handler: '', status: 'open' }),
    ).toBeFalse();
  });

  it('offers linking from a recording to legal staff and officers only', () => {
    expect(mayLinkSomeCase(userWith('legal1', EfrRole.Legal))).toBeTrue();
    expect(mayLinkSomeCase(userWith('o1', EfrRole.Officer))).toBeTrue();
    expect(mayLinkSomeCase(userWith('s1', EfrRole.Supervisor))).toBeFalse();
  });
});
