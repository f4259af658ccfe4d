import { EfrNavItem, EfrUser, hasAnyRole } from '../../../extension/shared/public-api';

/**
 * `nav.visibleItems`: the navigation entries a user sees, in order. An entry without roles is
 * for everyone signed in; otherwise the user needs one of its roles (admins see all). No user
 * (not signed in) sees nothing.
 */
export function visibleNavItems(
  groups: readonly (readonly EfrNavItem[])[],
  user: EfrUser | null,
): EfrNavItem[] {
  if (!user) return [];
  const seen = new Set<string>();
  return groups
    .flat()
    .filter((item) => item.roles.length === 0 || hasAnyRole(user, item.roles))
    .filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)))
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/**
 * `nav.languages` lives in ../i18n/languages.ts: the login page uses it, and must not import
 * this file's imports (the shared feature code, loaded after sign-in: issue 20).
 */
export { APP_LANGUAGES } from '../i18n/languages';

/** `nav.nextLanguage`: the language the one-click switch moves to from `current`. */
export function nextLanguage(current: string): string {
  return current.toLowerCase().startsWith('zh') ? 'en' : 'zh-CN';
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
