/**
 * The fields of devices, their history and exemption records that only their EFR steps set
 * (R13.1, R11.2), and the verdicts on a generic create, update or delete of them. One rule for
 * both hosts: server/ asks it from its rule hooks (server/src/webscripts/devices/
 * workflow-guard.ts), the module from its workflow guard behaviour
 * (behaviors/src/lib/workflow-behaviour.ts). 403, never 409: the Content App reads a 409 as a
 * name clash (issue 16).
 */
import { refuse, type Verdict } from './verdict.js';

/** Properties only the steps set, per type; `*` = the whole entry (history is append-only). */
export const WORKFLOW_STEP_FIELDS: { readonly [type: string]: readonly string[] | '*' } = {
  'efr:device': [
    'efr:deviceStatus', 'efr:holder', 'efr:issuedAt', 'efr:lastCheckAt', 'efr:deviceSerial',
    'efr:custodian',
  ],
  'efr:exemption': [
    'efr:exemptionStatus', 'efr:acknowledgedAt', 'efr:filedBy', 'efr:filedAt', 'efr:leader',
    'efr:officer', 'efr:writtenAt', 'efr:actAt', 'efr:exemptionGround', 'efr:basis',
  ],
  'efr:deviceEvent': '*',
  'efr:deviceCheck': '*',
};

/** Whether `type` (`prefix:local`) has step-owned fields. */
export function hasStepFields(type: string): boolean {
  return Object.prototype.hasOwnProperty.call(WORKFLOW_STEP_FIELDS, type);
}

function requirementOf(type: string): string {
  return type === 'efr:exemption' ? 'R11.2' : 'R13.1';
}

function outsideStep(type: string, what: string): Verdict {
  return refuse(403, 'efr.workflow.stepsOnly', requirementOf(type),
    what + ' goes through the EFR web scripts (/alfresco/s/efr/…), not the node API.',
    what + '须通过 EFR 业务接口（/alfresco/s/efr/…）办理，不能直接修改节点。');
}

/** A new entry of `type`: only in a step, or by an administrator or the repository. */
export function stepCreateVerdict(type: string, inStep: boolean, privileged: boolean): Verdict {
  if (inStep || privileged || !hasStepFields(type)) return { allowed: true };
  return outsideStep(type, type);
}

/** A change of the `changed` properties (`prefix:local`) of an entry of `type`. */
export function stepUpdateVerdict(type: string, inStep: boolean,
  changed: readonly string[]): Verdict {
  const fields = WORKFLOW_STEP_FIELDS[type];
  if (inStep || fields === undefined || changed.length === 0) return { allowed: true };
  for (let i = 0; i < changed.length; i++) {
    if (fields === '*' || fields.indexOf(changed[i]) >= 0) return outsideStep(type, changed[i]);
  }
  return { allowed: true };
}

/** A delete of an entry of `type`: never (the full history is kept). */
export function stepDeleteVerdict(type: string): Verdict {
  if (!hasStepFields(type)) return { allowed: true };
  return refuse(403, 'efr.workflow.historyKept', requirementOf(type),
    'Devices, their history and exemption records are kept; they are never deleted.',
    '设备及其履历、免录记录须留存，不得删除。');
}
