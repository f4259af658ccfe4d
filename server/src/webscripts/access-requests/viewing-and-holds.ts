import type { HoldReleaseResult, HoldResult } from '../../../../contract/index.js';
import {
  checkLegalHoldRelease,
  GROUP_EFR_CUSTODIANS,
  GROUP_EFR_SUPERVISORS,
  isMemberOfAny,
  refuse,
} from '../../../../core/src/index.js';
import { appendAccessLog } from '../../access-log/access-log.js';
import { badRequest } from '../../http/errors.js';
import type { NodeRow } from '../../repo/node-rows.js';
import { updateNode } from '../../repo/node-updates.js';
import type { Caller, Repository } from '../../repo/repository.js';
import { recordingState } from '../../rules/recording-state.js';
import {
  actorOf,
  elevated,
  nowAcs,
  nowIso,
  optText,
  readableOfType,
} from '../devices/record-writes.js';

/** The recordings a hold step names (`recordingIds`, 1 to 500, each readable): 400 otherwise. */
function holdRecordings(repo: Repository, c: Caller, b: Record<string, unknown>): NodeRow[] {
  const raw = b.recordingIds;
  if (
    !Array.isArray(raw) ||
    raw.length === 0 ||
    raw.length > 500 ||
    raw.some((x) => typeof x !== 'string')
  ) {
    throw badRequest('recordingIds must be a non-empty array of node ids');
  }
  return (raw as string[]).map((id) => readableOfType(repo, c, id, 'efr:recording'));
}

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
): HoldResult {
  const nodes = holdRecordings(repo, c, b);
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

/**
 * Lifts the preservation hold of the recordings named (R14.2): core's checkLegalHoldRelease
 * decides each (supervisors or legal staff, the reason stated) before anything changes; then,
 * in one transaction, efr:legalHold goes and each lift is logged (`hold.release`, with the
 * reason). Recordings not held are reported, unchanged.
 */
export function releaseHolds(
  repo: Repository,
  c: Caller,
  b: Record<string, unknown>,
): HoldReleaseResult {
  const nodes = holdRecordings(repo, c, b);
  const reason = optText(b, 'reason', 2000) ?? '';
  for (const n of nodes) {
    repo.enforce(c, checkLegalHoldRelease(recordingState(repo.db, n), reason,
      { actor: actorOf(c), now: nowIso(c) }), 'hold.release', n);
  }
  const released: string[] = [];
  const notHeld: string[] = [];
  repo.db.transaction(() => {
    for (const n of nodes) {
      if (!n.aspects.includes('efr:legalHold')) {
        notHeld.push(n.id);
        continue;
      }
      updateNode(repo, elevated(repo, c), n, {
        aspectNames: n.aspects.filter((a) => a !== 'efr:legalHold'),
      });
      appendAccessLog(repo.db, {
        user: c.userId,
        action: 'hold.release',
        nodeId: n.id,
        values: { reason: reason.trim(), requirement: 'R14.2' },
      });
      released.push(n.id);
    }
  })();
  return { released, notHeld };
}
