import type { DiscJob } from '../../contract/index';
import { documentState } from './document-job.rules';

// Issue 15: a generated document (register, quality report) as the screens show it.
describe('documentState', () => {
  const job = (state: DiscJob['state']): DiscJob => ({ state, percent: 40 } as DiscJob);

  it('follows the job: rendering until built, then ready; failed stays failed', () => {
    expect(documentState(null)).toBe('none');
    expect(documentState(undefined)).toBe('none');
    expect(documentState(job('requested'))).toBe('rendering');
    expect(documentState(job('building'))).toBe('rendering');
    expect(documentState(job('built'))).toBe('ready');
    expect(documentState(job('failed'))).toBe('failed');
  });
});
