/**
 * Every EFR web script (`/alfresco/s/efr/…`, also `/alfresco/service/efr/…`) in one list: its
 * method and URL template, its request and response schemas, the module descriptor that serves
 * it in ACS, and the hosts that serve it today. server/'s routes and the module's descriptors
 * are checked against this list (test/contract/endpoints.spec.ts), every JSON answer of
 * server/'s specs is checked against its schema (test/support/contract-check.ts), and
 * docs/api.md shows the list as rendered by `renderEndpointTable`.
 */
import type { TSchema } from '@sinclair/typebox';
import {
  AccessRequestEntrySchema, AccessRequestListSchema, AccessRequestStepSchema,
  ChainVerificationSchema, HoldReleaseRequestSchema, HoldReleaseResultSchema, HoldRequestSchema,
  HoldResultSchema, NewAccessRequestSchema,
  REQUEST_STEPS, ViewingEventRequestSchema, ViewingEventSchema,
} from './access-requests.js';
import { Entry, NoBodySchema } from './common.js';
import {
  DEVICE_STEPS, DeviceDetailEntrySchema, DeviceEntrySchema, DeviceListSchema,
  DeviceStepRequestSchema, RegisterDeviceRequestSchema, UnitComplianceListSchema,
} from './devices.js';
import {
  DocumentClaimAnswerSchema, GeneratedDocumentEntrySchema, GeneratedDocumentListSchema,
} from './documents.js';
import {
  ClaimAnswerSchema, EvidencePackageEntrySchema, EvidencePackageListSchema,
  JobFailureRequestSchema, JobProgressRequestSchema, JobResultRequestSchema,
  NewEvidencePackageRequestSchema,
} from './evidence-packages.js';
import {
  EXEMPTION_STEPS, ExemptionEntrySchema, ExemptionListSchema, NewExemptionRequestSchema,
} from './exemptions.js';
import {
  HandoverEntrySchema, HandoverListSchema, OpenHandoverRequestSchema, ReceiptRequestSchema,
} from './handovers.js';
import {
  DISPOSITION_BATCH_STEPS, DispositionBatchEntrySchema, DispositionBatchListSchema,
  DispositionRecordingListSchema, DispositionRegisterSchema, DispositionStepEntrySchema,
  DispositionStepRequestSchema,
  NewDispositionBatchRequestSchema,
} from './disposition.js';
import {
  AccessLogEntriesSchema,
  ConsistencyProofSchema, FixityCheckEntrySchema, FixityCheckRequestSchema,
  FixityClaimAnswerSchema, FixityNothingDueSchema, FixityRoundEntrySchema, FixityRoundListSchema,
  FixityRunRequestSchema, FixityStatusEntrySchema, InclusionProofSchema,
  SignedTreeHeadEntrySchema, StoredTreeHeadSchema, TreeHeadRequestEntrySchema, TreeHeadsSchema,
} from './archive.js';
import {
  AssessmentEntrySchema, QualityReportPdfSchema, QualityReportRequestSchema,
} from './quality.js';
import {
  CampaignEntrySchema, CampaignListSchema, CampaignResultsEntrySchema,
  DrawVerificationEntrySchema, FindingEvidenceEntrySchema, FindingListSchema,
  FindingRequestSchema, OpenCampaignRequestSchema, RecordedFindingEntrySchema,
} from './spot-checks.js';
import {
  MeasureEntrySchema, MeasureRequestSchema, ReportViolationRequestSchema,
  ViolationDecisionRequestSchema, ViolationEntrySchema, ViolationListSchema,
} from './violations.js';

/** A host of EFR's web scripts: the embedded repository, or the module inside ACS. */
export type Host = 'server' | 'module';

