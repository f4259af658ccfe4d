import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import {
  AuditApi, GroupsApi, NodesApi, PeopleApi, SearchApi, WebscriptApi,
} from '@alfresco/js-api';

/**
 * The js-api clients the EFR screens use, built on ADF's AlfrescoApiService so that the same
 * calls reach a real ACS or the embedded repository (server/) unchanged. Clients are created
 * per call: AlfrescoApiService may replace its instance after login or a config reload.
 */
@Injectable({ providedIn: 'root' })
export class EfrApiService {
  private readonly api = inject(AlfrescoApiService);

  /** Search API (`/alfresco/api/-default-/public/search/versions/1/search`). */
  get search(): SearchApi {
    return new SearchApi(this.api.getInstance());
  }

  /** Nodes API: nodes, children, peer associations. */
  get nodes(): NodesApi {
    return new NodesApi(this.api.getInstance());
  }

  /** Audit API: `nodes/{id}/audit-entries`. */
  get audit(): AuditApi {
    return new AuditApi(this.api.getInstance());
  }

  /** People API. */
  get people(): PeopleApi {
    return new PeopleApi(this.api.getInstance());
  }

  /** Groups API. */
  get groups(): GroupsApi {
    return new GroupsApi(this.api.getInstance());
  }

  /**
   * Calls an EFR web script (`/alfresco/service/efr/<path>`), the same on ACS (the module's
   * web scripts) and on server/ (webscripts/src/definitions.ts lists both). `args` become the
   * query string, `body` the JSON body. A refusal rejects with js-api's error, whose status and
   * ACS error body the screens read (shared/load-failure.ts, shared/refusal.ts).
   */
  call<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
    args?: Record<string, string | number>,
  ): Promise<T> {
    return new WebscriptApi(this.api.getInstance()).executeWebScript(
      method,
      `efr/${path}`,
      args ?? {},
      'alfresco',
      'service',
      body ?? null,
    ) as Promise<T>;
  }
}
