/**
 * The mark by which the device and exemption web scripts tell the module's behaviours "this
 * write is one of our workflow steps" (R13.1, R11.2): server/'s inWorkflowStep
 * (server/src/webscripts/devices/workflow-guard.ts), in ACS terms.
 *
 * Mechanism: a transaction-scoped resource (org.alfresco.repo.transaction.
 * AlfrescoTransactionSupport#bindResource / #getResource) under {@link WORKFLOW_STEP_KEY}.
 * - Only code running inside the repository's transaction can set it: a REST API call never
 *   can, and a node property or aspect would be writable by the very client it must stop.
 * - ACS clears a transaction's resources when it ends, so the mark never leaks into another
 *   request or retry; nothing needs to unbind it. It stays for the rest of the web script's
 *   transaction on purpose: a behaviour registered at TRANSACTION_COMMIT would fire after the
 *   controller returned, and everything that transaction writes is the controller's own.
 * - Web script controllers and behaviours are classpath scripts, which ACS runs as secure
 *   (`Packages` available). Where Java is not reachable the mark cannot be set or read, and the
 *   behaviour refuses: the guard fails closed.
 */
import { javaPackages } from './acs-api.js';

/** Resource key of the mark (a constant both sides share; namespaced to stay unique). */
export const WORKFLOW_STEP_KEY = 'org.efr.example.workflowStep';

/** The AlfrescoTransactionSupport methods used here. */
interface TransactionSupportLike {
  bindResource(key: unknown, value: unknown): void;
  getResource(key: unknown): unknown;
}

/** AlfrescoTransactionSupport when Java offers it, otherwise null. */
function transactionSupport(): TransactionSupportLike | null {
  let cursor: unknown = javaPackages();
  const path = ['org', 'alfresco', 'repo', 'transaction', 'AlfrescoTransactionSupport'];
  for (const part of path) {
    if (cursor === null || cursor === undefined) return null;
    cursor = (cursor as Record<string, unknown>)[part];
  }
  // A missing class is a NativeJavaPackage: its members are packages, never functions.
  const support = cursor as Record<string, unknown> | null | undefined;
  return support && typeof support['bindResource'] === 'function' &&
    typeof support['getResource'] === 'function'
    ? (support as unknown as TransactionSupportLike) : null;
}

/**
 * Marks the current transaction as a workflow step of the EFR web scripts. Returns whether
 * the mark could be set (false outside ACS: the behaviours will then refuse the writes).
 */
export function markWorkflowStep(): boolean {
  const support = transactionSupport();
  if (support === null) return false;
  support.bindResource(WORKFLOW_STEP_KEY, 'true');
  return true;
}

/** Whether the current transaction carries the workflow-step mark. */
export function isWorkflowStep(): boolean {
  const support = transactionSupport();
  if (support === null) return false;
  const v = support.getResource(WORKFLOW_STEP_KEY);
  return v !== null && v !== undefined && String(v) === 'true';
}
