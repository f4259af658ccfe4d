// The device register and exemption records change only through their web scripts (R13.1,
// R11.2): core's rules (core/src/workflow-steps.ts), the ones the module's workflow guard
// applies too; this file holds only server/'s notion of "inside a step".
import {
  stepCreateVerdict, stepDeleteVerdict, stepUpdateVerdict, type Verdict,
} from '../../../../core/src/index.js';
import type { NodeRow } from '../../repo/node-rows.js';
import type { RuleContext } from '../../rules/rule-hooks.js';

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

/** A generic create of a device, a history entry or an exemption (core's stepCreateVerdict). */
export function workflowCreateVerdict(node: NodeRow, ctx: RuleContext): Verdict {
  return stepCreateVerdict(node.type, stepDepth > 0, ctx.isAdmin);
}

/** A generic update of the `changed` properties (core's stepUpdateVerdict). */
export function workflowUpdateVerdict(before: NodeRow, changed: readonly string[]): Verdict {
  return stepUpdateVerdict(before.type, stepDepth > 0, changed);
}

/** Deleting a device, an exemption or a history entry: never (core's stepDeleteVerdict). */
export function workflowDeleteVerdict(node: NodeRow): Verdict {
  return stepDeleteVerdict(node.type);
}
