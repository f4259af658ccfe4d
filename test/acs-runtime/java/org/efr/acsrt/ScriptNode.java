package org.efr.acsrt;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.text.Collator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alfresco.service.cmr.repository.ContentData;
import org.alfresco.service.cmr.repository.NodeRef;
import org.alfresco.service.namespace.QName;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * The members of ACS's ScriptNode (repository/src/main/java/org/alfresco/repo/jscript/
 * ScriptNode.java, 25.5.0.31) that EFR's scripts use, with ACS's Java signatures, so Rhino
 * exposes them as it exposes ACS's: a Java object (NativeJavaObject) with bean properties.
 * - getId/getType/getTypeShort/getName return Java Strings (wrapped objects to the script,
 *   compare with String(x)); getNodeRef a NodeRef object;
 * - getProperties (l. 987-1016): a QName map, each value through convertValueForScript, cm:content
 *   as ScriptContentData; cached until save;
 * - getAssocs/getSourceAssocs (l. 777-854): QName maps of JavaScript arrays of ScriptNodes;
 * - getChildren (l. 461-481): a JavaScript array sorted by name (Collator of the locale);
 * - childByNamePath (l. 523ff.): cm:name path, "" answers null;
 * - save (l. 1751ff.): convertValueForRepo of every property, then NodeService#setProperties;
 * - createNode/createFolder/createAssociation/addAspect/move/remove/setPermission/
 *   removePermission through the repository, which fires the policies.
 */
public final class ScriptNode implements Scopeable, Serializable {
  private static final long serialVersionUID = 1L;
  private final transient AcsRuntime rt;
  private final NodeRef nodeRef;
  private transient Scriptable scope;
  private transient QNameScriptMap properties;

  ScriptNode(AcsRuntime rt, NodeRef nodeRef) {
    this(rt, nodeRef, null);
  }

  ScriptNode(AcsRuntime rt, NodeRef nodeRef, Scriptable scope) {
    this.rt = rt;
    this.nodeRef = nodeRef;
    this.scope = scope;
  }

  public void setScope(Scriptable scope) {
    this.scope = scope;
  }

  private Repo repo() {
    return rt.repo;
  }

  private Object array(Object[] items) {
    Context cx = Context.enter();
    try {
      return cx.newArray(scope, items);
    } finally {
      Context.exit();
    }
  }

  public NodeRef getNodeRef() {
    return nodeRef;
  }

  public String getId() {
    return nodeRef.getId();
  }

  public String getType() {
    return repo().getType(nodeRef).toString();
  }

  public String getTypeShort() {
    return rt.dict.shortName(repo().getType(nodeRef));
  }

  public String getName() {
    Serializable n = repo().getProperty(nodeRef, Repo.CM_NAME);
    return n == null ? null : n.toString();
  }

  /** ScriptNode#exists() (a method in ACS, l. 976: `node.exists` is a function there). */
  public boolean exists() {
    return repo().exists(nodeRef);
  }

  public Map<String, Object> getProperties() {
    if (properties == null) {
      properties = new QNameScriptMap(rt.dict);
      for (Map.Entry<QName, Serializable> e : repo().getProperties(nodeRef).entrySet()) {
        Object v = e.getValue();
        properties.put(e.getKey().toString(),
            v instanceof ContentData ? new ScriptContentData((ContentData) v) : rt.converter.forScript(scope, v));
      }
    }
    return properties;
  }

  private QNameScriptMap assocMap(Map<String, List<NodeRef>> refs) {
    QNameScriptMap out = new QNameScriptMap(rt.dict);
    for (Map.Entry<String, List<NodeRef>> e : refs.entrySet()) {
      Object[] nodes = new Object[e.getValue().size()];
      for (int i = 0; i < nodes.length; i++) nodes[i] = new ScriptNode(rt, e.getValue().get(i), scope);
      out.put(e.getKey(), array(nodes));
    }
    return out;
  }

  public Map<String, Object> getAssocs() {
    return assocMap(repo().getTargetAssocs(nodeRef));
  }

  public Map<String, Object> getAssociations() {
    return getAssocs();
  }

  public Map<String, Object> getSourceAssocs() {
    return assocMap(repo().getSourceAssocs(nodeRef));
  }

  public ScriptNode getParent() {
    NodeRef p = repo().getPrimaryParent(nodeRef);
    return p == null ? null : new ScriptNode(rt, p, scope);
  }

  public Scriptable getChildren() {
    List<NodeRef> refs = repo().getChildren(nodeRef);
    Object[] kids = new Object[refs.size()];
    for (int i = 0; i < kids.length; i++) kids[i] = new ScriptNode(rt, refs.get(i), scope);
    final Collator col = Collator.getInstance(Locale.getDefault());
    Arrays.sort(kids, (a, b) -> col.compare(((ScriptNode) a).getName(), ((ScriptNode) b).getName()));
    return (Scriptable) array(kids);
  }

  public ScriptNode childByNamePath(String path) {
    if (path == null) throw new NullPointerException("Illegal null path");
    if (path.isEmpty()) return null;
    NodeRef cur = nodeRef;
    for (String part : path.split("/")) {
      if (part.isEmpty()) continue;
      cur = repo().getChildByName(cur, part);
      if (cur == null) return null;
    }
    return new ScriptNode(rt, cur, scope);
  }

