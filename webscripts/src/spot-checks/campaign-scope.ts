/**
 * The population of a spot check (R28.1), once for both hosts: the recordings whose capture
 * started in the campaign's period (the port's one query, `recordingsStartedIn`, read as the
 * repository: the draw covers the whole archive whatever the supervisor may open, and the player
 * still goes through the supervision request, R25.1), each with the unit and officer that
 * stratify core's draw, filtered by the campaign's units.
 */
import { formatInstant, parseInstant, type DrawItem } from '../../../core/src/index.js';
import { unitResolver } from '../recording-unit.js';
import { textProp, type PortNode, type RepositoryPort } from '../repository-port.js';

/** Where a period starts (inclusive) and ends (exclusive), epoch ms, and its units filter. */
export interface Scope {
  from: number;
  to: number;
  /** Units in scope; empty = all units. */
  units: readonly string[];
}

/** One recording of the population: the draw's item and the node it was read from. */
export interface Member {
  item: DrawItem;
  recording: PortNode;
}

/** Whether epoch ms `t` lies in the scope's period. */
export function inPeriod(scope: Scope, t: number | null): boolean {
  return t !== null && t >= scope.from && t < scope.to;
}

/** The text values of a multi-valued property (units), in stored order. */
export function textsOf(n: PortNode, name: string): string[] {
  const v = n.props[name];
  const out: string[] = [];
  if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') out.push(x);
  return out;
}

/** The stored scope of a campaign. */
export function scopeOf(campaign: PortNode): Scope {
  return {
    from: parseInstant(textProp(campaign, 'efr:periodFrom')) || 0,
    to: parseInstant(textProp(campaign, 'efr:periodTo')) || 0,
    units: textsOf(campaign, 'efr:units'),
  };
}

/** The recordings of the scope as the draw's items (id, unit, officer), in id order. */
export function population(port: RepositoryPort, scope: Scope): Member[] {
  const units = unitResolver(port);
  const out: Member[] = [];
  for (const r of port.recordingsStartedIn(formatInstant(scope.from), formatInstant(scope.to))) {
    // The stored instant decides, as everywhere else (the adapters' index holds the same).
    if (!inPeriod(scope, parseInstant(textProp(r, 'efr:recordingStart')))) continue;
    const unit = units.ofRecording(r);
    if (scope.units.length > 0 && scope.units.indexOf(unit) < 0) continue;
    out.push({ recording: r, item: { id: r.id, unit,
      officer: textProp(r, 'efr:officer') || textProp(r, 'cm:creator') || '' } });
  }
  return out;
}
