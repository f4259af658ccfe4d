import type {
  Campaign, Finding as FindingJson, Progress,
} from '../../../../contract/index.js';
import {
  campaignProgress,
  type Finding,
  type FindingStatus,
  type ItemResult,
} from '../../../../core/src/index.js';
import type { NodeRow } from '../../repo/node-rows.js';
import type { Caller, Repository } from '../../repo/repository.js';
import { toInstant } from '../../rules/recording-state.js';
import { readableOfType, targetOf } from '../devices/record-writes.js';
import type { Scope } from './spot-check-population.js';

/**
 * Spot-check campaigns (`efr:spotCheck` folders) and their findings (`efr:finding` children,
 * one per drawn recording, linked by efr:findingRecording) as the web scripts answer them.
 */

const str = (n: NodeRow, k: string): string | null =>
  typeof n.props[k] === 'string' ? (n.props[k] as string) : null;

/** The findings of a campaign, in name order (the draw's id order). */
export function findingsOf(repo: Repository, campaign: NodeRow): NodeRow[] {
  const raw = repo.db
    .prepare(`SELECT * FROM nodes WHERE parent_id = ? AND type = 'efr:finding' ORDER BY name`)
    .all(campaign.id);
  return repo.rows.fromRawRows(raw as Parameters<typeof repo.rows.fromRawRows>[0]);
}

/** The note core checks: the failed items' notes, or null when a failed item has none. */
export function coreNote(n: NodeRow): string | null {
  const items: [string, string][] = [
    ['efr:itemRecorded', 'efr:itemRecordedNote'],
    ['efr:itemContinuous', 'efr:itemContinuousNote'],
    ['efr:itemHandled', 'efr:itemHandledNote'],
  ];
  const failed = items.filter(([k]) => n.props[k] === 'fail');
  const notes = (failed.length > 0 ? failed : items).map(([, note]) => str(n, note) ?? '');
  if (failed.length > 0 && notes.some((t) => t.trim() === '')) return null;
  const joined = notes.filter((t) => t.trim() !== '').join(' / ');
  return joined === '' ? null : joined;
}

/** The finding as core sees it (R28.2). */
export function findingState(repo: Repository, n: NodeRow): Finding {
  return {
    recordingId: targetOf(repo, n.id, 'efr:findingRecording')?.id ?? '',
    status: (str(n, 'efr:findingStatus') ?? 'pending') as FindingStatus,
    itemRecorded: str(n, 'efr:itemRecorded') as ItemResult | null,
    itemContinuous: str(n, 'efr:itemContinuous') as ItemResult | null,
    itemHandled: str(n, 'efr:itemHandled') as ItemResult | null,
    note: coreNote(n),
    skipReason: str(n, 'efr:skipReason'),
  };
}

/** Counts of a campaign's findings by status. */
export function progressOf(repo: Repository, campaign: NodeRow): Progress {
  return campaignProgress(findingsOf(repo, campaign).map((f) => findingState(repo, f)));
}

/** The campaign's period and units. */
export function scopeOf(campaign: NodeRow): Scope {
  const units = campaign.props['efr:units'];
  return {
    from: Date.parse(toInstant(campaign.props['efr:periodFrom']) ?? ''),
    to: Date.parse(toInstant(campaign.props['efr:periodTo']) ?? ''),
    units: Array.isArray(units) ? units.filter((u): u is string => typeof u === 'string') : [],
  };
}

/** A campaign as JSON. */
export function campaignJson(repo: Repository, n: NodeRow): Campaign {
  const s = scopeOf(n);
  return {
    id: n.id,
    name: n.name,
    title: str(n, 'cm:title') ?? n.name,
    status: (str(n, 'efr:spotCheckStatus') ?? 'open') as Campaign['status'],
    from: toInstant(n.props['efr:periodFrom']),
    to: toInstant(n.props['efr:periodTo']),
    units: [...s.units],
    proportion: Number(n.props['efr:proportion'] ?? 0),
    seed: str(n, 'efr:seed') ?? '',
    populationSize: Number(n.props['efr:populationSize'] ?? 0),
    sampleSize: Number(n.props['efr:sampleSize'] ?? 0),
    createdBy: n.createdBy,
    createdAt: new Date(n.createdAt).toISOString(),
    closedAt: toInstant(n.props['efr:closedAt']),
    progress: progressOf(repo, n),
  };
}

/** A finding as JSON. */
export function findingJson(repo: Repository, n: NodeRow): FindingJson {
  const rec = targetOf(repo, n.id, 'efr:findingRecording');
  const status = (str(n, 'efr:findingStatus') ?? 'pending') as FindingJson['status'];
  return {
    id: n.id,
    recordingId: rec?.id ?? null,
    recordingName: rec?.name ?? null,
    officer: rec ? str(rec, 'efr:officer') : null,
    status,
    itemRecorded: str(n, 'efr:itemRecorded') as ItemResult | null,
    itemContinuous: str(n, 'efr:itemContinuous') as ItemResult | null,
    itemHandled: str(n, 'efr:itemHandled') as ItemResult | null,
    notes: {
      recorded: str(n, 'efr:itemRecordedNote'),
      continuous: str(n, 'efr:itemContinuousNote'),
      handled: str(n, 'efr:itemHandledNote'),
    },
    placementObservation: str(n, 'efr:placementObservation'),
    conductObservation: str(n, 'efr:conductObservation'),
    skipReason: str(n, 'efr:skipReason'),
    reviewedBy: status === 'pending' ? null : n.modifiedBy,
    reviewedAt: status === 'pending' ? null : new Date(n.modifiedAt).toISOString(),
  };
}

/** A campaign the caller may read (404 otherwise). */
export function campaignById(repo: Repository, c: Caller, id: string): NodeRow {
  return readableOfType(repo, c, id, 'efr:spotCheck');
}

/** Every campaign, newest first. */
export function listCampaigns(repo: Repository, c: Caller): NodeRow[] {
  const raw = repo.db
    .prepare(`SELECT * FROM nodes WHERE type = 'efr:spotCheck' ORDER BY created_at DESC, id`)
    .all();
  return repo.rows
    .fromRawRows(raw as Parameters<typeof repo.rows.fromRawRows>[0])
    .filter((n) => c.perms.has(n, 'Read'));
}
