import { Injectable, inject } from '@angular/core';
import {
  EFR_ASSOC_CASE_RECORDINGS,
  EFR_PROP,
  EFR_TYPE,
  EfrApiService,
  aftsAnd,
  aftsEquals,
  aftsType,
  boolProp,
  textProp,
} from '../shared/public-api';
import {
  CustodyEntry,
  LinkedCase,
  RecordingDetail,
  RecordingFilter,
  RecordingPage,
  RecordingSort,
} from './recordings.model';
import { DEFAULT_RECORDING_SORT, recordingQuery, recordingSort } from './recordings-query.rules';
import {
  NodeLike,
  toCustodyEntry,
  toLinkedCase,
  toRecordingDetail,
  toRecordingSummary,
} from './recording.mapper';

/** Where the chain of custody is read from (the EFR audit application). */
export const CUSTODY_AUDIT_APP = 'efr-access';

/**
 * Reads recordings through the public REST API only (search, nodes, audit), so the screens
 * work the same against ACS and server/. Deliberately read-only: recordings are never edited
 * or deleted from the UI (R26.1).
 */
@Injectable({ providedIn: 'root' })
export class RecordingsService {
  private readonly efrApi = inject(EfrApiService);

  /** One page of recordings matching `filter`, in `sort` order. */
  async search(
    filter: RecordingFilter,
    sort: RecordingSort,
    skipCount: number,
    maxItems: number,
  ): Promise<RecordingPage> {
    const [caseRecordingIds, lateIds] = await Promise.all([
      filter.caseId ? this.caseRecordingIds(filter.caseId) : Promise.resolve(undefined),
      this.lateHandoverIds(),
    ]);
    const lookups = { caseRecordingIds, lateHandoverIds: [...lateIds] };
    const result = await this.efrApi.search.search({
      query: { query: recordingQuery(filter, lookups), language: 'afts' },
      include: ['properties', 'aspectNames'],
      sort: [recordingSort(sort)],
      paging: { skipCount, maxItems },
    });
    const entries = result.list?.entries ?? [];
    return {
      items: entries.map((e) => toRecordingSummary(e.entry as NodeLike, lateIds)),
      total: result.list?.pagination?.totalItems ?? entries.length,
    };
  }

  /** How many recordings match `filter`: the list's own query, one row read. */
  async count(filter: RecordingFilter): Promise<number> {
    return (await this.search(filter, DEFAULT_RECORDING_SORT, 0, 1)).total;
  }

  /** The recording with its properties and aspects. */
  async getRecording(id: string): Promise<RecordingDetail> {
    const node = await this.efrApi.nodes.getNode(id, {
      include: ['properties', 'aspectNames'],
    });
    const entry = node.entry as NodeLike;
    const handover = await this.handoverOf(entry);
    return { ...toRecordingDetail(entry, handover.late), handoverName: handover.name };
  }

  /** Cases linking this recording (sources of efr:caseRecordings). */
  async linkedCases(id: string): Promise<LinkedCase[]> {
    const page = await this.efrApi.nodes.listSourceAssociations(id, {
      where: `(assocType='${EFR_ASSOC_CASE_RECORDINGS}')`,
      include: ['properties'],
    });
    return (page.list?.entries ?? []).map((e) => toLinkedCase(e.entry as NodeLike));
  }

  /** The chain of custody: the recording's access-log entries, oldest first. */
  async custody(id: string): Promise<CustodyEntry[]> {
    const page = await this.efrApi.audit.listAuditEntriesForNode(id, {
      include: ['values'],
      orderBy: ['createdAt ASC'],
      maxItems: 200,
    });
    return (page.list?.entries ?? [])
      .map((e) => e.entry)
      .filter((e): e is NonNullable<typeof e> => !!e)
      .filter((e) => !e.auditApplicationId || e.auditApplicationId === CUSTODY_AUDIT_APP)
      .map((e) => toCustodyEntry(e));
  }

  /** Cases to choose from in the case filter, newest first (at most 200). */
  async caseOptions(): Promise<LinkedCase[]> {
    const result = await this.efrApi.search.search({
      query: { query: aftsType(EFR_TYPE.case), language: 'afts' },
      include: ['properties'],
      sort: [{ type: 'FIELD', field: 'cm:created', ascending: false }],
      paging: { skipCount: 0, maxItems: 200 },
    });
    return (result.list?.entries ?? []).map((e) => toLinkedCase(e.entry as NodeLike));
  }

  /**
   * Ids of the handovers flagged late (efr:late). Lateness is decided on the handover, not
   * the recording; a bureau has at most a few hundred such handovers, so one page suffices.
   */
  private async lateHandoverIds(): Promise<Set<string>> {
    const result = await this.efrApi.search.search({
      query: {
        query: aftsAnd([aftsType(EFR_TYPE.handover), aftsEquals(EFR_PROP.late, 'true')]),
        language: 'afts',
      },
      paging: { skipCount: 0, maxItems: 1000 },
    });
    return new Set((result.list?.entries ?? []).map((e) => e.entry.id));
  }

  /** The recording's handover: its name and whether it was late (R21.1/R21.2). */
  private async handoverOf(node: NodeLike): Promise<{ late: boolean; name: string }> {
    const handoverId = textProp(node, EFR_PROP.handoverId);
    if (!handoverId) return { late: false, name: '' };
    try {
      const handover = await this.efrApi.nodes.getNode(handoverId, { include: ['properties'] });
      return { late: boolProp(handover.entry, EFR_PROP.late), name: handover.entry.name };
    } catch {
      // The handover may be outside this user's permissions: show its id, not a failed page.
      return { late: false, name: '' };
    }
  }

  /** Ids of the recordings linked to a case (targets of efr:caseRecordings). */
  private async caseRecordingIds(caseId: string): Promise<string[]> {
    const page = await this.efrApi.nodes.listTargetAssociations(caseId, {
      where: `(assocType='${EFR_ASSOC_CASE_RECORDINGS}')`,
      maxItems: 1000,
    });
    return (page.list?.entries ?? []).map((e) => e.entry.id);
  }
}
