import type { DrawItem } from '../../../../core/src/index.js';
import type { NodeRow } from '../../repo/node-rows.js';
import type { Repository } from '../../repo/repository.js';
import { toInstant } from '../../rules/recording-state.js';

/**
 * The population of a spot check (R28.1): the recordings whose capture started in the period,
 * with the unit and officer that stratify the draw. Read as the repository itself: the draw
 * covers the whole archive whatever the supervisor may open, and the player still goes
 * through the supervision request (R25.1).
 */

/** Where a period starts (inclusive) and ends (exclusive), epoch ms, and its units filter. */
export interface Scope {
  from: number;
  to: number;
  /** Units in scope; empty = all units. */
  units: readonly string[];
}

/** Every node of `type`, with aspects, in id order. */
export function nodesOfType(repo: Repository, type: string): NodeRow[] {
  const raw = repo.db.prepare('SELECT * FROM nodes WHERE type = ? ORDER BY id').all(type);
  return repo.rows.fromRawRows(raw as Parameters<typeof repo.rows.fromRawRows>[0]);
}

/** Epoch ms of a stored date property, or null. */
export function msOf(n: NodeRow, key: string): number | null {
  const iso = toInstant(n.props[key]);
  return iso === null ? null : Date.parse(iso);
}

/** A stored text property, or ''. */
export function text(n: NodeRow, key: string): string {
  const v = n.props[key];
  return typeof v === 'string' ? v : '';
}

/** Whether epoch ms `t` lies in the scope's period. */
export function inPeriod(scope: Scope, t: number | null): boolean {
  return t !== null && t >= scope.from && t < scope.to;
}

/**
 * Resolves the unit of records: the handover's unit (taken from the device at handover), else
 * the unit of the device that recorded it, else `-` (kept visible as its own stratum rather
 * than dropped, so the draw never silently ignores a recording).
 */
export class UnitResolver {
  private readonly devices = new Map<string, string>();
  private readonly handovers = new Map<string, string>();

  constructor(private readonly repo: Repository) {
    for (const d of nodesOfType(repo, 'efr:device')) {
      this.devices.set(text(d, 'efr:deviceSerial'), text(d, 'efr:unit'));
    }
  }

  /** The unit of a handover row. */
  ofHandover(h: NodeRow): string {
    const u = text(h, 'efr:unit');
    if (u !== '' && u !== '-') return u;
    return this.devices.get(text(h, 'efr:deviceSerial')) || '-';
  }

  /** The unit of a recording (or session) row. */
  ofRecording(r: NodeRow): string {
    const hid = text(r, 'efr:handoverId');
    let cached = this.handovers.get(hid);
    if (cached === undefined) {
      const h = hid ? this.repo.rows.get(hid) : undefined;
      cached = h && h.type === 'efr:handover' ? text(h, 'efr:unit') : '';
      this.handovers.set(hid, cached);
    }
    if (cached !== '' && cached !== '-') return cached;
    return this.devices.get(text(r, 'efr:deviceSerial')) || '-';
  }
}

/**
 * The recordings whose capture started in the scope's period, in id order: found on the
 * (qname, v_num) index of efr:recordingStart and read 500 rows at a time, so a month among
 * 100 000 recordings reads that month's rows, not the archive.
 */
function* recordingsStartedIn(repo: Repository, scope: Scope): Generator<NodeRow> {
  const ids = repo.db
    .prepare(
      `SELECT p.node_id FROM node_props p INDEXED BY node_props_num_node
      CROSS JOIN nodes n ON n.id = p.node_id
      WHERE p.qname = 'efr:recordingStart' AND p.v_num >= ? AND p.v_num < ?
        AND n.type = 'efr:recording'
      ORDER BY p.node_id`,
    )
    .pluck()
    .all(scope.from, scope.to) as string[];
  for (let i = 0; i < ids.length; i += 500) yield* repo.rows.getMany(ids.slice(i, i + 500));
}

/** The recordings of the scope, as the draw's items (id, unit, officer). */
export function population(repo: Repository, scope: Scope): DrawItem[] {
  const units = new UnitResolver(repo);
  const out: DrawItem[] = [];
  for (const r of recordingsStartedIn(repo, scope)) {
    // The stored text decides, as everywhere else (the index row holds the same instant).
    if (!inPeriod(scope, msOf(r, 'efr:recordingStart'))) continue;
    const unit = units.ofRecording(r);
    if (scope.units.length > 0 && !scope.units.includes(unit)) continue;
    out.push({ id: r.id, unit, officer: text(r, 'efr:officer') || r.createdBy });
  }
  return out;
}
