/**
 * `session.isExpiry`: whether an HTTP failure means the session is gone. Only repository calls
 * count, and not the login request itself: a wrong password there is shown by the login form.
 */
export function isSessionExpiry(method: string, url: string, status: number): boolean {
  if (status !== 401) return false;
  if (!url.includes('/alfresco/')) return false;
  const isLogin = method.toUpperCase() === 'POST' && /\/tickets\/?(\?.*)?$/.test(url);
  return !isLogin;
}
