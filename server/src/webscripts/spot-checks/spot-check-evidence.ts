import type { Evidence } from '../../../../contract/index.js';
import type { NodeRow } from '../../repo/node-rows.js';
import type { Repository } from '../../repo/repository.js';
import { accessRequestOf } from '../../rules/access-request-state.js';
import { toInstant } from '../../rules/recording-state.js';
import {
  inPeriod, type Scope,
} from '../../../../webscripts/src/spot-checks/campaign-scope.js';
import { msOf, nodesOfType, text } from '../row-reads.js';

/**
 * The automatic evidence a reviewer sees beside the three items of R28.2 for one drawn
 * recording. It informs the reviewer's answer; it never answers for them.
 */

type FindingEvidence = Evidence;
type UnrecordedAct = Evidence['recorded']['unrecordedActs'][number];
type SegmentGap = Evidence['continuous']['gaps'][number];
type LogEvidence = Evidence['handled']['refusals'][number];

/** A pause longer than this between segments counts as a gap (device file splits are ~0 s). */
export const GAP_TOLERANCE_SECONDS = 2;

/** An exemption counts for an act when written for an act within this margin of it. */
const EXEMPTION_MARGIN_MS = 3_600_000;

const READ_ACTIONS = ['read', 'range', 'download'];

/** Access-log entries about a node, in order. */
export function logOf(repo: Repository, nodeId: string): LogEvidence[] {
  const rows = repo.db
    .prepare('SELECT id, entry_json FROM access_log WHERE node_id = ? ORDER BY id')
    .all(nodeId) as { id: number; entry_json: string }[];
  return rows.map((r) => {
    const e = JSON.parse(r.entry_json) as {
      at: string; user: string; action: string; values?: Record<string, string>;
    };
    return { seq: r.id, at: e.at, user: e.user, action: e.action, values: e.values ?? {} };
  });
}

function unrecordedActs(repo: Repository, scope: Scope, officer: string): UnrecordedAct[] {
  const recordedSessions = new Set(
    nodesOfType(repo, 'efr:recording').map((r) => text(r, 'efr:sessionId')),
  );
  const exemptions = nodesOfType(repo, 'efr:exemption')
    .filter((e) => text(e, 'efr:officer') === officer)
    .map((e) => msOf(e, 'efr:actAt'))
    .filter((t): t is number => t !== null);
  const out: UnrecordedAct[] = [];
  for (const s of nodesOfType(repo, 'efr:session')) {
    const start = msOf(s, 'efr:sessionStart');
    if (!inPeriod(scope, start) || start === null) continue;
    const h = s.parentId ? repo.rows.get(s.parentId) : undefined;
    if (!h || text(h, 'efr:officer') !== officer) continue;
    if (recordedSessions.has(text(s, 'efr:sessionId'))) continue;
    const end = msOf(s, 'efr:sessionEnd') ?? start;
    const exempted = exemptions.some(
      (t) => t >= start - EXEMPTION_MARGIN_MS && t <= end + EXEMPTION_MARGIN_MS,
    );
    if (exempted) continue;
    out.push({
      sessionId: text(s, 'efr:sessionId'),
      handoverId: h.id,
      activityType: text(s, 'efr:activityType'),
      location: text(s, 'efr:location'),
      startedAt: toInstant(s.props['efr:sessionStart']),
      endedAt: toInstant(s.props['efr:sessionEnd']),
    });
  }
  return out;
}

function continuity(repo: Repository, rec: NodeRow, handover: NodeRow | undefined):
  FindingEvidence['continuous'] {
  const sessionId = text(rec, 'efr:sessionId');
  const segments = nodesOfType(repo, 'efr:recording')
    .filter((r) => sessionId !== '' && text(r, 'efr:sessionId') === sessionId)
    .sort((a, b) => Number(a.props['efr:segmentIndex'] ?? 0) -
      Number(b.props['efr:segmentIndex'] ?? 0));
  const gaps: SegmentGap[] = [];
  for (let i = 1; i < segments.length; i++) {
    const end = msOf(segments[i - 1], 'efr:recordingEnd');
    const start = msOf(segments[i], 'efr:recordingStart');
    if (end === null || start === null) continue;
    const seconds = (start - end) / 1000;
    if (seconds > GAP_TOLERANCE_SECONDS) {
      gaps.push({ afterSegment: Number(segments[i - 1].props['efr:segmentIndex'] ?? i - 1),
        seconds });
    }
  }
  const declared = nodesOfType(repo, 'efr:session')
    .find((s) => sessionId !== '' && text(s, 'efr:sessionId') === sessionId);
  const count = declared?.props['efr:segmentCount'];
  const offset = handover?.props['efr:clockOffsetSeconds'];
  return {
    sessionId,
    segmentsDeclared: typeof count === 'number' ? count : null,
    segmentsFound: segments.length,
    gaps,
    clockOffsetSeconds: typeof offset === 'number' ? offset : null,
  };
}

/** Whether a read by `user` at `at` was covered by a registered request naming `recId`. */
function registeredRead(repo: Repository, recId: string, user: string, at: string): boolean {
  const t = Date.parse(at);
  const sources = repo.db
    .prepare(`SELECT source_id FROM peer_assocs WHERE target_id = ?
      AND type = 'efr:requestRecordings'`)
    .all(recId) as { source_id: string }[];
  return sources.some(({ source_id }) => {
    const row = repo.rows.get(source_id);
    if (!row) return false;
    const r = accessRequestOf(repo.db, row);
    const from = r.viewingFrom ? Date.parse(r.viewingFrom) : NaN;
    const until = r.viewingUntil ? Date.parse(r.viewingUntil) : NaN;
    return r.viewer === user && r.registeredAt !== null && from <= t && t < until;
  });
}

/** Gathers the evidence of the three items of R28.2 for a drawn recording. */
export function evidenceFor(repo: Repository, scope: Scope, rec: NodeRow): FindingEvidence {
  const officer = text(rec, 'efr:officer') || rec.createdBy;
  const hid = text(rec, 'efr:handoverId');
  const found = hid ? repo.rows.get(hid) : undefined;
  const handover = found && found.type === 'efr:handover' ? found : undefined;
  const exemptions = nodesOfType(repo, 'efr:exemption').filter(
    (e) => text(e, 'efr:officer') === officer && inPeriod(scope, msOf(e, 'efr:actAt')),
  ).length;
  const log = logOf(repo, rec.id);
  return {
    recorded: { officer, unrecordedActs: unrecordedActs(repo, scope, officer), exemptions },
    continuous: continuity(repo, rec, handover),
    handled: {
      handoverId: handover?.id ?? null,
      handoverLate: handover?.props['efr:late'] === true,
      deadline: handover ? toInstant(handover.props['efr:deadline']) : null,
      sealedAt: toInstant(rec.props['efr:sealedAt']),
      unregisteredAccess: log.filter(
        (e) => READ_ACTIONS.includes(e.action) &&
          !registeredRead(repo, rec.id, e.user, e.at),
      ),
      refusals: log.filter((e) => e.action === 'refused'),
    },
  };
}
