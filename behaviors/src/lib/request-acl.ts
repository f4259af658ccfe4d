/**
 * Who reads a viewing request in ACS (issue 16, R24.1, R24.2): its own access control list.
 *
 * Why an ACL and not a behaviour: ACS has no read policy for node metadata. `GET /nodes/{id}`
 * (NodeService#getProperties: ACL_NODE.0.sys:base.ReadProperties), the children listing
 * (FileFolderService#list and NodeService#getChildAssocs: AFTER_ACL_NODE.sys:base.ReadProperties)
 * and search (Solr and Elasticsearch index each node's readers and filter by them) all decide
 * by the node's ACL (public-services-security-context.xml, 25.5.0.31 l. 427, 435, 468). So each
 * request gets its own: inheritance from the requests folder off (where every officer holds
 * Contributor, so officers would read each other's requests and reasons), and an explicit
 * grant to each authority core's `requestAccess` names (the rule `mayReadRequest` decides in
 * server/): Collaborator to those who take steps (their web scripts write the request as
 * them), Consumer to supervisors and the registered viewer. Administrators read by their own
 * rights. Set as System when the request is made and again whenever a step changes its
 * requester or viewer (registration), so every path reads through the same list.
 */
import { requestAccess } from '../../../core/src/index.js';
import { EFR_PROPS } from '../../../content-model/src/qnames.js';
import type { ScriptNodeLike } from './acs-api.js';
import { runAsSystem } from './actor.js';
import { plainString } from './java-values.js';
import { nodeProp } from './model-names.js';

interface AclNode {
  setInheritsPermissions?(inherit: boolean): void;
  setPermission?(permission: string, authority: string): void;
  removePermission?(permission: string, authority: string): void;
  readonly permissions?: ArrayLike<unknown>;
}

/** The roles EFR grants on a request. */
const READ_ROLE = 'Consumer';
const WRITE_ROLE = 'Collaborator';

/** The ACEs (`ALLOWED;<authority>;<role>`) a request should carry now. */
export function requestAces(node: ScriptNodeLike): string[] {
  const parties = {
    requester: plainString(nodeProp(node, EFR_PROPS.requester)),
    viewer: plainString(nodeProp(node, EFR_PROPS.viewer)),
  };
  return requestAccess(parties).map((a) =>
    'ALLOWED;' + a.authority + ';' + (a.write ? WRITE_ROLE : READ_ROLE));
}

/**
 * Gives the request its own ACL: no inheritance, exactly the grants of {@link requestAces}
 * (EFR's own grants no longer due, e.g. a former viewer's, are removed).
 */
export function applyRequestAcl(node: ScriptNodeLike): void {
  const wanted = requestAces(node);
  runAsSystem(() => {
    const n = node as unknown as AclNode;
    if (typeof n.setInheritsPermissions !== 'function' || typeof n.setPermission !== 'function') {
      throw new Error('efr: the request ACL cannot be set (ScriptNode#setInheritsPermissions)');
    }
    n.setInheritsPermissions(false);
    const had: string[] = [];
    const list = n.permissions;
    for (let i = 0; list && i < list.length; i++) had.push(String(list[i]));
    for (const ace of had) {
      const parts = ace.split(';');
      if (parts[0] === 'ALLOWED' && (parts[2] === READ_ROLE || parts[2] === WRITE_ROLE) &&
        wanted.indexOf(ace) < 0 && typeof n.removePermission === 'function') {
        n.removePermission(parts[2], parts[1]);
      }
    }
    for (const ace of wanted) {
      if (had.indexOf(ace) >= 0) continue;
      const parts = ace.split(';');
      n.setPermission(parts[2], parts[1]);
    }
  });
}
