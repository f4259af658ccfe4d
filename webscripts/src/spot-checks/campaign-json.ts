/**
 * Spot-check campaigns (`efr:spotCheck` folders in the archive's `抽查` folder) and their
 * findings (`efr:finding` children, one per drawn recording, linked by efr:findingRecording) as
 * both hosts answer them (contract/spot-checks.ts), read through the repository port. Who
 * reviewed a finding and when are its cm:modifier / cm:modified once it is not pending.
 */
import type { Campaign, Finding as FindingJson, Progress } from '../../../contract/index.js';
import {
  campaignProgress, type Finding, type FindingStatus, type ItemResult,
} from '../../../core/src/index.js';
import { textProp, type PortNode, type RepositoryPort } from '../repository-port.js';
import { readableOfType, WebScriptError } from '../web-script.js';
import { scopeOf } from './campaign-scope.js';

/** The campaigns' folder in the archive (server/src/demo/archive-folders.ts `spotChecks`). */
export const SPOT_CHECKS_FOLDER = '抽查';

/** The three items of R28.2: result property and note property. */
export const ITEM_PROPS: readonly [string, string][] = [
  ['efr:itemRecorded', 'efr:itemRecordedNote'],
  ['efr:itemContinuous', 'efr:itemContinuousNote'],
  ['efr:itemHandled', 'efr:itemHandledNote'],
];

const text = textProp;

/** The campaigns' folder (503 when the archive is not set up). */
export function campaignsFolder(port: RepositoryPort): PortNode {
  const f = port.archiveFolder(SPOT_CHECKS_FOLDER);
  if (f === null) {
    throw new WebScriptError(503, 'efr.archive.notSetUp',
      'The archive folder ' + SPOT_CHECKS_FOLDER + ' is not set up');
  }
  return f;
}

/** A campaign the caller may read (404 for a missing, unreadable or other node). */
export function campaignById(port: RepositoryPort, id: string): PortNode {
  return readableOfType(port, id, 'efr:spotCheck');
}

/** Every campaign of the campaigns' folder the caller may read, newest first (then by id). */
export function listCampaigns(port: RepositoryPort): PortNode[] {
  const f = port.archiveFolder(SPOT_CHECKS_FOLDER);
  return (f === null ? [] : port.children(f.id, 'efr:spotCheck')).sort((a, b) => {
    const x = text(a, 'cm:created') || '';
    const y = text(b, 'cm:created') || '';
    if (x !== y) return x < y ? 1 : -1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** The findings of a campaign, in name order (the draw's order). */
export function findingsOf(port: RepositoryPort, campaign: PortNode): PortNode[] {
  return port.children(campaign.id, 'efr:finding');
}

/** The recording a finding is about, or null. */
export function recordingOf(port: RepositoryPort, f: PortNode): PortNode | null {
  const recs = port.targets(f.id, 'efr:findingRecording');
  return recs.length > 0 ? recs[0] : null;
}

/** The note core checks: the failed items' notes, or null when a failed item has none. */
export function coreNote(n: PortNode): string | null {
  const failed = ITEM_PROPS.filter((p) => text(n, p[0]) === 'fail');
  const notes = (failed.length > 0 ? failed : ITEM_PROPS).map((p) => text(n, p[1]) || '');
  for (const t of notes) if (failed.length > 0 && t.replace(/\s+/g, '') === '') return null;
  const joined = notes.filter((t) => t.replace(/\s+/g, '') !== '').join(' / ');
  return joined === '' ? null : joined;
}

/** The finding as core sees it (R28.2), of the recording `recordingId`. */
export function findingOf(n: PortNode, recordingId: string): Finding {
  return {
    recordingId,
    status: (text(n, 'efr:findingStatus') || 'pending') as FindingStatus,
    itemRecorded: text(n, 'efr:itemRecorded') as ItemResult | null,
    itemContinuous: text(n, 'efr:itemContinuous') as ItemResult | null,
    itemHandled: text(n, 'efr:itemHandled') as ItemResult | null,
    note: coreNote(n),
    skipReason: text(n, 'efr:skipReason'),
  };
}

/** The finding as core sees it, its recording read through its association. */
export function findingState(port: RepositoryPort, n: PortNode): Finding {
  const rec = recordingOf(port, n);
  return findingOf(n, rec === null ? '' : rec.id);
}

/** Counts of a campaign's findings by status. */
export function progressOf(port: RepositoryPort, campaign: PortNode): Progress {
  return campaignProgress(findingsOf(port, campaign).map((f) => findingOf(f, '')));
}

function numberOf(n: PortNode, name: string): number {
  const v = n.props[name];
  return typeof v === 'number' ? v : Number(v || 0);
}

/** A campaign as JSON. */
export function campaignJson(port: RepositoryPort, n: PortNode): Campaign {
  return {
    id: n.id,
    name: n.name,
    title: text(n, 'cm:title') || n.name,
    status: (text(n, 'efr:spotCheckStatus') || 'open') as Campaign['status'],
    from: text(n, 'efr:periodFrom'),
    to: text(n, 'efr:periodTo'),
    units: scopeOf(n).units.slice(),
    proportion: numberOf(n, 'efr:proportion'),
    seed: text(n, 'efr:seed') || '',
    populationSize: numberOf(n, 'efr:populationSize'),
    sampleSize: numberOf(n, 'efr:sampleSize'),
    createdBy: text(n, 'cm:creator') || '',
    // cm:created is kept on every node (cm:auditable) by both hosts.
    createdAt: text(n, 'cm:created') || '',
    closedAt: text(n, 'efr:closedAt'),
    progress: progressOf(port, n),
  };
}

/** A finding as JSON (as `sample` lists it). */
export function findingJson(port: RepositoryPort, n: PortNode): FindingJson {
  const rec = recordingOf(port, n);
  const status = (text(n, 'efr:findingStatus') || 'pending') as FindingJson['status'];
  const reviewed = status !== 'pending';
  return {
    id: n.id,
    recordingId: rec === null ? null : rec.id,
    recordingName: rec === null ? null : rec.name,
    officer: rec === null ? null : text(rec, 'efr:officer'),
    status,
    itemRecorded: text(n, 'efr:itemRecorded') as ItemResult | null,
    itemContinuous: text(n, 'efr:itemContinuous') as ItemResult | null,
    itemHandled: text(n, 'efr:itemHandled') as ItemResult | null,
    notes: {
      recorded: text(n, 'efr:itemRecordedNote'),
      continuous: text(n, 'efr:itemContinuousNote'),
      handled: text(n, 'efr:itemHandledNote'),
    },
    placementObservation: text(n, 'efr:placementObservation'),
    conductObservation: text(n, 'efr:conductObservation'),
    skipReason: text(n, 'efr:skipReason'),
    reviewedBy: reviewed ? text(n, 'cm:modifier') : null,
    reviewedAt: reviewed ? text(n, 'cm:modified') : null,
  };
}

/** The finding of a campaign by its id or its recording's id (400 when not in the sample). */
export function findingIn(port: RepositoryPort, campaign: PortNode, key: string): PortNode {
  for (const f of findingsOf(port, campaign)) {
    if (f.id === key) return f;
    const rec = recordingOf(port, f);
    if (rec !== null && rec.id === key) return f;
  }
  throw new WebScriptError(400, 'framework.exception.InvalidArgument',
    key + ' is not in the sample of this spot check');
}
