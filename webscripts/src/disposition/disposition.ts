/**
 * Disposition after retention (issue 18; R22.1, R22.2, R14.2, R26.1), written once for both
 * hosts, under /alfresco/s/efr:
 * - `GET  /disposition/eligible`: recordings whose retention ended and nothing keeps (custodians);
 * - `GET  /disposition/batches` (?status): the batches, newest first;
 * - `POST /disposition/batches`: a custodian proposes `{recordingIds, reason}`;
 * - `GET  /disposition/batches/{id}`;
 * - `POST /disposition/batches/{id}/{step}`: review | approve | reject, one step of core's state
 *   machine; `approve` executes the batch: each recording still eligible becomes a tombstone
 *   and loses its bytes (the port's `destroyContent`), and the register is written on the batch.
 * - `GET  /disposition/batches/{id}/register`: the destruction register (PDF), which the
 *   execution records as a generated document beside the batch (../documents/documents.ts) and
 *   efr worker renders from the register the execution wrote (`efr:registerRecord`): the stored
 *   PDF once rendered, 202 with the job's progress until then.
 */
import {
  caseLinksOf, checkNewBatch, dispositionTransition, executeBatch, localStamp, planExecution,
  refuse, retentionBasis, type DispositionAction, type DispositionBatch, type DispositionStatus,
} from '../../../core/src/index.js';
import type { DISPOSITION_BATCH_STEPS } from '../../../contract/index.js';
import { pagedList } from '../paging.js';
import type { PortDestroyedContent, PortValue, RepositoryPort } from '../repository-port.js';
import {
  bodyText, invalidArgument, readableOfType, WebScriptError, type WebScriptCall,
  type WebScriptDefinition,
} from '../web-script.js';
import {
  BATCH_FOLDER, batchJson, batchOf, candidateOf, eligibleRecordings, listBatches,
  pendingRecordingIds, recordingJson, recordingNodes, registerDocument, registerDocumentName,
  registerInputOf, requireBatchReader, requireCustodian,
} from './disposition-json.js';
import { requestDocument } from '../documents/documents.js';
import { documentJson } from '../documents/document-json.js';

const AREA = 'disposition';
const STATUSES: readonly DispositionStatus[] = ['proposed', 'reviewed', 'approved', 'executed',
  'rejected'];

/** The batch node `id` for a reader of disposition (403 for others, 404 when missing). */
function batchNode(port: RepositoryPort, id: string) {
  requireBatchReader(port);
  return readableOfType(port, id, 'efr:dispositionBatch');
}

export const dispositionEligibleGet: WebScriptDefinition = {
  id: 'disposition-eligible', method: 'GET', path: '/disposition/eligible', area: AREA,
  title: 'EFR disposition: eligible recordings',
  handle(port, call) {
    requireCustodian(port);
    const now = port.now();
    const all = eligibleRecordings(port, now);
    // The page is taken first: the JSON of each (names, cases) is read for that page only.
    const page = pagedList(all, call.query) as { list: { entries: { entry: unknown }[] } };
    for (const e of page.list.entries) {
      e.entry = recordingJson(port, e.entry as (typeof all)[number], now);
    }
    return { status: 200, body: page };
  },
};

export const dispositionBatchesGet: WebScriptDefinition = {
  id: 'disposition-batches', method: 'GET', path: '/disposition/batches', area: AREA,
  title: 'EFR disposition: batches',
  handle(port, call) {
    requireBatchReader(port);
    const status = call.query.status;
    if (status !== undefined && STATUSES.indexOf(status as DispositionStatus) < 0) {
      throw invalidArgument('status must be one of ' + STATUSES.join(', '));
    }
    const now = port.now();
    const all = listBatches(port).filter((n) => status === undefined ||
      (n.props['efr:batchStatus'] || 'proposed') === status);
    const page = pagedList(all, call.query) as { list: { entries: { entry: unknown }[] } };
    for (const e of page.list.entries) {
      e.entry = batchJson(port, e.entry as (typeof all)[number], now);
    }
    return { status: 200, body: page };
  },
};

/** The ids of a proposal's body: an array of node ids (400 otherwise). */
function recordingIdsOf(call: WebScriptCall): string[] {
  const raw = call.body.recordingIds;
  if (!Array.isArray(raw)) throw invalidArgument('recordingIds must be an array of node ids');
  if (raw.length > 10000) throw invalidArgument('recordingIds holds too many ids');
  const out: string[] = [];
  for (const x of raw) {
    if (typeof x !== 'string' || x.length > 64) {
      throw invalidArgument('recordingIds must be an array of node ids');
    }
    out.push(x);
  }
  return out;
}

