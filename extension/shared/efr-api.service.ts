import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { AuditApi, GroupsApi, NodesApi, PeopleApi, SearchApi } from '@alfresco/js-api';

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
}
