package org.efr.acsrt;

import java.io.File;
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
import javax.xml.parsers.DocumentBuilderFactory;
import org.alfresco.service.cmr.repository.NodeRef;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

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
 * - the entries are made from the loaded audit model (loadModel: the module's efr-audit.xml):
 *   the producer's /alfresco-access/transaction values are mapped by its PathMap and recorded
 *   under each RecordValue's key path, so a change of efr-audit.xml changes what is recorded.
 * Not emulated: the other sub-actions (a node both changed and read in one transaction is not
 * recorded here, where ACS would record the change), the entry's `path`, audit filters.
 */
public final class Audit implements AuditService {
  public static final String APP = "efr-access";
  /** The alfresco-access producer's root path (AccessAuditor ROOT_PATH + TRANSACTION). */
  private static final String PRODUCER = "/alfresco-access/transaction/";

  /** PathMap source → target of the loaded audit models (AuditModelRegistryImpl#addPathMap). */
  private final Map<String, String> pathMaps = new LinkedHashMap<String, String>();
  /** Recorded key path → [dataSource, dataTrigger] of each RecordValue, by application name. */
  private final Map<String, Map<String, String[]>> applications =
      new LinkedHashMap<String, Map<String, String[]>>();

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

  /**
   * Loads an audit model file as AuditModelRegistryImpl does (the module's efr-audit.xml,
   * found on classpath*:alfresco/module/*\/audit/*.xml): its PathMaps and, per Application,
   * each RecordValue's key path (/<application key>/<AuditPath keys>/<key>), data source and
   * trigger. Only the simpleValue extractor (the value kept as is) is played.
   */
  public void loadModel(String file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    Document doc = f.newDocumentBuilder().parse(new File(file));
    NodeList maps = doc.getElementsByTagName("PathMap");
    for (int i = 0; i < maps.getLength(); i++) {
      Element m = (Element) maps.item(i);
      pathMaps.put(m.getAttribute("source"), m.getAttribute("target"));
    }
    NodeList apps = doc.getElementsByTagName("Application");
    for (int i = 0; i < apps.getLength(); i++) {
      Element app = (Element) apps.item(i);
      Map<String, String[]> values = new LinkedHashMap<String, String[]>();
      collect(app, "/" + app.getAttribute("key"), values);
      applications.put(app.getAttribute("name"), values);
    }
  }

  private void collect(Element parent, String path, Map<String, String[]> out) {
    for (org.w3c.dom.Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (!(c instanceof Element)) continue;
      Element e = (Element) c;
      String key = path + "/" + e.getAttribute("key");
      if ("AuditPath".equals(e.getTagName())) collect(e, key, out);
      else if ("RecordValue".equals(e.getTagName())) {
        if (!"simpleValue".equals(e.getAttribute("dataExtractor"))) {
          throw new IllegalStateException("audit extractor not played: " + e.getAttribute("dataExtractor"));
        }
        out.put(key, new String[] {e.getAttribute("dataSource"), e.getAttribute("dataTrigger")});
      }
    }
  }

  /**
   * AuditComponentImpl#recordAuditValues for the producer's values: mapped by the PathMaps
   * (pathMapper.convertMap), then each application records the RecordValues whose trigger is
   * among the mapped paths, under their key paths; nothing when no mapping applies.
   */
  private void record(String user, Map<String, Serializable> produced) {
    record(user, produced, System.currentTimeMillis());
  }

  private void record(String user, Map<String, Serializable> produced, long time) {
    Map<String, Serializable> mapped = new HashMap<String, Serializable>();
    for (Map.Entry<String, Serializable> v : produced.entrySet()) {
      for (Map.Entry<String, String> m : pathMaps.entrySet()) {
        String source = m.getKey();
        if (v.getKey().equals(source) || v.getKey().startsWith(source + "/")) {
          mapped.put(m.getValue() + v.getKey().substring(source.length()), v.getValue());
        }
      }
    }
    Map<String, String[]> app = applications.get(APP);
    if (app == null) return;
    Map<String, Serializable> values = new HashMap<String, Serializable>();
    for (Map.Entry<String, String[]> rv : app.entrySet()) {
      if (mapped.containsKey(rv.getValue()[1]) && mapped.get(rv.getValue()[0]) != null) {
        values.put(rv.getKey(), mapped.get(rv.getValue()[0]));
      }
    }
    if (values.isEmpty()) return;
    entries.add(new Object[] {Long.valueOf(nextId++), user, Long.valueOf(time), values});
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
      String user = (String) e.getValue()[0];
      Map<String, Serializable> produced = new HashMap<String, Serializable>();
      produced.put(PRODUCER + "action", "READ");
      produced.put(PRODUCER + "sub-actions", "readContent");
      produced.put(PRODUCER + "user", user);
      produced.put(PRODUCER + "node", ref);
      if (repo.exists(ref)) produced.put(PRODUCER + "type", repo.dict.shortName(repo.getType(ref)));
      record(user, produced);
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

  // --- access-log proofs ---

  /**
   * Test hook: `n` content reads of `nodeId` (of `type`) by `user`, recorded as afterCommit
   * records one, the i-th (0-based) at `firstMillis + i` (a spec can compute the entries).
   */
  public void seedReads(int n, String user, String nodeId, String type, long firstMillis) {
    for (int i = 0; i < n; i++) {
      Map<String, Serializable> produced = new HashMap<String, Serializable>();
      produced.put(PRODUCER + "action", "READ");
      produced.put(PRODUCER + "sub-actions", "readContent");
      produced.put(PRODUCER + "user", user);
      produced.put(PRODUCER + "node", Repo.ref(nodeId));
      produced.put(PRODUCER + "type", type);
      record(user, produced, firstMillis + i);
    }
  }

  /**
   * Test hook: what a database administrator can do to the stored rows (alf_audit_entry and its
   * values) behind ACS's back, to the row at 1-based `position` in id order: `change` sets the
   * value `key` to `value`; `remove` deletes the row; `reorder` swaps its user, time and values
   * with the next row's, the ids staying (ACS answers in id order, so a moved row shows as
   * other content at an id).
   */
  @SuppressWarnings("unchecked")
  public void tamper(String op, int position, String key, String value) {
    int i = position - 1;
    if ("change".equals(op)) {
      Object[] e = entries.get(i);
      Map<String, Serializable> values = new HashMap<String, Serializable>((Map<String, Serializable>) e[3]);
      values.put(key, value);
      entries.set(i, new Object[] {e[0], e[1], e[2], values});
    } else if ("remove".equals(op)) {
      entries.remove(i);
    } else if ("reorder".equals(op)) {
      Object[] a = entries.get(i);
      Object[] b = entries.get(i + 1);
      entries.set(i, new Object[] {a[0], b[1], b[2], b[3]});
      entries.set(i + 1, new Object[] {b[0], a[1], a[2], a[3]});
    } else {
      throw new IllegalArgumentException("no such tamper: " + op);
    }
  }

  /** The stored rows, `id|user|time|key=value;…` with keys sorted (driver output). */
  @SuppressWarnings("unchecked")
  public List<String> rows() {
    List<String> out = new ArrayList<String>();
    for (Object[] e : entries) {
      Map<String, Serializable> values = (Map<String, Serializable>) e[3];
      List<String> keys = new ArrayList<String>(values.keySet());
      Collections.sort(keys);
      StringBuilder b = new StringBuilder(e[0] + "|" + e[1] + "|" + e[2] + "|");
      for (String k : keys) b.append(k).append('=').append(values.get(k)).append(';');
      out.add(b.toString());
    }
    return out;
  }
}
