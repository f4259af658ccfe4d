/**
 * Scheduled fixity audits in server/ (issue 18; R26.1 over the years): every sealed
 * recording's stored bytes are re-hashed within the cycle, at the configured bytes per hour;
 * each check is an access-log event (`fixity.check`), and a mismatch proposes a violation
 * (R29.1) and raises a `fixity.alert` entry addressed to custodians and supervisors, which the
 * fixity screen and the violation register show. Which recordings a round takes is core's
 * rule (fixity.ts); this file reads the bytes and records the results.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import {
  DEFAULT_FIXITY_POLICY, fixityCoverage, GROUP_EFR_CUSTODIANS, GROUP_EFR_SUPERVISORS,
  isFixityPolicy, planFixityRound, type FixityPolicy, type FixityStatus, type FixitySubject,
} from '../../../core/src/index.js';
import { appendAccessLog } from '../access-log/access-log.js';
import { formatAcsDate } from '../model/property-values.js';
import type { Repository } from '../repo/repository.js';
import { proposeViolation } from '../webscripts/violations/violation-records.js';
import { unitResolver } from '../../../webscripts/src/recording-unit.js';
import { serverPort } from '../webscripts/port/server-port.js';

/** Bytes read per call: large reads keep the hash near sha256sum's speed. */
const READ_SIZE = 4 * 1024 * 1024;

/** The policy from EFR_FIXITY_CYCLE_DAYS and EFR_FIXITY_BYTES_PER_HOUR (defaults from core). */
export function fixityPolicyFromEnv(env = process.env): FixityPolicy {
  const policy = {
    cycleDays: Number(env.EFR_FIXITY_CYCLE_DAYS ?? DEFAULT_FIXITY_POLICY.cycleDays),
    bytesPerHour: Number(env.EFR_FIXITY_BYTES_PER_HOUR ?? DEFAULT_FIXITY_POLICY.bytesPerHour),
  };
  if (!isFixityPolicy(policy)) {
    throw new Error('EFR_FIXITY_CYCLE_DAYS and EFR_FIXITY_BYTES_PER_HOUR must be positive numbers');
  }
  return policy;
}

interface Sealed extends FixitySubject {
  readonly name: string;
  readonly contentHash: string;
  readonly sealedSha256: string;
}

/** Every sealed recording (efr:sealedAt set at handover receipt) with its last check. */
function sealedRecordings(repo: Repository): Sealed[] {
  return (repo.db.prepare(`SELECT n.id, n.name, n.content_hash, n.content_size,
      json_extract(n.props, '$."efr:sha256"') AS sealed, f.checked_at
    FROM nodes n LEFT JOIN fixity_checks f ON f.node_id = n.id
    WHERE n.type = 'efr:recording' AND n.content_hash IS NOT NULL
      AND json_extract(n.props, '$."efr:sealedAt"') IS NOT NULL ORDER BY n.id`).all() as
    { id: string; name: string; content_hash: string; content_size: number; sealed: string | null;
      checked_at: number | null }[]).map((r) => ({ id: r.id, name: r.name, size: r.content_size,
    lastCheckedAt: r.checked_at, contentHash: r.content_hash,
    sealedSha256: (r.sealed ?? '').toLowerCase() }));
}

