package org.efr.acsrt;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alfresco.repo.content.cleanup.EagerContentStoreCleaner;
import org.alfresco.repo.security.authentication.AuthenticationUtil;
import org.alfresco.repo.transaction.AlfrescoTransactionSupport;
import org.alfresco.service.cmr.repository.ChildAssociationRef;
import org.alfresco.service.cmr.repository.ContentData;
import org.alfresco.service.cmr.repository.NodeRef;
import org.alfresco.service.namespace.QName;

/**
 * The runtime's repository: nodes, associations, ACEs, people and groups, transactions. Its
 * write operations fire the policies ACS's DbNodeServiceImpl fires at the same points
 * (repository/src/main/java/org/alfresco/repo/node/db/DbNodeServiceImpl.java, 25.5.0.31):
 * createNode → onCreateNode(child assoc), then onUpdateProperties(node, empty map, after)
 * (l. 475-481); setProperties /
 * addAspect → onUpdateProperties(node, before, after) only when a value changed (l. 618-621);
 * moveNode → beforeMoveNode(old child assoc, new parent); deleteNode → beforeDeleteNode; a
 * content write → onContentUpdate(node, newContent) (ContentServiceImpl); a read →
 * onContentRead(node). A throw from a behaviour propagates to the caller, and the caller's
 * transaction is rolled back (RetryingTransactionHelper). Not emulated: ACS's removeAspect also
 * removes the aspect's properties (l. 914-917) and, from 23.8, fires onUpdateProperties when
 * some were removed (l. 919-925); removeAspect here keeps them and fires nothing.
 */
public final class Repo {
  public static final String STORE = "workspace://SpacesStore";
  static final String CM = "http://www.alfresco.org/model/content/1.0";
  static final String SYS = "http://www.alfresco.org/model/system/1.0";
  static final QName CM_NAME = QName.createQName(CM, "name");
  static final QName CM_CONTAINS = QName.createQName(CM, "contains");

  final Dictionary dict;
  final AcsRuntime rt;
  private LinkedHashMap<String, NodeRec> nodes = new LinkedHashMap<String, NodeRec>();
  /** Group or user → the groups it is an immediate member of. */
  private final Map<String, Set<String>> memberOf = new HashMap<String, Set<String>>();
  /** Group → its zones (AuthorityService zones: APP.DEFAULT, AUTH.ALF, AUTH.EXT.ldap1, …). */
  private final Map<String, Set<String>> zones = new HashMap<String, Set<String>>();
  /** User name → person node id. */
  private final Map<String, String> personIds = new LinkedHashMap<String, String>();
  private String idPrefix = "n";
  private int seq;
  private LinkedHashMap<String, NodeRec> snapshot;
  private int writes;
  /** Whether commits run the integrity checker (off while a driver lays out stored data). */
  public boolean integrityChecks = true;
  /** Nodes the running transaction created or changed: what the integrity checker looks at. */
  private final Set<String> touched = new LinkedHashSet<String>();
  final List<String> journal = new ArrayList<String>();
  /** Every move: "move <name> <probe>=<whether set> to <destination name>". */
  public final List<String> moves = new ArrayList<String>();
  private QName moveProbe = QName.createQName(CM, "name");
  private String moveProbeLabel = "named";
  static final QName CM_CONTENT_PROP = QName.createQName(CM, "content");
  static final QName CM_VERSIONABLE = QName.createQName(CM, "versionable");
  /** The content stores (contentstore/, contentstore.deleted/). */
  final ContentStore store = new ContentStore();
  /** The `eagerContentStoreCleaner` bean, wired to the store. */
  public final EagerContentStoreCleaner cleaner = new EagerContentStoreCleaner();
  /** alf_content_url rows: content URL → orphan time (null while referenced). */
  private LinkedHashMap<String, Long> urlRows = new LinkedHashMap<String, Long>();
  private LinkedHashMap<String, Long> urlRowsSnapshot;
  /** The version store: node id → the cm:content of each of its versions, oldest first. */
  private LinkedHashMap<String, List<ContentData>> versions = new LinkedHashMap<String, List<ContentData>>();
  private LinkedHashMap<String, List<ContentData>> versionsSnapshot;
  /** What TRANSACTION_COMMIT behaviours of ACS do when the running transaction commits. */
  private final List<Runnable> atCommit = new ArrayList<Runnable>();
  /** `system.content.orphanProtectDays` (repository.properties l. 221: 14). */
  public int orphanProtectDays = 14;

  /** The property whose presence each move records, and its label (e.g. sealed, efr:sealedAt). */
  public void setMoveProbe(String label, QName property) {
    moveProbeLabel = label;
    moveProbe = property;
  }

  /** The journal of writes (and rollbacks) since the last drain, then forgotten. */
  public List<String> drainJournal() {
    List<String> out = new ArrayList<String>(journal);
    journal.clear();
    return out;
  }

  /** The efr-access audit application and the AuditService over it (Audit). */
  public final Audit audit;

  Repo(Dictionary dict, AcsRuntime rt) {
    this.dict = dict;
    this.rt = rt;
    this.audit = new Audit(this);
    cleaner.setStores(store);
  }

  public void setIdPrefix(String prefix) {
    this.idPrefix = prefix;
  }

  // ---------------------------------------------------------------- transactions

  /** Begins a transaction (one web script call, one action, one direct write). */
  public void begin() {
    if (snapshot != null) throw new IllegalStateException("transaction already active");
    snapshot = new LinkedHashMap<String, NodeRec>();
    for (Map.Entry<String, NodeRec> e : nodes.entrySet()) snapshot.put(e.getKey(), e.getValue().copy());
    urlRowsSnapshot = new LinkedHashMap<String, Long>(urlRows);
    versionsSnapshot = new LinkedHashMap<String, List<ContentData>>();
    for (Map.Entry<String, List<ContentData>> e : versions.entrySet()) {
      versionsSnapshot.put(e.getKey(), new ArrayList<ContentData>(e.getValue()));
    }
    atCommit.clear();
    writes = 0;
    touched.clear();
    AlfrescoTransactionSupport.begin();
  }

