/**
 * The lean shell's navigation: the entries themselves come from efr.plugin.json's navbar
 * (extension/efr-navbar.rules.ts, shared with the Content App).
 */
export { activeNavItem, visibleNavItems } from '../../../extension/efr-navbar.rules';
export type { EfrNavItem } from '../../../extension/efr-navbar.rules';

/**
 * `nav.languages` lives in ../i18n/languages.ts: the login page uses it, and must not import
 * this file's imports (the shared feature code, loaded after sign-in: issue 20).
 */
export { APP_LANGUAGES } from '../i18n/languages';

/** `nav.nextLanguage`: the language the one-click switch moves to from `current`. */
export function nextLanguage(current: string): string {
  return current.toLowerCase().startsWith('zh') ? 'en' : 'zh-CN';
}

