import { isSessionExpiry } from './session.rules';

describe('session.rules (issue 4: on 401 go back to login)', () => {
  const base = '/alfresco/api/-default-/public';

  it('treats a 401 from a repository call as an expired session', () => {
    expect(isSessionExpiry('GET', `${base}/alfresco/versions/1/nodes/x`, 401)).toBeTrue();
    expect(isSessionExpiry('POST', `${base}/search/versions/1/search`, 401)).toBeTrue();
  });

  it('leaves a failed login to the login form', () => {
    const tickets = `${base}/authentication/versions/1/tickets`;
    expect(isSessionExpiry('POST', tickets, 401)).toBeFalse();
    expect(isSessionExpiry('GET', `${tickets}/-me-`, 401)).toBeTrue();
  });

  it('ignores other statuses and non-repository URLs', () => {
    expect(isSessionExpiry('GET', `${base}/alfresco/versions/1/nodes/x`, 403)).toBeFalse();
    expect(isSessionExpiry('GET', '/assets/efr-app/i18n/en.json', 401)).toBeFalse();
  });
});
