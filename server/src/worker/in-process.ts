/**
 * server/ runs `efr worker` in-process (issue 15): the same class as beside ACS, working through
 * this server's own REST API over loopback as the service user `efr-worker`, so a disc is built,
 * a fixity round worked and a tree head signed (issue 18) the same way on both hosts. It learns
 * of jobs from the job web script at once (the in-process counterpart of ACS's event stream)
 * and polls as a fallback. `EFR_WORKER=off` leaves it out (then an external `efr worker` builds
 * the discs, runs the fixity rounds and signs the heads, as beside ACS).
 */
import { randomBytes } from 'node:crypto';
import { GROUP_EFR_WORKERS } from '../../../core/src/index.js';
import { ARCHIVE_ROOT } from '../demo/archive-folders.js';
import { updateNode } from '../repo/node-updates.js';
import { localAces } from '../repo/permissions.js';
import type { Repository } from '../repo/repository.js';
import { jobRequests } from './job-requests.js';
import { EfrWorker, type JobSignals } from './efr-worker.js';
import { logSignerOf } from '../access-log/tree-heads.js';

/** The service user of the in-process worker. */
export const WORKER_USER = 'efr-worker';

/** Creates the worker group and account, and gives the group read on the archive. */
export function ensureWorkerAccount(repo: Repository): void {
  repo.auth.createGroup(GROUP_EFR_WORKERS, '后台服务 EFR worker');
  if (!repo.auth.person(WORKER_USER)) {
    // Nobody signs in with this password (the in-process worker uses tickets): random.
    repo.addPerson({ id: WORKER_USER, firstName: 'EFR 后台服务', email: 'efr-worker@localhost',
      password: randomBytes(24).toString('hex') });
  }
  if (!repo.auth.groupsOf(WORKER_USER).includes(GROUP_EFR_WORKERS)) {
    repo.auth.addMember(GROUP_EFR_WORKERS, WORKER_USER, 'PERSON');
  }
  const rootId = repo.meta(ARCHIVE_ROOT.key);
  const root = rootId ? repo.rows.get(rootId) : undefined;
  if (root && !localAces(repo.db, root.id).some((a) => a.authorityId === GROUP_EFR_WORKERS)) {
    // A data dir made before the worker existed: the group reads the archive (it copies only
    // the recordings of the job it holds: core mayWorkerRead).
    updateNode(repo, repo.systemCaller('worker-setup'), root, { permissions: { locallySet: [
      ...localAces(repo.db, root.id),
      { authorityId: GROUP_EFR_WORKERS, name: 'Consumer', accessStatus: 'ALLOWED' }] } });
  }
}

const TICKET_REUSE_MS = 30 * 60 * 1000;

/** Starts the in-process worker against the server at `url`. */
export function startInProcessWorker(repo: Repository, url: string): EfrWorker {
  ensureWorkerAccount(repo);
  let ticket = '';
  let issued = 0;
  const signals: JobSignals = {
    connected: true,
    subscribe(wake) {
      jobRequests.on('requested', wake);
    },
    async close() {
      jobRequests.removeAllListeners('requested');
    },
  };
  const worker = new EfrWorker({
    connection: { url, user: WORKER_USER, password: '', ticket: () => {
      if (Date.now() - issued > TICKET_REUSE_MS) {
        ticket = repo.auth.issueTicket(WORKER_USER);
        issued = Date.now();
      }
      return ticket;
    } },
    signals, source: 'EFR', pollMs: 60_000,
    // --- access-log --- the data dir's key (EFR_LOG_SIGNING_KEY, or the demo key); SQLite
    // commits one at a time, so a head may cover the newest entry at once.
    logSigner: logSignerOf(repo.db), treeHeadSettleMs: 0,
    log: (line) => {
      if (process.env.EFR_WORKER_LOG === '1') console.info(line);
    },
  });
  worker.start();
  return worker;
}
