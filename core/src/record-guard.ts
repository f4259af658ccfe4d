/**
 * Issue 16, "No way around the rules": which generic repository acts an EFR record accepts.
 *
 * The EFR web scripts run every workflow step through core's state machines. The generic ACS
 * API next to them (PUT /nodes, POST /nodes/{id}/targets, aspects, permissions, locks, moves,
 * deletes, copies) must not offer a way around those steps. Both hosts call the rules below:
 * server/ from its rule hooks and routes, the module from its behaviours.
 *
 * Status: 403 (the person may not do this by this path). Never 409: the Content App reads a
 * 409 as a name clash and retries the copy under a new name, again on every 409
 * (Alfresco/alfresco-content-app, projects/aca-content/src/lib/services/node-actions.service.ts,
 * `copyContentAction`, commit 0738c7ef).
 */
import { GROUP_EFR_CUSTODIANS, GROUP_EFR_LEADERS, GROUP_EFR_OFFICE_DIRECTORS,
  GROUP_EFR_SUPERVISORS, isMemberOfAny, type Actor } from './roles.js';
import { refuse, type Verdict } from './verdict.js';

/** The workflow record types and the requirement whose steps change each of them. */
export const WORKFLOW_RECORD_TYPES: { readonly [type: string]: string } = {
  'efr:accessRequest': 'R24.1',
  'efr:handover': 'R21.4',
  'efr:device': 'R13.1',
  'efr:deviceEvent': 'R13.1',
  'efr:deviceCheck': 'R13.1',
  'efr:finding': 'R28.2',
  'efr:spotCheck': 'R28.1',
  'efr:violation': 'R29.1',
  'efr:accountability': 'R30.1',
  'efr:exemption': 'R11.2',
  'efr:evidencePackage': 'R23.1',
  'efr:dispositionBatch': 'R22.1',
};

/**
 * Aspects nobody removes through the generic API (R26.1, R22.2, R27.1). A legal hold
 * (efr:legalHold) is not among them: supervisors and legal staff lift it (R14.2), which the
 * recording rules decide by role in both hosts (checkRecordingUpdate,
 * checkRecordingAspectRemoval); an evidence mark likewise (legal staff, R22.2).
 */
export const PROTECTED_ASPECTS: readonly string[] = [
  'efr:sealed',
  'efr:retention',
  'efr:secrecy',
  'efr:captureFacts',
  'efr:accessLogged',
  // A tombstone stays one (issue 18).
  'efr:destroyed',
];

/** A generic (non-workflow) act on a node. */
export type GenericAct =
  | 'properties'
  | 'associations'
  | 'aspects'
  | 'permissions'
  | 'lock'
  | 'move'
  | 'delete'
  | 'copy';

const ACT_ZH: { readonly [act: string]: string } = {
  properties: '修改属性',
  associations: '修改关联',
  aspects: '修改方面',
  permissions: '修改权限',
  lock: '加锁或解锁',
  move: '移动',
  delete: '删除',
  copy: '复制',
};

/** Who acts, as the generic rules see it. */
export interface GenericActContext {
  /** Whether the act runs inside an EFR workflow step (a web script or the system's own act). */
  workflowStep: boolean;
}

/** Whether `type` is a workflow record (changed only through its web scripts). */
export function isWorkflowRecord(type: string): boolean {
  return Object.prototype.hasOwnProperty.call(WORKFLOW_RECORD_TYPES, type);
}

/**
 * Whether nobody owns the node: sealed recordings (R26.1) and workflow records. Ownership
 * (ACS's ROLE_OWNER, the creator) grants nothing on them: their permissions come from the
 * archive's ACL only, so the uploading officer cannot deny custodians or supervisors.
 */
export function isOwnerless(type: string, aspects: readonly string[]): boolean {
  if (type === 'efr:recording') return aspects.indexOf('efr:sealed') >= 0;
  return isWorkflowRecord(type);
}

/** The owner an ownerless EFR record carries in ACS (cm:ownable): the repository itself. */
export const RECORD_OWNER = 'System';

/**
 * A change of an EFR record's owner (ACS's cm:owner: take ownership, set owner) outside the
 * repository's own act: refused for ownerless records (R26.1; issue 16). The owner holds every
 * permission in ACS (ROLE_OWNER), so an owner could deny custodians or supervisors.
 */
export function checkOwnerChange(type: string, aspects: readonly string[],
  ctx: GenericActContext): Verdict {
  if (ctx.workflowStep || !isOwnerless(type, aspects)) return { allowed: true };
  return refuse(
    403,
    'efr.owner.system',
    type === 'efr:recording' ? 'R26.1' : WORKFLOW_RECORD_TYPES[type] || 'R26.1',
    'Nobody owns an EFR record: its owner is the repository, and it is not taken or changed.',
    'EFR 记录不归任何个人所有：所有者为系统，不得取得或更改。',
  );
}

