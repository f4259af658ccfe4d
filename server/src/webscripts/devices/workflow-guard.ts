import { refuse, type Verdict } from '../../../../core/src/index.js';
import type { NodeRow } from '../../repo/node-rows.js';
import type { RuleContext } from '../../rules/rule-hooks.js';

/**
 * The device register and exemption records change only through their web scripts (R13.1,
 * R11.2): a client must not set a device to `available` or an exemption to `filed` with a
 * plain PUT /nodes/{id}, nor add or remove history entries. The web scripts run their writes
 * inside {@link inWorkflowStep}; the generic node API calls the checks below from the rule
 * hooks (server/src/rules/efr-rules.ts) and refuses the same changes outside a step.
 *
 * The flag is a plain counter: a step runs synchronously in one SQLite transaction, so no
 * other request can interleave between setting and clearing it.
 */
let stepDepth = 0;

/** Runs `fn` as a workflow step of the device or exemption web scripts. */
export function inWorkflowStep<T>(fn: () => T): T {
  stepDepth++;
  try {
    return fn();
  } finally {
    stepDepth--;
  }
}

/** Properties only the steps set, per type; `*` = the whole entry (history is append-only). */
const STEP_FIELDS: Readonly<Record<string, readonly string[] | '*'>> = {
  'efr:device': [
    'efr:deviceStatus',
    'efr:holder',
    'efr:issuedAt',
    'efr:lastCheckAt',
    'efr:deviceSerial',
    'efr:custodian',
  ],
  'efr:exemption': [
    'efr:exemptionStatus',
    'efr:acknowledgedAt',
    'efr:filedBy',
    'efr:filedAt',
    'efr:leader',
    'efr:officer',
    'efr:writtenAt',
    'efr:actAt',
    'efr:exemptionGround',
    'efr:basis',
  ],
  'efr:deviceEvent': '*',
  'efr:deviceCheck': '*',
};

function requirementOf(type: string): string {
  return type === 'efr:exemption' ? 'R11.2' : 'R13.1';
}

function outsideStep(type: string, what: string): Verdict {
  // 403, never 409: the Content App reads 409 as a name clash (issue 16).
  return refuse(
    403,
    'efr.workflow.stepsOnly',
    requirementOf(type),
    `${what} goes through the EFR web scripts (/alfresco/s/efr/…), not the node API.`,
    `${what}须通过 EFR 业务接口（/alfresco/s/efr/…）办理，不能直接修改节点。`,
  );
}

/**
 * Creating a register entry outside a step: refused, except for administrators loading the
 * register (bootstrap, demo seed, migration), who still cannot rewrite it afterwards.
 */
export function workflowCreateVerdict(node: NodeRow, ctx: RuleContext): Verdict {
  if (stepDepth > 0 || !(node.type in STEP_FIELDS) || ctx.isAdmin) return { allowed: true };
  return outsideStep(node.type, node.type);
}

/** Changing a step's fields (or any history entry) outside a step: refused for everyone. */
export function workflowUpdateVerdict(before: NodeRow, changed: readonly string[]): Verdict {
  const fields = STEP_FIELDS[before.type];
  if (stepDepth > 0 || fields === undefined) return { allowed: true };
  const hit = fields === '*' ? changed[0] : changed.find((k) => fields.indexOf(k) >= 0);
  return hit === undefined ? { allowed: true } : outsideStep(before.type, hit);
}

/** Deleting a device, an exemption or a history entry: never (the full history is kept). */
export function workflowDeleteVerdict(node: NodeRow): Verdict {
  if (!(node.type in STEP_FIELDS)) return { allowed: true };
  return refuse(
    403,
    'efr.workflow.historyKept',
    requirementOf(node.type),
    'Devices, their history and exemption records are kept; they are never deleted.',
    '设备及其履历、免录记录须留存，不得删除。',
  );
}
