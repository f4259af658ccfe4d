import type { Assessment, Violation } from '../../../../contract/index.js';
import {
  findingFailed,
  qualityReport,
  type ActFact,
  type FindingFact,
  type HandoverFact,
  type SessionFact,
} from '../../../../core/src/index.js';
import type { Repository } from '../../repo/repository.js';
import { toInstant } from '../../rules/recording-state.js';
import { unitResolver } from '../../../../webscripts/src/recording-unit.js';
import { findingState } from '../../../../webscripts/src/spot-checks/campaign-json.js';
import { nodeView, serverPort } from '../port/server-port.js';
import { msOf, nodesOfType, text } from '../row-reads.js';
import { GAP_TOLERANCE_SECONDS } from '../spot-checks/spot-check-evidence.js';
import { violationJson } from '../violations/violation-records.js';

/**
 * Gathers the facts of core's quality report (R28.1) from the repository: declared sessions
 * are the field acts (recorded when a file of the session arrived; exemption records are acts
 * that need no recording, R11.1), sessions with files give continuity (gaps between segments
 * or fewer files than declared), sealed handovers give timeliness, completed spot-check
 * findings give the pass rate, confirmed violations are counted (R29.1) and listed with their
 * measures (R30.1).
 */

const iso = (ms: number): string => new Date(ms).toISOString();

/** Builds the assessment of [from, to). */
export function assessment(repo: Repository, from: string, to: string): Assessment {
  // Read as the repository: the assessment counts every record of the period.
  const port = serverPort(repo, repo.systemCaller('quality'));
  const units = unitResolver(port);
  const recordings = nodesOfType(repo, 'efr:recording');
  const bySession = new Map<string, typeof recordings>();
  for (const r of recordings) {
    const s = text(r, 'efr:sessionId');
    if (s === '') continue;
    bySession.set(s, [...(bySession.get(s) ?? []), r]);
  }
  const acts: ActFact[] = [];
  const sessions: SessionFact[] = [];
  const handovers: HandoverFact[] = [];
  const findings: FindingFact[] = [];
  const violations: { officer: string; unit: string; at: string }[] = [];
  for (const s of nodesOfType(repo, 'efr:session')) {
    const h = s.parentId ? repo.rows.get(s.parentId) : undefined;
    const start = msOf(s, 'efr:sessionStart');
    if (!h || start === null) continue;
    const who = { officer: text(h, 'efr:officer'), unit: units.ofHandover(h), at: iso(start) };
    const files = (bySession.get(text(s, 'efr:sessionId')) ?? []).sort((a, b) =>
      Number(a.props['efr:segmentIndex'] ?? 0) - Number(b.props['efr:segmentIndex'] ?? 0));
    acts.push({ ...who, needsRecording: true, recorded: files.length > 0 });
    if (files.length === 0) continue;
    let gap = typeof s.props['efr:segmentCount'] === 'number' &&
      files.length < (s.props['efr:segmentCount'] as number);
    for (let i = 1; i < files.length; i++) {
      const end = msOf(files[i - 1], 'efr:recordingEnd');
      const next = msOf(files[i], 'efr:recordingStart');
      if (end !== null && next !== null && (next - end) / 1000 > GAP_TOLERANCE_SECONDS) gap = true;
    }
    sessions.push({ ...who, hasGap: gap });
  }
  for (const e of nodesOfType(repo, 'efr:exemption')) {
    const at = msOf(e, 'efr:actAt');
    if (at === null) continue;
    acts.push({ officer: text(e, 'efr:officer'), unit: '-', at: iso(at), needsRecording: false,
      recorded: false });
  }
  for (const h of nodesOfType(repo, 'efr:handover')) {
    if (text(h, 'efr:handoverStatus') !== 'sealed') continue;
    const at = msOf(h, 'efr:fieldWorkEnd') ?? msOf(h, 'efr:receipt2At');
    if (at === null) continue;
    handovers.push({ officer: text(h, 'efr:officer'), unit: units.ofHandover(h), at: iso(at),
      late: h.props['efr:late'] === true });
  }
  for (const f of nodesOfType(repo, 'efr:finding')) {
    const st = findingState(port, nodeView(repo, f));
    const rec = st.recordingId ? repo.rows.get(st.recordingId) : undefined;
    if (st.status !== 'done' || !rec) continue;
    findings.push({
      officer: text(rec, 'efr:officer'), unit: units.ofRecording(rec),
      at: iso(f.modifiedAt), passed: !findingFailed(st) });
  }
  const confirmed: Violation[] = [];
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  for (const v of nodesOfType(repo, 'efr:violation')) {
    if (text(v, 'efr:violationStatus') !== 'confirmed') continue;
    const at = toInstant(v.props['efr:proposedAt']);
    if (at === null) continue;
    violations.push({
      officer: text(v, 'efr:officer'), unit: text(v, 'efr:unit') || '-', at });
    const t = Date.parse(at);
    if (t >= fromMs && t < toMs) confirmed.push(violationJson(repo, v));
  }
  const report = qualityReport({ from, to, acts, sessions, handovers, findings, violations });
  return { from, to, report, violations: confirmed };
}
