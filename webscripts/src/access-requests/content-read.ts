/**
 * Every read of a recording's content, in both hosts (R24.2, R26.2, R27.1, R23.1): the facts of
 * core's `checkContentRead` read once through the repository port, at the moment of the read.
 * server/ asks it in its content route (server/src/webscripts/port/content-read.ts, through the
 * rule hooks' `beforeContentRead`), the module in the recording's `onContentRead` behaviour
 * (behaviors/src/scripts/recording.ts), so the two hosts let exactly the same people read, from
 * the same instant to the same instant.
 */
import {
  checkContentRead, RECORD_OWNER, type ContentReadFacts, type ContentReadMode,
  type SecrecyLevel, type Verdict,
} from '../../../core/src/index.js';
import { jobReadGrants } from '../evidence-packages/package-json.js';
import { textProp as str, type PortNode, type RepositoryPort } from '../repository-port.js';
import { accessRequestOf } from './access-request-of.js';

/**
 * The facts of the recording: its secrecy, every viewing request naming it and every job
 * reading it (disc, fixity round), read as the repository (whoever reads, the rule weighs all of them).
 */
export function contentReadFacts(port: RepositoryPort, recording: PortNode): ContentReadFacts {
  return port.asRepository(() => {
    // The disc jobs copying it and the fixity rounds re-hashing it (issue 18), read as the
    // job web scripts read them (package-json.ts).
    const jobs = jobReadGrants(port.sources(recording.id, 'efr:packageRecordings')
      .concat(port.sources(recording.id, 'efr:roundRecordings')), recording.id);
    return {
      recordingId: recording.id,
      secrecyLevel: (str(recording, 'efr:secrecyLevel') || 'none') as SecrecyLevel,
      requests: port.sources(recording.id, 'efr:requestRecordings')
        .filter((n) => n.type === 'efr:accessRequest')
        .map((n) => accessRequestOf(port, n)),
      jobs,
    };
  });
}

/**
 * Whether the caller may read the content of node `id` now in `mode`: core's checkContentRead
 * for a recording; any other node is not this rule's (allowed here).
 */
export function contentReadVerdict(
  port: RepositoryPort, id: string, mode: ContentReadMode,
): Verdict {
  const user = port.currentUser();
  const now = port.now();
  const node = port.asRepository(() => port.node(id));
  if (node === null || node.type !== 'efr:recording') return { allowed: true };
  return checkContentRead(contentReadFacts(port, node), {
    userName: user.userName, groups: user.groups, isAdmin: user.isAdmin,
    system: user.userName === RECORD_OWNER,
  }, mode, now);
}
