/**
 * Evidence packages (R23.1), under /alfresco/s/efr:
 *
 * - `POST /evidence-packages` {caseId | caseNumber, recordings[], producer, extractor, medium,
 *   label}: legal staff or custodians (core checkEvidencePackage) copy sealed recordings of
 *   the case onto a disc image built here, streamed into the content store (never held in
 *   memory), each recording checked against its sealed SHA-256 while read; stored as an
 *   efr:evidencePackage in the case folder, linked to the case and the recordings, with its
 *   own SHA-256; the packaging is logged on the package and on every recording;
 * - `GET /evidence-packages?caseId=…` (or caseNumber): the packages of a case.
 * Refusals: 403/409/422 from core (logged), 422 `efr.evidence.exceedsMedium` with a proposed
 * split before any byte is read, 409 `efr.evidence.fixityMismatch` naming the file (logged as
 * an alert on the recording; nothing is stored).
 */
import { Readable } from 'node:stream';
import {
  checkEvidencePackage, SECRECY_LEVELS, type PackageFacts,
} from '../../../../core/src/index.js';
import { badRequest, notFound } from '../../http/errors.js';
import { listBody, pageOf, parsePaging } from '../../http/paging.js';
import type { NodeRow } from '../../repo/node-rows.js';
import type { Caller, Repository } from '../../repo/repository.js';
import { createNode } from '../../repo/node-writes.js';
import { formatAcsDate } from '../../model/property-values.js';
import {
  FixityError, PackageTooLargeError, preparePackage,
} from '../../evidence/package-image.js';
import {
  actorOf, bodyOf, elevated, entrySuffix, nowIso, optText, readableOfType, textOf,
} from '../devices/record-writes.js';
import { provenExtract } from '../../access-log/tree-heads.js';
import type { WebScriptModule } from '../web-script-host.js';
import { ExceedsMediumError, FixityAlertError } from './package-errors.js';
import {
  logEntriesOf, packageJson, packagesOfCase, sourceRecording,
} from './package-records.js';

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

/** Builds, stores and logs one package (R23.1); returns the package node. */
export async function makePackage(repo: Repository, c: Caller, b: Record<string, unknown>):
  Promise<NodeRow> {
  const caseNode = caseFrom(repo, c, optText(b, 'caseId', 64), optText(b, 'caseNumber', 100));
  const ids = recordingIdsOf(b);
  const rows = ids.map((id) => readableOfType(repo, elevated(repo, c), id, 'efr:recording'));
  const recordings = rows.map((r) => sourceRecording(repo, r));
  const now = nowIso(c);
  const facts: PackageFacts = {
    caseId: caseNode.id, caseNumber: textOf(caseNode, 'efr:caseNumber') ?? caseNode.name,
    caseTitle: textOf(caseNode, 'cm:title') ?? caseNode.name,
    producer: optText(b, 'producer', 100) ?? '', extractor: optText(b, 'extractor', 100) ?? '',
    extractionTime: now, medium: optText(b, 'medium', 10) ?? '',
    label: optText(b, 'label', 100) ?? '', source: 'EFR repository (server/)',
  };
  repo.enforce(c, checkEvidencePackage({ caseId: caseNode.id, recordings: recordings.map((r) =>
    ({ id: r.id, sealed: r.sealed, caseIds: r.caseIds, sha256: r.sha256 || null })),
  producer: facts.producer, extractor: facts.extractor, extractionTime: now,
  medium: facts.medium, discLabel: facts.label, now }, actorOf(c)), 'evidence.package', caseNode);
  if ([...facts.label].length > 32) throw badRequest('label has at most 32 characters');
  let prepared;
  try {
    prepared = await preparePackage({ facts, recordings,
      ...provenExtract(repo.db, logEntriesOf(repo, rows.map((r) => r.id), c.rule.now)) });
  } catch (err) {
    if (!(err instanceof PackageTooLargeError)) throw err;
    repo.log({ user: c.userId, action: 'refused', nodeId: caseNode.id, values: {
      attempted: 'evidence.package', code: 'efr.evidence.exceedsMedium', requirement: 'R23.1',
      status: '422', message: err.message } });
    throw new ExceedsMediumError(err);
  }
  let staged;
  try {
    staged = await repo.store.stage(Readable.fromWeb(prepared.stream() as never));
  } catch (err) {
    if (!(err instanceof FixityError)) throw err;
    // An alert: the stored original no longer matches its seal (R26.1); nothing is stored.
    repo.log({ user: c.userId, action: 'evidence.fixityMismatch', nodeId: err.recordingId,
      values: { path: err.path, expected: err.expected, actual: err.actual,
        caseNumber: facts.caseNumber, requirement: 'R26.1' } });
    throw new FixityAlertError(err);
  }
  const node = await createNode(repo, elevated(repo, c), caseNode, {
    name: `证据光盘_${entrySuffix(c.rule.now)}.iso`, nodeType: 'efr:evidencePackage',
    autoRename: true, fromText: false,
    properties: { 'cm:title': facts.label, 'efr:producer': facts.producer,
      'efr:extractor': facts.extractor, 'efr:extractionTime': formatAcsDate(c.rule.now),
      'efr:medium': facts.medium, 'efr:discLabel': facts.label, 'efr:discIndex': 1,
      'efr:discCount': 1, 'efr:caseNumber': facts.caseNumber,
      'efr:secrecyLevel': highestSecrecy(rows) },
    targets: [{ targetId: caseNode.id, assocType: 'efr:packageCase' },
      ...rows.map((r) => ({ targetId: r.id, assocType: 'efr:packageRecordings' }))],
    content: { staged, mimeType: 'application/x-iso9660-image' },
  });
  repo.db.transaction(() => {
    for (const target of [node, ...rows]) {
      repo.log({ user: c.userId, action: 'evidence.package', nodeId: target.id, values: {
        packageId: node.id, caseNumber: facts.caseNumber, imageSha256: staged.sha256,
        producer: facts.producer, extractor: facts.extractor, medium: facts.medium,
        recordings: String(rows.length), requirement: 'R23.1' } });
    }
  })();
  return node;
}

/** The web scripts of evidence packages. */
export const evidencePackagesModule: WebScriptModule = (ws, repo) => {
  ws.post('/evidence-packages', async (req) => {
    const node = await makePackage(repo, req.caller, bodyOf(req.body));
    return { status: 201, body: { entry: packageJson(repo, node) } };
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