/** An HTTP method of a web script. */
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One EFR web script. */
export interface Endpoint {
  method: Method;
  /** URL template under `/alfresco/s/efr` (`{name}` for a path parameter). */
  path: string;
  /**
   * Path parameters that take one of a fixed set of values (the steps of a state machine):
   * server/ registers one route per value, the module one descriptor for the template.
   */
  values?: Readonly<Record<string, readonly string[]>>;
  /** Query parameters it reads. */
  query?: readonly string[];
  /** The JSON body it reads (absent: none). */
  request?: TSchema;
  /** The JSON body of each success status. Refusals answer the REST API v1 error body. */
  responses: Readonly<Record<number, TSchema>>;
  /** Other media types it answers on request (`?format=`), not JSON. */
  alsoProduces?: readonly string[];
  /**
   * The module's web script: `<folder>/<id>.<method>` under
   * `templates/webscripts/org/efr/` (descriptor `<id>.<method>.desc.xml`). For a script that
   * only server/ serves yet, the id it is to have. One descriptor may serve several endpoints
   * when its URL template matches each (`{step}` serves every step of a state machine).
   */
  descriptor: string;
  /** The hosts that serve it today. */
  hosts: readonly Host[];
  /** What it does, in a few words. */
  summary: string;
}

const BOTH: readonly Host[] = ['server', 'module'];
const LIST_QUERY = ['skipCount', 'maxItems'] as const;