  /**
   * Commits: first ACS's IntegrityChecker#beforeCommit (repository/src/main/java/org/alfresco/
   * repo/node/integrity/IntegrityChecker.java l. 753-756, 25.5.0.31) over the nodes the
   * transaction created or changed: an enforced mandatory property without a value
   * (PropertiesIntegrityEvent l. 165), an enforced mandatory target association without a
   * target or a single one with several (AssocTargetMultiplicityIntegrityEvent l. 132-175)
   * fails the commit with an IntegrityException; the caller then rolls back.
   */
  public void commit() {
    // Level 0 of TransactionSupportUtil#beforeCommit (core/…/TransactionSupportUtil.java
    // l. 503-531 at 25.5.0.31, iterated until no listener is left): the TRANSACTION_COMMIT
    // behaviours, then the content URL listener; then the integrity checker (level 1).
    while (!atCommit.isEmpty()) atCommit.remove(0).run();
    dereferenceContentUrls();
    List<String> violations = new ArrayList<String>();
    for (String id : integrityChecks ? touched : Collections.<String>emptySet()) {
      NodeRec n = nodes.get(id);
      if (n != null) checkIntegrity(n, violations);
    }
    if (!violations.isEmpty()) {
      throw new IntegrityException("Found " + violations.size() + " integrity violations:\n"
          + String.join("\n", violations));
    }
    snapshot = null;
    urlRowsSnapshot = null;
    versionsSnapshot = null;
    touched.clear();
    AlfrescoTransactionSupport.end();
    audit.afterCommit();
    // EagerContentStoreCleaner#afterCommit: the URLs it was given leave the store.
    cleaner.afterCommit();
  }

  /**
   * AbstractContentDataDAOImpl$ContentUrlDeleteTransactionListener#beforeCommit (l. 901-950 at
   * 25.5.0.31): each content URL the transaction dereferenced (a content property cleared or
   * changed, a node deleted for good: AbstractNodeDAOImpl l. 2427-2432, 2754-2831;
   * ContentDataDAOImpl l. 293-303) that no node or version references any more is offered to
   * the eager cleaner (l. 919); when the cleaner declines (eagerOrphanCleanup off, no force),
   * its row is marked orphaned at now (l. 920-933), else the row is deleted (l. 941).
   */
  private void dereferenceContentUrls() {
    Set<String> before = urlsOf(snapshot == null ? nodes : snapshot, versionsSnapshot == null ? versions : versionsSnapshot);
    Set<String> after = urlsOf(nodes, versions);
    long now = rt.clock();
    for (String url : before) {
      if (after.contains(url) || !urlRows.containsKey(url)) continue;
      if (cleaner.registerOrphanedContentUrl(url)) urlRows.remove(url);
      else urlRows.put(url, now);
    }
  }

  private static Set<String> urlsOf(Map<String, NodeRec> recs, Map<String, List<ContentData>> vs) {
    Set<String> out = new LinkedHashSet<String>();
    for (NodeRec n : recs.values()) {
      for (Serializable v : n.props.values()) {
        if (v instanceof ContentData && ((ContentData) v).getContentUrl() != null) out.add(((ContentData) v).getContentUrl());
      }
    }
    for (List<ContentData> l : vs.values()) {
      for (ContentData c : l) if (c != null && c.getContentUrl() != null) out.add(c.getContentUrl());
    }
    return out;
  }

