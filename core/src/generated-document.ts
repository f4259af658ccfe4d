/**
 * A generated document (issue 15: the destruction register, 销毁清册, R22.1) is a permanent
 * record. The step that needs it records a `cm:content` node with the `efr:packageJob` aspect
 * and no content; efr worker renders it and writes its bytes with `PUT /nodes/{id}/content`.
 * Its folder (`处置批次`) is writable for custodians, office directors and leaders, so without
 * this rule any of them (or an administrator, or System through the generic API) could replace
 * the bytes, rename it, rewrite its order or job state, move it, delete it or strip its aspects.
 *
 * One rule for both hosts (server/'s rule hooks, the module's document guard behaviour):
 *
 * - its content is written only by the worker holding its job (core's checkJobHolder), while
 *   the job is being built and the document has no content yet: once;
 * - its job properties change only inside EFR's own job steps (the claim, progress, result and
 *   failure web scripts), and only until the job ended;
 * - its name, its order (`cm:description`), its owner and its aspects never change, and it is
 *   never deleted, moved, copied or locked, whoever asks, a step included, administrators and
 *   System included. Refused with 403 `efr.document.kept` and logged by the host.
 */
import { checkJobHolder, type PackageJob } from './package-job.js';
import type { Actor } from './roles.js';
import { refuse, type Verdict } from './verdict.js';
import { requireInstant } from './validation.js';

/** The type and aspect of a generated document (webscripts/src/documents/document-json.ts). */
export const GENERATED_DOCUMENT_TYPE = 'cm:content';
export const GENERATED_DOCUMENT_ASPECT = 'efr:packageJob';

/** The properties EFR's job steps write on a document (the job lease, webscripts/src/jobs/). */
export const DOCUMENT_JOB_PROPERTIES: readonly string[] = [
  'efr:jobState', 'efr:jobWorker', 'efr:jobLeaseUntil', 'efr:jobBytesDone', 'efr:jobBytesTotal',
  'efr:jobFinishedAt', 'efr:jobErrorCode', 'efr:jobError',
];

/** What the repository stamps on every write (cm:auditable), allowed with any allowed write. */
const AUDIT_STAMPS: readonly string[] = ['cm:modified', 'cm:modifier'];

/** Whether a node is a generated document: a `cm:content` with the job aspect. */
export function isGeneratedDocument(type: string, aspects: readonly string[]): boolean {
  return type === GENERATED_DOCUMENT_TYPE && aspects.indexOf(GENERATED_DOCUMENT_ASPECT) >= 0;
}

/** A generated document as its rule sees it. */
export interface GeneratedDocumentFacts {
  /** Its job (null when the job properties are unreadable: treated as ended). */
  job: PackageJob | null;
  /** Whether it holds content already. */
  hasContent: boolean;
}

/** A change asked of a generated document. */
export type DocumentChange =
  | { act: 'content' }
  | { act: 'properties'; changed: readonly string[] }
  | { act: 'aspects' | 'delete' | 'move' | 'copy' | 'lock' | 'owner' | 'permissions' };

/** Who asks. */
export interface DocumentActor {
  actor: Actor;
  /** Whether the change runs inside an EFR web script's step (never the generic API). */
  workflowStep: boolean;
  now: string;
}

const ACT_EN: { readonly [act: string]: string } = {
  content: 'its content is not written again', properties: 'its properties do not change',
  name: 'it is not renamed', aspects: 'its aspects do not change', delete: 'it is not deleted',
  move: 'it is not moved', copy: 'it is not copied', lock: 'it is not locked',
  owner: 'its owner does not change', permissions: 'its permissions do not change',
};
const ACT_ZH: { readonly [act: string]: string } = {
  content: '写入内容', properties: '修改属性', name: '重命名', aspects: '修改方面', delete: '删除',
  move: '移动', copy: '复制', lock: '加锁', owner: '更改所有者', permissions: '修改权限',
};

/** The refusal of a generated document's change: it is kept as it was made. */
export function documentKept(act: string): Verdict {
  return refuse(403, 'efr.document.kept', 'R22.1',
    'A generated document (the destruction register) is a permanent record written once by ' +
      `efr worker: ${ACT_EN[act]}.`,
    `生成的文档（销毁清册）为永久记录，不得${ACT_ZH[act]}；仅由后台服务写入一次。`);
}

function ended(job: PackageJob | null): boolean {
  return job === null || job.state === 'built' || job.state === 'failed';
}

/**
 * Whether `change` of a generated document may happen. Content: the holder of the job, while
 * it is being built, into an empty document. Properties: the job's own, inside a job step,
 * until the job ended. Permissions: inside a step (the claim grants the worker its write and
 * the result takes it back). Everything else never.
 */
export function checkDocumentChange(doc: GeneratedDocumentFacts, change: DocumentChange,
  who: DocumentActor): Verdict {
  const at = requireInstant(who.now, 'now');
  switch (change.act) {
    case 'content': {
      if (ended(doc.job) || doc.hasContent) return documentKept('content');
      return checkJobHolder(doc.job as PackageJob, who.actor, at);
    }
    case 'properties': {
      let job = false;
      for (let i = 0; i < change.changed.length; i++) {
        const k = change.changed[i];
        if (AUDIT_STAMPS.indexOf(k) >= 0) continue;
        if (k === 'cm:name') return documentKept('name');
        if (k === 'cm:owner') return documentKept('owner');
        if (DOCUMENT_JOB_PROPERTIES.indexOf(k) < 0) return documentKept('properties');
        job = true;
      }
      if (!job) return { allowed: true };
      return who.workflowStep && !ended(doc.job) ? { allowed: true } : documentKept('properties');
    }
    case 'permissions':
      return who.workflowStep ? { allowed: true } : documentKept('permissions');
    default:
      return documentKept(change.act);
  }
}