/**
 * A generic act on a workflow record outside a workflow step: refused (issue 16; the
 * requirement is the one whose steps change that record).
 */
export function checkGenericAct(type: string, act: GenericAct, ctx: GenericActContext): Verdict {
  if (ctx.workflowStep || !isWorkflowRecord(type)) return { allowed: true };
  return refuse(
    403,
    'efr.workflow.stepsOnly',
    WORKFLOW_RECORD_TYPES[type],
    `${type} records change only through their EFR workflow steps (/alfresco/s/efr/…), ` +
      `not by ${act} through the node API.`,
    `${type} 记录只能通过 EFR 业务流程（/alfresco/s/efr/…）办理，不能通过节点接口${ACT_ZH[act]}。`,
  );
}

/**
 * Permission changes on EFR records and the archive folders that hold them: only EFR's own
 * steps set them (R24.2, R26.1); an owner or coordinator cannot deny custodians or supervisors.
 */
export function checkPermissionChange(
  isEfrRecordOrArchive: boolean,
  ctx: GenericActContext,
): Verdict {
  if (ctx.workflowStep || !isEfrRecordOrArchive) return { allowed: true };
  return refuse(
    403,
    'efr.permissions.stepsOnly',
    'R26.1',
    'Permissions of EFR records and archive folders are set by EFR only.',
    'EFR 记录及档案目录的权限只能由系统设置。',
  );
}

/**
 * Locks on EFR records: only the system's own (a workflow step) may lock or unlock them; a lock
 * must never block a hold or a seal (R14.2, R21.4).
 */
export function checkLock(type: string, ctx: GenericActContext): Verdict {
  if (ctx.workflowStep || type.indexOf('efr:') !== 0) return { allowed: true };
  return refuse(
    403,
    'efr.lock.refused',
    type === 'efr:recording' ? 'R26.1' : WORKFLOW_RECORD_TYPES[type] || 'R26.1',
    'EFR records are not locked by users: a lock would block holds, seals and receipts.',
    'EFR 记录不能由用户加锁：锁会阻碍保全、封存和接收。',
  );
}

/** Removing a protected aspect (sealed, retention, hold, secrecy…): refused for everyone. */
export function checkAspectRemoval(removed: readonly string[], ctx: GenericActContext): Verdict {
  if (ctx.workflowStep) return { allowed: true };
  for (let i = 0; i < removed.length; i++) {
    if (PROTECTED_ASPECTS.indexOf(removed[i]) >= 0) {
      return refuse(
        403,
        'efr.aspect.protected',
        'R26.1',
        `${removed[i]} cannot be removed.`,
        `不能移除 ${removed[i]}。`,
      );
    }
  }
  return { allowed: true };
}

/** A viewing request as far as who may read it is concerned. */
export interface RequestParties {
  requester: string | null;
  viewer: string | null;
}

/**
 * Who may read a viewing request (R24.1, R24.2): the deciders' roles (office directors,
 * leaders, custodians, supervisors), the requester and the registered viewer; nobody else,
 * on any path (the web scripts, the node API, children, search, associations, audit).
 */
export function mayReadRequest(r: RequestParties, actor: Actor, isAdmin: boolean): boolean {
  if (isAdmin) return true;
  if (r.requester === actor.userName || r.viewer === actor.userName) return true;
  return isMemberOfAny(actor, [
    GROUP_EFR_OFFICE_DIRECTORS,
    GROUP_EFR_LEADERS,
    GROUP_EFR_CUSTODIANS,
    GROUP_EFR_SUPERVISORS,
  ]);
}

/**
 * Deleting a case dossier that sealed recordings are linked to (as evidence or by case): refused.
 * The recordings are kept for the case file's retention (R22.2); the link is part of the record.
 */
export function checkCaseDelete(linkedSealedRecordings: number): Verdict {
  if (linkedSealedRecordings === 0) return { allowed: true };
  return refuse(
    403,
    'efr.case.hasSealedRecordings',
    'R22.2',
    `The case has ${linkedSealedRecordings} sealed recording(s) linked; it is kept with them.`,
    `该案件关联了 ${linkedSealedRecordings} 条已封存录像，须随录像一并留存。`,
  );
}

/**
 * Deleting a viewing request once it is registered (or decided): refused for everyone, steps
 * included. The custodian's register of viewers must stay complete (R24.2).
 */
export function checkRequestDelete(r: { status: string; registeredAt: string | null }): Verdict {
  if (r.status === 'submitted' && r.registeredAt === null) return { allowed: true };
  return refuse(
    403,
    'efr.access.registerKept',
    'R24.2',
    'A decided or registered viewing request stays in the register; it is never deleted.',
    '已审批或已登记的调阅申请须保留在登记簿中，不得删除。',
  );
}
