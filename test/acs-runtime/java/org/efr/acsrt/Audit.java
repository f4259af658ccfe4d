package org.efr.acsrt;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alfresco.repo.security.authentication.AuthenticationUtil;
import org.alfresco.service.cmr.audit.AuditQueryParameters;
import org.alfresco.service.cmr.audit.AuditService;
import org.alfresco.service.cmr.repository.NodeRef;

/**
 * The runtime's audit: the `efr-access` application as ACS fills it from the alfresco-access
 * producer (the module's efr-audit.xml maps /alfresco-access/transaction to
 * /efr-access/transaction), and the public AuditService a secure script reaches through the
 * repository's Spring context (behaviors/src/lib/acs-audit.ts). Read in alfresco-community-repo
 * 25.5.0.31 (the same at 23.1.1.12 and 23.8.0.10; behaviors/data/acs-audit.json):
 * - AccessAuditor gathers one NodeChange per node and transaction (onContentRead appends the
 *   sub-action `readContent`, l. 452-454) and records them after the commit (l. 577-593):
 *   a rolled-back transaction records nothing;
 * - NodeChange#getAuditData: action `READ` when `readContent` is the only sub-action, the user
 *   being the run-as user who read (l. 189-195, MNT-8810), node as a NodeRef, type as the
 *   prefixed type (l. 515-527; acs-audit.json "recorded");
 * - AuditService is admin only (public-services-security-context.xml l. 1005) and ACLEntryVoter
 *   grants the System user (l. 292-298); maxResults must be above 0 (AuditDAOImpl l. 312);
 *   entries come in id order, forward or not (AuditService.java l. 246); a search value matches
 *   only a stored value of its own Java class (PropertyValueDAOImpl, acs-audit.json "queries").
 * Not emulated: the other sub-actions (a node both changed and read in one transaction is not
 * recorded here, where ACS would record the change), the entry's `path`, audit filters.
 */
public final class Audit implements AuditService {
  public static final String APP = "efr-access";
  private static final String ROOT = "/efr-access/transaction/";

  private final Repo repo;
  private final List<Object[]> entries = new ArrayList<Object[]>();
  /** Node id → [run-as user, sub-actions] of the running transaction. */
  private final Map<String, Object[]> pending = new LinkedHashMap<String, Object[]>();
  /** Nodes the running transaction changed. */
  private final Set<String> changed = new LinkedHashSet<String>();
  private long nextId = 1;

  Audit(Repo repo) {
    this.repo = repo;
  }

  /** AccessAuditor#onContentRead: the node's change in this transaction gains `readContent`. */
  @SuppressWarnings("unchecked")
  void onContentRead(NodeRef ref) {
    Object[] change = pending.get(ref.getId());
    if (change == null) {
      change = new Object[] {AuthenticationUtil.getRunAsUser(), new LinkedHashSet<String>()};
      pending.put(ref.getId(), change);
    }
    ((Set<String>) change[1]).add("readContent");
  }

  /** Any other change of the node in this transaction (ACS would not record it as a READ). */
  void onChange(String id) {
    changed.add(id);
  }

  /** AccessTransactionListener#afterCommit: one entry per node read and nothing else. */
  @SuppressWarnings("unchecked")
  void afterCommit() {
    for (Map.Entry<String, Object[]> e : pending.entrySet()) {
      Set<String> subs = (Set<String>) e.getValue()[1];
      if (changed.contains(e.getKey()) || !subs.equals(Collections.singleton("readContent"))) {
        continue;
      }
      NodeRef ref = Repo.ref(e.getKey());
      Map<String, Serializable> values = new HashMap<String, Serializable>();
      values.put(ROOT + "action", "READ");
      values.put(ROOT + "sub-actions", "readContent");
      values.put(ROOT + "user", (String) e.getValue()[0]);
      values.put(ROOT + "node", ref);
      if (repo.exists(ref)) values.put(ROOT + "type", repo.dict.shortName(repo.getType(ref)));
      entries.add(new Object[] {Long.valueOf(nextId++), e.getValue()[0],
          Long.valueOf(System.currentTimeMillis()), values});
    }
    pending.clear();
    changed.clear();
  }

  void afterRollback() {
    pending.clear();
    changed.clear();
  }

  /** How many efr-access entries are stored (driver output). */
  public int size() {
    return entries.size();
  }

  @Override
  @SuppressWarnings("unchecked")
  public void auditQuery(AuditQueryCallback callback, AuditQueryParameters parameters,
      int maxResults) {
    String user = AuthenticationUtil.getRunAsUser();
    if (!AuthenticationUtil.isRunAsUserTheSystemUser() && !repo.isAdmin(user)) {
      throw new Repo.AccessDeniedException("Access Denied.  You do not have the appropriate "
          + "permissions to perform this operation.");
    }
    if (maxResults <= 0) throw new IllegalArgumentException("maxResults must be greater than 0");
    List<Object[]> ordered = new ArrayList<Object[]>(entries);
    if (!parameters.isForward()) Collections.reverse(ordered);
    int count = 0;
    for (Object[] e : ordered) {
      if (!APP.equals(parameters.getApplicationName())) break;
      long id = (Long) e[0];
      if (parameters.getFromId() != null && id < parameters.getFromId()) continue;
      if (parameters.getToId() != null && id >= parameters.getToId()) continue;
      Map<String, Serializable> values = (Map<String, Serializable>) e[3];
      boolean match = true;
      for (Object[] key : parameters.getSearchKeyValues()) {
        Object v = values.get((String) key[0]);
        if (v == null || !v.equals(key[1])) match = false;
      }
      if (!match) continue;
      if (count++ >= maxResults) break;
      boolean more = callback.handleAuditEntry((Long) e[0], APP, (String) e[1], (Long) e[2],
          callback.valuesRequired() ? new HashMap<String, Serializable>(values) : null);
      if (!more) break;
    }
  }
}