export const dispositionBatchesPost: WebScriptDefinition = {
  id: 'disposition-batches', method: 'POST', path: '/disposition/batches', area: AREA,
  title: 'EFR disposition: propose a batch',
  handle(port, call) {
    const ids = recordingIdsOf(call);
    const reason = bodyText(call.body, 'reason', 2000);
    const now = port.now();
    const folder = port.archiveFolder(BATCH_FOLDER);
    if (folder === null) {
      throw new WebScriptError(503, 'efr.archive.notSetUp',
        'The archive folder ' + BATCH_FOLDER + ' is not set up');
    }
    const candidates = recordingNodes(port, ids).map((n) => candidateOf(port, n));
    port.enforce(checkNewBatch({ recordingIds: ids, reason }, port.currentUser(), candidates,
      pendingRecordingIds(port), now), 'disposition.propose', folder.id);
    const user = port.currentUser().userName;
    const node = port.createNode(folder.id, {
      name: '销毁-' + localStamp(new Date(now).getTime(), port.zone()) + '-' +
        String(1000000 + Math.floor(Math.random() * 1000000)).substring(1),
      type: 'efr:dispositionBatch',
      props: {
        'efr:batchStatus': 'proposed',
        'efr:batchProposedBy': user,
        'efr:proposalReason': reason,
        'efr:caseLinks': caseLinksOf(candidates),
      },
    });
    for (const id of ids) port.createAssociation(node.id, id, 'efr:batchRecordings');
    port.logStep('disposition.propose', node.id,
      { recordings: ids.join(','), reason, requirement: 'R22.1' });
    const made = port.node(node.id) || node;
    return { status: 201, body: { entry: batchJson(port, made, now) } };
  },
};

export const dispositionBatchGet: WebScriptDefinition = {
  id: 'disposition-batch', method: 'GET', path: '/disposition/batches/{id}', area: AREA,
  title: 'EFR disposition: a batch',
  handle(port, call) {
    const n = batchNode(port, call.params.id);
    return { status: 200, body: { entry: batchJson(port, n, port.now()) } };
  },
};

/** One decision step, as a URL segment (contract/disposition.ts). */
type Step = (typeof DISPOSITION_BATCH_STEPS)[number];

/** The steps (contract's DISPOSITION_BATCH_STEPS; a type import keeps TypeBox out of Rhino). */
const STEPS: readonly Step[] = ['review', 'approve', 'reject'];

function actionOf(step: Step, call: WebScriptCall): DispositionAction {
  if (step === 'reject') return { type: 'reject', reason: bodyText(call.body, 'reason', 2000) };
  return { type: step, opinion: bodyText(call.body, 'opinion', 2000) };
}

function stepProps(step: Step, next: DispositionBatch): Record<string, PortValue> {
  if (step === 'review') {
    return { 'efr:batchStatus': next.status, 'efr:reviewer': next.reviewedBy,
      'efr:reviewedAt': next.reviewedAt, 'efr:batchReviewOpinion': next.reviewOpinion };
  }
  if (step === 'approve') {
    return { 'efr:batchStatus': next.status, 'efr:batchApprover': next.approvedBy,
      'efr:batchApprovedAt': next.approvedAt,
      'efr:batchApprovalOpinion': next.approvalOpinion };
  }
  return { 'efr:batchStatus': next.status, 'efr:batchRejectedBy': next.rejectedBy,
    'efr:batchRejectedAt': next.rejectedAt, 'efr:batchRejectReason': next.rejectionReason };
}

/**
 * Executes an approved batch in the step's call (R14.2, R22.1, R22.2, R26.1). Decided before
 * the first write of the step: core's `planExecution` checks every recording again (a hold or
 * a case link placed meanwhile spares it). Then the batch is written `executed` first (core's
 * `checkDisposal` lets a recording's bytes go only for an executed batch that lists it), then
 * each recording to destroy becomes a tombstone and loses its bytes, then the register is
 * written on the batch.
 */
function execute(port: RepositoryPort, batchId: string, done: DispositionBatch,
  destroy: readonly string[], spared: DispositionBatch['spared'], now: string):
  PortDestroyedContent[] {
  const recordings = recordingNodes(port, destroy);
  const bases: Record<string, string> = {};
  for (const r of recordings) bases[r.id] = retentionBasis(candidateOf(port, r));
  port.updateNode(batchId, {
    'efr:batchStatus': done.status, 'efr:executedAt': now,
    'efr:destroyedIds': done.destroyedIds.slice(),
    'efr:sparedRecordings': spared.map((s) => s.id + ' ' + s.code + ' ' + s.requirement),
  });
  const out: PortDestroyedContent[] = [];
  for (const r of recordings) {
    const gone = port.destroyContent(r.id, {
      'efr:destroyedAt': now, 'efr:destroyedBy': done.approvedBy,
      'efr:destroyedBatch': batchId, 'efr:retentionBasis': bases[r.id],
    });
    out.push(gone);
    port.logStep('disposition.destroy', r.id, { batch: batchId, sha256: gone.sha256 || '',
      sizeBytes: String(gone.bytes), requirement: 'R22.1' });
  }
  for (const s of spared) {
    port.logStep('disposition.spare', s.id,
      { batch: batchId, code: s.code, requirement: s.requirement });
  }
  const executed = port.node(batchId);
  const folderId = port.parentId(batchId);
  if (executed !== null) {
    port.updateNode(batchId,
      { 'efr:registerRecord': JSON.stringify(registerInputOf(port, executed)) });
    // The register's PDF: a document efr worker renders once this step committed.
    if (folderId !== null) {
      requestDocument(port, folderId, registerDocumentName(executed), 'destructionRegister',
        batchId);
    }
  }
  port.logStep('disposition.execute', batchId, { destroyed: String(recordings.length),
    spared: String(spared.length), requirement: 'R22.1' });
  return out;
}

