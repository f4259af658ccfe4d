/**
 * Generated documents (issue 15), once for both hosts, under /alfresco/s/efr. A PDF is not
 * rendered in ACS's Rhino, so the step that makes a document (the execution of a disposition
 * batch makes its destruction register, issue 18) records it as a `cm:content` node with the
 * `efr:packageJob` aspect and no content yet ({@link requestDocument}); efr worker renders it
 * beside either host with the one renderer (server/src/documents/) and uploads it with
 * `PUT /nodes/{id}/content`, as it builds an evidence disc:
 *
 * - `GET /documents/jobs?state=requested` (workers, oldest first);
 * - `GET /documents/{id}`: one document with its progress;
 * - `POST /documents/{id}/claim` (answers what to render), `…/progress` `{bytesDone,
 *   bytesTotal}` (renews the lease), `…/result` `{sha256, size}` (checked against the
 *   repository's own digest of the stored bytes), `…/failure` `{code, message}`: the job lease
 *   of ../jobs/job-lease.ts, decided by core/src/package-job.ts.
 *
 * What to render is kept on the node as `cm:description` (`{"kind","subjectId","input"?}`,
 * JSON): the kind and the node it is of, so no model change was needed; the content of the
 * order is the register as signed, read from the subject when the worker claims it, or what the
 * request stored (`input`: a quality report's assessment as its requester could read it).
 */
import type { DocumentKind, DocumentOrder } from '../../../contract/index.js';
import { checkJobResult, refuse } from '../../../core/src/index.js';
import { recordedRegister, registerInputOf } from '../disposition/disposition-json.js';
import { PACKAGE_JOB } from '../evidence-packages/package-json.js';
import { DOCUMENT, documentJson, orderOf, storedInputOf } from './document-json.js';
import {
  claimLeasedJob, failLeasedJob, finishLeasedJob, leasedJob, reportLeasedProgress, waitingJobs,
} from '../jobs/job-lease.js';
import { pagedList } from '../paging.js';
import type { PortNode, RepositoryPort } from '../repository-port.js';
import { notFound, type WebScriptDefinition } from '../web-script.js';

const AREA = 'documents';

/** The requirement each kind serves (logged with each step of its job). */
const REQUIREMENT: Record<DocumentKind, string> = {
  destructionRegister: 'R22.1', qualityReport: 'R28.1',
};

/**
 * Records document `name` of `kind` about node `subjectId` in folder `folderId`, its job
 * requested, with what it is rendered from when the request decides it (`input`): as the
 * repository (the step's caller need not write in that folder), in the step's transaction, so
 * the document exists exactly when the step committed.
 */
export function requestDocument(port: RepositoryPort, folderId: string, name: string,
  kind: DocumentKind, subjectId: string, input?: unknown): PortNode {
  const order = input === undefined ? { kind, subjectId } : { kind, subjectId, input };
  const made = port.asRepository(() => port.createNode(folderId, {
    name, type: DOCUMENT, aspects: ['cm:titled', PACKAGE_JOB],
    props: { 'cm:description': JSON.stringify(order), 'efr:jobState': 'requested',
      'efr:jobBytesDone': 0, 'efr:jobBytesTotal': 0 },
  }));
  port.logStep('document.requested', made.id, { kind, subjectId,
    requirement: REQUIREMENT[kind] });
  return made;
}

/** The document `id` (404 when missing, unreadable or no generated document). */
function documentNode(port: RepositoryPort, id: string): PortNode {
  const n = port.node(id);
  if (n === null || orderOf(n) === null) throw notFound(id);
  return n;
}

/** The requirement of a document's kind. */
function requirementOf(n: PortNode): string {
  const o = orderOf(n);
  return o === null ? 'R22.1' : REQUIREMENT[o.kind];
}

/**
 * What the worker renders: a quality report's stored assessment, or the register as the
 * execution signed it (or as it reads now).
 */
