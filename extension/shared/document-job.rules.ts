import type { DiscJob } from '../../contract/index';

/** Where a generated document stands (issue 15): efr worker renders it, then it downloads. */
export type DocumentState = 'none' | 'rendering' | 'ready' | 'failed';

/** The state of a generated document's job (none when there is no document). */
export function documentState(job: DiscJob | null | undefined): DocumentState {
  if (!job) return 'none';
  if (job.state === 'built') return 'ready';
  return job.state === 'failed' ? 'failed' : 'rendering';
}
