import {
  EFR_ASPECT,
  EFR_PROP,
  HasProperties,
  boolProp,
  dateProp,
  listProp,
  numberProp,
  textProp,
} from '../shared/public-api';
import { CustodyEntry, LinkedCase, RecordingDetail, RecordingSummary } from './recordings.model';

/** The node fields the mappers read (a Node or a search ResultNode). */
export interface NodeLike extends HasProperties {
  id: string;
  name: string;
  aspectNames?: string[];
  createdAt?: Date | string;
  createdByUser?: { id?: string; displayName?: string };
  content?: { mimeType?: string; sizeInBytes?: number };
}

/**
 * A list row from a search result node. Lateness lives on the handover (efr:late), so the
 * caller passes the ids of late handovers it knows.
 */
export function toRecordingSummary(
  node: NodeLike,
  lateHandoverIds: ReadonlySet<string> = new Set(),
): RecordingSummary {
  const handoverId = textProp(node, EFR_PROP.handoverId);
  return {
    id: node.id,
    name: node.name,
    startedAt: dateProp(node, EFR_PROP.startedAt),
    officers: [...listProp(node, EFR_PROP.officer), ...listProp(node, EFR_PROP.coOfficer)],
    unit: textProp(node, EFR_PROP.unit),
    deviceSerial: textProp(node, EFR_PROP.deviceSerial),
    activityType: textProp(node, EFR_PROP.activityType),
    secrecyLevel: textProp(node, EFR_PROP.secrecyLevel),
    lateHandover: handoverId !== '' && lateHandoverIds.has(handoverId),
  };
}

/** The detail page's view of a node read with `include=properties,aspectNames`. */
export function toRecordingDetail(node: NodeLike, handoverLate: boolean): RecordingDetail {
  const created = node.createdAt ? new Date(node.createdAt) : null;
  return {
    ...toRecordingSummary(node),
    lateHandover: handoverLate,
    endedAt: dateProp(node, EFR_PROP.endedAt),
    recorder: textProp(node, EFR_PROP.recorder),
    location: textProp(node, EFR_PROP.location),
    source: textProp(node, EFR_PROP.source),
    partyNotified: boolProp(node, EFR_PROP.partyNotified),
    mimeType: node.content?.mimeType ?? '',
    sha256: textProp(node, EFR_PROP.sha256),
    // The fixed size recorded at ingest wins over the content's current size.
    size: numberProp(node, EFR_PROP.size) ?? node.content?.sizeInBytes ?? null,
    // Sealed by the two custodians who received it together (R21.4).
    sealedBy: [textProp(node, EFR_PROP.sealedBy1), textProp(node, EFR_PROP.sealedBy2)].filter(
      Boolean,
    ),
    sealedAt: dateProp(node, EFR_PROP.sealedAt),
    handoverId: textProp(node, EFR_PROP.handoverId),
    handoverName: '',
    retainUntil: dateProp(node, EFR_PROP.retainUntil),
    isEvidence: (node.aspectNames ?? []).includes(EFR_ASPECT.evidence),
    // The id: screens name people through the people directory, one way (issue 19).
    createdBy: node.createdByUser?.id ?? node.createdByUser?.displayName ?? '',
    createdAt: created && !Number.isNaN(created.getTime()) ? created : null,
  };
}

/** A linked case from an association source node. */
export function toLinkedCase(node: NodeLike): LinkedCase {
  return {
    id: node.id,
    caseNumber: textProp(node, EFR_PROP.caseNumber) || node.name,
    title: textProp(node, EFR_PROP.caseTitle) || node.name,
    status: textProp(node, EFR_PROP.caseStatus),
  };
}

/** The audit entry fields the custody log reads. */
export interface AuditEntryLike {
  id: string;
  createdAt?: Date | string;
  createdByUser?: { id?: string; displayName?: string };
  values?: Record<string, unknown> | null;
}

/**
 * A chain-of-custody row from an `efr-access` audit entry. Audit values are keyed by audit
 * paths (`/efr-access/action`, …); the last path segment is what the row shows.
 */
export function toCustodyEntry(entry: AuditEntryLike): CustodyEntry {
  const values = entry.values ?? {};
  const pick = (name: string): string => {
    for (const [key, value] of Object.entries(values)) {
      if (key === name || key.endsWith(`/${name}`)) return value == null ? '' : String(value);
    }
    return '';
  };
  const at = entry.createdAt ? new Date(entry.createdAt) : null;
  return {
    id: String(entry.id),
    at: at && !Number.isNaN(at.getTime()) ? at : null,
    user: entry.createdByUser?.id ?? entry.createdByUser?.displayName ?? pick('user'),
    action: pick('action'),
    reason: pick('reason'),
    requestId: pick('request') || pick('requestId'),
  };
}