  /** ACS's org.alfresco.repo.node.integrity.IntegrityException. */
  public static final class IntegrityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    IntegrityException(String message) {
      super(message);
    }
  }

  private List<QName> classesOf(NodeRec n) {
    List<QName> classes = new ArrayList<QName>(dict.chain(n.type));
    for (QName a : n.aspects) classes.addAll(dict.chain(a));
    return classes;
  }

  private void checkIntegrity(NodeRec n, List<String> out) {
    for (QName cls : classesOf(n)) {
      for (QName p : dict.propertiesOf(cls)) {
        if (dict.isMandatoryEnforced(p) && n.props.get(p) == null) {
          out.add("Invalid property value: Node: " + ref(n.id) + " Name: " + n.props.get(CM_NAME)
              + " Type: " + dict.shortName(n.type) + " Property: " + dict.shortName(p)
              + " Constraint: mandatory");
        }
      }
      for (Object[] a : dict.associationsOf(cls)) {
        QName assoc = (QName) a[0];
        int count = 0;
        for (String[] t : n.targets) if (t[0].equals(assoc.toString()) && nodes.containsKey(t[1])) count++;
        boolean mandatory = (Boolean) a[1];
        boolean many = (Boolean) a[2];
        if ((mandatory && count == 0) || (!many && count > 1)) {
          out.add("The association target multiplicity has been violated: Source Node: " + ref(n.id)
              + " Association: " + dict.shortName(assoc) + " Actual: " + count);
        }
      }
    }
  }

  public void rollback() {
    touched.clear();
    if (snapshot != null) nodes = snapshot;
    if (urlRowsSnapshot != null) urlRows = urlRowsSnapshot;
    if (versionsSnapshot != null) versions = versionsSnapshot;
    snapshot = null;
    urlRowsSnapshot = null;
    versionsSnapshot = null;
    atCommit.clear();
    cleaner.afterRollback();
    journal.add("rollback\t" + writes);
    AlfrescoTransactionSupport.end();
    audit.afterRollback();
  }

  public boolean inTransaction() {
    return snapshot != null;
  }

  /** Writes made in the running transaction. */
  public int writes() {
    return writes;
  }

  /** Journals a write: "write\t<kind>\t<node id>\t<run-as user>\t<detail>". */
  private void wrote(String kind, String id, String detail) {
    writes++;
    audit.onChange(id);
    // The integrity checker hears node creation, property, aspect and association changes
    // (IntegrityChecker#init binds onCreateNode, onUpdateProperties, onAddAspect,
    // onCreateAssociation, …), not permission changes or moves.
    if (!kind.endsWith("Permission") && !"move".equals(kind) && !"delete".equals(kind)) touched.add(id);
    journal.add("write\t" + kind + "\t" + id + "\t" + AuthenticationUtil.getRunAsUser() + "\t" + detail);
  }

  // ---------------------------------------------------------------- people and groups

  /** Adds a person (cm:person node under no parent) and returns its node. */
  public NodeRef addPerson(String userName, String firstName, String lastName) {
    LinkedHashMap<QName, Serializable> props = new LinkedHashMap<QName, Serializable>();
    props.put(QName.createQName(CM, "userName"), userName);
    if (firstName != null) props.put(QName.createQName(CM, "firstName"), firstName);
    if (lastName != null) props.put(QName.createQName(CM, "lastName"), lastName);
    NodeRec n = newRec(QName.createQName(CM, "person"), null, userName, props);
    personIds.put(userName, n.id);
    return ref(n.id);
  }

  /** Adds a group in the given zones (comma separated), e.g. "APP.DEFAULT,AUTH.ALF". */
  public void addGroup(String group, String zoneList) {
    Set<String> z = new LinkedHashSet<String>();
    for (String s : zoneList.split(",")) if (!s.trim().isEmpty()) z.add(s.trim());
    zones.put(group, z);
    if (!memberOf.containsKey(group)) memberOf.put(group, new LinkedHashSet<String>());
  }

  /** Makes `authority` (user or group) an immediate member of `group`. */
  public void addMember(String group, String authority) {
    if (!zones.containsKey(group)) addGroup(group, "APP.DEFAULT,AUTH.ALF");
    Set<String> s = memberOf.get(authority);
    if (s == null) memberOf.put(authority, s = new LinkedHashSet<String>());
    s.add(group);
  }

  public NodeRef personOf(String userName) {
    String id = personIds.get(userName);
    return id == null ? null : ref(id);
  }

  public boolean groupExists(String group) {
    return zones.containsKey(group);
  }

  /** The groups containing `authority`, transitively, optionally only those in `zone`. */
  public Set<String> containingGroups(String authority, String zone) {
    Set<String> out = new LinkedHashSet<String>();
    List<String> todo = new ArrayList<String>();
    todo.add(authority);
    while (!todo.isEmpty()) {
      Set<String> direct = memberOf.get(todo.remove(0));
      if (direct == null) continue;
      for (String g : direct) if (out.add(g)) todo.add(g);
    }
    if (zone == null) return out;
    Set<String> inZone = new LinkedHashSet<String>();
    for (String g : out) if (zones.get(g) != null && zones.get(g).contains(zone)) inZone.add(g);
    return inZone;
  }

  /** Whether `user` is an administrator (member of GROUP_ALFRESCO_ADMINISTRATORS, or admin). */
  public boolean isAdmin(String user) {
    return "admin".equals(user) || containingGroups(user, null).contains("GROUP_ALFRESCO_ADMINISTRATORS");
  }

  // ---------------------------------------------------------------- reads

  public static NodeRef ref(String id) {
    return new NodeRef(STORE, id);
  }

  NodeRec rec(NodeRef ref) {
    NodeRec n = ref == null ? null : nodes.get(ref.getId());
    if (n == null || !STORE.equals(ref.getStoreRefText())) {
      throw new RuntimeException("Node does not exist: " + ref);
    }
    return n;
  }

  public boolean exists(NodeRef ref) {
    return ref != null && STORE.equals(ref.getStoreRefText()) && nodes.containsKey(ref.getId());
  }

  public boolean exists(String id) {
    return nodes.containsKey(id);
  }

  public List<String> ids() {
    return new ArrayList<String>(nodes.keySet());
  }

  /** A copy of the node's properties (NodeService#getProperties). */
  public Map<QName, Serializable> getProperties(NodeRef ref) {
    return Values.deepCopy(rec(ref).props);
  }

  public Serializable getProperty(NodeRef ref, QName q) {
    return Values.copyValue(rec(ref).props.get(q));
  }

  public QName getType(NodeRef ref) {
    return rec(ref).type;
  }

  public Set<QName> getAspects(NodeRef ref) {
    return new LinkedHashSet<QName>(rec(ref).aspects);
  }

  public NodeRef getPrimaryParent(NodeRef ref) {
    String p = rec(ref).parentId;
    return p == null ? null : ref(p);
  }

  public List<NodeRef> getChildren(NodeRef ref) {
    List<NodeRef> out = new ArrayList<NodeRef>();
    for (NodeRec n : nodes.values()) if (ref.getId().equals(n.parentId)) out.add(ref(n.id));
    return out;
  }

  /** The child named `name` (cm:name, case-insensitive as ACS's child-by-name lookup). */
  public NodeRef getChildByName(NodeRef parent, String name) {
    for (NodeRec n : nodes.values()) {
      if (parent.getId().equals(n.parentId) && name.equalsIgnoreCase(String.valueOf(n.props.get(CM_NAME)))) {
        return ref(n.id);
      }
    }
    return null;
  }

  /** Target associations: assoc type → target refs, in creation order. */
  public LinkedHashMap<String, List<NodeRef>> getTargetAssocs(NodeRef ref) {
    LinkedHashMap<String, List<NodeRef>> out = new LinkedHashMap<String, List<NodeRef>>();
    for (String[] t : rec(ref).targets) {
      if (!nodes.containsKey(t[1])) continue;
      if (!out.containsKey(t[0])) out.put(t[0], new ArrayList<NodeRef>());
      out.get(t[0]).add(ref(t[1]));
    }
    return out;
  }

  /** Source associations: assoc type → source refs. */
  public LinkedHashMap<String, List<NodeRef>> getSourceAssocs(NodeRef ref) {
    LinkedHashMap<String, List<NodeRef>> out = new LinkedHashMap<String, List<NodeRef>>();
    for (NodeRec n : nodes.values()) {
      for (String[] t : n.targets) {
        if (!t[1].equals(ref.getId())) continue;
        if (!out.containsKey(t[0])) out.put(t[0], new ArrayList<NodeRef>());
        out.get(t[0]).add(ref(n.id));
      }
    }
    return out;
  }

  public List<String> getAces(NodeRef ref) {
    return new ArrayList<String>(rec(ref).aces);
  }

  /** The short name of the node's primary child association (its QName path segment). */
  public String assocName(NodeRef ref) {
    NodeRec n = rec(ref);
    return n.assocName != null ? n.assocName : "cm:" + n.props.get(CM_NAME);
  }

  public void setAssocName(NodeRef ref, String name) {
    rec(ref).assocName = name;
  }

  public String contentFile(NodeRef ref) {
    return rec(ref).contentFile;
  }

  /** The cm:name path of a node from its root, "/"-joined. */
  public String namePath(NodeRef ref) {
    List<String> parts = new ArrayList<String>();
    for (NodeRec n = rec(ref); n != null; n = n.parentId == null ? null : nodes.get(n.parentId)) {
      parts.add(0, String.valueOf(n.props.get(CM_NAME)));
    }
    return String.join("/", parts);
  }

  // ---------------------------------------------------------------- permissions

  /**
   * Whether `user` holds `permission` on the node, as ACS's permission model decides the few
   * permissions the module's steps need (permissionDefinitions.xml): System and administrators
   * hold all; the owner (cm:owner, else cm:creator: OwnableServiceImpl) holds all; otherwise an
   * ACE on the node or an inherited one for the user, one of their groups (any zone) or
   * GROUP_EVERYONE, whose role includes it: Coordinator all; Collaborator and Editor
   * Read and Write; Contributor and Consumer Read.
   */
  public boolean hasPermission(String user, NodeRef ref, String permission) {
    if (user == null) return false;
    if (AuthenticationUtil.SYSTEM_USER_NAME.equals(user) || isAdmin(user)) return true;
    NodeRec n = rec(ref);
    Serializable owner = n.props.get(QName.createQName(CM, "owner"));
    if (owner == null) owner = n.props.get(QName.createQName(CM, "creator"));
    if (owner != null && user.equals(owner.toString())) return true;
    Set<String> authorities = containingGroups(user, null);
    authorities.add(user);
    authorities.add("GROUP_EVERYONE");
    for (NodeRec c = n; c != null; c = c.inheritsPermissions && c.parentId != null ? nodes.get(c.parentId) : null) {
      for (String ace : c.aces) {
        String[] p = ace.split(";");
        if ("ALLOWED".equals(p[0]) && authorities.contains(p[1]) && roleIncludes(p[2], permission)) return true;
      }
    }
    return false;
  }

  private static boolean roleIncludes(String role, String permission) {
    switch (role) {
      case "Coordinator":
        return true;
      case "Collaborator":
      case "Editor":
        return "Read".equals(permission) || "Write".equals(permission);
      case "Contributor":
      case "Consumer":
        return "Read".equals(permission);
      default:
        return role.equals(permission);
    }
  }

  /**
   * PermissionService#setPermission through the public service: the caller needs
   * ChangePermissions (public-services-security-context.xml: ACL_NODE.0.sys:base.ChangePermissions).
   */
  public void setPermission(NodeRef ref, String authority, String role, boolean allow) {
    requirePermission(ref, "ChangePermissions");
    String ace = (allow ? "ALLOWED;" : "DENIED;") + authority + ";" + role;
    NodeRec n = rec(ref);
    if (!n.aces.contains(ace)) {
      n.aces.add(ace);
      wrote("setPermission", n.id, ace);
    }
  }

  /**
   * PermissionService#setInheritParentPermissions through the public service: the caller needs
   * ChangePermissions (public-services-security-context.xml).
   */
  public void setInheritParentPermissions(NodeRef ref, boolean inherit) {
    requirePermission(ref, "ChangePermissions");
    NodeRec n = rec(ref);
    if (n.inheritsPermissions != inherit) {
      n.inheritsPermissions = inherit;
      wrote("setInheritPermission", n.id, String.valueOf(inherit));
    }
  }

  public boolean inheritsPermissions(NodeRef ref) {
    return rec(ref).inheritsPermissions;
  }

  /**
   * NodeService#getProperties through the public service (a client's GET /nodes/{id}): the
   * caller needs ReadProperties (ACL_NODE.0.sys:base.ReadProperties), else AccessDeniedException.
   */
  public Map<QName, Serializable> readProperties(NodeRef ref) {
    requirePermission(ref, "Read");
    return getProperties(ref);
  }

  /**
   * FileFolderService#list through the public service (a client's GET /nodes/{id}/children):
   * ReadChildren on the folder, then only the children the caller may read
   * (AFTER_ACL_NODE.sys:base.ReadProperties), by cm:name.
   */
  public List<String> listReadableChildren(NodeRef folder) {
    requirePermission(folder, "Read");
    String user = AuthenticationUtil.getRunAsUser();
    List<String> out = new ArrayList<String>();
    for (NodeRef c : getChildren(folder)) {
      if (hasPermission(user, c, "Read")) out.add(String.valueOf(rec(c).props.get(CM_NAME)));
    }
    return out;
  }

  public void deletePermission(NodeRef ref, String authority, String role) {
    requirePermission(ref, "ChangePermissions");
    NodeRec n = rec(ref);
    String ace = "ALLOWED;" + authority + ";" + role;
    if (n.aces.remove(ace)) wrote("removePermission", n.id, ace);
  }

  private void requirePermission(NodeRef ref, String permission) {
    String user = AuthenticationUtil.getRunAsUser();
    if (!hasPermission(user, ref, permission)) {
      throw new AccessDeniedException("Access Denied.  You do not have the appropriate permissions to perform this operation.");
    }
  }

  /** ACS's net.sf.acegisecurity AccessDeniedException as the public services throw it. */
  public static final class AccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AccessDeniedException(String message) {
      super(message);
    }
  }

  /** Sets ACEs directly (fixtures), no check, no write counted. */
  public void putAce(NodeRef ref, String ace) {
    rec(ref).aces.add(ace);
  }

  // ---------------------------------------------------------------- writes

  private NodeRec newRec(QName type, String parentId, String name, Map<QName, Serializable> props) {
    seq++;
    NodeRec n = new NodeRec();
    n.id = idPrefix + (1000000 + seq) + "-0000-4000-8000-000000000000";
    n.type = type;
    n.parentId = parentId;
    n.props.putAll(props);
    n.props.put(CM_NAME, name);
    nodes.put(n.id, n);
    return n;
  }

  /**
   * A class's default property values where the node has none, then its mandatory aspects
   * with theirs (DbNodeServiceImpl#addAspectsAndProperties: addDefaultPropertyValues,
   * addDefaultAspects).
   */
  private void addDefaults(NodeRec n, QName cls) {
    for (QName p : dict.propertiesOf(cls)) {
      String d = dict.defaultOf(p);
      if (d != null && n.props.get(p) == null) n.props.put(p, Values.convert(dict.dataType(p), dict.isMultiple(p), d));
    }
    for (QName a : dict.mandatoryAspectsOf(cls)) {
      if (n.aspects.add(a)) {
        for (QName c : dict.chain(a)) addDefaults(n, c);
      }
    }
  }

  /** A property map converted to the dictionary's types, each property's aspect added. */
  private LinkedHashMap<QName, Serializable> typed(NodeRec n, Map<QName, Serializable> props) {
    LinkedHashMap<QName, Serializable> out = new LinkedHashMap<QName, Serializable>();
    for (Map.Entry<QName, Serializable> e : props.entrySet()) {
      QName q = e.getKey();
      out.put(q, Values.convert(dict.dataType(q), dict.isMultiple(q), e.getValue()));
      QName aspect = dict.aspectOf(q);
      if (aspect != null && n != null) n.aspects.add(aspect);
    }
    return out;
  }

  private void stampAuditable(LinkedHashMap<QName, Serializable> props, boolean created) {
    String user = AuthenticationUtil.getRunAsUser();
    Date now = new Date(rt.clock());
    if (created) {
      props.put(QName.createQName(CM, "creator"), user);
      props.put(QName.createQName(CM, "created"), now);
    }
    props.put(QName.createQName(CM, "modifier"), user);
    props.put(QName.createQName(CM, "modified"), now);
  }

  /**
   * NodeService#createNode under `parent` (cm:contains): a duplicate cm:name among the
   * parent's children throws DuplicateChildNodeNameException.
   */
  public NodeRef createNode(NodeRef parent, String name, QName type, Map<QName, Serializable> props) {
    if (parent != null) {
      rec(parent);
      if (getChildByName(parent, name) != null) {
        throw new RuntimeException("Duplicate child name not allowed: " + name);
      }
    }
    NodeRec n = newRec(type, parent == null ? null : parent.getId(), name, Collections.<QName, Serializable>emptyMap());
    n.props.putAll(typed(n, props));
    n.props.put(CM_NAME, name);
    for (QName cls : dict.chain(type)) addDefaults(n, cls);
    stampAuditable(n.props, true);
    wrote("create", n.id, dict.shortName(type) + " " + name);
    NodeRef ref = ref(n.id);
    rt.invokePolicy("onCreateNode", ref, new Object[] {new ChildAssociationRef(CM_CONTAINS,
        parent, QName.createQName(CM, name), ref)});
    propertiesUpdated(ref, new HashMap<QName, Serializable>(), Values.deepCopy(n.props));
    return ref;
  }

  /** NodeService#setProperties: replaces the properties; fires only when a value changed. */
  public void setProperties(NodeRef ref, Map<QName, Serializable> props) {
    NodeRec n = rec(ref);
    LinkedHashMap<QName, Serializable> before = Values.deepCopy(n.props);
    LinkedHashMap<QName, Serializable> after = typed(n, props);
    if (after.equals(before)) return;
    stampAuditable(after, false);
    if (!after.containsKey(CM_NAME)) after.put(CM_NAME, before.get(CM_NAME));
    n.props = after;
    wrote("setProperties", n.id, "");
    propertiesUpdated(ref, before, after);
  }

  /**
   * What follows a property change in ACS: onUpdateProperties(before, after) for the node's
   * classes, then, since ContentServiceImpl binds the same policy to every node
   * (ContentServiceImpl l. 193, 213-322 at 25.5.0.31), onContentUpdate(node, newContent) when a
   * content property's value changed between two states that are not both empty: content is
   * there when it has a URL and, with `policy.content.update.ignoreEmpty=true`
   * (repository.properties l. 462), a size above 0; newContent when it was not there before.
   * A node's content file follows its cm:content.
   */
  private void propertiesUpdated(NodeRef ref, Map<QName, Serializable> before, Map<QName, Serializable> after) {
    rt.invokePolicy("onUpdateProperties", ref,
        new Object[] {ref, new HashMap<QName, Serializable>(before), new HashMap<QName, Serializable>(Values.deepCopy(after))});
    if (!exists(ref)) return;
    if (after.get(CM_CONTENT_PROP) == null) rec(ref).contentFile = null;
    boolean fire = false;
    boolean isNew = false;
    for (QName q : after.keySet()) {
      if (!"d:content".equals(dict.dataType(q))) continue;
      Serializable b = before.get(q);
      Serializable a = after.get(q);
      boolean had = hasContent(b);
      boolean has = hasContent(a);
      if (!had && !has) continue;
      if (b == null ? a == null : b.equals(a)) continue;
      isNew = isNew || (!had && has);
      fire = true;
    }
    if (fire) rt.invokePolicy("onContentUpdate", ref, new Object[] {ref, Boolean.valueOf(isNew)});
  }

  private static boolean hasContent(Serializable v) {
    return v instanceof ContentData && ((ContentData) v).getContentUrl() != null && ((ContentData) v).getSize() > 0;
  }

  /** NodeService#addAspect with properties: onUpdateProperties when a property changed. */
  public void addAspect(NodeRef ref, QName aspect, Map<QName, Serializable> props) {
    NodeRec n = rec(ref);
    // DbNodeServiceImpl#addAspect: beforeAddAspect for the aspect's class, when it is new.
    if (!n.aspects.contains(aspect)) rt.invokeClassPolicy("beforeAddAspect", aspect, ref, new Object[] {ref, aspect});
    LinkedHashMap<QName, Serializable> before = Values.deepCopy(n.props);
    boolean added = n.aspects.add(aspect);
    LinkedHashMap<QName, Serializable> saved = n.props;
    n.props = Values.deepCopy(n.props);
    n.props.putAll(typed(n, props));
    if (added) addDefaults(n, aspect);
    LinkedHashMap<QName, Serializable> after = n.props;
    n.props = saved;
    if (added) wrote("addAspect", n.id, dict.shortName(aspect));
    if (!after.equals(before)) {
      stampAuditable(after, false);
      n.props = after;
      wrote("setProperties", n.id, "");
      propertiesUpdated(ref, before, after);
    }
  }

  /**
   * NodeService#removeAspect (DbNodeServiceImpl l. 886-930, 25.5.0.31): beforeRemoveAspect,
   * the aspect and its properties go, onUpdateProperties(before, after) when properties went
   * (from 23.8 only: 23.1.1.12 l. 853-864 removes them without it), then onRemoveAspect.
   */
  public void removeAspect(NodeRef ref, QName aspect) {
    NodeRec n = rec(ref);
    if (!n.aspects.contains(aspect)) return;
    rt.invokePolicy("beforeRemoveAspect", ref, new Object[] {ref, aspect});
    LinkedHashMap<QName, Serializable> before = Values.deepCopy(n.props);
    n.aspects.remove(aspect);
    LinkedHashMap<QName, Serializable> after = Values.deepCopy(n.props);
    for (QName cls : dict.chain(aspect)) for (QName p : dict.propertiesOf(cls)) after.remove(p);
    wrote("removeAspect", n.id, dict.shortName(aspect));
    if (!after.equals(before)) {
      n.props = after;
      wrote("setProperties", n.id, "");
      if (rt.atLeast("23.8")) rt.invokePolicy("onUpdateProperties", ref,
          new Object[] {ref, new HashMap<QName, Serializable>(before), new HashMap<QName, Serializable>(Values.deepCopy(after))});
    }
    rt.invokePolicy("onRemoveAspect", ref, new Object[] {ref, aspect});
    // VersionableAspect#onRemoveAspect (TRANSACTION_COMMIT, l. 218-221, 393-397 at 25.5.0.31):
    // the version history goes when cm:versionable does.
    if (CM_VERSIONABLE.equals(aspect)) {
      final String id = n.id;
      atCommit.add(() -> versions.remove(id));
    }
  }

  /** NodeService#removeAssociation: beforeDeleteAssociation, then onDeleteAssociation. */
  public void removeAssociation(NodeRef source, NodeRef target, QName assocType) {
    NodeRec n = rec(source);
    org.alfresco.service.cmr.repository.AssociationRef a =
        new org.alfresco.service.cmr.repository.AssociationRef(source, assocType, target);
    rt.invokeAssocPolicy("beforeDeleteAssociation", source, assocType, new Object[] {a});
    boolean removed = n.targets.removeIf(t -> t[0].equals(assocType.toString()) && t[1].equals(target.getId()));
    if (removed) {
      wrote("removeAssociation", n.id, dict.shortName(assocType) + " " + target.getId());
      rt.invokeAssocPolicy("onDeleteAssociation", source, assocType, new Object[] {a});
    }
  }

  /**
   * LockService#lock (LockServiceImpl, 25.5.0.31): beforeLock(node, lockType) first; a
   * persistent lock is the cm:lockable aspect with cm:lockOwner, cm:lockType, cm:lockLifetime
   * written through the node service (so onUpdateProperties fires too); an ephemeral one lives
   * in the lock store only. A node locked by another user refuses writes (NodeLockedException).
   */
  public void lock(NodeRef ref, String lockType, boolean persistent) {
    rec(ref);
    rt.invokePolicy("beforeLock", ref, new Object[] {ref, lockType});
    String user = AuthenticationUtil.getRunAsUser();
    locks.put(ref.getId(), user);
    if (persistent) {
      Map<QName, Serializable> props = new HashMap<QName, Serializable>();
      props.put(QName.createQName(CM, "lockOwner"), user);
      props.put(QName.createQName(CM, "lockType"), lockType);
      props.put(QName.createQName(CM, "lockLifetime"), "PERSISTENT");
      addAspect(ref, QName.createQName(CM, "lockable"), props);
    } else {
      wrote("lock", ref.getId(), lockType);
    }
  }

  /** The lock holder of a node, or null. */
  public String lockOwner(NodeRef ref) {
    return locks.get(ref.getId());
  }

  private final Map<String, String> locks = new HashMap<String, String>();

  /** NodeService#createAssociation: onCreateAssociation after it is made. */
  public void createAssociation(NodeRef source, NodeRef target, QName assocType) {
    NodeRec n = rec(source);
    rec(target);
    for (String[] t : n.targets) {
      if (t[0].equals(assocType.toString()) && t[1].equals(target.getId())) {
        throw new RuntimeException("An association of type " + assocType + " already exists between "
            + source + " and " + target);
      }
    }
    n.targets.add(new String[] {assocType.toString(), target.getId()});
    wrote("createAssociation", n.id, dict.shortName(assocType) + " " + target.getId());
    rt.invokeAssocPolicy("onCreateAssociation", source, assocType,
        new Object[] {new org.alfresco.service.cmr.repository.AssociationRef(source, assocType, target)});
  }

  /** NodeService#moveNode: beforeMoveNode(old child assoc, new parent) first. */
  public void moveNode(NodeRef ref, NodeRef newParent) {
    NodeRec n = rec(ref);
    rec(newParent);
    String name = String.valueOf(n.props.get(CM_NAME));
    NodeRef existing = getChildByName(newParent, name);
    if (existing != null && !existing.equals(ref)) {
      throw new RuntimeException("Duplicate child name not allowed: " + name);
    }
    ChildAssociationRef old = new ChildAssociationRef(CM_CONTAINS,
        n.parentId == null ? null : ref(n.parentId), QName.createQName(CM, name), ref);
    rt.invokePolicy("beforeMoveNode", ref, new Object[] {old, newParent});
    boolean probed = moveProbe != null && n.props.get(moveProbe) != null;
    n.parentId = newParent.getId();
    wrote("move", n.id, newParent.getId());
    moves.add("move " + name + " " + moveProbeLabel + "=" + probed + " to " + rec(newParent).props.get(CM_NAME));
  }

  /**
   * CopyService#copy (CopyServiceImpl#copyImpl, 25.5.0.31 l. 620-634): the copy is created
   * through the node service (so onCreateNode and onUpdateProperties fire for it), then
   * beforeCopy(classRef, source, copy) fires for the copy's type and each of its aspects
   * (#invokeBeforeCopy l. 774-799), then the children are copied the same way (cascade). The
   * copy keeps the source's properties but its auditable ones, and its aspects.
   */
  public NodeRef copyNode(NodeRef source, NodeRef destParent, String name) {
    NodeRec s = rec(source);
    LinkedHashMap<QName, Serializable> props = Values.deepCopy(s.props);
    for (String a : new String[] {"creator", "created", "modifier", "modified"}) props.remove(QName.createQName(CM, a));
    NodeRef copy = createNode(destParent, name, s.type, props);
    NodeRec c = rec(copy);
    c.aspects.addAll(s.aspects);
    c.contentFile = s.contentFile;
    rt.invokePolicy("beforeCopy", copy, new Object[] {s.type, source, copy});
    for (NodeRef child : getChildren(source)) {
      copyNode(child, copy, String.valueOf(rec(child).props.get(CM_NAME)));
    }
    return copy;
  }

  /**
   * QuickShareService#shareContent (QuickShareServiceImpl l. 424-464, 25.5.0.31): only content
   * is shareable; the qshare:shared aspect is added through the node service as System.
   */
  public void shareContent(NodeRef ref) {
    NodeRec n = rec(ref);
    if (!dict.isSubClass(n.type, QName.createQName(CM, "content"))) throw new RuntimeException("Node does not exist: " + ref);
    final QName shared = QName.createQName("http://www.alfresco.org/model/qshare/1.0", "shared");
    final Map<QName, Serializable> props = new HashMap<QName, Serializable>();
    props.put(QName.createQName("http://www.alfresco.org/model/qshare/1.0", "sharedBy"), AuthenticationUtil.getRunAsUser());
    String was = AuthenticationUtil.getRunAsUser();
    AuthenticationUtil.setRunAsUser(AuthenticationUtil.SYSTEM_USER_NAME);
    try {
      addAspect(ref, shared, props);
    } finally {
      AuthenticationUtil.setRunAsUser(was);
    }
  }

  /**
   * RenditionService2Impl consuming a transform (l. 532, 633-639, 25.5.0.31): as System, the
   * rendition is a cm:thumbnail child of the source made through the node service (rn:rendition).
   */
  public NodeRef consumeRendition(NodeRef source, String renditionName) {
    rec(source);
    String was = AuthenticationUtil.getRunAsUser();
    AuthenticationUtil.setRunAsUser(AuthenticationUtil.SYSTEM_USER_NAME);
    try {
      return createNode(source, renditionName, QName.createQName(CM, "thumbnail"), new HashMap<QName, Serializable>());
    } finally {
      AuthenticationUtil.setRunAsUser(was);
    }
  }

  /**
   * DownloadService#createDownload (DownloadServiceImpl l. 101-106, DownloadStorage l. 144-183,
   * 25.5.0.31): a download:download node, then a download:requestedNodes association to each
   * requested node through the node service.
   */
  public NodeRef createDownload(List<NodeRef> requested) {
    NodeRef download = createNode(null, "download-" + (seq + 1), QName.createQName("http://www.alfresco.org/model/download/1.0", "download"),
        new HashMap<QName, Serializable>());
    for (NodeRef r : requested) {
      createAssociation(download, r, QName.createQName("http://www.alfresco.org/model/download/1.0", "requestedNodes"));
    }
    return download;
  }

  /**
   * VersionService#createVersion (Version2ServiceImpl l. 229-237, AbstractVersionServiceImpl
   * l. 159-166, 25.5.0.31): cm:versionable added if missing, then beforeCreateVersion(node) for
   * its type and aspects; the version itself is kept in the version store (not played here).
   */
  public void createVersion(NodeRef ref) {
    NodeRec n = rec(ref);
    QName versionable = QName.createQName(CM, "versionable");
    if (!n.aspects.contains(versionable)) addAspect(ref, versionable, new HashMap<QName, Serializable>());
    rt.invokePolicy("beforeCreateVersion", ref, new Object[] {ref});
    wrote("version", n.id, "");
    // Version2ServiceImpl#createNewVersion (l. 523-528): the frozen node copies the properties,
    // cm:content (its URL) included, into the version store.
    keepVersion(n);
  }

  private void keepVersion(NodeRec n) {
    if (!versions.containsKey(n.id)) versions.put(n.id, new ArrayList<ContentData>());
    Serializable c = n.props.get(CM_CONTENT_PROP);
    versions.get(n.id).add(c instanceof ContentData ? (ContentData) c : null);
  }

  /** The versions the version store keeps of a node. */
  public int versionCount(NodeRef ref) {
    List<ContentData> l = versions.get(ref.getId());
    return l == null ? 0 : l.size();
  }

  /**
   * CheckOutCheckInService#checkout (CheckOutCheckInServiceImpl l. 264-276, 445, 25.5.0.31):
   * beforeCheckOut(node, destination, assoc type, assoc name) for the node's classes first; then
   * the node is locked and copied as a cm:workingcopy (the copy is not played here).
   */
  public void checkout(NodeRef ref) {
    NodeRec n = rec(ref);
    NodeRef parent = n.parentId == null ? null : ref(n.parentId);
    rt.invokePolicy("beforeCheckOut", ref, new Object[] {ref, parent, CM_CONTAINS, QName.createQName(CM, "workingCopy")});
    wrote("checkout", n.id, "");
  }

  /**
   * NodeService#deleteNode: beforeDeleteNode first, children with it. The node goes for good
   * (its content URLs are dereferenced at commit), and with cm:versionable its version history
   * too (VersionableAspect#onDeleteNode, l. 255-261, TRANSACTION_COMMIT): the runtime has no
   * archive store.
   */
  public void deleteNode(NodeRef ref) {
    NodeRec n = rec(ref);
    rt.invokePolicy("beforeDeleteNode", ref, new Object[] {ref});
    for (NodeRef child : getChildren(ref)) deleteNode(child);
    nodes.remove(ref.getId());
    wrote("delete", ref.getId(), "");
    if (n.aspects.contains(CM_VERSIONABLE)) {
      final String id = n.id;
      atCommit.add(() -> versions.remove(id));
    }
  }

  /**
   * A content write (ContentServiceImpl's writer close, l. 566 at 25.5.0.31): NodeService#setProperty
   * of cm:content, which fires onUpdateProperties(before, after) (DbNodeServiceImpl
   * #addAspectsAndProperties), then ContentServiceImpl's own onUpdateProperties fires
   * onContentUpdate(node, newContent).
   */
  public void writeContent(NodeRef ref, String file, String mimetype, long size) {
    NodeRec n = rec(ref);
    boolean isNew = n.contentFile == null;
    LinkedHashMap<QName, Serializable> before = Values.deepCopy(n.props);
    LinkedHashMap<QName, Serializable> after = Values.deepCopy(n.props);
    after.put(QName.createQName(CM, "content"),
        new org.alfresco.service.cmr.repository.ContentData("store://" + n.id, mimetype, size));
    stampAuditable(after, false);
    n.contentFile = file;
    n.props = after;
    wrote("writeContent", n.id, "");
    rt.invokePolicy("onUpdateProperties", ref,
        new Object[] {ref, new HashMap<QName, Serializable>(before), new HashMap<QName, Serializable>(Values.deepCopy(after))});
    rt.invokePolicy("onContentUpdate", ref, new Object[] {ref, Boolean.valueOf(isNew)});
  }

  /**
   * ContentService#getWriter through the public service (a client's PUT /nodes/{id}/content):
   * the caller needs WriteContent (public-services-security-context.xml:
   * ACL_NODE.0.sys:base.WriteContent), then the write.
   */
  public void putContent(NodeRef ref, String file, String mimetype, long size) {
    requirePermission(ref, "Write");
    writeContent(ref, file, mimetype, size);
  }

  /**
   * ContentService#getReader through the public service (a client's GET /nodes/{id}/content):
   * the caller needs ReadContent (ACL_NODE.0.sys:base.ReadContent), then the read.
   */
  public String getContent(NodeRef ref) {
    requirePermission(ref, "Read");
    return readContent(ref);
  }

  /** A content read (ContentServiceImpl#getReader): onContentRead(node). */
  public String readContent(NodeRef ref) {
    NodeRec n = rec(ref);
    rt.invokePolicy("onContentRead", ref, new Object[] {ref});
    audit.onContentRead(ref);
    return n.contentFile;
  }

  /**
   * ContentService#getReader through the public service (a client's GET /nodes/{id}/content):
   * ReadContent (`ContentService.getReader=ACL_NODE.0.sys:base.ReadContent`, part of Read), then
   * the read with its policies and its efr-access entry after the commit (Audit).
   */
  public String readContentAs(NodeRef ref) {
    requirePermission(ref, "Read");
    return readContent(ref);
  }

  /** Sets properties without policies or stamps (fixtures before the run). */
  public NodeRef fixture(String id, QName type, NodeRef parent, Map<QName, Serializable> props,
      List<String> aspects) {
    NodeRec n = new NodeRec();
    n.id = id;
    n.type = type;
    n.parentId = parent == null ? null : parent.getId();
    n.props.putAll(typed(n, props));
    for (String a : aspects) n.aspects.add(dict.resolve(a));
    nodes.put(id, n);
    return ref(id);
  }

  /** Replaces properties without policies, stamps or a write counted (fixtures). */
  public void setPropertiesQuiet(NodeRef ref, Map<QName, Serializable> props) {
    rec(ref).props = new LinkedHashMap<QName, Serializable>(props);
  }

  /** Adds a target association without policies (fixtures). */
  public void fixtureAssoc(NodeRef source, NodeRef target, QName assocType) {
    rec(source).targets.add(new String[] {assocType.toString(), target.getId()});
  }

  public void fixtureContent(NodeRef ref, String file) {
    rec(ref).contentFile = file;
  }

  /**
   * Stored content (fixtures): `file` copied into the content store under a new content URL,
   * the node's cm:content set to it, no policy fired, its alf_content_url row live.
   */
  public String putContent(NodeRef ref, String file, String mimetype) {
    NodeRec n = rec(ref);
    String url = store.put(file, rt.clock());
    java.io.File stored = store.fileOf(url);
    n.props.put(CM_CONTENT_PROP, new ContentData(url, mimetype, stored.length()));
    n.contentFile = stored.getPath();
    urlRows.put(url, null);
    return url;
  }

  /** A stored version of the node as it is (fixtures): cm:versionable, one version kept. */
  public void putVersion(NodeRef ref) {
    NodeRec n = rec(ref);
    n.aspects.add(CM_VERSIONABLE);
    keepVersion(n);
  }

  /**
   * ContentStoreCleaner#execute (l. 327-345, cleanBatch l. 387-433 at 25.5.0.31), the
   * `contentStoreCleanerJob` (cron `system.content.orphanCleanup.cronExpression`, l. 227, 04:00
   * daily): each URL orphaned before now minus `orphanProtectDays` loses its row, then is deleted
   * from the stores with the listeners (a copy into contentstore.deleted first, when the file is
   * still there). Answers the URLs it cleaned.
   */
  public List<String> runContentStoreCleaner() {
    long max = rt.clock() - orphanProtectDays * 24L * 3600 * 1000;
    List<String> cleaned = new ArrayList<String>();
    for (Map.Entry<String, Long> e : new ArrayList<Map.Entry<String, Long>>(urlRows.entrySet())) {
      if (e.getValue() == null || e.getValue() >= max) continue;
      urlRows.remove(e.getKey());
      cleaner.deleteFromStores(e.getKey());
      cleaned.add(e.getKey());
    }
    return cleaned;
  }

  /**
   * The store as a report (fixtures): per URL given to it, `<url> row=live|orphaned|none
   * binary=yes|no backup=yes|no refs=<node ids>` (refs: nodes and versions naming the URL).
   */
  public List<String> storeReport() {
    List<String> out = new ArrayList<String>();
    for (String url : store.urls()) {
      List<String> refs = new ArrayList<String>();
      for (NodeRec n : nodes.values()) {
        for (Serializable v : n.props.values()) {
          if (v instanceof ContentData && url.equals(((ContentData) v).getContentUrl())) refs.add(n.id);
        }
      }
      for (Map.Entry<String, List<ContentData>> e : versions.entrySet()) {
        for (ContentData c : e.getValue()) if (c != null && url.equals(c.getContentUrl())) refs.add("version:" + e.getKey());
      }
      String row = !urlRows.containsKey(url) ? "none" : urlRows.get(url) == null ? "live" : "orphaned";
      out.add(url + " row=" + row + " binary=" + (store.fileOf(url) != null ? "yes" : "no")
          + " backup=" + (store.backedUp(url) ? "yes" : "no") + " refs=" + String.join(",", refs));
    }
    return out;
  }
}