/** Every EFR web script, grouped by feature as docs/api.md is. */
export const ENDPOINTS: readonly Endpoint[] = [
  // Handovers (issue 5)
  { method: 'POST', path: '/handovers', request: OpenHandoverRequestSchema,
    responses: { 201: HandoverEntrySchema }, descriptor: 'handovers/handovers.post', hosts: BOTH,
    summary: 'open a handover' },
  { method: 'GET', path: '/handovers', query: ['status', ...LIST_QUERY],
    responses: { 200: HandoverListSchema }, descriptor: 'handovers/handovers.get', hosts: BOTH,
    summary: 'list handovers' },
  { method: 'GET', path: '/handovers/{id}', responses: { 200: HandoverEntrySchema },
    descriptor: 'handovers/handover.get', hosts: BOTH, summary: 'read a handover' },
  { method: 'POST', path: '/handovers/{id}/receipts', request: ReceiptRequestSchema,
    responses: { 201: HandoverEntrySchema }, descriptor: 'handovers/handover-receipts.post',
    hosts: BOTH, summary: 'a custodian receives the batch' },
  // Viewing requests (issue 6)
  { method: 'GET', path: '/access-requests',
    query: ['queue', 'status', 'recordingId', ...LIST_QUERY],
    responses: { 200: AccessRequestListSchema },
    descriptor: 'access-requests/access-requests.get', hosts: BOTH, summary: 'a queue' },
  { method: 'POST', path: '/access-requests', request: NewAccessRequestSchema,
    responses: { 201: AccessRequestEntrySchema },
    descriptor: 'access-requests/access-requests.post', hosts: BOTH, summary: 'file a request' },
  { method: 'GET', path: '/access-requests/{id}', responses: { 200: AccessRequestEntrySchema },
    descriptor: 'access-requests/access-request.get', hosts: BOTH, summary: 'read a request' },
  { method: 'POST', path: '/access-requests/{id}/{step}', values: { step: REQUEST_STEPS },
    request: AccessRequestStepSchema, responses: { 200: AccessRequestEntrySchema },
    descriptor: 'access-requests/access-request-action.post', hosts: BOTH,
    summary: 'one step of a request' },
  { method: 'POST', path: '/access-requests/{id}/viewing-events',
    request: ViewingEventRequestSchema, responses: { 201: Entry(ViewingEventSchema) },
    // Its own controller in ACS: Surf ranks the fixed `viewing-events` above `{step}`
    // (surf-webscripts JaxRSUriIndex COMPARATOR).
    descriptor: 'access-requests/access-request-viewing-events.post', hosts: BOTH,
    summary: "the player's start, seek, pause, end" },
  { method: 'POST', path: '/holds', request: HoldRequestSchema,
    responses: { 201: Entry(HoldResultSchema) }, descriptor: 'access-requests/holds.post',
    hosts: BOTH, summary: 'preservation hold' },
  { method: 'POST', path: '/holds/release', request: HoldReleaseRequestSchema,
    responses: { 200: Entry(HoldReleaseResultSchema) },
    descriptor: 'access-requests/holds-release.post', hosts: BOTH,
    summary: 'lift preservation holds' },
  { method: 'GET', path: '/access-log/verify', responses: { 200: Entry(ChainVerificationSchema) },
    descriptor: 'access-log/verify.get', hosts: BOTH,
    summary: 'verify the access log against the signed tree heads' },
  // The access log's Merkle tree (issue 18; RFC 9162)
  { method: 'GET', path: '/access-log/tree-heads', responses: { 200: TreeHeadsSchema },
    descriptor: 'access-log/tree-heads.get', hosts: BOTH,
    summary: 'the signed tree heads and the key' },
  { method: 'POST', path: '/access-log/tree-heads', request: NoBodySchema,
    responses: { 202: TreeHeadRequestEntrySchema }, descriptor: 'access-log/tree-heads.post',
    hosts: BOTH, summary: 'ask efr worker for a signed tree head' },
  { method: 'POST', path: '/access-log/tree-heads/{id}/head', request: StoredTreeHeadSchema,
    responses: { 200: SignedTreeHeadEntrySchema }, descriptor: 'access-log/tree-head-signed.post',
    hosts: BOTH, summary: 'efr worker hands in a signed head' },
  { method: 'GET', path: '/access-log/proof', query: ['seq', 'treeSize'],
    responses: { 200: InclusionProofSchema }, descriptor: 'access-log/proof.get',
    hosts: BOTH, summary: "an entry's inclusion proof" },
  { method: 'GET', path: '/access-log/entries', query: ['nodeId', 'treeSize'],
    responses: { 200: AccessLogEntriesSchema }, descriptor: 'access-log/entries.get',
    hosts: BOTH, summary: "a node's log entries as hashed, with proofs" },
  { method: 'GET', path: '/access-log/consistency', query: ['first', 'second'],
    responses: { 200: ConsistencyProofSchema }, descriptor: 'access-log/consistency.get',
    hosts: BOTH, summary: 'consistency of two tree sizes' },
  // Fixity audits (issue 18), rounds worked by efr worker in both hosts
  { method: 'GET', path: '/fixity', responses: { 200: FixityStatusEntrySchema },
    descriptor: 'fixity/fixity.get', hosts: BOTH,
    summary: 'coverage, last mismatch, throughput' },
  { method: 'POST', path: '/fixity/run', request: FixityRunRequestSchema,
    responses: { 200: FixityNothingDueSchema, 202: FixityRoundEntrySchema },
    descriptor: 'fixity/fixity-run.post',
    hosts: BOTH, summary: 'ask for a fixity round now' },
  { method: 'GET', path: '/fixity/rounds', query: ['state', ...LIST_QUERY],
    responses: { 200: FixityRoundListSchema }, descriptor: 'fixity/fixity-rounds.get',
    hosts: BOTH, summary: 'the rounds, oldest first (worker)' },
  { method: 'GET', path: '/fixity/rounds/{id}', responses: { 200: FixityRoundEntrySchema },
    descriptor: 'fixity/fixity-round.get', hosts: BOTH, summary: 'a round with its progress' },
  { method: 'POST', path: '/fixity/rounds/{id}/claim', request: NoBodySchema,
    responses: { 200: FixityClaimAnswerSchema }, descriptor: 'fixity/fixity-round-claim.post',
    hosts: BOTH, summary: 'the worker claims a round' },
  { method: 'POST', path: '/fixity/rounds/{id}/progress', request: JobProgressRequestSchema,
    responses: { 200: FixityRoundEntrySchema },
    descriptor: 'fixity/fixity-round-progress.post', hosts: BOTH,
    summary: 'bytes re-hashed (renews the lease)' },
  { method: 'POST', path: '/fixity/rounds/{id}/checks', request: FixityCheckRequestSchema,
    responses: { 200: FixityCheckEntrySchema }, descriptor: 'fixity/fixity-round-checks.post',
    hosts: BOTH, summary: 'the worker reports one check' },
  { method: 'POST', path: '/fixity/rounds/{id}/done', request: NoBodySchema,
    responses: { 200: FixityRoundEntrySchema }, descriptor: 'fixity/fixity-round-done.post',
    hosts: BOTH, summary: 'the worker finishes a round' },
  // Devices (issue 9)
  { method: 'GET', path: '/devices', query: ['unit', 'status', ...LIST_QUERY],
    responses: { 200: DeviceListSchema }, descriptor: 'devices/devices.get', hosts: BOTH,
    summary: 'the register' },
  { method: 'POST', path: '/devices', request: RegisterDeviceRequestSchema,
    responses: { 201: DeviceEntrySchema }, descriptor: 'devices/devices.post', hosts: BOTH,
    summary: 'register a device' },
  { method: 'GET', path: '/devices/compliance', responses: { 200: UnitComplianceListSchema },
    descriptor: 'devices/device-compliance.get', hosts: BOTH, summary: 'unit compliance (R9.1)' },
  { method: 'GET', path: '/devices/{id}', responses: { 200: DeviceDetailEntrySchema },
    descriptor: 'devices/device.get', hosts: BOTH, summary: 'a device with its history' },
  { method: 'POST', path: '/devices/{id}/{step}', values: { step: DEVICE_STEPS },
    request: DeviceStepRequestSchema, responses: { 200: DeviceDetailEntrySchema },
    descriptor: 'devices/device-step.post', hosts: BOTH, summary: 'one step of a device' },
  // Exemption records (issue 9)
  { method: 'GET', path: '/exemptions',
    query: ['status', 'author', 'leader', 'overdue', ...LIST_QUERY],
    responses: { 200: ExemptionListSchema }, descriptor: 'exemptions/exemptions.get',
    hosts: BOTH, summary: 'list with reminders' },
  { method: 'POST', path: '/exemptions', request: NewExemptionRequestSchema,
    responses: { 201: ExemptionEntrySchema }, descriptor: 'exemptions/exemptions.post',
    hosts: BOTH, summary: 'write an exemption record' },
  { method: 'GET', path: '/exemptions/{id}', responses: { 200: ExemptionEntrySchema },
    descriptor: 'exemptions/exemption.get', hosts: BOTH, summary: 'read a record' },
  { method: 'POST', path: '/exemptions/{id}/{step}', values: { step: EXEMPTION_STEPS },
    request: NoBodySchema, responses: { 200: ExemptionEntrySchema },
    descriptor: 'exemptions/exemption-step.post', hosts: BOTH,
    summary: 'acknowledge or file' },
  // Evidence packages (issue 7)
  { method: 'POST', path: '/evidence-packages', request: NewEvidencePackageRequestSchema,
    responses: { 202: EvidencePackageEntrySchema },
    descriptor: 'evidence-packages/evidence-packages.post', hosts: BOTH,
    summary: 'ask for an evidence disc (efr worker builds it)' },
  { method: 'GET', path: '/evidence-packages', query: ['caseId', 'caseNumber', ...LIST_QUERY],
    responses: { 200: EvidencePackageListSchema },
    descriptor: 'evidence-packages/evidence-packages.get', hosts: BOTH,
    summary: "a case's packages" },
  { method: 'GET', path: '/evidence-packages/jobs', query: ['state', ...LIST_QUERY],
    responses: { 200: EvidencePackageListSchema },
    descriptor: 'evidence-packages/evidence-package-jobs.get', hosts: BOTH,
    summary: 'jobs waiting for a worker' },
  { method: 'GET', path: '/evidence-packages/{id}', responses: { 200: EvidencePackageEntrySchema },
    descriptor: 'evidence-packages/evidence-package.get', hosts: BOTH,
    summary: 'a package with its build progress' },
  { method: 'POST', path: '/evidence-packages/{id}/claim', request: NoBodySchema,
    responses: { 200: ClaimAnswerSchema },
    descriptor: 'evidence-packages/evidence-package-claim.post', hosts: BOTH,
    summary: 'a worker takes a job' },
  { method: 'POST', path: '/evidence-packages/{id}/progress', request: JobProgressRequestSchema,
    responses: { 200: EvidencePackageEntrySchema },
    descriptor: 'evidence-packages/evidence-package-progress.post', hosts: BOTH,
    summary: "a worker's progress (renews its lease)" },
  { method: 'POST', path: '/evidence-packages/{id}/result', request: JobResultRequestSchema,
    responses: { 200: EvidencePackageEntrySchema },
    descriptor: 'evidence-packages/evidence-package-result.post', hosts: BOTH,
    summary: 'the image is stored' },
  { method: 'POST', path: '/evidence-packages/{id}/failure', request: JobFailureRequestSchema,
    responses: { 200: EvidencePackageEntrySchema },
    descriptor: 'evidence-packages/evidence-package-failure.post', hosts: BOTH,
    summary: 'the job failed' },
  // Disposition after retention (issue 18)
  { method: 'GET', path: '/disposition/eligible', query: LIST_QUERY,
    responses: { 200: DispositionRecordingListSchema },
    descriptor: 'disposition/disposition-eligible.get', hosts: BOTH,
    summary: 'recordings past retention, nothing keeping them' },
  { method: 'GET', path: '/disposition/batches', query: ['status', ...LIST_QUERY],
    responses: { 200: DispositionBatchListSchema },
    descriptor: 'disposition/disposition-batches.get', hosts: BOTH,
    summary: 'disposition batches' },
  { method: 'POST', path: '/disposition/batches', request: NewDispositionBatchRequestSchema,
    responses: { 201: DispositionBatchEntrySchema },
    descriptor: 'disposition/disposition-batches.post', hosts: BOTH,
    summary: 'propose a batch' },
  { method: 'GET', path: '/disposition/batches/{id}', responses: { 200: DispositionBatchEntrySchema },
    descriptor: 'disposition/disposition-batch.get', hosts: BOTH, summary: 'a batch' },
  { method: 'POST', path: '/disposition/batches/{id}/{step}',
    values: { step: DISPOSITION_BATCH_STEPS }, request: DispositionStepRequestSchema,
    responses: { 200: DispositionStepEntrySchema },
    descriptor: 'disposition/disposition-batch-step.post', hosts: BOTH,
    summary: 'review, approve (executes) or reject' },
  { method: 'GET', path: '/disposition/batches/{id}/register',
    responses: { 200: DispositionRegisterSchema, 202: GeneratedDocumentEntrySchema },
    alsoProduces: ['application/pdf'],
    descriptor: 'disposition/disposition-register.get', hosts: BOTH,
    summary: 'the destruction register (PDF; 202 while efr worker renders it)' },
  // Generated documents (issue 15): rendered by efr worker
  { method: 'GET', path: '/documents/jobs', query: ['state', ...LIST_QUERY],
    responses: { 200: GeneratedDocumentListSchema },
    descriptor: 'documents/document-jobs.get', hosts: BOTH,
    summary: 'documents waiting for a worker' },
  { method: 'GET', path: '/documents/{id}', responses: { 200: GeneratedDocumentEntrySchema },
    descriptor: 'documents/document.get', hosts: BOTH, summary: 'a document with its progress' },
  { method: 'POST', path: '/documents/{id}/claim', request: NoBodySchema,
    responses: { 200: DocumentClaimAnswerSchema },
    descriptor: 'documents/document-claim.post', hosts: BOTH,
    summary: 'a worker takes a document to render' },
  { method: 'POST', path: '/documents/{id}/progress', request: JobProgressRequestSchema,
    responses: { 200: GeneratedDocumentEntrySchema },
    descriptor: 'documents/document-progress.post', hosts: BOTH,
    summary: 'progress (renews the lease)' },
  { method: 'POST', path: '/documents/{id}/result', request: JobResultRequestSchema,
    responses: { 200: GeneratedDocumentEntrySchema },
    descriptor: 'documents/document-result.post', hosts: BOTH,
    summary: 'the document is stored' },
  { method: 'POST', path: '/documents/{id}/failure', request: JobFailureRequestSchema,
    responses: { 200: GeneratedDocumentEntrySchema },
    descriptor: 'documents/document-failure.post', hosts: BOTH,
    summary: 'the rendering failed' },
  // Spot checks (issue 8)
  { method: 'POST', path: '/spot-checks', request: OpenCampaignRequestSchema,
    responses: { 201: CampaignEntrySchema }, descriptor: 'spot-checks/spot-checks.post',
    hosts: BOTH, summary: 'open a campaign and draw' },
  { method: 'GET', path: '/spot-checks', responses: { 200: CampaignListSchema },
    descriptor: 'spot-checks/spot-checks.get', hosts: BOTH, summary: 'the campaigns' },
  { method: 'GET', path: '/spot-checks/{id}', responses: { 200: CampaignEntrySchema },
    descriptor: 'spot-checks/spot-check.get', hosts: BOTH, summary: 'a campaign' },
  { method: 'GET', path: '/spot-checks/{id}/sample', responses: { 200: FindingListSchema },
    descriptor: 'spot-checks/spot-check-sample.get', hosts: BOTH, summary: 'the drawn sample' },
  { method: 'GET', path: '/spot-checks/{id}/findings/{key}',
    responses: { 200: FindingEvidenceEntrySchema },
    descriptor: 'spot-checks/spot-check-finding.get', hosts: BOTH,
    summary: 'a finding with its evidence' },
  { method: 'POST', path: '/spot-checks/{id}/findings', request: FindingRequestSchema,
    responses: { 200: RecordedFindingEntrySchema },
    descriptor: 'spot-checks/spot-check-findings.post', hosts: BOTH, summary: 'record a finding' },
  { method: 'POST', path: '/spot-checks/{id}/close', request: NoBodySchema,
    responses: { 200: CampaignEntrySchema }, descriptor: 'spot-checks/spot-check-close.post',
    hosts: BOTH, summary: 'close a campaign' },
  { method: 'GET', path: '/spot-checks/{id}/results', responses: { 200: CampaignResultsEntrySchema },
    descriptor: 'spot-checks/spot-check-results.get', hosts: BOTH, summary: 'pass rates' },
  { method: 'GET', path: '/spot-checks/{id}/verify-draw',
    responses: { 200: DrawVerificationEntrySchema },
    descriptor: 'spot-checks/spot-check-verify.get', hosts: BOTH, summary: 're-run the draw' },
  // Violations (issue 8)
  { method: 'GET', path: '/violations', query: ['status', 'officer'],
    responses: { 200: ViolationListSchema }, descriptor: 'spot-checks/violations.get',
    hosts: BOTH, summary: 'the register' },
  { method: 'POST', path: '/violations', request: ReportViolationRequestSchema,
    responses: { 201: ViolationEntrySchema }, descriptor: 'spot-checks/violations.post',
    hosts: BOTH, summary: "a supervisor's report" },
  { method: 'POST', path: '/violations/scan', request: NoBodySchema,
    responses: { 200: ViolationListSchema }, descriptor: 'spot-checks/violations-scan.post',
    hosts: BOTH, summary: 'propose refused tampering and late handovers' },
  { method: 'GET', path: '/violations/{id}', responses: { 200: ViolationEntrySchema },
    descriptor: 'spot-checks/violation.get', hosts: BOTH, summary: 'a violation' },
  { method: 'POST', path: '/violations/{id}/decision', request: ViolationDecisionRequestSchema,
    responses: { 200: ViolationEntrySchema }, descriptor: 'spot-checks/violation-decision.post',
    hosts: BOTH, summary: 'confirm or dismiss' },
  { method: 'POST', path: '/violations/{id}/measures', request: MeasureRequestSchema,
    responses: { 201: MeasureEntrySchema }, descriptor: 'spot-checks/violation-measures.post',
    hosts: BOTH, summary: 'record a measure (R30.1)' },
  // Quality assessment (issue 8)
  { method: 'GET', path: '/quality', query: ['from', 'to', 'format', 'lang'],
    responses: { 200: AssessmentEntrySchema }, alsoProduces: ['text/csv'],
    descriptor: 'quality/quality.get', hosts: BOTH, summary: 'the assessment' },
  { method: 'POST', path: '/quality/reports', request: QualityReportRequestSchema,
    responses: { 202: GeneratedDocumentEntrySchema },
    descriptor: 'quality/quality-reports.post', hosts: BOTH,
    summary: 'request the assessment as PDF (efr worker renders it)' },
  { method: 'GET', path: '/quality/reports/{id}',
    responses: { 200: QualityReportPdfSchema, 202: GeneratedDocumentEntrySchema },
    alsoProduces: ['application/pdf'],
    descriptor: 'quality/quality-report.get', hosts: BOTH,
    summary: 'the assessment as PDF (202 while efr worker renders it)' },
];

