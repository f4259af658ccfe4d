import { Injectable, inject } from '@angular/core';
import { HttpHeaders } from '@angular/common/http';
import { AuthenticationService } from '@alfresco/adf-core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { WebscriptApi } from '@alfresco/js-api';
import { EfrApiService } from '../shared/public-api';
import { DeviceOption, Handover, HandoverFilter, HandoverListStatus } from './handover.model';
import { OpenHandoverRequest, handoverListStatuses, newestFirst } from './handover.rules';
import { UploadAnswer, uploadFile } from './upload-transport';

const CORE = '/alfresco/api/-default-/public/alfresco/versions/1';
const AUTH = '/alfresco/api/-default-/public/authentication/versions/1';
const DEVICES_PATH = 'EFR 执法记录/执法记录仪';

/** One page of `GET /alfresco/s/efr/handovers`. */
interface HandoverPage {
  list: { entries: { entry: Handover }[]; pagination?: { totalItems?: number } };
}

/** A signed-in second person: their own ticket, never replacing the session's (R21.4). */
export interface SecondTicket {
  userId: string;
  ticket: string;
}

/** An HTTP failure in the shape js-api rejects with (status + message = response text). */
export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The handover web scripts and the upload, for the screens. The session's calls go through
 * js-api (WebscriptApi, NodesApi) so they run against ACS or server/ alike; the second
 * custodian's calls use their own ticket (`Authorization: Basic base64(ticket)`, as ADF sends
 * it), obtained through the tickets API.
 */
@Injectable({ providedIn: 'root' })
export class HandoverApiService {
  private readonly api = inject(AlfrescoApiService);
  private readonly efrApi = inject(EfrApiService);
  private readonly auth = inject(AuthenticationService);

  private get webScripts(): WebscriptApi {
    return new WebscriptApi(this.api.getInstance());
  }

  private get host(): string {
    return (this.api.getInstance().config.hostEcm ?? '').replace(/\/$/, '');
  }

  /**
   * The session's Authorization header as ADF's interceptor would add it (ticket or OAuth):
   * the upload goes through XMLHttpRequest for its progress events, outside HttpClient.
   */
  private sessionAuth(url: string): string {
    return this.auth.getAuthHeaders(url, new HttpHeaders()).get('Authorization') ?? '';
  }

  /** Handovers under a filter, newest first. */
  async list(filter: HandoverFilter): Promise<Handover[]> {
    const pages = await Promise.all(
      handoverListStatuses(filter).map((status) => this.listPage(status, 200)),
    );
    return newestFirst(pages.flatMap((p) => p.list.entries.map((e) => e.entry)));
  }

  /** How many handovers a filter lists: the list's own requests, one row read from each. */
  async count(filter: HandoverFilter): Promise<number> {
    const pages = await Promise.all(
      handoverListStatuses(filter).map((status) => this.listPage(status, 1)),
    );
    return pages.reduce(
      (sum, p) => sum + (p.list.pagination?.totalItems ?? p.list.entries.length),
      0,
    );
  }

  private async listPage(status: HandoverListStatus, maxItems: number): Promise<HandoverPage> {
    return (await this.webScripts.executeWebScript(
      'GET',
      'efr/handovers',
      { status, maxItems },
      'alfresco',
      's',
    )) as HandoverPage;
  }

  /** One handover with sessions, files and receipts. */
  async get(id: string): Promise<Handover> {
    const r = (await this.webScripts.executeWebScript(
      'GET',
      `efr/handovers/${encodeURIComponent(id)}`,
      null,
      'alfresco',
      's',
    )) as { entry: Handover };
    return r.entry;
  }

  /** Opens a handover (R21.1). */
  async open(body: OpenHandoverRequest): Promise<Handover> {
    const r = (await this.webScripts.executeWebScript(
      'POST',
      'efr/handovers',
      null,
      'alfresco',
      's',
      body,
    )) as { entry: Handover };
    return r.entry;
  }

  /** The session user's receipt (R21.4). */
  async receipt(id: string, hashes: string[]): Promise<Handover> {
    const r = (await this.webScripts.executeWebScript(
      'POST',
      `efr/handovers/${encodeURIComponent(id)}/receipts`,
      null,
      'alfresco',
      's',
      { verifiedHashes: hashes },
    )) as { entry: Handover };
    return r.entry;
  }

  /** A second custodian signs in: a ticket of their own (the session is untouched). */
  async signInSecond(userId: string, password: string): Promise<SecondTicket> {
    const res = await fetch(`${this.host}${AUTH}/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId, password }),
    });
    const text = await res.text();
    if (res.status !== 201) throw new HttpFailure(res.status, text);
    return { userId, ticket: (JSON.parse(text) as { entry: { id: string } }).entry.id };
  }

  /** The second custodian's receipt, with their own ticket. */
  async receiptAs(second: SecondTicket, id: string, hashes: string[]): Promise<Handover> {
    const res = await fetch(
      `${this.host}/alfresco/s/efr/handovers/${encodeURIComponent(id)}/receipts`,
      {
        method: 'POST',
        body: JSON.stringify({ verifiedHashes: hashes }),
        headers: {
          'Content-Type': 'application/json',
          Authorization: 'Basic ' + btoa(second.ticket),
        },
      },
    );
    const text = await res.text();
    if (res.status !== 201) throw new HttpFailure(res.status, text);
    return (JSON.parse(text) as { entry: Handover }).entry;
  }

  /** Ends the second person's ticket (best effort: it also expires by itself). */
  async signOutSecond(second: SecondTicket): Promise<void> {
    // A network failure here only leaves the ticket to expire: the receipt is already recorded.
    await fetch(`${this.host}${AUTH}/tickets/-me-`, {
      method: 'DELETE',
      headers: { Authorization: 'Basic ' + btoa(second.ticket) },
    }).catch(() => undefined);
  }

  /** Uploads one file into the handover with the children API (multipart, streamed). */
  upload(
    handoverId: string,
    file: File,
    fields: Record<string, string>,
    onProgress: (bytes: number) => void,
  ): Promise<UploadAnswer> {
    const url = `${this.host}${CORE}/nodes/${encodeURIComponent(handoverId)}/children`;
    return uploadFile(url, this.sessionAuth(url), file, fields, onProgress);
  }

  /** The registered devices to pick from (R13.1). */
  async devices(): Promise<DeviceOption[]> {
    const page = await this.efrApi.nodes.listNodeChildren('-root-', {
      relativePath: DEVICES_PATH,
      include: ['properties'],
      maxItems: 500,
    });
    return (page.list?.entries ?? []).map((e) => {
      const p = (e.entry.properties ?? {}) as Record<string, unknown>;
      return {
        serial: String(p['efr:deviceSerial'] ?? e.entry.name),
        title: String(p['cm:title'] ?? ''),
        kind: String(p['efr:deviceKind'] ?? 'bodyCamera'),
      };
    });
  }

  /** Members of the officers group, for the officer fields (R15.2). */
  async officers(): Promise<string[]> {
    const page = await this.efrApi.groups.listGroupMemberships('GROUP_EFR_OFFICERS', {
      maxItems: 500,
    });
    return (page.list?.entries ?? [])
      .filter((e) => e.entry.memberType === 'PERSON')
      .map((e) => e.entry.id);
  }
}
