import { loadFailureKey } from './load-failure';

describe('shared.loadFailureKey (issue 19, point 9: a 403 is no network error)', () => {
  it('names a refusal, a missing record, a lost connection and a server failure apart', () => {
    expect(loadFailureKey(403)).toBe('EFR_SHARED.COMMON.FORBIDDEN');
    expect(loadFailureKey(404)).toBe('EFR_SHARED.COMMON.NOT_FOUND');
    expect(loadFailureKey(0)).toBe('EFR_SHARED.COMMON.NETWORK_FAILED');
    expect(loadFailureKey(null)).toBe('EFR_SHARED.COMMON.NETWORK_FAILED');
    expect(loadFailureKey(500)).toBe('EFR_SHARED.COMMON.LOAD_FAILED');
  });
});