/** `METHOD /path`: an endpoint's key in messages and tables. */
export function endpointKey(e: Pick<Endpoint, 'method' | 'path'>): string {
  return `${e.method} ${e.path}`;
}

/** A URL template with its parameter names dropped (`/a/{}/b`), for comparing templates. */
export function templateShape(path: string): string {
  return path.split('?')[0].replace(/\{[^}]*\}/g, '{}');
}

/** The concrete paths server/ registers for an endpoint: one per value of a fixed parameter. */
export function serverPaths(e: Endpoint): string[] {
  let paths = [e.path];
  for (const [name, values] of Object.entries(e.values ?? {})) {
    paths = paths.flatMap((p) => values.map((v) => p.replace(`{${name}}`, v)));
  }
  return paths;
}

/** The endpoint server/ serves at this method and registered path (`{id}` style), if any. */
export function endpointOfRoute(method: string, path: string): Endpoint | undefined {
  return ENDPOINTS.find((e) => e.method === method && serverPaths(e).includes(path));
}

/** Names of schemas by their export names (`FooSchema` → `Foo`), for the table. */
export function schemaNamesOf(exports: Record<string, unknown>): Map<TSchema, string> {
  const names = new Map<TSchema, string>();
  for (const [k, v] of Object.entries(exports)) {
    if (k.endsWith('Schema') && typeof v === 'object' && v !== null && !names.has(v as TSchema)) {
      names.set(v as TSchema, k.slice(0, -'Schema'.length));
    }
  }
  return names;
}

