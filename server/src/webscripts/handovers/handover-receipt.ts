import {
  checkReceipt,
  computeRetention,
  GROUP_EFR_CUSTODIANS,
  isLate,
  isSha256HexAnyCase,
  UNKNOWN_UNIT,
  type HandoverFile,
  type HandoverStatus,
  type LinkedCaseRetention,
} from '../../../../core/src/index.js';
import { appendAccessLog } from '../../access-log/access-log.js';
import { badRequest, forbidden, notFound } from '../../http/errors.js';
import { formatAcsDate, type PropValue } from '../../model/property-values.js';
import { moveNode, updateNode } from '../../repo/node-updates.js';
import type { NodeRow } from '../../repo/node-rows.js';
import { RuleRefusal, type Caller, type Repository } from '../../repo/repository.js';
import { caseIdsOf, toInstant } from '../../rules/recording-state.js';
import { handoverRecordings } from './handover-view.js';

const str = (v: PropValue | undefined): string | null => (typeof v === 'string' ? v : null);
const list = (v: PropValue | undefined): string[] => (Array.isArray(v) ? v.map(String) : []);

/** The body of `POST /alfresco/s/efr/handovers/{id}/receipts`. */
export interface ReceiptBody {
  /** The hashes the custodian verified: bare hex or `sha256sum` lines (`<hex>  <name>`). */
  verifiedHashes: string[];
}

/** What one accepted receipt did. */
export interface ReceiptOutcome {
  status: HandoverStatus;
  /** Whether this receipt sealed the handover after its deadline. */
  late: boolean;
}

/** A handover by id the caller may read (404 for any other node). */
export function handoverById(repo: Repository, c: Caller, id: string): NodeRow {
  const h = repo.getReadable(c, id);
  if (h.type !== 'efr:handover') throw notFound(`The entity with id: ${id} was not found`);
  return h;
}

function parseReceipt(body: unknown): ReceiptBody {
  const b = body as { verifiedHashes?: unknown } | undefined;
  if (
    !b ||
    !Array.isArray(b.verifiedHashes) ||
    b.verifiedHashes.length > 10_000 ||
    !b.verifiedHashes.every((h) => typeof h === 'string')
  ) {
    throw badRequest('verifiedHashes must be an array of SHA-256 values');
  }
  return { verifiedHashes: b.verifiedHashes.map((h: string) => h.trim().split(/\s+/)[0]) };
}

function refusal(
  c: Caller,
  h: NodeRow,
  status: 403 | 409 | 422,
  code: string,
  message: string,
  messageZh: string,
): RuleRefusal {
  return new RuleRefusal(
    { allowed: false, status, code, requirement: 'R21.4', message, messageZh },
    'receipt',
    c.userId,
    h.id,
  );
}

/** The cases a recording is linked to, as retention input (R22.2). */
function linkedCases(repo: Repository, recordingId: string): LinkedCaseRetention[] {
  return caseIdsOf(repo.db, recordingId)
    .map((id) => repo.rows.get(id))
    .filter((n): n is NodeRow => !!n)
    .map((k) => ({
      retentionYears:
        typeof k.props['efr:retentionYears'] === 'number' ? k.props['efr:retentionYears'] : null,
      retentionPermanent: k.props['efr:retentionPermanent'] === true,
      closedAt: k.props['efr:caseStatus'] === 'closed' ? toInstant(k.props['efr:closedAt']) : null,
    }));
}

/**
 * efr:retainUntil is a d:date: round the instant up to the next UTC midnight, so the stored
 * day never ends before core's retention does (R22.1: never shorter than a year).
 */
export function retainUntilDate(instant: string): string {
  const ms = Date.parse(instant);
  const day = Math.ceil(ms / 86_400_000) * 86_400_000;
  return new Date(day).toISOString().slice(0, 10);
}

/** The Recordings archive folder for the sealed files of one handover (created when absent). */
export function archiveFolderFor(repo: Repository, c: Caller, h: NodeRow): NodeRow {
  const rootId = repo.meta('efr_folder_recordings');
  if (!rootId) throw notFound('The archive has no Recordings folder (efr_folder_recordings)');
  const root = repo.getReadable(c, rootId);
  const existing = repo.rows.childByName(root.id, h.name);
  if (existing) return existing;
  repo.require(c, root, 'CreateChildren');
  const folder = repo.newFolderRow(root.id, h.name, c.userId, c.rule.now);
  repo.rows.insert(folder);
  return folder;
}

/**
 * Seals every recording of the handover (R21.4, R26.1, R22.1): the seal facts (a system act:
 * the server's rule hook accepts them because the handover names the same two custodians),
 * the retention from core, then the move into the Recordings archive, one log entry each.
 */
