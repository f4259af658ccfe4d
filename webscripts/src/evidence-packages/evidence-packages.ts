/**
 * Evidence packages (R23.1) and their build jobs (issue 15), once for both hosts, under
 * /alfresco/s/efr:
 *
 * - `POST /evidence-packages` {caseId | caseNumber, recordings[], producer, extractor, medium,
 *   label}: legal staff or custodians (core checkEvidencePackage) ask for a disc of sealed
 *   recordings of the case; answered 202 with the package, an `efr:evidencePackage` child of the
 *   case with the `efr:packageJob` aspect and no content yet, which efr worker builds;
 * - `GET /evidence-packages?caseId=…` (or caseNumber): the packages of a case, newest first;
 * - `GET /evidence-packages/{id}`: one package with its progress (the screen polls it);
 * - the worker's steps (`GROUP_EFR_WORKERS` only), each decided by core/src/package-job.ts:
 *   `GET /evidence-packages/jobs?state=requested` (oldest first), `POST …/{id}/claim` (answers
 *   what to build; the worker gets Collaborator on the package until the job ends, so that its
 *   `PUT /nodes/{id}/content` is the only write of the image), `POST …/{id}/progress`
 *   `{bytesDone, bytesTotal}` (renews the lease), `POST …/{id}/result` `{sha256, size}` (the
 *   repository compares them with its own digest of the stored bytes), `POST …/{id}/failure`
 *   `{code, message, recordingId?, path?, expected?, actual?}` (a fixity mismatch is also
 *   logged as an alert on the recording, R26.1).
 *
 * Everything that can refuse is decided before the first write (ACS commits what a web script
 * wrote before it answers an error).
 */
import type { BuildOrder } from '../../../contract/index.js';
import {
  checkEvidencePackage, checkJobFailure, checkJobResult, localStamp, refuse, SECRECY_LEVELS,
} from '../../../core/src/index.js';
import {
  claimLeasedJob, failLeasedJob, failureDetail, finishLeasedJob, leasedJob, reportLeasedProgress,
  waitingJobs,
} from '../jobs/job-lease.js';
import { pagedList } from '../paging.js';
import { textProp, type PortNode, type RepositoryPort } from '../repository-port.js';
import {
  bodyText, invalidArgument, readableOfType, WebScriptError, type WebScriptDefinition,
} from '../web-script.js';
import {
  instantOf, newestFirst, PACKAGE, PACKAGE_JOB, packageJson, packageRecordingIds,
} from './package-json.js';

const AREA = 'evidence-packages';

/** The case by id or number (404 when missing or unreadable, 400 when neither is given). */
function caseFrom(port: RepositoryPort, caseId: string, caseNumber: string): PortNode {
  if (caseId !== '') return readableOfType(port, caseId, 'efr:case');
  if (caseNumber === '') throw invalidArgument('caseId or caseNumber is required');
  const hits = port.nodesWhere('efr:case', 'efr:caseNumber', caseNumber);
  if (hits.length === 0) {
    throw new WebScriptError(404, 'framework.exception.EntityNotFound',
      'The case ' + caseNumber + ' was not found');
  }
  return hits[0];
}

function recordingIdsOf(b: Record<string, unknown>): string[] {
  const r = b.recordings;
  if (!(r instanceof Array) || r.length > 500 ||
    r.some((x) => typeof x !== 'string' || x.length > 64)) {
    throw invalidArgument('recordings must be an array of up to 500 node ids');
  }
  return r as string[];
}

/** The highest secrecy level of the recordings: the disc is as confidential as its content. */
function highestSecrecy(rows: PortNode[]): string {
  let best = 0;
  for (const r of rows) {
    best = Math.max(best, (SECRECY_LEVELS as readonly string[])
      .indexOf(textProp(r, 'efr:secrecyLevel') || ''));
  }
  return SECRECY_LEVELS[best];
}

/** Characters of a text as a person counts them (a surrogate pair is one). */
function codePoints(text: string): number {
  return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '_').length;
}

/**
 * The bureau's local `yyyyMMddHHmmssSSS`, `-` and six random digits: distinct names for two
 * requests at once.
 */
function entrySuffix(port: RepositoryPort, now: string): string {
  return localStamp(Date.parse(now), port.zone()) + '-' +
    String(1000000 + Math.floor(Math.random() * 1000000)).substring(1);
}

/** What a worker is told to build (contract/evidence-packages.ts BuildOrder). */
function buildOrder(port: RepositoryPort, n: PortNode): BuildOrder {
  const kase = port.targets(n.id, 'efr:packageCase');
  return { caseId: kase.length > 0 ? kase[0].id : null,
    caseNumber: textProp(n, 'efr:caseNumber'), recordingIds: packageRecordingIds(port, n.id),
    producer: textProp(n, 'efr:producer'), extractor: textProp(n, 'efr:extractor'),
    extractionTime: instantOf(n.props['efr:extractionTime']), medium: textProp(n, 'efr:medium'),
    label: textProp(n, 'efr:discLabel') };
}

