import type { NavBarGroupRef, RouteRef } from '@alfresco/adf-extensions';
import { EfrNavItem, activeNavItem, nextLanguage, visibleNavItems } from './navigation.rules';

describe('navigation.rules (issue 4: each role sees its entries; issue 17: from the plugin)', () => {
  const routes: RouteRef[] = [
    { id: 'efr.route.recordings', path: 'recordings', component: 'efr.screen' },
    { id: 'efr.route.dashboard', path: 'dashboard', component: 'efr.screen' },
    { id: 'efr.route.handovers', path: 'handovers', component: 'efr.screen' },
  ];
  const link = (name: string, order: number, rule?: string) => ({
    id: `efr.nav.${name}`, icon: 'x', title: name, route: `efr.route.${name}`, order,
    ...(rule ? { rules: { visible: rule } } : {}),
  });
  const groups: NavBarGroupRef[] = [
    {
      id: 'efr.navbar',
      items: [
        {
          ...link('group', 1, 'signedIn'),
          children: [
            link('recordings', 20), link('dashboard', 10),
            link('handovers', 40, 'custodian'), { ...link('off', 5), disabled: true },
          ],
        },
      ],
    },
    { id: 'other', items: [link('approvals', 50, 'leader')] },
  ];
  const held = (...rules: string[]) => (rule: string) => rules.includes(rule);

  it('flattens the group, keeps entries whose rule passes, in order, with their paths', () => {
    const items = visibleNavItems(groups, routes, held('signedIn', 'custodian'));
    expect(items.map((i) => i.id)).toEqual(['dashboard', 'recordings', 'handovers']);
    expect(items[0].route).toBe('/dashboard');
  });

  it('hides a group whose own rule fails, and disabled entries', () => {
    expect(visibleNavItems(groups, routes, held('leader')).map((i) => i.id)).toEqual(['approvals']);
    expect(visibleNavItems(groups, routes, held()).length).toBe(0);
  });

  it('drops duplicate ids and keeps an unknown route as a path', () => {
    const dup: NavBarGroupRef[] = [{ id: 'g', items: [link('a', 1), link('a', 2)] }];
    const items = visibleNavItems(dup, routes, held());
    expect(items.length).toBe(1);
    expect(items[0].route).toBe('/efr.route.a');
  });

  it('switches between Chinese and English', () => {
    expect(nextLanguage('zh-CN')).toBe('en');
    expect(nextLanguage('en')).toBe('zh-CN');
  });

  // Issue 19, point 10: 调阅申请 stayed highlighted on 调阅登记簿 and 访问日志.
  it('lights the one entry with the longest route the URL is under', () => {
    const nav = (id: string, route: string): EfrNavItem =>
      ({ id, route, icon: 'x', labelKey: id, order: 1 });
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
