import {
  GROUP_EFR_CUSTODIANS,
  GROUP_EFR_SUPERVISORS,
  isMemberOfAny,
  refuse,
} from '../../../../core/src/index.js';
import { appendAccessLog } from '../../access-log/access-log.js';
import { badRequest } from '../../http/errors.js';
import { updateNode } from '../../repo/node-updates.js';
import type { Caller, Repository } from '../../repo/repository.js';
import {
  actorOf,
  elevated,
  nowAcs,
  optText,
  readableOfType,
} from '../devices/record-writes.js';

/**
 * A complaint (R14.2) preserves the recordings it names: each gets `efr:legalHold` with the
 * reason, the complaint reference, time and placer. Supervisors and the office place holds;
 * core's recording rules check the change; one transaction for all, so a refused recording
 * leaves none held. Recordings already held keep their first hold.
 */
export function placeHolds(
  repo: Repository,
  c: Caller,
  b: Record<string, unknown>,
): {
  held: string[];
  alreadyHeld: string[];
} {
  const raw = b.recordingIds;
  if (
    !Array.isArray(raw) ||
    raw.length === 0 ||
    raw.length > 500 ||
    raw.some((x) => typeof x !== 'string')
  ) {
    throw badRequest('recordingIds must be a non-empty array of node ids');
  }
  const nodes = (raw as string[]).map((id) => readableOfType(repo, c, id, 'efr:recording'));
  if (!isMemberOfAny(actorOf(c), [GROUP_EFR_SUPERVISORS, GROUP_EFR_CUSTODIANS])) {
    repo.enforce(
      c,
      refuse(
        403,
        'efr.hold.notSupervisor',
        'R14.2',
        'Only supervisors and the office place a preservation hold.',
        '仅机关党委（监督）和办公室可以采取保全措施。',
      ),
      'hold.place',
      nodes[0],
    );
  }
  const reason = optText(b, 'reason', 2000);
  if (reason === undefined || reason.length < 4) {
    repo.enforce(
      c,
      refuse(
        422,
        'efr.hold.reason',
        'R14.2',
        'State the complaint the recordings are preserved for.',
        '请说明保全所依据的投诉事项。',
      ),
      'hold.place',
      nodes[0],
    );
  }
  const reference = optText(b, 'reference', 200);
  const held: string[] = [];
  const alreadyHeld: string[] = [];
  repo.db.transaction(() => {
    for (const n of nodes) {
      if (n.aspects.includes('efr:legalHold')) {
        alreadyHeld.push(n.id);
        continue;
      }
      updateNode(repo, elevated(repo, c), n, {
        aspectNames: [...n.aspects, 'efr:legalHold'],
        properties: {
          'efr:holdReason': reason,
          'efr:holdSince': nowAcs(c),
          'efr:holdBy': c.userId,
          ...(reference ? { 'efr:holdReference': reference } : {}),
        },
      });
      appendAccessLog(repo.db, {
        user: c.userId,
        action: 'hold.place',
        nodeId: n.id,
        values: {
          reason: String(reason),
          requirement: 'R14.2',
          ...(reference ? { reference } : {}),
        },
      });
      held.push(n.id);
    }
  })();
  return { held, alreadyHeld };
}