/** A worker's step on the job `id`: the package (404), its job (409) and the clock. */
function jobStep(port: RepositoryPort, id: string, step: string) {
  const n = readableOfType(port, id, PACKAGE);
  return { n, job: leasedJob(port, n, step, 'R23.1'), now: port.now(),
    user: port.currentUser() };
}

export const evidencePackagesPost: WebScriptDefinition = {
  id: 'evidence-packages', method: 'POST', path: '/evidence-packages', area: AREA,
  title: 'EFR evidence disc: request',
  handle(port, call) {
    const b = call.body;
    const user = port.currentUser();
    const caseNode = caseFrom(port, bodyText(b, 'caseId', 64), bodyText(b, 'caseNumber', 100));
    const rows = recordingIdsOf(b).map((id) => readableOfType(port, id, 'efr:recording'));
    const now = port.now();
    const producer = bodyText(b, 'producer', 100);
    const extractor = bodyText(b, 'extractor', 100);
    const medium = bodyText(b, 'medium', 10);
    const label = bodyText(b, 'label', 100);
    port.enforce(checkEvidencePackage({ caseId: caseNode.id, recordings: rows.map((r) => ({
      id: r.id,
      // Only sealed originals are copied (R26.1): the seal is recorded by efr:sealedAt.
      sealed: instantOf(r.props['efr:sealedAt']) !== null,
      caseIds: port.sources(r.id, 'efr:caseRecordings').map((c) => c.id),
      sha256: textProp(r, 'efr:sha256') || null,
    })), producer, extractor, extractionTime: now, medium, discLabel: label, now }, user),
    'evidence.package', caseNode.id);
    if (codePoints(label) > 32) throw invalidArgument('label has at most 32 characters');
    const caseNumber = textProp(caseNode, 'efr:caseNumber') || caseNode.name;
    const node = port.createNode(caseNode.id, {
      name: '证据光盘_' + entrySuffix(port, now) + '.iso', type: PACKAGE, aspects: [PACKAGE_JOB],
      props: { 'cm:title': label, 'efr:producer': producer, 'efr:extractor': extractor,
        'efr:extractionTime': now, 'efr:medium': medium, 'efr:discLabel': label,
        'efr:discIndex': 1, 'efr:discCount': 1, 'efr:caseNumber': caseNumber,
        'efr:secrecyLevel': highestSecrecy(rows), 'efr:jobState': 'requested',
        'efr:jobBytesDone': 0, 'efr:jobBytesTotal': 0 },
    });
    port.createAssociation(node.id, caseNode.id, 'efr:packageCase');
    for (const r of rows) port.createAssociation(node.id, r.id, 'efr:packageRecordings');
    port.logStep('evidence.package.requested', node.id, { caseNumber, producer, extractor,
      medium, recordings: String(rows.length), requirement: 'R23.1' });
    // 202: recorded; efr worker builds the image (GET /evidence-packages/{id} shows progress).
    return { status: 202, body: { entry: packageJson(port, port.node(node.id) || node) } };
  },
};

export const evidencePackagesGet: WebScriptDefinition = {
  id: 'evidence-packages', method: 'GET', path: '/evidence-packages', area: AREA,
  title: 'EFR evidence discs of a case',
  handle(port, call) {
    const caseNode = caseFrom(port, call.query.caseId || '', call.query.caseNumber || '');
    const all = port.sources(caseNode.id, 'efr:packageCase')
      .filter((n) => n.type === PACKAGE).sort(newestFirst).map((n) => packageJson(port, n));
    return { status: 200, body: pagedList(all, call.query) };
  },
};

export const evidencePackageJobsGet: WebScriptDefinition = {
  id: 'evidence-package-jobs', method: 'GET', path: '/evidence-packages/jobs', area: AREA,
  title: 'EFR evidence disc jobs (workers)',
  handle(port, call) {
    const all = waitingJobs(port, call, PACKAGE).map((n) => packageJson(port, n));
    return { status: 200, body: pagedList(all, call.query) };
  },
};

export const evidencePackageGet: WebScriptDefinition = {
  id: 'evidence-package', method: 'GET', path: '/evidence-packages/{id}', area: AREA,
  title: 'EFR evidence disc with its progress',
  handle(port, call) {
    const n = readableOfType(port, call.params.id, PACKAGE);
    return { status: 200, body: { entry: packageJson(port, n) } };
  },
};