function sealRecordings(
  repo: Repository,
  c: Caller,
  h: NodeRow,
  recordings: NodeRow[],
  at: string,
): void {
  const folder = archiveFolderFor(repo, c, h);
  const by1 = str(h.props['efr:receipt1By']) ?? '';
  for (const r0 of recordings) {
    const end = toInstant(r0.props['efr:recordingEnd']);
    if (end === null) throw badRequest(`Recording ${r0.id} has no end time`);
    const retention = computeRetention({
      recordingEnd: end,
      linkedCases: linkedCases(repo, r0.id),
    });
    const r1 = updateNode(repo, c, r0, {
      properties: {
        'efr:retainUntil':
          retention.retainUntil === null ? null : retainUntilDate(retention.retainUntil),
        'efr:retentionPermanent': retention.permanent,
        // The handover's unit, decided by core when it was opened (issue 19, point 4).
        'efr:unit': str(h.props['efr:unit']) ?? UNKNOWN_UNIT,
      },
    });
    const r2 = updateNode(repo, c, r1, {
      properties: {
        'efr:sealedAt': formatAcsDate(Date.parse(at)),
        'efr:sealedBy1': by1,
        'efr:sealedBy2': c.userId,
      },
    });
    moveNode(repo, c, r2, folder);
    appendAccessLog(repo.db, {
      user: c.userId,
      action: 'seal',
      nodeId: r0.id,
      values: {
        sha256: str(r0.props['efr:sha256']) ?? '',
        sealedBy1: by1,
        sealedBy2: c.userId,
        handoverId: h.id,
        retainUntil: retention.retainUntil ?? (retention.permanent ? 'permanent' : 'held'),
        requirement: 'R21.4',
      },
    });
  }
}

/**
 * One custodian's receipt (R21.4): core's checkReceipt decides; the first leaves the handover
 * pending, the second (a different custodian, same files as the first saw) seals it and its
 * recordings in one transaction, and flags it late after the deadline (R21.1, R21.2).
 */
export function recordReceipt(
  repo: Repository,
  c: Caller,
  id: string,
  raw: unknown,
): ReceiptOutcome {
  const body = parseReceipt(raw);
  return repo.db.transaction((): ReceiptOutcome => {
    const h = handoverById(repo, c, id);
    const p = h.props;
    const status = (str(p['efr:handoverStatus']) ?? 'open') as HandoverStatus;
    const recordings = handoverRecordings(repo, h);
    const files: HandoverFile[] = recordings.map((r) => ({
      recordingId: r.id,
      name: r.name,
      sha256: str(r.props['efr:sha256']) ?? '',
    }));
    const receivedBy = [str(p['efr:receipt1By']), str(p['efr:receipt2By'])].filter(
      (x): x is string => !!x,
    );
    const now = new Date(c.rule.now).toISOString();
    const result = checkReceipt(
      {
        id: h.id,
        status,
        officer: str(p['efr:officer']) ?? '',
        coOfficer: str(p['efr:coOfficer']) ?? '',
        receivedBy,
        files,
      },
      {
        custodian: c.userId,
        isCustodian: c.rule.groups.includes(GROUP_EFR_CUSTODIANS),
        verifiedHashes: body.verifiedHashes,
      },
      now,
    );
    repo.enforce(c, result.verdict, 'receipt', h);
    if (!c.perms.has(h, 'Write')) throw forbidden('Permission was denied (Write)');
    if (status === 'pending') {
      // The second custodian confirms the batch the first one saw: a file added since is refused.
      const first = list(p['efr:receipt1Hashes'])
        .map((l) => l.slice(0, 64))
        .sort()
        .join(',');
      if (
        first !==
        files
          .map((f) => f.sha256)
          .sort()
          .join(',')
      ) {
        throw refusal(
          c,
          h,
          409,
          'efr.handover.filesChanged',
          'Files changed after the first receipt: the first custodian must confirm again.',
          '第一次确认后文件有变动，须由第一名保管人重新确认。',
        );
      }
    }
    if (body.verifiedHashes.some((x) => !isSha256HexAnyCase(x)))
      throw badRequest('Not a SHA-256 value');
    const link = repo.db.prepare(`INSERT OR IGNORE INTO peer_assocs (source_id, target_id, type)
      VALUES (?, ?, 'efr:handoverRecordings')`);
    for (const r of recordings) link.run(h.id, r.id);
    const n = receivedBy.length + 1;
    const next = result.next as HandoverStatus;
    const late = next === 'sealed' && isLate(toInstant(p['efr:deadline']) ?? now, now);
    updateNode(repo, c, repo.rows.get(h.id) as NodeRow, {
      properties: {
        [`efr:receipt${n}By`]: c.userId,
        [`efr:receipt${n}At`]: formatAcsDate(c.rule.now),
        [`efr:receipt${n}Hashes`]: files.map((f) => `${f.sha256}  ${f.name}`),
        'efr:handoverStatus': next,
        ...(next === 'sealed' ? { 'efr:late': late } : {}),
      },
    });
    appendAccessLog(repo.db, {
      user: c.userId,
      action: 'receipt',
      nodeId: h.id,
      values: { status: next, files: String(files.length), requirement: 'R21.4' },
    });
    if (next === 'sealed') {
      sealRecordings(repo, c, repo.rows.get(h.id) as NodeRow, recordings, now);
    }
    return { status: next, late };
  })();
}
