import { Injectable, inject } from '@angular/core';
import { EfrApiService, aftsAnyOf, nodeRef } from '../shared/public-api';
import type { ListOf } from '../../contract/index';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { AuditApi, ContentApi } from '@alfresco/js-api';
import {
  AccessLogRow,
  AccessRequestView,
  ChainVerification,
  Decision,
  decisionStep,
  Queue,
  RegistrationForm,
  RequestForm,
} from './approvals.model';
import { accessLogRow, accessLogWhere, queueArgs } from './approvals.rules';

/**
 * Viewing requests through the EFR web scripts (`/alfresco/service/efr/access-requests…`), the
 * same on ACS and on server/: every step is decided by the repository with core's state
 * machine (R24.1, R24.2) and logged; the screens never write request nodes directly.
 */
@Injectable({ providedIn: 'root' })
export class ApprovalsService {
  private readonly api = inject(AlfrescoApiService);
  private readonly efr = inject(EfrApiService);

  /** The requests of one queue, newest first. */
  async list(queue: Queue, extra: Record<string, string> = {}): Promise<AccessRequestView[]> {
    const body = await this.efr.call<ListOf<AccessRequestView>>('GET', 'access-requests',
      undefined, {
      ...queueArgs(queue),
      maxItems: '1000',
      ...extra,
    });
    return body.list.entries.map((e) => e.entry);
  }

  /** How many requests one queue holds: the queue's own list request, one row read. */
  async count(queue: Queue): Promise<number> {
    const body = await this.efr.call<ListOf<AccessRequestView>>('GET', 'access-requests',
      undefined, {
      ...queueArgs(queue),
      maxItems: '1',
    });
    return body.list.pagination?.totalItems ?? body.list.entries.length;
  }

  /** One request. */
  async get(id: string): Promise<AccessRequestView> {
    return (
      await this.efr.call<{ entry: AccessRequestView }>(
        'GET',
        `access-requests/${encodeURIComponent(id)}`,
      )
    ).entry;
  }

  /** Files a request (R24.1). */
  async submit(form: RequestForm): Promise<AccessRequestView> {
    const body = {
      ...(form.recordingIds.length ? { recordingIds: form.recordingIds } : {}),
      ...(form.caseId ? { caseId: form.caseId } : {}),
      purpose: form.purpose,
      reason: form.reason.trim(),
      ...(form.requestedFrom ? { requestedFrom: form.requestedFrom } : {}),
      ...(form.requestedTo ? { requestedTo: form.requestedTo } : {}),
    };
    return (await this.efr.call<{ entry: AccessRequestView }>('POST', 'access-requests', body))
      .entry;
  }

  /**
   * One decision: review, approve, reject (with reason), register (R24.2), close or withdraw
   * (with the reason it was confirmed with, kept in the access log).
   */
  async decide(
    id: string,
    decision: Decision,
    payload: { reason?: string } | RegistrationForm = {},
  ): Promise<AccessRequestView> {
    return (
      await this.efr.call<{ entry: AccessRequestView }>(
        'POST',
        `access-requests/${encodeURIComponent(id)}/${decisionStep(decision)}`,
        payload,
      )
    ).entry;
  }

  /** Logs an event of a viewing session (start, seek, pause, end). */
  async viewingEvent(
    id: string,
    body: { event: string; recordingId: string; sessionId: string; positionSeconds: number },
  ): Promise<void> {
    await this.efr.call('POST', `access-requests/${encodeURIComponent(id)}/viewing-events`, body);
  }

  /**
   * The content URL of a recording for `<video>`/`<audio>`: inline, with the ticket as
   * `alf_ticket` because a media element cannot send headers; it seeks with Range requests.
   */
  contentUrl(recordingId: string, attachment = false): string {
    const alfresco = this.api.getInstance();
    return new ContentApi(alfresco).getContentUrl(recordingId, attachment, alfresco.getTicketEcm());
  }

  /** The access log (audit application efr-access), newest first. */
  async accessLog(
    f: { user?: string; value?: string; from?: string; to?: string },
    maxItems = 500,
  ): Promise<AccessLogRow[]> {
    const audit = new AuditApi(this.api.getInstance());
    const where = accessLogWhere(f);
    const page = await audit.listAuditEntriesForAuditApp('efr-access', {
      include: ['values'],
      orderBy: ['createdAt DESC'],
      maxItems,
      ...(where ? { where } : {}),
    });
    return (page.list?.entries ?? []).map((e) =>
      accessLogRow(e.entry as unknown as Parameters<typeof accessLogRow>[0]),
    );
  }

  /**
   * The current names of nodes the caller may read, by id (the access log's objects): one
   * search per hundred ids; a node the caller cannot read, or that is gone, is left out.
   */
  async nodeNames(ids: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (let at = 0; at < ids.length; at += 100) {
      const chunk = ids.slice(at, at + 100);
      const found = await this.efr.search.search({
        query: { query: aftsAnyOf('ID', chunk.map(nodeRef)) ?? '', language: 'afts' },
        fields: ['id', 'name'],
        paging: { skipCount: 0, maxItems: chunk.length },
      });
      for (const e of found.list?.entries ?? []) names.set(e.entry.id, e.entry.name);
    }
    return names;
  }

  /** Verifies the hash chain of the access log on the repository. */
  async verify(): Promise<ChainVerification> {
    return (await this.efr.call<{ entry: ChainVerification }>('GET', 'access-log/verify')).entry;
  }

  /**
   * Places a preservation hold on recordings (R14.2; `POST /alfresco/s/efr/holds`, docs/api.md):
   * supervisors and the office; the repository refuses anyone else (403) and an empty reason.
   */
  async placeHold(recordingIds: string[], reason: string, reference: string): Promise<HoldResult> {
    const body = { recordingIds, reason, ...(reference ? { reference } : {}) };
    return (await this.efr.call<{ entry: HoldResult }>('POST', 'holds', body)).entry;
  }
}

/** What `POST /alfresco/s/efr/holds` answers. */
export interface HoldResult {
  /** Recordings held now. */
  held: string[];
  /** Recordings that were held already (they keep their first hold). */
  alreadyHeld: string[];
}
