import { EfrNavItem, EfrRole } from '../../../extension/shared/public-api';
import { ADMIN_USER, userWith } from '../../../extension/shared/mock/users.mock';
import { activeNavItem, nextLanguage, visibleNavItems } from './navigation.rules';

describe('navigation.rules (issue 4: each role sees its entries)', () => {
  const item = (id: string, order: number, roles: EfrRole[]): EfrNavItem => ({
    id,
    order,
    roles,
    route: `/${id}`,
    icon: 'x',
    labelKey: id,
  });
  const groups = [
    [item('recordings', 20, []), item('dashboard', 10, [])],
    [item('handovers', 40, [EfrRole.Custodian]), item('approvals', 50, [EfrRole.Leader])],
  ];

  it('shows entries for everyone plus those of the user roles, in order', () => {
    const ids = visibleNavItems(groups, userWith('c1', EfrRole.Custodian)).map((i) => i.id);
    expect(ids).toEqual(['dashboard', 'recordings', 'handovers']);
  });

  it('shows an admin every entry', () => {
    expect(visibleNavItems(groups, ADMIN_USER).length).toBe(4);
  });

  it('shows nothing before sign-in and drops duplicate ids', () => {
    expect(visibleNavItems(groups, null)).toEqual([]);
    const dup = [[item('a', 1, [])], [item('a', 2, [])]];
    expect(visibleNavItems(dup, userWith('u')).length).toBe(1);
  });

  it('switches between Chinese and English', () => {
    expect(nextLanguage('zh-CN')).toBe('en');
    expect(nextLanguage('en')).toBe('zh-CN');
  });

  // Issue 19, point 10: 调阅申请 stayed highlighted on 调阅登记簿 and 访问日志.
  it('lights the one entry with the longest route the URL is under', () => {
    const nav = (id: string, route: string): EfrNavItem => ({ ...item(id, 1, []), route });
    const items = [
      nav('approvals', '/approvals'),
      nav('register', '/approvals/register'),
      nav('log', '/approvals/access-log'),
      nav('recordings', '/recordings'),
    ];
    expect(activeNavItem(items, '/approvals/register')).toBe('register');
    expect(activeNavItem(items, '/approvals/access-log?user=x')).toBe('log');
    expect(activeNavItem(items, '/approvals?queue=mine')).toBe('approvals');
    expect(activeNavItem(items, '/approvals/new')).toBe('approvals');
    expect(activeNavItem(items, '/recordings/abc')).toBe('recordings');
    expect(activeNavItem(items, '/recordingsX')).toBeNull();
  });
});
