import type { Handover, HandoverStatus } from '../../../../contract/index.js';
import type { PropValue } from '../../model/property-values.js';
import type { NodeRow } from '../../repo/node-rows.js';
import type { Caller, Repository } from '../../repo/repository.js';
import { toInstant } from '../../rules/recording-state.js';

const str = (v: PropValue | undefined): string | null => (typeof v === 'string' ? v : null);
const num = (v: PropValue | undefined): number => (typeof v === 'number' ? v : 0);

/** The recordings of a handover: children while open, linked by efr:handoverRecordings after. */
export function handoverRecordings(repo: Repository, h: NodeRow): NodeRow[] {
  const ids = new Set(repo.rows.childIds(h.id));
  for (const r of repo.db
    .prepare(
      `SELECT target_id FROM peer_assocs WHERE source_id = ?
    AND type = 'efr:handoverRecordings'`,
    )
    .all(h.id) as { target_id: string }[])
    ids.add(r.target_id);
  return [...ids]
    .map((id) => repo.rows.get(id))
    .filter((n): n is NodeRow => n !== undefined && n.type === 'efr:recording')
    .sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
}

/** The declared sessions of a handover (its efr:session children), in declared order. */
export function handoverSessions(repo: Repository, h: NodeRow): NodeRow[] {
  return repo.rows
    .childIds(h.id)
    .map((id) => repo.rows.get(id))
    .filter((n): n is NodeRow => n !== undefined && n.type === 'efr:session')
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}

/** Id of the violation opened for this handover (source of efr:violationSubject), or null. */
export function violationOf(repo: Repository, h: NodeRow): string | null {
  const r = repo.db
    .prepare(
      `SELECT source_id FROM peer_assocs WHERE target_id = ?
    AND type = 'efr:violationSubject' LIMIT 1`,
    )
    .get(h.id) as { source_id: string } | undefined;
  return r?.source_id ?? null;
}

/** Serialises a handover with its sessions, files and receipts (contract/handovers.ts). */
export function handoverJson(repo: Repository, c: Caller, h: NodeRow): Handover {
  const p = h.props;
  const status = (str(p['efr:handoverStatus']) ?? 'open') as HandoverStatus;
  const deadline = toInstant(p['efr:deadline']);
  const receipts = [1, 2]
    .filter((i) => str(p[`efr:receipt${i}By`]) !== null)
    .map((i) => ({
      by: str(p[`efr:receipt${i}By`]) as string,
      at: toInstant(p[`efr:receipt${i}At`]),
    }));
  return {
    id: h.id,
    name: h.name,
    officer: str(p['efr:officer']) ?? '',
    coOfficer: str(p['efr:coOfficer']) ?? '',
    deviceSerial: str(p['efr:deviceSerial']) ?? '',
    unit: str(p['efr:unit']),
    returnedAt: toInstant(p['efr:returnedAt']),
    fieldWorkEnd: toInstant(p['efr:fieldWorkEnd']),
    awayWork: p['efr:awayWork'] === true,
    deadline,
    status,
    late: p['efr:late'] === true,
    overdue: status !== 'sealed' && deadline !== null && Date.parse(deadline) < c.rule.now,
    receipts,
    preUseCheck: h.aspects.includes('efr:preUseCheck')
      ? {
          working: p['efr:deviceWorking'] === true,
          batteryPercent: num(p['efr:batteryPercent']),
          freeStorageMb: num(p['efr:freeStorageMb']),
          clockOffsetSeconds: num(p['efr:clockOffsetSeconds']),
          checkedAt: toInstant(p['efr:checkedAt']),
          checkedBy: str(p['efr:checkedBy']) ?? '',
        }
      : null,
    sessions: handoverSessions(repo, h).map((s) => ({
      id: s.id,
      sessionId: str(s.props['efr:sessionId']) ?? '',
      activityType: str(s.props['efr:activityType']) ?? '',
      place: str(s.props['efr:location']) ?? '',
      startedAt: toInstant(s.props['efr:sessionStart']),
      endedAt: toInstant(s.props['efr:sessionEnd']),
      segmentCount: num(s.props['efr:segmentCount']),
      noticeText: str(s.props['cm:description']) ?? '',
      interruptionNote: str(s.props['efr:interruptionNote']),
    })),
    files: handoverRecordings(repo, h)
      .filter((r) => c.perms.has(r, 'Read'))
      .map((r) => ({
        id: r.id,
        name: r.name,
        sha256: str(r.props['efr:sha256']) ?? '',
        sizeBytes: num(r.props['efr:sizeBytes']),
        sessionId: str(r.props['efr:sessionId']),
        sealed: typeof r.props['efr:sealedAt'] === 'string',
        parentId: r.parentId,
      })),
    violationId: violationOf(repo, h),
    createdAt: new Date(h.createdAt).toISOString(),
    createdBy: h.createdBy,
  };
}
