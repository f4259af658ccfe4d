import type { Exemption } from '../../../../contract/index.js';
import {
  DEFAULT_EXEMPTION_REMIND_HOURS,
  exemptionReminder,
  type ExemptionState,
  type ExemptionStatus,
} from '../../../../core/src/index.js';
import type { NodeRow } from '../../repo/node-rows.js';
import type { Caller, Repository } from '../../repo/repository.js';
import { archiveFolder, instantOf, targetOf, textOf } from '../devices/record-writes.js';

/**
 * The reminder time in hours: EFR_EXEMPTION_REMIND_HOURS when it is a positive number,
 * otherwise core's default (a bad setting must not stop the list from answering).
 */
export function remindHours(
  env: string | undefined = process.env.EFR_EXEMPTION_REMIND_HOURS,
): number {
  const n = Number(env);
  return env !== undefined && env.trim() !== '' && Number.isFinite(n) && n > 0
    ? n
    : DEFAULT_EXEMPTION_REMIND_HOURS;
}

/** The record as JSON, with its reminder state at `now`. */
export function exemptionJson(repo: Repository, n: NodeRow, now: string): Exemption {
  const status = textOf(n, 'efr:exemptionStatus') ?? 'written';
  const writtenAt = instantOf(n, 'efr:writtenAt');
  const acknowledgedAt = instantOf(n, 'efr:acknowledgedAt');
  return {
    id: n.id,
    name: n.name,
    status: status as ExemptionStatus,
    author: textOf(n, 'efr:officer') ?? n.createdBy,
    coOfficer: textOf(n, 'efr:coOfficer'),
    leader: textOf(n, 'efr:leader') ?? '',
    actAt: instantOf(n, 'efr:actAt'),
    activityType: textOf(n, 'efr:activityType') ?? '',
    location: textOf(n, 'efr:location') ?? '',
    ground: textOf(n, 'efr:exemptionGround') ?? '',
    basis: textOf(n, 'efr:basis') ?? '',
    writtenAt,
    acknowledgedAt,
    filedBy: textOf(n, 'efr:filedBy'),
    filedAt: instantOf(n, 'efr:filedAt'),
    caseId: targetOf(repo, n.id, 'efr:exemptionCase')?.id ?? null,
    caseNumber: textOf(n, 'efr:caseNumber'),
    reminder: exemptionReminder(
      { status: status as ExemptionStatus, writtenAt: writtenAt ?? '', acknowledgedAt },
      now,
      remindHours(),
    ),
  };
}

/** The record as core's state machine sees it. */
export function exemptionState(n: NodeRow): ExemptionState {
  const status = (textOf(n, 'efr:exemptionStatus') ?? 'written') as ExemptionStatus;
  return {
    id: n.id,
    status: status as ExemptionStatus,
    author: textOf(n, 'efr:officer') ?? n.createdBy,
    leaderInCharge: textOf(n, 'efr:leader'),
    acknowledgedBy: status === 'written' ? null : textOf(n, 'efr:leader'),
    acknowledgedAt: instantOf(n, 'efr:acknowledgedAt'),
    filedBy: textOf(n, 'efr:filedBy'),
    filedAt: instantOf(n, 'efr:filedAt'),
  };
}

/** Every exemption record the caller may read, newest first. */
export function listExemptions(repo: Repository, c: Caller): NodeRow[] {
  const folder = archiveFolder(repo, 'exemptions');
  const raw = repo.db
    .prepare(
      `SELECT * FROM nodes WHERE parent_id = ? AND type = 'efr:exemption'
    ORDER BY created_at DESC, id`,
    )
    .all(folder.id);
  return repo.rows
    .fromRawRows(raw as Parameters<typeof repo.rows.fromRawRows>[0])
    .filter((n) => c.perms.has(n, 'Read'));
}
