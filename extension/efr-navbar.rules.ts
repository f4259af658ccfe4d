import type { NavBarGroupRef, NavBarLinkRef, RouteRef } from '@alfresco/adf-extensions';

/** One entry of EFR's side navigation (both shells), from the plugin's navbar. */
export interface EfrNavItem {
  /** The entry's id without `efr.nav.` (also the e2e test hook `data-nav`). */
  id: string;
  /** Router link, absolute. */
  route: string;
  /** Material icon ligature. */
  icon: string;
  /** i18n key of the label. */
  labelKey: string;
  /** Position in the navigation, ascending. */
  order: number;
}

/** The prefix of the plugin's navbar ids. */
const NAV_PREFIX = 'efr.nav.';

/**
 * `nav.visibleItems`: the entries of the plugin's `features.navbar` a user sees, in order. An
 * item with children (the 执法记录 group) gives its children: the lean shell shows them as its
 * whole navigation, the Content App inside the group (efr-navbar.component.ts). An entry shows when it is enabled and its `rules.visible` passes (`visible`
 * evaluates a rule id through ADF's extension service); its route is the plugin route it
 * names, as the Content App resolves it (aca-shared 8.0.0 `getApplicationNavigation`). Ids seen
 * twice show once.
 */
export function visibleNavItems(
  groups: readonly NavBarGroupRef[],
  routes: readonly RouteRef[],
  visible: (ruleId: string) => boolean,
): EfrNavItem[] {
  const shows = (ref: { disabled?: boolean; rules?: { [id: string]: string } }) =>
    !ref.disabled && (!ref.rules?.['visible'] || visible(ref.rules['visible']));
  const seen = new Set<string>();
  const links: NavBarLinkRef[] = groups
    .filter(shows)
    .flatMap((group) => group.items ?? [])
    .filter(shows)
    .flatMap((item) => (item.children?.length ? item.children.filter(shows) : [item]));
  return links
    .map((link) => {
      const path = routes.find((r) => r.id === link.route)?.path ?? link.route;
      return {
        id: link.id.startsWith(NAV_PREFIX) ? link.id.slice(NAV_PREFIX.length) : link.id,
        route: `/${path.replace(/^\/+/, '')}`,
        icon: link.icon,
        labelKey: link.title,
        order: link.order ?? 0,
      };
    })
    .filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)))
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/**
 * `nav.activeItem`: the id of the one entry the current URL belongs to: the entry with the
 * longest route that is the URL's path or a parent of it. `/approvals/register` belongs to
 * 调阅登记簿, not also to 调阅申请 (`/approvals`), which a prefix match lit up as well
 * (issue 19, point 10); `/approvals/new` still belongs to 调阅申请.
 */
export function activeNavItem(items: readonly EfrNavItem[], url: string): string | null {
  const path = url.split(/[?#]/)[0].replace(/\/+$/, '') || '/';
  let best: EfrNavItem | null = null;
  for (const item of items) {
    const route = item.route.replace(/\/+$/, '') || '/';
    const under = path === route || path.startsWith(route === '/' ? '/' : `${route}/`);
    if (under && (!best || route.length > best.route.length)) best = item;
  }
  return best?.id ?? null;
}
