import { EfrWorker, type JobOutcome } from '../worker/efr-worker.js';
import { ensureWorkerAccount, WORKER_USER } from '../worker/in-process.js';
import { documentJobs } from '../worker/jobs/documents.js';
import type { TempRepository } from './temp-repository.js';

/**
 * Renders the generated documents waiting in a spec's repository as server/'s in-process
 * worker does: efr worker's document jobs through the REST API, as the service user (the spec's
 * app listens on a loopback port for it from the first call on).
 */
export async function renderWaitingDocuments(t: TempRepository): Promise<JobOutcome[]> {
  ensureWorkerAccount(t.repo);
  const address = t.app.server.address();
  const url = address !== null && typeof address === 'object'
    ? `http://127.0.0.1:${address.port}` : await t.app.listen({ port: 0, host: '127.0.0.1' });
  const worker = new EfrWorker({ connection: { url, user: WORKER_USER, password: '',
    ticket: () => t.repo.auth.issueTicket(WORKER_USER) }, jobs: [documentJobs()] });
  return (await worker.runOnce()).filter((o) => o.state !== 'skipped');
}