/** Reads a file through SHA-256 at most `bytesPerSecond` (Infinity: as fast as it goes). */
export async function hashFile(path: string, bytesPerSecond = Infinity):
  Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(READ_SIZE);
  const file = await open(path, 'r');
  const start = Date.now();
  let bytes = 0;
  try {
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, READ_SIZE, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
      const ahead = bytes / bytesPerSecond * 1000 - (Date.now() - start);
      if (ahead > 5) await new Promise((r) => setTimeout(r, ahead));
    }
  } finally {
    await file.close();
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** What one round did. */
export interface FixityRound {
  readonly files: number;
  readonly bytes: number;
  readonly mismatches: readonly { nodeId: string; violationId: string }[];
  readonly busyMs: number;
}

/**
 * Runs one round: plans it with core, re-hashes each file (paced to the policy's rate unless
 * `unpaced`), and records each result in one transaction with its log entry.
 */
export async function runFixityRound(repo: Repository, policy: FixityPolicy, roundMs: number,
  opts: { now?: number; unpaced?: boolean } = {}): Promise<FixityRound> {
  const started = opts.now ?? Date.now();
  const all = sealedRecordings(repo);
  const plan = planFixityRound(all, policy, started, roundMs) as Sealed[];
  const rate = opts.unpaced ? Infinity : policy.bytesPerHour / 3600;
  let bytes = 0;
  let busyMs = 0;
  const mismatches: { nodeId: string; violationId: string }[] = [];
  for (const s of plan) {
    const t0 = Date.now();
    let actual: string | null;
    let read = 0;
    try {
      const r = await hashFile(repo.store.pathOf(s.contentHash), rate);
      actual = r.sha256;
      read = r.bytes;
    } catch (err) {
      // ENOENT/EACCES: the stored file is gone or unreadable, which is a failed check too.
      if (!(err instanceof Error && 'code' in err)) throw err;
      actual = null;
    }
    busyMs += Date.now() - t0;
    bytes += read;
    const violationId = recordCheck(repo, s, actual, read, opts.now ?? Date.now());
    if (violationId) mismatches.push({ nodeId: s.id, violationId });
  }
  repo.db.prepare(`INSERT INTO fixity_rounds (started_at, ended_at, files, bytes, busy_ms,
    mismatches) VALUES (?, ?, ?, ?, ?, ?)`).run(started, opts.now ?? Date.now(), plan.length,
    bytes, busyMs, mismatches.length);
  return { files: plan.length, bytes, mismatches, busyMs };
}

/** Records one check; on a mismatch proposes the violation and raises the alert. */
function recordCheck(repo: Repository, s: Sealed, actual: string | null, bytes: number,
  now: number): string | undefined {
  return repo.db.transaction(() => {
    const ok = actual !== null && actual === s.sealedSha256;
    const entry = appendAccessLog(repo.db, { user: 'System', action: 'fixity.check', nodeId: s.id, values: {
      result: ok ? 'ok' : actual === null ? 'missing' : 'mismatch', expected: s.sealedSha256,
      actual: actual ?? '', bytes: String(bytes), requirement: 'R26.1' } }, now);
    repo.db.prepare(`INSERT INTO fixity_checks (node_id, checked_at, ok, expected, actual, bytes,
      log_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(node_id) DO UPDATE SET
      checked_at = excluded.checked_at, ok = excluded.ok, expected = excluded.expected,
      actual = excluded.actual, bytes = excluded.bytes, log_id = excluded.log_id`)
      .run(s.id, now, ok ? 1 : 0, s.sealedSha256, actual, bytes, entry.seq);
    if (ok) return undefined;
    const rec = repo.rows.get(s.id);
    const c = repo.systemCaller('fixity-audit', 'admin', now);
    const v = proposeViolation(repo, c, {
      kind: 'falsifiedOrEdited', officer: '待查明 to be determined',
      unit: rec ? unitResolver(serverPort(repo, c)).ofRecording(rec) : '-',
      sourceReference: `fixity:${s.id}:${actual ?? 'missing'}`, subjectId: s.id,
      proposedBy: 'system',
      description: `Fixity audit: the stored bytes of ${s.name} ` +
        (actual === null ? 'are missing' : `hash to ${actual}, not the sealed ${s.sealedSha256}`) +
        ` (${formatAcsDate(now)}). / 定期完整性核查：录像 ${s.name} 的存储内容` +
        (actual === null ? '缺失' : '与封存哈希值不符') + '。',
    });
    repo.log({ user: 'System', action: 'fixity.alert', nodeId: s.id, values: {
      violationId: v.id, alerted: `${GROUP_EFR_CUSTODIANS},${GROUP_EFR_SUPERVISORS}`,
      expected: s.sealedSha256, actual: actual ?? '', requirement: 'R29.1' } });
    return v.id;
  })();
}

/** Coverage, last mismatch and throughput for the screen. */
export function fixityStatus(repo: Repository, policy: FixityPolicy, now = Date.now()):
  FixityStatus {
  const coverage = fixityCoverage(sealedRecordings(repo), policy, now);
  const bad = repo.db.prepare(`SELECT f.node_id, f.checked_at, f.expected, f.actual, n.name
    FROM fixity_checks f LEFT JOIN nodes n ON n.id = f.node_id WHERE f.ok = 0
    ORDER BY f.checked_at DESC LIMIT 1`).get() as { node_id: string; checked_at: number;
      expected: string; actual: string | null; name: string | null } | undefined;
  const violation = bad && repo.db.prepare(`SELECT id FROM nodes WHERE type = 'efr:violation'
    AND json_extract(props, '$."efr:sourceReference"') = ?`)
    .pluck().get(`fixity:${bad.node_id}:${bad.actual ?? 'missing'}`) as string | undefined;
  const recent = repo.db.prepare(`SELECT COALESCE(SUM(bytes), 0) AS bytes,
    COALESCE(SUM(busy_ms), 0) AS ms, MAX(ended_at) AS last FROM (SELECT * FROM fixity_rounds
    ORDER BY id DESC LIMIT 20)`).get() as { bytes: number; ms: number; last: number | null };
  const hour = repo.db.prepare('SELECT COALESCE(SUM(bytes), 0) FROM fixity_rounds ' +
    'WHERE ended_at > ?').pluck().get(now - 3600000) as number;
  return { ...coverage, cycleDays: policy.cycleDays, bytesPerHour: policy.bytesPerHour,
    lastMismatch: bad ? { nodeId: bad.node_id, name: bad.name ?? bad.node_id,
      checkedAt: formatAcsDate(bad.checked_at), expected: bad.expected, actual: bad.actual,
      violationId: violation ?? null } : null,
    throughput: { bytesPerSecond: recent.ms > 0 ? Math.round(recent.bytes / recent.ms * 1000) : 0,
      bytesLastHour: hour, lastRoundAt: recent.last === null ? null
        : formatAcsDate(recent.last) } };
}

/**
 * Runs a round every EFR_FIXITY_ROUND_MINUTES (default 10), one at a time; returns the stop
 * function. The timer does not keep the process alive.
 */
export function scheduleFixityAudits(repo: Repository, policy: FixityPolicy,
  roundMs = Number(process.env.EFR_FIXITY_ROUND_MINUTES ?? 10) * 60000): () => void {
  let running = false;
  let stopped = false;
  const tick = (): void => {
    if (running || stopped) return;
    running = true;
    runFixityRound(repo, policy, roundMs).catch((err: Error) => {
      // A closed database at shutdown or a busy one: logged, the next round retries.
      if (!stopped) console.warn(`efr: fixity round failed: ${err.message}`);
    }).finally(() => {
      running = false;
    });
  };
  const timer = setInterval(tick, Math.max(1000, roundMs));
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