/**
 * The list as the Markdown table of docs/api.md (between {@link ENDPOINT_TABLE_MARKERS}),
 * schemas named by `names` (an inline `Entry(X)` as `Entry<X>`).
 */
export function renderEndpointTable(
  endpoints: readonly Endpoint[], names: ReadonlyMap<TSchema, string>,
): string {
  const name = (s: TSchema | undefined): string => {
    if (s === undefined) return '—';
    const entry = (s.properties as Record<string, TSchema> | undefined)?.entry;
    const known = names.get(s) ?? (entry && names.has(entry) ? `Entry<${names.get(entry)}>` : '?');
    return '`' + known + '`';
  };
  const rows = endpoints.map((e) => {
    const values = Object.entries(e.values ?? {})
      .map(([k, v]) => ` (${k}: ${v.join(', ')})`).join('');
    const responses = Object.entries(e.responses)
      .map(([status, s]) => `${status} ${name(s)}`).join(', ') +
      (e.alsoProduces ? `; ${e.alsoProduces.join(', ')}` : '');
    const hosts = e.hosts.length === 2 ? 'both' : `${e.hosts[0]} only`;
    return `| \`${e.method} ${e.path}\`${values} | ${e.summary} | ${name(e.request)} | ` +
      `${responses} | \`${e.descriptor}\` | ${hosts} |`;
  });
  return ['| web script (under `/alfresco/s/efr`) | what | request | response | module ' +
    'descriptor | hosts |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

/** Markers around the rendered list in docs/api.md. */
export const ENDPOINT_TABLE_MARKERS = [
  '<!-- endpoints:start (contract/endpoints.ts) -->', '<!-- endpoints:end -->',
] as const;
