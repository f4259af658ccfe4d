/**
 * Preservation holds (R14.2), once for both hosts:
 * - `POST /holds`: a complaint preserves the recordings it names: each gets `efr:legalHold`
 *   with the reason, the complaint reference, time and placer (supervisors and the office);
 *   recordings already held keep their first hold;
 * - `POST /holds/release`: supervisors or legal staff lift those holds, stating why; core's
 *   checkLegalHoldRelease decides every recording before the first write, so a refusal lifts
 *   nothing; recordings not held are reported, unchanged.
 * Each host's recording rules check the change again (server/'s update rule, the module's
 * efr:recording behaviour, beforeRemoveAspect for a release).
 */
import {
  checkLegalHoldRelease, GROUP_EFR_CUSTODIANS, GROUP_EFR_SUPERVISORS, isMemberOfAny, refuse,
} from '../../../core/src/index.js';
import type { HoldReleaseResult, HoldResult } from '../../../contract/index.js';
import type { PortNode, PortValue, RepositoryPort } from '../repository-port.js';
import {
  bodyText, invalidArgument, readableOfType, type WebScriptDefinition,
} from '../web-script.js';
import { recordingStateOf } from './recording-of.js';

const AREA = 'access-requests';

/** The recordings a hold step names (`recordingIds`, 1 to 500, each readable): 400/404 else. */
function holdRecordings(port: RepositoryPort, b: Record<string, unknown>): PortNode[] {
  const raw = b.recordingIds;
  if (!(raw instanceof Array) || raw.length === 0 || raw.length > 500 ||
    raw.some((x) => typeof x !== 'string')) {
    throw invalidArgument('recordingIds must be a non-empty array of node ids');
  }
  return (raw as string[]).map((id) => readableOfType(port, id, 'efr:recording'));
}

export const holdsPost: WebScriptDefinition = {
  id: 'holds', method: 'POST', path: '/holds', area: AREA,
  title: 'EFR preservation hold',
  handle(port, call) {
    const b = call.body;
    const nodes = holdRecordings(port, b);
    const user = port.currentUser();
    if (!isMemberOfAny(user, [GROUP_EFR_SUPERVISORS, GROUP_EFR_CUSTODIANS])) {
      port.enforce(refuse(403, 'efr.hold.notSupervisor', 'R14.2',
        'Only supervisors and the office place a preservation hold.',
        '仅机关党委（监督）和办公室可以采取保全措施。'), 'hold.place', nodes[0].id);
    }
    const reason = bodyText(b, 'reason', 2000);
    if (reason.length < 4) {
      port.enforce(refuse(422, 'efr.hold.reason', 'R14.2',
        'State the complaint the recordings are preserved for.',
        '请说明保全所依据的投诉事项。'), 'hold.place', nodes[0].id);
    }
    const reference = bodyText(b, 'reference', 200);
    const now = port.now();
    const result: HoldResult = { held: [], alreadyHeld: [] };
    for (const n of nodes) {
      if (n.aspects.indexOf('efr:legalHold') >= 0 || result.held.indexOf(n.id) >= 0) {
        if (result.alreadyHeld.indexOf(n.id) < 0 && result.held.indexOf(n.id) < 0) {
          result.alreadyHeld.push(n.id);
        }
        continue;
      }
      const props: Record<string, PortValue> = {
        'efr:holdReason': reason, 'efr:holdSince': now, 'efr:holdBy': user.userName,
      };
      if (reference !== '') props['efr:holdReference'] = reference;
      port.updateNode(n.id, props, ['efr:legalHold']);
      const values: Record<string, string> = { reason, requirement: 'R14.2' };
      if (reference !== '') values.reference = reference;
      port.logStep('hold.place', n.id, values);
      result.held.push(n.id);
    }
    return { status: 201, body: { entry: result } };
  },
};

export const holdsReleasePost: WebScriptDefinition = {
  id: 'holds-release', method: 'POST', path: '/holds/release', area: AREA,
  title: 'EFR preservation hold release',
  handle(port, call) {
    const b = call.body;
    const nodes = holdRecordings(port, b);
    const reason = bodyText(b, 'reason', 2000);
    const user = port.currentUser();
    const now = port.now();
    for (const n of nodes) {
      port.enforce(checkLegalHoldRelease(recordingStateOf(port, n), reason, { actor: user, now }),
        'hold.release', n.id);
    }
    const result: HoldReleaseResult = { released: [], notHeld: [] };
    for (const n of nodes) {
      if (result.released.indexOf(n.id) >= 0 || result.notHeld.indexOf(n.id) >= 0) continue;
      if (n.aspects.indexOf('efr:legalHold') < 0) {
        result.notHeld.push(n.id);
        continue;
      }
      port.removeAspect(n.id, 'efr:legalHold');
      port.logStep('hold.release', n.id, { reason, requirement: 'R14.2' });
      result.released.push(n.id);
    }
    return { status: 200, body: { entry: result } };
  },
};

/** The preservation holds' web scripts written once. */
export const HOLD_WEB_SCRIPTS: readonly WebScriptDefinition[] = [holdsPost, holdsReleasePost];
