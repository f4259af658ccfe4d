/** `nav.languages`: the languages offered by the switch; zh-CN first, as users work in Chinese. */
export const APP_LANGUAGES: readonly { key: string; label: string }[] = [
  { key: 'zh-CN', label: '中文' },
  { key: 'en', label: 'English' },
];