  /** The primary path of child association names from the store root (ScriptNode#getQnamePath). */
  public String getQnamePath() {
    StringBuilder b = new StringBuilder();
    for (NodeRef n = nodeRef; n != null; n = repo().getPrimaryParent(n)) b.insert(0, "/" + repo().assocName(n));
    return b.toString();
  }

  public long getSize() {
    Serializable c = repo().getProperty(nodeRef, QName.createQName(Repo.CM, "content"));
    return c instanceof ContentData ? ((ContentData) c).getSize() : 0L;
  }

  public boolean hasAspect(String aspect) {
    return repo().getAspects(nodeRef).contains(rt.dict.resolve(aspect));
  }

  public boolean isSubType(String type) {
    return rt.dict.isSubClass(repo().getType(nodeRef), rt.dict.resolve(type));
  }

  public Scriptable getAspects() {
    Object[] names = repo().getAspects(nodeRef).stream().map(QName::toString).toArray();
    return (Scriptable) array(names);
  }

  /** ACEs as ScriptNode#getPermissions spells them: ALLOWED;authority;role. */
  public Scriptable getPermissions() {
    return (Scriptable) array(repo().getAces(nodeRef).toArray());
  }

  /**
   * ScriptNode#setInheritsPermissions: PermissionService#setInheritParentPermissions
   * (ScriptNode.java l. 1639-1642, 25.5.0.31); callers hold ChangePermissions or run as System
   * (public-services-security-context.xml l. 800).
   */
  public void setInheritsPermissions(boolean inherit) {
    repo().setInheritParentPermissions(nodeRef, inherit);
  }

  public boolean inheritsPermissions() {
    return repo().inheritsPermissions(nodeRef);
  }

  public void setPermission(String permission, String authority) {
    repo().setPermission(nodeRef, authority, permission, true);
  }

  public void removePermission(String permission, String authority) {
    repo().deletePermission(nodeRef, authority, permission);
  }

  public void save() {
    Map<QName, Serializable> props = new LinkedHashMap<QName, Serializable>();
    for (Map.Entry<String, Object> e : getProperties().entrySet()) {
      Object v = e.getValue();
      props.put(rt.dict.resolve(e.getKey()),
          v instanceof ScriptContentData ? ((ScriptContentData) v).data : rt.converter.forRepo(v));
    }
    repo().setProperties(nodeRef, props);
    properties = null;
  }

  private Map<QName, Serializable> repoProps(Object properties) {
    Map<QName, Serializable> props = new HashMap<QName, Serializable>();
    if (properties instanceof ScriptableObject) {
      ScriptableObject o = (ScriptableObject) properties;
      for (Object id : o.getIds()) {
        String key = id.toString();
        props.put(rt.dict.resolve(key), rt.converter.forRepo(o.get(key, o)));
      }
    } else if (properties instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) properties).entrySet()) {
        props.put(rt.dict.resolve(e.getKey().toString()), rt.converter.forRepo(e.getValue()));
      }
    }
    return props;
  }

  public ScriptNode createNode(String name, String type) {
    return createNode(name, type, null);
  }

  public ScriptNode createNode(String name, String type, Object properties) {
    NodeRef made = repo().createNode(nodeRef, name, rt.dict.resolve(type), repoProps(properties));
    return new ScriptNode(rt, made, scope);
  }

  public ScriptNode createFolder(String name) {
    return createNode(name, "cm:folder", null);
  }

  public Association createAssociation(ScriptNode target, String assocType) {
    org.alfresco.service.namespace.QName type = rt.dict.resolve(assocType);
    repo().createAssociation(nodeRef, target.getNodeRef(), type);
    return new Association(rt, new org.alfresco.service.cmr.repository.AssociationRef(nodeRef, type,
        target.getNodeRef()), scope);
  }

  public boolean addAspect(String type) {
    return addAspect(type, null);
  }

  public boolean addAspect(String type, Object props) {
    repo().addAspect(nodeRef, rt.dict.resolve(type), repoProps(props));
    properties = null;
    return true;
  }

  public boolean removeAspect(String type) {
    repo().removeAspect(nodeRef, rt.dict.resolve(type));
    properties = null;
    return true;
  }

  public boolean move(ScriptNode destination) {
    repo().moveNode(nodeRef, destination.getNodeRef());
    return true;
  }

  /** ScriptNode#remove (l. 2154-2169): false when the node no longer exists. */
  public boolean remove() {
    if (!repo().exists(nodeRef)) return false;
    repo().deleteNode(nodeRef);
    return true;
  }

  @Override
  public String toString() {
    return nodeRef.toString();
  }

  /**
   * ScriptNode.ScriptContentData (l. 3869ff.): cm:content as a script sees it. getInputStream
   * reads the content through the content service, so it fires onContentRead like any read.
   */
  public final class ScriptContentData implements Serializable {
    private static final long serialVersionUID = 1L;
    final ContentData data;

    ScriptContentData(ContentData data) {
      this.data = data;
    }

    public InputStream getInputStream() throws IOException {
      String file = repo().readContent(nodeRef);
      return file == null ? null : new FileInputStream(file);
    }

    public long getSize() {
      return data.getSize();
    }

    public String getMimetype() {
      return data.getMimetype();
    }

    public String getUrl() {
      return "/d/a/workspace/SpacesStore/" + nodeRef.getId() + "/" + getName();
    }

    @Override
    public String toString() {
      return data.toString();
    }
  }
}
