import type { GenericAct } from '../../../core/src/index.js';
import type { NodeRow } from '../repo/node-rows.js';

/** A decision of core's rules (same shape as core's `Verdict`). */
export type Verdict =
  | { allowed: true }
  | { allowed: false; status: 403 | 409 | 410 | 422; code: string; requirement: string; message: string;
    messageZh: string };

/** Who acts and when, as the rules see it. */
export interface RuleContext {
  userId: string;
  groups: string[];
  isAdmin: boolean;
  now: number;
  /** For content reads: inline (player, preview) or a download (`attachment=true`, R26.2). */
  readMode?: 'read' | 'download';
  /**
   * The EFR workflow step this call runs as (a web script, or the system's own act such as
   * seeding); absent on every generic REST route (issue 16: workflow records change only
   * through their steps). Set per call by the web script host, never read from the request.
   */
  workflowStep?: string;
}

/**
 * The points where the module's behaviours run in ACS and where server/ asks core for a
 * verdict: create, update, delete, move, copy, content update and content read.
 */
export interface RuleHooks {
  /** Before a node is created under `parent`. */
  beforeCreate(node: NodeRow, parent: NodeRow, ctx: RuleContext): Verdict;
  /** Before properties, name, type or aspects change (`changed` lists changed QNames). */
  beforeUpdate(before: NodeRow, after: NodeRow, changed: string[], ctx: RuleContext): Verdict;
  /** Before a node (and its subtree) is deleted. */
  beforeDelete(node: NodeRow, ctx: RuleContext): Verdict;
  /** Before a node moves from one parent to another. */
  beforeMove(node: NodeRow, from: NodeRow, to: NodeRow, ctx: RuleContext): Verdict;
  /** Before `node` (or the subtree it is in) is copied under `target`. */
  beforeCopy(node: NodeRow, target: NodeRow, ctx: RuleContext): Verdict;
  /** Before new content replaces the node's content. */
  beforeContentUpdate(node: NodeRow, ctx: RuleContext): Verdict;
  /** Before the node's content is read, streamed or downloaded. */
  beforeContentRead(node: NodeRow, ctx: RuleContext): Verdict;
  /**
   * Before any generic act of the REST API on the node (properties, associations, aspects,
   * permissions, lock, move, delete, copy), ahead of the permission check, so that a refusal
   * names the EFR rule (issue 16). Workflow steps pass (`ctx.workflowStep`).
   */
  beforeGenericAct(node: NodeRow, act: GenericAct, ctx: RuleContext,
    removedAspects?: readonly string[]): Verdict;
}

const ALLOW: Verdict = { allowed: true };

/** Hooks that allow everything (for specs of the generic repository). */
export const ALLOW_ALL: RuleHooks = {
  beforeCreate: () => ALLOW,
  beforeUpdate: () => ALLOW,
  beforeDelete: () => ALLOW,
  beforeMove: () => ALLOW,
  beforeCopy: () => ALLOW,
  beforeContentUpdate: () => ALLOW,
  beforeContentRead: () => ALLOW,
  beforeGenericAct: () => ALLOW,
};
