/**
 * Fixity audits (issue 18, R26.1) as both hosts read them through the repository port: the
 * policy from the settings, the sealed recordings with their last check (efr:fixityAudited),
 * a round's JSON (contract/archive.ts FixityRound) and the screen's status (core FixityStatus).
 * Everything is read as the repository: coverage counts the whole archive, whatever the caller
 * may open, and the web scripts decide with core first who may see it.
 */
import type { FixityRound } from '../../../contract/index.js';
import {
  DEFAULT_FIXITY_POLICY, fixityCoverage, isFixityPolicy, jobPercent, parseInstant,
  type FixityPolicy, type FixityStatus, type FixitySubject,
} from '../../../core/src/index.js';
import {
  FIXITY_ROUND, instantOf, jobOf, numberOf, PACKAGE_JOB,
} from '../evidence-packages/package-json.js';
import { textProp, type PortNode, type RepositoryPort } from '../repository-port.js';
import { WebScriptError } from '../web-script.js';

export { FIXITY_ROUND, PACKAGE_JOB };

/** The archive folder of the rounds, `EFR 执法记录/完整性核查`. */
export const ROUNDS_FOLDER = '完整性核查';

/** The aspect of a recording's last check. */
export const FIXITY_AUDITED = 'efr:fixityAudited';

/** How many finished rounds the throughput is measured over. */
const RECENT_ROUNDS = 20;

function positiveSetting(port: RepositoryPort, key: 'fixityCycleDays' | 'fixityBytesPerHour',
  dflt: number): number {
  const text = port.setting(key);
  return text === null ? dflt : Number(text);
}

/** The policy from the settings (core's defaults when unset); 503 when a setting is unusable. */
export function fixityPolicyOf(port: RepositoryPort): FixityPolicy {
  const policy = {
    cycleDays: positiveSetting(port, 'fixityCycleDays', DEFAULT_FIXITY_POLICY.cycleDays),
    bytesPerHour: positiveSetting(port, 'fixityBytesPerHour', DEFAULT_FIXITY_POLICY.bytesPerHour),
  };
  if (!isFixityPolicy(policy)) {
    throw new WebScriptError(503, 'efr.fixity.badSetting',
      'The fixity cycle (days) and rate (bytes per hour) must be positive numbers');
  }
  return policy;
}

/** A sealed recording as the audit sees it. */
export interface SealedRecording extends FixitySubject {
  node: PortNode;
  sha256: string;
}

/** Whether the recording is sealed and still has its bytes (not destroyed by disposition). */
export function isAudited(n: PortNode): boolean {
  return n.type === 'efr:recording' && instantOf(n.props['efr:sealedAt']) !== null &&
    n.aspects.indexOf('efr:destroyed') < 0;
}

/** A sealed recording with its last check. */
export function sealedOf(n: PortNode): SealedRecording {
  const checked = instantOf(n.props['efr:fixityCheckedAt']);
  return { id: n.id, size: numberOf(n.props['efr:sizeBytes']),
    lastCheckedAt: checked === null ? null : parseInstant(checked), node: n,
    sha256: (textProp(n, 'efr:sha256') || '').toLowerCase() };
}

/** Every sealed recording of the archive, in id order (read as the repository). */
export function sealedRecordings(port: RepositoryPort): SealedRecording[] {
  return port.asRepository(() => port.nodesOfType('efr:recording')).filter(isAudited)
    .map(sealedOf).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The recordings a round re-hashes (its efr:roundRecordings), read as the repository. */
export function roundRecordings(port: RepositoryPort, roundId: string): PortNode[] {
  return port.asRepository(() => port.targets(roundId, 'efr:roundRecordings'))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A round as the web scripts answer it. */
export function roundJson(port: RepositoryPort, n: PortNode): FixityRound {
  const job = jobOf(n) || { state: 'failed' as const, worker: null, leaseUntil: null,
    bytesDone: 0, bytesTotal: 0 };
  return {
    id: n.id, state: job.state, roundMinutes: numberOf(n.props['efr:roundMinutes']),
    bytesPerHour: numberOf(n.props['efr:roundBytesPerHour']),
    planned: roundRecordings(port, n.id).length,
    checked: numberOf(n.props['efr:roundChecked']),
    mismatches: numberOf(n.props['efr:roundMismatches']),
    bytesDone: job.bytesDone, bytesTotal: job.bytesTotal, percent: jobPercent(job),
    busyMs: numberOf(n.props['efr:roundBusyMs']), worker: job.worker,
    requestedAt: instantOf(n.props['cm:created']) || '',
    requestedBy: textProp(n, 'cm:creator') || '',
    finishedAt: instantOf(n.props['efr:jobFinishedAt']),
  };
}

/** Every round, read as the repository. */
export function allRounds(port: RepositoryPort): PortNode[] {
  return port.asRepository(() => port.nodesOfType(FIXITY_ROUND));
}

/** The newest failed last check among the sealed recordings, with the violation it proposed. */
function lastMismatch(sealed: readonly SealedRecording[]): FixityStatus['lastMismatch'] {
  let worst: SealedRecording | null = null;
  for (const s of sealed) {
    const result = textProp(s.node, 'efr:fixityResult');
    if (result === null || result === 'ok' || s.lastCheckedAt === null) continue;
    if (worst === null || (worst.lastCheckedAt as number) < s.lastCheckedAt) worst = s;
  }
  if (worst === null) return null;
  const actual = textProp(worst.node, 'efr:fixityActual');
  return { nodeId: worst.id, name: worst.node.name,
    checkedAt: new Date(worst.lastCheckedAt as number).toISOString(), expected: worst.sha256,
    actual: actual === null || actual === '' ? null : actual,
    violationId: textProp(worst.node, 'efr:fixityViolation') };
}

/** Coverage, the last mismatch and the throughput of the recent rounds. */
export function fixityStatus(port: RepositoryPort, policy: FixityPolicy): FixityStatus {
  const now = Date.parse(port.now());
  const sealed = sealedRecordings(port);
  const coverage = fixityCoverage(sealed, policy, now);
  const finished = allRounds(port).map((n) => ({ n, at: instantOf(n.props['efr:jobFinishedAt']) }))
    .filter((r) => r.at !== null && textProp(r.n, 'efr:jobState') === 'built')
    .sort((a, b) => ((a.at as string) < (b.at as string) ? 1 : -1));
  let bytes = 0;
  let ms = 0;
  let lastHour = 0;
  for (let i = 0; i < finished.length; i++) {
    const done = numberOf(finished[i].n.props['efr:jobBytesDone']);
    if (i < RECENT_ROUNDS) {
      bytes += done;
      ms += numberOf(finished[i].n.props['efr:roundBusyMs']);
    }
    if (Date.parse(finished[i].at as string) > now - 3600000) lastHour += done;
  }
  return {
    total: coverage.total, checkedInCycle: coverage.checkedInCycle,
    totalBytes: coverage.totalBytes, requiredBytesPerHour: coverage.requiredBytesPerHour,
    cycleFeasible: coverage.cycleFeasible, cycleDays: policy.cycleDays,
    bytesPerHour: policy.bytesPerHour, lastMismatch: lastMismatch(sealed),
    throughput: { bytesPerSecond: ms > 0 ? Math.round(bytes / ms * 1000) : 0,
      bytesLastHour: lastHour, lastRoundAt: finished.length > 0 ? finished[0].at : null },
  };
}
