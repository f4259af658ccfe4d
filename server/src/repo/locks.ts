import { locked } from '../http/errors.js';
import type { NodeRow } from './node-rows.js';
import type { Caller } from './repository.js';

/** Whether a lock is still in force at `now`. */
export function lockActive(node: NodeRow, now: number): boolean {
  return node.lock !== null && (node.lock.expiresAt === null || node.lock.expiresAt > now);
}

/**
 * Refuses (423) a change to a locked node: a FULL lock blocks everyone but admins from
 * changing it; ALLOW_OWNER_CHANGES lets the lock owner change it, as in ACS.
 */
export function checkLockFor(c: Caller, node: NodeRow): void {
  // EFR's own steps (holds, seals, receipts) are never blocked by a lock (issue 16, R14.2).
  if (c.rule.workflowStep !== undefined) return;
  if (!lockActive(node, c.rule.now) || !node.lock) return;
  if (node.lock.type === 'ALLOW_OWNER_CHANGES' && node.lock.owner === c.userId) return;
  throw locked(`Node ${node.id} is locked by ${node.lock.owner}`);
}
