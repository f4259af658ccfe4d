/**
 * Who reads a recording's content, and when (R24.1, R24.2, R25.1, R26.2, R27.1, R23.1): the one
 * rule both hosts apply to every read of an `efr:recording`'s bytes, server/ in its content route
 * (server/src/webscripts/port/content-read.ts) and the module in the recording's `onContentRead`
 * behaviour, each with the facts read once through the repository port
 * (webscripts/src/access-requests/content-read.ts). It is decided at the moment of the read,
 * from the viewing requests as they are, so a viewer's right begins exactly at `viewingFrom` and
 * ends exactly at `viewingUntil`, whether or not a job has closed the request yet.
 *
 * - The registered viewer of a request naming the recording reads it inside the request's
 *   window (core `canReadContent`); nobody else, before or after.
 * - A download (a copy leaving the repository) also needs a request whose purpose permits one
 *   (R26.2: litigation, external release); the player reads inline.
 * - A worker reads the recordings of the disc job it holds, while it holds it (R23.1:
 *   `mayWorkerRead`): the job's hold, not a viewing request, is its right.
 * - Custodians are not exempt. R24 makes every viewing for work subject to review, approval and
 *   the custodian's register and names no exception for the custodian; keeping the footage
 *   (R13.2, R21.4) is not watching it. A custodian who must view files a request like anyone
 *   and another custodian registers it (requester and registrar differ).
 * - Secrecy (R27.1) does not open anything: a confidential recording is read like any other,
 *   only by its registered viewer, whom registration already restricted to the approved
 *   requester (`transition`, `confidentialViewer`); a refusal cites R27.1 for it.
 * - A legal hold (R14.2) preserves the recording; it neither opens nor closes reading: those
 *   who investigate the complaint view through R24 like anyone (R25.1, R14.1).
 * - The repository itself (System: its maintenance, the ingest's fixity hash) and the
 *   repository administrator are exempt, as ACS's System and admin bypass permissions; their
 *   reads are logged by the hosts all the same.
 */
import { canReadContent, mayDownload, viewingExpired } from './access-request.js';
import type { AccessRequest } from './access-request.js';
import { isConfidential } from './enums.js';
import type { SecrecyLevel } from './enums.js';
import { mayWorkerRead } from './package-job.js';
import type { JobReadGrant } from './package-job.js';
import type { Actor } from './roles.js';
import { allow, refuse } from './verdict.js';
import type { Verdict } from './verdict.js';

/** How the bytes are read: in the player (`inline`) or as a copy (`download`, R26.2). */
export type ContentReadMode = 'inline' | 'download';

/** Who reads. */
export interface ContentReader extends Actor {
  /** The repository administrator. */
  isAdmin: boolean;
  /** The repository itself (ACS's System user). */
  system: boolean;
}

/** What the rule needs to know about one recording at the moment of a read. */
export interface ContentReadFacts {
  /** The recording's node id. */
  recordingId: string;
  /** Its secrecy level (R27.1). */
  secrecyLevel: SecrecyLevel;
  /** The viewing requests naming it (efr:requestRecordings), in any status. */
  requests: readonly AccessRequest[];
  /** The disc jobs copying it (efr:packageRecordings). */
  jobs: readonly JobReadGrant[];
}

/** The refusal of a read outside a registered viewing window. */
function noViewingRight(confidential: boolean): Verdict {
  return refuse(403, 'efr.recording.noViewingRight', confidential ? 'R27.1' : 'R24.2',
    'A recording is viewed only by its registered viewer within the viewing window.',
    '录像仅限登记的调阅人在调阅时间内查看。');
}

/**
 * Whether `reader` may read the recording's content at `now` (ISO 8601) in `mode`: the rule of
 * every content read in both hosts (see the file comment).
 */
export function checkContentRead(
  facts: ContentReadFacts,
  reader: ContentReader,
  mode: ContentReadMode,
  now: string,
): Verdict {
  if (reader.system || reader.isAdmin) return allow();
  if (mayWorkerRead(reader, facts.recordingId, facts.jobs, now)) return allow();
  const open = facts.requests.filter((r) =>
    canReadContent(r, reader.userName, now, facts.recordingId));
  if (open.length === 0) return noViewingRight(isConfidential(facts.secrecyLevel));
  if (mode === 'inline' || open.some(mayDownload)) return allow();
  return refuse(403, 'efr.recording.noDownloadRight', 'R26.2',
    'A copy is downloaded only for litigation or an approved external release.',
    '仅诉讼或经批准对外提供时可下载副本。');
}

/**
 * The one step the repository itself takes on a viewing request: closing it once its viewing
 * window has ended (R24.2: access ends with the window even if nobody closes the request). Both
 * hosts' rules let System close a request only then (server/'s update rule, the module's
 * efr:accessRequest behaviour), and the window-expiry close of webscripts/ is that step.
 */
export function checkRepositoryClose(request: AccessRequest, now: string): Verdict {
  if (viewingExpired(request, now)) return allow();
  return refuse(409, 'efr.access.windowNotEnded', 'R24.2',
    'The repository closes a request only when its viewing window has ended.',
    '调阅时段尚未结束，系统不得结束申请。');
}
