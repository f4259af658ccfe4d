/**
 * The facts of core's quality report (R28.1), gathered through the repository port, once for
 * both hosts (issue 15): declared sessions are the field acts (recorded when a file of the
 * session arrived; exemption records are acts that need no recording, R11.1), sessions with
 * files give continuity (gaps between segments or fewer files than declared), sealed handovers
 * give timeliness, completed spot-check findings give the pass rate, confirmed violations are
 * counted (R29.1) and those of the period listed with their measures (R30.1).
 */
import type { Assessment, Violation } from '../../../contract/index.js';
import {
  findingFailed, parseInstant, qualityReport, type ActFact, type FindingFact, type HandoverFact,
  type ItemResult, type SessionFact,
} from '../../../core/src/index.js';
import { unitResolver } from '../recording-unit.js';
import { textProp, type PortNode, type RepositoryPort } from '../repository-port.js';
import { GAP_TOLERANCE_SECONDS } from '../spot-checks/finding-evidence.js';
import { violationJson } from '../violations/violation-json.js';

const text = (n: PortNode, p: string): string => textProp(n, p) || '';
const msOf = (n: PortNode, p: string): number | null => parseInstant(textProp(n, p));
const iso = (ms: number): string => new Date(ms).toISOString();
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** Whether a finding is done and failed an item (core's findingFailed over its items). */
function findingOutcome(f: PortNode): { done: boolean; failed: boolean } {
  const item = (p: string): ItemResult | null => (textProp(f, p) as ItemResult | null);
  return {
    done: text(f, 'efr:findingStatus') === 'done',
    failed: findingFailed({ recordingId: '', status: 'done', note: null, skipReason: null,
      itemRecorded: item('efr:itemRecorded'), itemContinuous: item('efr:itemContinuous'),
      itemHandled: item('efr:itemHandled') }),
  };
}

/** Builds the assessment of [from, to) (ISO 8601 UTC instants). */
export function assessmentOf(port: RepositoryPort, from: string, to: string): Assessment {
  const units = unitResolver(port);
  const bySession: Record<string, PortNode[]> = {};
  for (const r of port.nodesOfType('efr:recording')) {
    const s = text(r, 'efr:sessionId');
    if (s === '') continue;
    (bySession['$' + s] = bySession['$' + s] || []).push(r);
  }
  const acts: ActFact[] = [];
  const sessions: SessionFact[] = [];
  const handovers: HandoverFact[] = [];
  const findings: FindingFact[] = [];
  const violations: { officer: string; unit: string; at: string }[] = [];
  const allHandovers = port.nodesOfType('efr:handover');
  for (const h of allHandovers) {
    for (const s of port.children(h.id, 'efr:session')) {
      const start = msOf(s, 'efr:sessionStart');
      if (start === null) continue;
      const who = { officer: text(h, 'efr:officer'), unit: units.ofHandover(h), at: iso(start) };
      const files = (bySession['$' + text(s, 'efr:sessionId')] || []).slice().sort((a, b) =>
        num(a.props['efr:segmentIndex']) - num(b.props['efr:segmentIndex']));
      acts.push({ officer: who.officer, unit: who.unit, at: who.at, needsRecording: true,
        recorded: files.length > 0 });
      if (files.length === 0) continue;
      const declared = s.props['efr:segmentCount'];
      let gap = typeof declared === 'number' && files.length < declared;
      for (let i = 1; i < files.length; i++) {
        const end = msOf(files[i - 1], 'efr:recordingEnd');
        const next = msOf(files[i], 'efr:recordingStart');
        if (end !== null && next !== null && (next - end) / 1000 > GAP_TOLERANCE_SECONDS) {
          gap = true;
        }
      }
      sessions.push({ officer: who.officer, unit: who.unit, at: who.at, hasGap: gap });
    }
  }
  for (const e of port.nodesOfType('efr:exemption')) {
    const at = msOf(e, 'efr:actAt');
    if (at === null) continue;
    acts.push({ officer: text(e, 'efr:officer'), unit: '-', at: iso(at), needsRecording: false,
      recorded: false });
  }
  for (const h of allHandovers) {
    if (text(h, 'efr:handoverStatus') !== 'sealed') continue;
    const end = msOf(h, 'efr:fieldWorkEnd');
    const at = end !== null ? end : msOf(h, 'efr:receipt2At');
    if (at === null) continue;
    handovers.push({ officer: text(h, 'efr:officer'), unit: units.ofHandover(h), at: iso(at),
      late: h.props['efr:late'] === true });
  }
  for (const f of port.nodesOfType('efr:finding')) {
    const outcome = findingOutcome(f);
    const recs = port.targets(f.id, 'efr:findingRecording');
    const at = msOf(f, 'cm:modified');
    if (!outcome.done || recs.length === 0 || at === null) continue;
    findings.push({ officer: text(recs[0], 'efr:officer'), unit: units.ofRecording(recs[0]),
      at: iso(at), passed: !outcome.failed });
  }
  const confirmed: Violation[] = [];
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  for (const v of port.nodesOfType('efr:violation')) {
    if (text(v, 'efr:violationStatus') !== 'confirmed') continue;
    const at = textProp(v, 'efr:proposedAt');
    if (at === null) continue;
    violations.push({ officer: text(v, 'efr:officer'), unit: text(v, 'efr:unit') || '-', at });
    const t = Date.parse(at);
    if (t >= fromMs && t < toMs) confirmed.push(violationJson(port, v));
  }
  const report = qualityReport({ from, to, acts, sessions, handovers, findings, violations });
  return { from, to, report, violations: confirmed };
}
