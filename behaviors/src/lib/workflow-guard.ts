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
import {
  hasStepFields, stepCreateVerdict, stepDeleteVerdict, stepUpdateVerdict, WORKFLOW_STEP_FIELDS,
} from '../../../core/src/index.js';
import type { Verdict } from '../../../core/src/index.js';
import type { BehaviourActor } from './actor.js';

/** ACS's administrators group. */
export const GROUP_ALFRESCO_ADMINISTRATORS = 'GROUP_ALFRESCO_ADMINISTRATORS';

/** Properties only the steps set, per type (core's table). */
export const STEP_FIELDS = WORKFLOW_STEP_FIELDS;

/** Whether `type` (`prefix:local`) is guarded. */
export function isGuardedType(type: string): boolean {
  return hasStepFields(type);
}

/** A new entry of `type`: administrators (bootstrap, migration) and System may load one. */
export function workflowCreateVerdict(type: string, inStep: boolean,
  actor: BehaviourActor): Verdict {
  const privileged = actor.system || actor.groups.indexOf(GROUP_ALFRESCO_ADMINISTRATORS) >= 0;
  return stepCreateVerdict(type, inStep, privileged);
}

/** A change of the `changed` properties (`prefix:local`) of an entry of `type`. */
export function workflowUpdateVerdict(type: string, inStep: boolean,
  changed: readonly string[]): Verdict {
  return stepUpdateVerdict(type, inStep, changed);
}

/** A delete of an entry of `type`: never (the full history is kept). */
export function workflowDeleteVerdict(type: string): Verdict {
  return stepDeleteVerdict(type);
}