export const dispositionBatchStepPost: WebScriptDefinition = {
  id: 'disposition-batch-step', method: 'POST', path: '/disposition/batches/{id}/{step}',
  area: AREA, title: 'EFR disposition: review, approve or reject a batch',
  handle(port, call) {
    const step = call.params.step as Step;
    if (STEPS.indexOf(step) < 0) throw invalidArgument('step must be one of ' + STEPS.join(', '));
    const action = actionOf(step, call);
    const node = batchNode(port, call.params.id);
    const before = batchOf(port, node);
    const now = port.now();
    const t = dispositionTransition(before, action, port.currentUser(), now);
    port.enforce(t.verdict, 'disposition.' + step, node.id);
    const next = t.next;
    if (next === undefined) throw new Error('core allowed a step without a next batch');
    // An approval executes: everything that can refuse is decided before the first write.
    let plan: ReturnType<typeof planExecution> | null = null;
    let done: DispositionBatch | null = null;
    if (step === 'approve') {
      const candidates = recordingNodes(port, next.recordingIds).map((n) => candidateOf(port, n));
      plan = planExecution(next, candidates, now);
      const e = executeBatch(next, plan, now);
      port.enforce(e.verdict, 'disposition.execute', node.id);
      done = e.next || null;
    }
    port.updateNode(node.id, stepProps(step, next), step === 'review' ? ['efr:reviewed'] : []);
    port.logStep('disposition.' + step, node.id, step === 'reject'
      ? { from: before.status, to: next.status, reason: String(next.rejectionReason),
        requirement: 'R22.1' }
      : { from: before.status, to: next.status, opinion: String(step === 'review'
        ? next.reviewOpinion : next.approvalOpinion), requirement: 'R22.1' });
    const destroyed = plan !== null && done !== null
      ? execute(port, node.id, done, plan.destroy, plan.spared, now) : [];
    const after = port.node(node.id) || node;
    const entry = batchJson(port, after, now) as unknown as Record<string, unknown>;
    entry.bytesDestroyed = destroyed.map((d) =>
      ({ sha256: d.sha256 || '', bytes: d.bytes, removed: d.removed }));
    return { status: 200, body: { entry } };
  },
};

export const dispositionRegisterGet: WebScriptDefinition = {
  id: 'disposition-register', method: 'GET', path: '/disposition/batches/{id}/register',
  area: AREA, title: 'EFR disposition: the destruction register (PDF)', streams: true,
  handle(port, call) {
    const n = batchNode(port, call.params.id);
    if (batchOf(port, n).status !== 'executed') {
      port.enforce(refuse(409, 'efr.disposition.notExecuted', 'R22.1',
        'The destruction register exists once the batch is executed.',
        '\u6279\u6b21\u6267\u884c\u540e\u624d\u6709\u9500\u6bc1\u6e05\u518c\u3002'),
      'disposition.register', n.id);
    }
    const doc = registerDocument(port, n);
    if (doc === null) {
      port.enforce(refuse(409, 'efr.disposition.noRegisterDocument', 'R22.1',
        'This batch was executed before its register was kept as a document.',
        '\u8be5\u6279\u6b21\u6267\u884c\u65f6\u5c1a\u672a\u4fdd\u5b58\u9500\u6bc1' +
        '\u6e05\u518c\u6587\u6863\u3002'), 'disposition.register', n.id);
    }
    const d = doc as NonNullable<typeof doc>;
    const job = documentJson(d).job;
    if (job.state === 'failed') {
      port.enforce(refuse(409, 'efr.document.failed', 'R22.1',
        'The register could not be rendered: ' + (job.error ? job.error.message : ''),
        '\u9500\u6bc1\u6e05\u518c\u751f\u6210\u5931\u8d25\u3002'),
      'disposition.register', n.id);
    }
    // 202 while efr worker renders it: the job's progress (GET again later).
    if (job.state !== 'built') return { status: 202, body: { entry: documentJson(d) } };
    port.logStep('disposition.register', n.id, { documentId: d.id, requirement: 'R22.1' });
    return { status: 200, body: null, content: { nodeId: d.id, name: d.name } };
  },
};

/** Disposition's web scripts written once. */
export const DISPOSITION_WEB_SCRIPTS: readonly WebScriptDefinition[] = [
  dispositionEligibleGet, dispositionBatchesGet, dispositionBatchesPost, dispositionBatchGet,
  dispositionBatchStepPost, dispositionRegisterGet,
];
