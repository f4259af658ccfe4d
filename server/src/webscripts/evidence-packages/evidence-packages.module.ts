/**
 * Evidence packages (R23.1), under /alfresco/s/efr:
 *
 * - `POST /evidence-packages` {caseId | caseNumber, recordings[], producer, extractor, medium,
 *   label}: legal staff or custodians (core checkEvidencePackage) ask for a disc of sealed
 *   recordings of the case; answered 202 with the package, which efr worker builds (the job web
 *   scripts of ./package-jobs.ts): each recording checked against its sealed SHA-256 while read,
 *   the image uploaded into the package and checked against the repository's own hash; the
 *   packaging is logged on the package and on every recording when the image is stored;
 * - `GET /evidence-packages?caseId=…` (or caseNumber): the packages of a case, with progress.
 * Refusals: 403/404/409/422 from core before anything is stored (logged). A disc that does not
 * fit its medium (`efr.evidence.exceedsMedium`, with the proposed split) or a recording that no
 * longer matches its seal (`efr.evidence.fixityMismatch`, logged as an alert on the recording)
 * ends the job as `failed` with that code.
 */
import { checkEvidencePackage, SECRECY_LEVELS } from '../../../../core/src/index.js';
import { badRequest, notFound } from '../../http/errors.js';
import { listBody, pageOf, parsePaging } from '../../http/paging.js';
import type { NodeRow } from '../../repo/node-rows.js';
import type { Caller, Repository } from '../../repo/repository.js';
import { formatAcsDate } from '../../model/property-values.js';
import {
  actorOf, bodyOf, elevated, entrySuffix, insertRecord, nowIso, optText, readableOfType, textOf,
} from '../devices/record-writes.js';
import { provenExtract } from '../../access-log/tree-heads.js';
import type { WebScriptModule } from '../web-script-host.js';
import { jobRequests, packageJobsModule } from './package-jobs.js';
import { packageJson, packagesOfCase, sourceRecording } from './package-records.js';

/** Finds the case by id or number (404 when missing or unreadable). */
function caseFrom(repo: Repository, c: Caller, caseId?: string, caseNumber?: string): NodeRow {
  if (caseId) return readableOfType(repo, c, caseId, 'efr:case');
  if (!caseNumber) throw badRequest('caseId or caseNumber is required');
  const row = repo.db.prepare(`SELECT p.node_id AS id FROM node_props p JOIN nodes n ON
    n.id = p.node_id WHERE p.qname = 'efr:caseNumber' AND p.v_text = ? AND n.type = 'efr:case'
    LIMIT 1`).get(caseNumber) as { id: string } | undefined;
  if (!row) throw notFound(`The case ${caseNumber} was not found`);
  return readableOfType(repo, c, row.id, 'efr:case');
}

function recordingIdsOf(b: Record<string, unknown>): string[] {
  const r = b.recordings;
  if (!Array.isArray(r) || r.length > 500 ||
    r.some((x) => typeof x !== 'string' || x.length > 64)) {
    throw badRequest('recordings must be an array of up to 500 node ids');
  }
  return r as string[];
}

/** The highest secrecy level of the recordings: the disc is as confidential as its content. */
function highestSecrecy(rows: NodeRow[]): string {
  let best = 0;
  for (const r of rows) {
    best = Math.max(best, SECRECY_LEVELS.indexOf(textOf(r, 'efr:secrecyLevel') as never));
  }
  return SECRECY_LEVELS[Math.max(0, best)];
}

/**
 * Records one package request (R23.1) as a job for efr worker (issue 15): everything that can
 * be decided before a byte is read is decided here (who, which case, which sealed recordings,
 * the description's facts); the image is built by the worker, which may still fail the job
 * (the disc does not fit its medium, a recording no longer matches its seal).
 */
export function requestPackage(repo: Repository, c: Caller, b: Record<string, unknown>): NodeRow {
  const caseNode = caseFrom(repo, c, optText(b, 'caseId', 64), optText(b, 'caseNumber', 100));
  const ids = recordingIdsOf(b);
  const rows = ids.map((id) => readableOfType(repo, elevated(repo, c), id, 'efr:recording'));
  const recordings = rows.map((r) => sourceRecording(repo, r));
  const now = nowIso(c);
  const producer = optText(b, 'producer', 100) ?? '';
  const extractor = optText(b, 'extractor', 100) ?? '';
  const medium = optText(b, 'medium', 10) ?? '';
  const label = optText(b, 'label', 100) ?? '';
  repo.enforce(c, checkEvidencePackage({ caseId: caseNode.id, recordings: recordings.map((r) =>
    ({ id: r.id, sealed: r.sealed, caseIds: r.caseIds, sha256: r.sha256 || null })),
  producer, extractor, extractionTime: now, medium, discLabel: label, now }, actorOf(c)),
  'evidence.package', caseNode);
  if ([...label].length > 32) throw badRequest('label has at most 32 characters');
  const caseNumber = textOf(caseNode, 'efr:caseNumber') ?? caseNode.name;
  return repo.db.transaction(() => {
    const node = insertRecord(repo, elevated(repo, c), caseNode, {
      name: `证据光盘_${entrySuffix(c.rule.now)}.iso`, type: 'efr:evidencePackage', isFile: true,
      aspects: ['efr:packageJob'],
      props: { 'cm:title': label, 'efr:producer': producer, 'efr:extractor': extractor,
        'efr:extractionTime': formatAcsDate(c.rule.now), 'efr:medium': medium,
        'efr:discLabel': label, 'efr:discIndex': 1, 'efr:discCount': 1,
        'efr:caseNumber': caseNumber, 'efr:secrecyLevel': highestSecrecy(rows),
        'efr:jobState': 'requested', 'efr:jobBytesDone': 0, 'efr:jobBytesTotal': 0 },
      targets: [{ targetId: caseNode.id, assocType: 'efr:packageCase' },
        ...rows.map((r) => ({ targetId: r.id, assocType: 'efr:packageRecordings' }))],
    });
    repo.log({ user: c.userId, action: 'evidence.package.requested', nodeId: node.id, values: {
      caseNumber, producer, extractor, medium, recordings: String(rows.length),
      requirement: 'R23.1' } });
    return node;
  })();
}

/** The web scripts of evidence packages. */
export const evidencePackagesModule: WebScriptModule = (ws, repo) => {
  packageJobsModule(packageJson)(ws, repo);
  ws.post('/evidence-packages', async (req) => {
    const node = requestPackage(repo, req.caller, bodyOf(req.body));
    jobRequests.emit('requested', node.id);
    // 202: recorded; efr worker builds the image (GET /evidence-packages/{id} shows progress).
    return { status: 202, body: { entry: packageJson(repo, node) } };
  });

  ws.get('/evidence-packages', (req) => {
    const q = req.query;
    const one = (k: string): string | undefined =>
      (typeof q[k] === 'string' ? q[k] as string : undefined);
    const caseNode = caseFrom(repo, req.caller, one('caseId'), one('caseNumber'));
    const paging = parsePaging(q);
    const all = packagesOfCase(repo, req.caller, caseNode).map((n) => packageJson(repo, n));
    return { body: listBody(pageOf(all, paging), paging, all.length) };
  });
};
