/**
 * The automatic evidence a reviewer sees beside the three items of R28.2 for one drawn
 * recording, once for both hosts (issues 15/18), read through the repository port: it informs
 * the reviewer's answer; it never answers for them.
 * - recorded: the officer's declared sessions of the period without a recording nor an
 *   exemption record near them (R11.1);
 * - continuous: the session's segments, gaps between them, the clock offset of the handover;
 * - handled: the handover's deadline and lateness, and from the access log (the port's
 *   `accessLog`) the content reads not covered by a registered request (R24.2) and the refusals.
 * In ACS the log is the `efr-access` audit application: a read is its `READ` entry; a refused
 * attempt is never there (rolled back with its transaction), so `refusals` is empty in the
 * module (docs/api.md "In the ACS module").
 */
import type { Evidence } from '../../../contract/index.js';
import { parseInstant } from '../../../core/src/index.js';
import { accessRequestOf } from '../access-requests/access-request-of.js';
import {
  textProp, type PortLogEntry, type PortNode, type RepositoryPort,
} from '../repository-port.js';

type UnrecordedAct = Evidence['recorded']['unrecordedActs'][number];
type SegmentGap = Evidence['continuous']['gaps'][number];
type LogEvidence = Evidence['handled']['refusals'][number];

/** Where a period starts (inclusive) and ends (exclusive), epoch ms (a campaign's scope). */
export interface EvidencePeriod {
  from: number;
  to: number;
}

/** A pause longer than this between segments counts as a gap (device file splits are ~0 s). */
export const GAP_TOLERANCE_SECONDS = 2;

/** An exemption counts for an act when written for an act within this margin of it. */
const EXEMPTION_MARGIN_MS = 3600000;

const text = (n: PortNode, p: string): string => textProp(n, p) || '';

/** Epoch ms of a date-time property, or null. */
function msOf(n: PortNode, p: string): number | null {
  return parseInstant(textProp(n, p));
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

function inPeriod(period: EvidencePeriod, t: number | null): boolean {
  return t !== null && t >= period.from && t < period.to;
}

/** A port log entry as the evidence lists it. */
function logEvidence(e: PortLogEntry): LogEvidence {
  return { seq: e.seq, at: e.at, user: e.user, action: e.action, values: e.values };
}

function unrecordedActs(port: RepositoryPort, period: EvidencePeriod,
  officer: string): UnrecordedAct[] {
  const recorded: Record<string, boolean> = {};
  for (const r of port.nodesOfType('efr:recording')) recorded['$' + text(r, 'efr:sessionId')] = true;
  const exemptions: number[] = [];
  for (const e of port.nodesOfType('efr:exemption')) {
    const at = msOf(e, 'efr:actAt');
    if (text(e, 'efr:officer') === officer && at !== null) exemptions.push(at);
  }
  const out: UnrecordedAct[] = [];
  for (const h of port.nodesOfType('efr:handover')) {
    if (text(h, 'efr:officer') !== officer) continue;
    for (const s of port.children(h.id, 'efr:session')) {
      const start = msOf(s, 'efr:sessionStart');
      if (start === null || !inPeriod(period, start)) continue;
      if (recorded['$' + text(s, 'efr:sessionId')]) continue;
      const endMs = msOf(s, 'efr:sessionEnd');
      const end = endMs === null ? start : endMs;
      if (exemptions.some((t) => t >= start - EXEMPTION_MARGIN_MS &&
        t <= end + EXEMPTION_MARGIN_MS)) continue;
      out.push({
        sessionId: text(s, 'efr:sessionId'),
        handoverId: h.id,
        activityType: text(s, 'efr:activityType'),
        location: text(s, 'efr:location'),
        startedAt: textProp(s, 'efr:sessionStart'),
        endedAt: textProp(s, 'efr:sessionEnd'),
      });
    }
  }
  return out.sort((a, b) => ((a.startedAt || '') < (b.startedAt || '') ? -1 : 1));
}

function continuity(port: RepositoryPort, rec: PortNode,
  handover: PortNode | null): Evidence['continuous'] {
  const sessionId = text(rec, 'efr:sessionId');
  const index = (r: PortNode): number => num(r.props['efr:segmentIndex']) || 0;
  const segments = sessionId === '' ? [] : port.nodesOfType('efr:recording')
    .filter((r) => text(r, 'efr:sessionId') === sessionId)
    .sort((a, b) => index(a) - index(b));
  const gaps: SegmentGap[] = [];
  for (let i = 1; i < segments.length; i++) {
    const end = msOf(segments[i - 1], 'efr:recordingEnd');
    const start = msOf(segments[i], 'efr:recordingStart');
    if (end === null || start === null) continue;
    const seconds = (start - end) / 1000;
    if (seconds > GAP_TOLERANCE_SECONDS) {
      const after = num(segments[i - 1].props['efr:segmentIndex']);
      gaps.push({ afterSegment: after === null ? i - 1 : after, seconds });
    }
  }
  let declared: PortNode | null = null;
  if (sessionId !== '') {
    for (const s of port.nodesOfType('efr:session')) {
      if (text(s, 'efr:sessionId') === sessionId) {
        declared = s;
        break;
      }
    }
  }
  return {
    sessionId,
    segmentsDeclared: declared === null ? null : num(declared.props['efr:segmentCount']),
    segmentsFound: segments.length,
    gaps,
    clockOffsetSeconds: handover === null ? null : num(handover.props['efr:clockOffsetSeconds']),
  };
}

/** Whether a read by `user` at `at` was covered by a registered request naming the recording. */
function registeredRead(port: RepositoryPort, requests: PortNode[], user: string,
  at: string): boolean {
  const t = Date.parse(at);
  return requests.some((n) => {
    const r = accessRequestOf(port, n);
    const from = r.viewingFrom === null ? NaN : Date.parse(r.viewingFrom);
    const until = r.viewingUntil === null ? NaN : Date.parse(r.viewingUntil);
    return r.viewer === user && r.registeredAt !== null && from <= t && t < until;
  });
}

/** Gathers the evidence of the three items of R28.2 for a drawn recording. */
export function evidenceFor(port: RepositoryPort, period: EvidencePeriod,
  rec: PortNode): Evidence {
  const officer = text(rec, 'efr:officer') || text(rec, 'cm:creator');
  const hid = text(rec, 'efr:handoverId');
  const found = hid === '' ? null : port.node(hid);
  const handover = found !== null && found.type === 'efr:handover' ? found : null;
  let exemptions = 0;
  for (const e of port.nodesOfType('efr:exemption')) {
    if (text(e, 'efr:officer') === officer && inPeriod(period, msOf(e, 'efr:actAt'))) {
      exemptions++;
    }
  }
  const log = port.accessLog({ nodeId: rec.id });
  const requests = port.sources(rec.id, 'efr:requestRecordings')
    .filter((n) => n.type === 'efr:accessRequest');
  return {
    recorded: { officer, unrecordedActs: unrecordedActs(port, period, officer), exemptions },
    continuous: continuity(port, rec, handover),
    handled: {
      handoverId: handover === null ? null : handover.id,
      handoverLate: handover !== null && handover.props['efr:late'] === true,
      deadline: handover === null ? null : textProp(handover, 'efr:deadline'),
      sealedAt: textProp(rec, 'efr:sealedAt'),
      unregisteredAccess: log
        .filter((e) => e.kind === 'contentRead' && !registeredRead(port, requests, e.user, e.at))
        .map(logEvidence),
      refusals: log.filter((e) => e.kind === 'refused').map(logEvidence),
    },
  };
}
