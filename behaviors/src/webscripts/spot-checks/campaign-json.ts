/**
 * Spot-check campaigns (`efr:spotCheck` folders) and their findings (`efr:finding` children,
 * one per drawn recording, linked by efr:findingRecording) as the read web scripts answer
 * them: the same JSON as server/'s (server/src/webscripts/spot-checks/spot-check-records.ts,
 * `CampaignJson`, `FindingJson`), read from ScriptNodes. Who reviewed a finding and when are
 * ACS's cm:modifier / cm:modified of the finding, as server/ answers its row's modifier.
 */
import type { Campaign, Finding, ItemResult, ListOf } from '../../../../contract/index.js';
import { campaignProgress, type CampaignProgress } from '../../../../core/src/index.js';
import { plainNumber, plainString, plainStrings } from '../../lib/java-values.js';
import { nodeProp } from '../../lib/model-names.js';
import {
  archiveFolder, childrenOfType, findNodeById, idOf, nodeOfType, type WsNode,
} from '../../lib/ws-runtime.js';
import { SPOT_CHECKS_FOLDER } from './campaign-scope.js';
import { findingOf, readerOf, recordingOf } from './finding-state.js';

const text = (n: WsNode, p: string): string | null => plainString(nodeProp(n, p));

/** Counts of a campaign's findings by status (core's CampaignProgress, R28.1). */
export type Progress = CampaignProgress;

/** A campaign by id: 404 when missing, unreadable or not a campaign (as server/'s 404). */
export function campaignById(id: string): WsNode {
  return nodeOfType(id, 'efr:spotCheck');
}

/**
 * The node as the repository now holds it, for an answer after a write: a ScriptNode keeps the
 * properties it first read (ScriptNode#save writes them back without reloading), so what ACS
 * maintains itself (cm:modifier, cm:modified, an aspect's properties) is read afresh.
 */
export function reread(n: WsNode): WsNode {
  const again = findNodeById(idOf(n));
  return again !== null ? again : n;
}

/** The findings of a campaign, in name order (the draw's order, as server/ lists them). */
export function findingsOf(campaign: WsNode): WsNode[] {
  return childrenOfType(campaign, 'efr:finding').sort((a, b) => {
    const x = String(a.name);
    const y = String(b.name);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** Counts of the campaign's findings by status. */
export function progressOf(campaign: WsNode): Progress {
  return campaignProgress(findingsOf(campaign).map((f) => findingOf(f, readerOf(f, {}))));
}

/** A campaign as JSON (server/'s `CampaignJson`). */
export function campaignJson(n: WsNode): Campaign {
  const name = String(n.name);
  return {
    id: idOf(n),
    name,
    title: text(n, 'cm:title') || name,
    status: (text(n, 'efr:spotCheckStatus') || 'open') as Campaign['status'],
    from: text(n, 'efr:periodFrom'),
    to: text(n, 'efr:periodTo'),
    units: plainStrings(nodeProp(n, 'efr:units')),
    proportion: plainNumber(nodeProp(n, 'efr:proportion')) || 0,
    seed: text(n, 'efr:seed') || '',
    populationSize: plainNumber(nodeProp(n, 'efr:populationSize')) || 0,
    sampleSize: plainNumber(nodeProp(n, 'efr:sampleSize')) || 0,
    createdBy: text(n, 'cm:creator') || '',
    // cm:created is mandatory: ACS sets it on every node.
    createdAt: text(n, 'cm:created') || '',
    closedAt: text(n, 'efr:closedAt'),
    progress: progressOf(n),
  };
}

/** A finding as JSON (server/'s `FindingJson`). */
export function findingJson(f: WsNode): Finding {
  const read = readerOf(f, {});
  const rec = recordingOf(f) as WsNode | null;
  const status = (read('efr:findingStatus') || 'pending') as Finding['status'];
  const reviewed = status !== 'pending';
  return {
    id: idOf(f),
    recordingId: rec !== null ? idOf(rec) : null,
    recordingName: rec !== null ? String(rec.name) : null,
    officer: rec !== null ? text(rec, 'efr:officer') : null,
    status,
    itemRecorded: read('efr:itemRecorded') as ItemResult | null,
    itemContinuous: read('efr:itemContinuous') as ItemResult | null,
    itemHandled: read('efr:itemHandled') as ItemResult | null,
    notes: {
      recorded: read('efr:itemRecordedNote'),
      continuous: read('efr:itemContinuousNote'),
      handled: read('efr:itemHandledNote'),
    },
    placementObservation: read('efr:placementObservation'),
    conductObservation: read('efr:conductObservation'),
    skipReason: read('efr:skipReason'),
    reviewedBy: reviewed ? read('cm:modifier') : null,
    reviewedAt: reviewed ? read('cm:modified') : null,
  };
}

/** Every campaign of the archive's campaign folder the caller can read, newest first. */
export function listCampaigns(): WsNode[] {
  const rows = childrenOfType(archiveFolder(SPOT_CHECKS_FOLDER), 'efr:spotCheck')
    .map((n) => ({ n, at: text(n, 'cm:created') || '', id: idOf(n) }));
  rows.sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id < b.id ? -1 : 1));
  return rows.map((r) => r.n);
}

/**
 * The list envelope as server/'s spot-check lists answer it: every entry in one page
 * (server/ does not page these lists, so `maxItems` is the count).
 */
export function wholeList<T>(entries: T[]): ListOf<T> {
  const wrapped: { entry: T }[] = [];
  for (const e of entries) wrapped.push({ entry: e });
  return {
    list: {
      pagination: { count: entries.length, hasMoreItems: false, totalItems: entries.length,
        skipCount: 0, maxItems: entries.length },
      entries: wrapped,
    },
  };
}