export const evidencePackageClaimPost: WebScriptDefinition = {
  id: 'evidence-package-claim', method: 'POST', path: '/evidence-packages/{id}/claim',
  area: AREA, title: 'EFR evidence disc job: claim',
  handle(port, call) {
    const n = readableOfType(port, call.params.id, PACKAGE);
    const claimed = claimLeasedJob(port, n, 'job.claim', 'R23.1').node;
    return { status: 200, body: { entry: packageJson(port, claimed),
      order: buildOrder(port, claimed) } };
  },
};

export const evidencePackageProgressPost: WebScriptDefinition = {
  id: 'evidence-package-progress', method: 'POST', path: '/evidence-packages/{id}/progress',
  area: AREA, title: 'EFR evidence disc job: progress',
  handle(port, call) {
    const b = call.body;
    const n = readableOfType(port, call.params.id, PACKAGE);
    const next = reportLeasedProgress(port, n, b, 'job.progress', 'R23.1');
    return { status: 200, body: { entry: packageJson(port, next) } };
  },
};

export const evidencePackageResultPost: WebScriptDefinition = {
  id: 'evidence-package-result', method: 'POST', path: '/evidence-packages/{id}/result',
  area: AREA, title: 'EFR evidence disc job: result',
  handle(port, call) {
    const b = call.body;
    const { n, job, now, user } = jobStep(port, call.params.id, 'job.result');
    port.enforce(checkJobResult(job, user, now, b.sha256, b.size), 'job.result', n.id);
    // The repository vouches for the image, not the worker: its own digest of what it stored.
    const stored = port.contentDigest(n.id);
    if (stored === null || stored.sha256 !== b.sha256 || stored.size !== b.size) {
      port.enforce(refuse(422, 'efr.job.imageMismatch', 'R23.1',
        'The stored image differs from the one reported.', '已保存的光盘映像与报告的不一致。'),
      'job.result', n.id);
    }
    const sha256 = b.sha256 as string;
    const size = b.size as number;
    const order = buildOrder(port, n);
    const built = finishLeasedJob(port, n, { 'efr:imageSha256': sha256, 'efr:imageSize': size,
      'efr:jobBytesDone': size, 'efr:jobBytesTotal': size });
    // The packaging, on the package and on every recording copied (R23.1): who asked for it
    // (the package's creator) and the worker that built it (the entry's user).
    const requestedBy = textProp(n, 'cm:creator') || '';
    const targets = [n.id].concat(order.recordingIds);
    for (const target of targets) {
      port.logStep('evidence.package', target, { packageId: n.id,
        caseNumber: order.caseNumber || '', imageSha256: sha256, producer: order.producer || '',
        extractor: order.extractor || '', medium: order.medium || '',
        recordings: String(order.recordingIds.length), requestedBy, builtBy: user.userName,
        requirement: 'R23.1' });
    }
    return { status: 200, body: { entry: packageJson(port, built) } };
  },
};

export const evidencePackageFailurePost: WebScriptDefinition = {
  id: 'evidence-package-failure', method: 'POST', path: '/evidence-packages/{id}/failure',
  area: AREA, title: 'EFR evidence disc job: failure',
  handle(port, call) {
    const b = call.body;
    const recordingId = failureDetail(b, 'recordingId');
    const path = failureDetail(b, 'path');
    const expected = failureDetail(b, 'expected');
    const actual = failureDetail(b, 'actual');
    const { n, job, now, user } = jobStep(port, call.params.id, 'job.failure');
    port.enforce(checkJobFailure(job, user, now, b.code, b.message), 'job.failure', n.id);
    const order = buildOrder(port, n);
    if (recordingId !== null && order.recordingIds.indexOf(recordingId) < 0) {
      throw new WebScriptError(404, 'framework.exception.EntityNotFound',
        'The recording ' + recordingId + ' is not on this disc');
    }
    const code = b.code as string;
    const failed = failLeasedJob(port, n, b, 'job.failure', 'R23.1');
    if (recordingId !== null && code === 'efr.evidence.fixityMismatch') {
      // An alert: the stored original no longer matches its seal (R26.1).
      port.logStep('evidence.fixityMismatch', recordingId, { path: path || '',
        expected: expected || '', actual: actual || '', caseNumber: order.caseNumber || '',
        packageId: n.id, requirement: 'R26.1' });
    }
    return { status: 200, body: { entry: packageJson(port, failed) } };
  },
};

/** The evidence package web scripts written once. */
export const EVIDENCE_PACKAGE_WEB_SCRIPTS: readonly WebScriptDefinition[] = [
  evidencePackagesPost, evidencePackagesGet, evidencePackageJobsGet, evidencePackageGet,
  evidencePackageClaimPost, evidencePackageProgressPost, evidencePackageResultPost,
  evidencePackageFailurePost,
];
