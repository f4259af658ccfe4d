/**
 * The device register and exemption records change only through their web scripts (R13.1,
 * R11.2), as server/src/webscripts/devices/workflow-guard.ts rules for server/: a client must
 * not set a device to `available` or an exemption to `filed` with a plain PUT /nodes/{id},
 * nor add, rewrite or remove history entries (efr:deviceEvent, efr:deviceCheck). The web
 * scripts mark their transaction (lib/workflow-step.ts); outside a marked transaction:
 * - creating an entry is refused, except for administrators loading the register (bootstrap,
 *   migration) and the repository itself (System);
 * - changing a step's fields, or any field of a history entry, is refused for everyone;
 * - deleting any of them is refused always, marked or not: the full history is kept.
 */
import { allow, refuse } from '../../../core/src/index.js';
import type { Verdict } from '../../../core/src/index.js';
import { EFR_TYPES } from '../../../content-model/src/qnames.js';
import type { BehaviourActor } from './actor.js';

/** ACS's administrators group. */
export const GROUP_ALFRESCO_ADMINISTRATORS = 'GROUP_ALFRESCO_ADMINISTRATORS';

/** Properties only the steps set, per type; `*` = the whole entry (history is append-only). */
export const STEP_FIELDS: Readonly<Record<string, readonly string[] | '*'>> = {
  [EFR_TYPES.device]: [
    'efr:deviceStatus', 'efr:holder', 'efr:issuedAt', 'efr:lastCheckAt', 'efr:deviceSerial',
    'efr:custodian',
  ],
  [EFR_TYPES.exemption]: [
    'efr:exemptionStatus', 'efr:acknowledgedAt', 'efr:filedBy', 'efr:filedAt', 'efr:leader',
    'efr:officer', 'efr:writtenAt', 'efr:actAt', 'efr:exemptionGround', 'efr:basis',
  ],
  [EFR_TYPES.deviceEvent]: '*',
  [EFR_TYPES.deviceCheck]: '*',
};

/** Whether `type` (`prefix:local`) is guarded. */
export function isGuardedType(type: string): boolean {
  return Object.prototype.hasOwnProperty.call(STEP_FIELDS, type);
}

function requirementOf(type: string): string {
  return type === EFR_TYPES.exemption ? 'R11.2' : 'R13.1';
}

function outsideStep(type: string, what: string): Verdict {
  return refuse(409, 'efr.workflow.stepsOnly', requirementOf(type),
    what + ' goes through the EFR web scripts (/alfresco/s/efr/…), not the node API.',
    what + '须通过 EFR 业务接口（/alfresco/s/efr/…）办理，不能直接修改节点。');
}

/** A new entry of `type`. */
export function workflowCreateVerdict(type: string, inStep: boolean,
  actor: BehaviourActor): Verdict {
  if (inStep || !isGuardedType(type) || actor.system) return allow();
  if (actor.groups.indexOf(GROUP_ALFRESCO_ADMINISTRATORS) >= 0) return allow();
  return outsideStep(type, type);
}

/** A change of the `changed` properties (`prefix:local`) of an entry of `type`. */
export function workflowUpdateVerdict(type: string, inStep: boolean,
  changed: readonly string[]): Verdict {
  const fields = STEP_FIELDS[type];
  if (inStep || fields === undefined || changed.length === 0) return allow();
  let hit: string | null = null;
  for (const k of changed) {
    if (hit === null && (fields === '*' || fields.indexOf(k) >= 0)) hit = k;
  }
  return hit === null ? allow() : outsideStep(type, hit);
}

/** A delete of an entry of `type`: never (the full history is kept). */
export function workflowDeleteVerdict(type: string): Verdict {
  if (!isGuardedType(type)) return allow();
  return refuse(409, 'efr.workflow.historyKept', requirementOf(type),
    'Devices, their history and exemption records are kept; they are never deleted.',
    '设备及其履历、免录记录须留存，不得删除。');
}