function orderFor(port: RepositoryPort, n: PortNode): DocumentOrder {
  const o = orderOf(n) as { kind: DocumentKind; subjectId: string };
  if (o.kind === 'qualityReport') return { kind: o.kind, name: n.name, quality: storedInputOf(n) };
  // The worker reads the subject as the repository: it renders what the step recorded, which
  // its service user need not be able to read otherwise.
  const register = port.asRepository(() => {
    const batch = port.node(o.subjectId);
    if (batch === null) throw notFound(o.subjectId);
    return recordedRegister(batch) || registerInputOf(port, batch);
  });
  return { kind: o.kind, name: n.name, register };
}

export const documentJobsGet: WebScriptDefinition = {
  id: 'document-jobs', method: 'GET', path: '/documents/jobs', area: AREA,
  title: 'EFR generated documents: jobs (workers)',
  handle(port, call) {
    const all = waitingJobs(port, call, DOCUMENT).filter((n) => orderOf(n) !== null)
      .map(documentJson);
    return { status: 200, body: pagedList(all, call.query) };
  },
};

export const documentGet: WebScriptDefinition = {
  id: 'document', method: 'GET', path: '/documents/{id}', area: AREA,
  title: 'EFR generated document with its progress',
  handle(port, call) {
    return { status: 200, body: { entry: documentJson(documentNode(port, call.params.id)) } };
  },
};

export const documentClaimPost: WebScriptDefinition = {
  id: 'document-claim', method: 'POST', path: '/documents/{id}/claim', area: AREA,
  title: 'EFR generated document job: claim',
  handle(port, call) {
    const n = documentNode(port, call.params.id);
    const claimed = claimLeasedJob(port, n, 'document.claim', requirementOf(n)).node;
    return { status: 200, body: { entry: documentJson(claimed), order: orderFor(port, claimed) } };
  },
};

/** A worker's report on document `id` that the job lease decides alone (progress, failure). */
function documentReport(step: 'progress' | 'failure', title: string,
  report: (port: RepositoryPort, n: PortNode, b: Record<string, unknown>, step: string,
    requirement: string) => PortNode): WebScriptDefinition {
  return {
    id: 'document-' + step, method: 'POST', path: '/documents/{id}/' + step, area: AREA, title,
    handle(port, call) {
      const n = documentNode(port, call.params.id);
      const next = report(port, n, call.body, 'document.' + step, requirementOf(n));
      return { status: 200, body: { entry: documentJson(next) } };
    },
  };
}

export const documentProgressPost = documentReport('progress',
  'EFR generated document job: progress', reportLeasedProgress);

export const documentResultPost: WebScriptDefinition = {
  id: 'document-result', method: 'POST', path: '/documents/{id}/result', area: AREA,
  title: 'EFR generated document job: result',
  handle(port, call) {
    const b = call.body;
    const n = documentNode(port, call.params.id);
    const requirement = requirementOf(n);
    const job = leasedJob(port, n, 'document.result', requirement);
    port.enforce(checkJobResult(job, port.currentUser(), port.now(), b.sha256, b.size),
      'document.result', n.id);
    // The repository vouches for the document, not the worker: its own digest of the bytes.
    const stored = port.contentDigest(n.id);
    if (stored === null || stored.sha256 !== b.sha256 || stored.size !== b.size) {
      port.enforce(refuse(422, 'efr.job.imageMismatch', requirement,
        'The stored document differs from the one reported.', '已保存的文档与报告的不一致。'),
      'document.result', n.id);
    }
    const size = b.size as number;
    const built = finishLeasedJob(port, n, { 'efr:jobBytesDone': size,
      'efr:jobBytesTotal': size });
    const o = orderOf(n) as { kind: DocumentKind; subjectId: string };
    port.logStep('document.built', n.id, { kind: o.kind, subjectId: o.subjectId,
      sha256: b.sha256 as string, size: String(size), builtBy: port.currentUser().userName,
      requirement });
    return { status: 200, body: { entry: documentJson(built) } };
  },
};

export const documentFailurePost = documentReport('failure',
  'EFR generated document job: failure', failLeasedJob);

/** The generated documents' web scripts written once. */
export const DOCUMENT_WEB_SCRIPTS: readonly WebScriptDefinition[] = [
  documentJobsGet, documentGet, documentClaimPost, documentProgressPost, documentResultPost,
  documentFailurePost,
];
