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
  return isMemberOfAny(actor, REQUEST_DECIDER_GROUPS);
}

/** The deciders' groups: they read every viewing request (R24.1, R24.2). */
export const REQUEST_DECIDER_GROUPS: readonly string[] = [
  GROUP_EFR_OFFICE_DIRECTORS,
  GROUP_EFR_LEADERS,
  GROUP_EFR_CUSTODIANS,
  GROUP_EFR_SUPERVISORS,
];

/** One authority's access to a viewing request, for a host that decides by access control lists. */
export interface RequestAccess {
  authority: string;
  /** Whether it takes steps on the request (and so writes it through its web scripts). */
  write: boolean;
}

/**
 * The authorities {@link mayReadRequest} lets read a request, for a host whose reads are
 * decided by access control lists (ACS: the node API, children and search all filter by the
 * ACL): the deciders' groups, the requester and the registered viewer; administrators read by
 * their own rights. Those who take steps (office directors review, leaders approve, custodians
 * register and close, the requester withdraws or closes: `transition` in access-request.ts)
 * write; supervisors and the viewer only read. Each authority appears once.
 */
export function requestAccess(r: RequestParties): RequestAccess[] {
  const out: RequestAccess[] = REQUEST_DECIDER_GROUPS.map((g) => ({
    authority: g, write: g !== GROUP_EFR_SUPERVISORS }));
  if (r.requester !== null && r.requester !== '') out.push({ authority: r.requester, write: true });
  if (r.viewer !== null && r.viewer !== '' && r.viewer !== r.requester) {
    out.push({ authority: r.viewer, write: false });
  }
  return out;
}

/** The paths by which a record would be exposed or derived outside EFR's rules. */
export type ExposurePath = 'sharedLink' | 'rendition' | 'download' | 'workingCopy' | 'version';

const EXPOSURES: { readonly [path: string]: readonly [string, string, string, string] } = {
  sharedLink: ['efr.record.noSharedLink', 'R24.2',
    'EFR records are not shared by link: a recording is viewed only inside a registered ' +
    'viewing window, a workflow record only by its parties.',
    'EFR 记录不得通过共享链接公开：录像只能在登记的调阅时段内查看，业务记录只限相关人员查阅。'],
  rendition: ['efr.recording.noRendition', 'R23.1',
    'No rendition or thumbnail is made of a recording: the original is only played.',
    '不对录像生成缩略图或转换件：原始录像只能播放。'],
  download: ['efr.record.noDownload', 'R23.1',
    'EFR records are not packed for download: a copy for evidence is made as an evidence disc ' +
    'with its written description.',
    'EFR 记录不得打包下载；作为证据的复制件应刻录光盘并附文字说明。'],
  workingCopy: ['efr.record.noWorkingCopy', 'R26.1',
    'EFR records are not checked out: a working copy would be a second, editable original.',
    'EFR 记录不得检出：工作副本将成为可编辑的第二份原件。'],
  version: ['efr.record.noVersion', 'R26.1',
    'A sealed recording gets no new version: it never changes.',
    '已封存录像不得生成新版本：其内容与事实永不改变。'],
};

/**
 * A path that would expose or derive an EFR record (a recording, a workflow record, or a
 * folder holding one) outside EFR's rules: refused for everyone, the system included (ACS runs
 * quick share and renditions as System). The host decides whether the node is such a record;
 * versions concern sealed recordings only (an upload's first version is the ingest itself).
 */
export function checkRecordExposure(path: ExposurePath): Verdict {
  const e = EXPOSURES[path];
  return refuse(403, e[0], e[1], e[2], e[3]);
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
