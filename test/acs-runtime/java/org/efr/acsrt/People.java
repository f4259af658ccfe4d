package org.efr.acsrt;

import java.util.Set;
import org.alfresco.service.cmr.repository.NodeRef;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Scriptable;

/**
 * The `people` root object (ACS's jscript People, 25.5.0.31): getPerson by user name;
 * getContainerGroups (l. 1196-1215) asks AuthorityService#getContainingAuthoritiesInZone for
 * zone APP.DEFAULT only, so groups synced from LDAP/AD (zones AUTH.EXT.*) are not in it, and
 * sizes its array by the authorities found; isAdmin.
 */
public final class People implements Scopeable {
  private final AcsRuntime rt;
  private Scriptable scope;

  People(AcsRuntime rt) {
    this.rt = rt;
  }

  public void setScope(Scriptable scope) {
    this.scope = scope;
  }

  public ScriptNode getPerson(String userName) {
    NodeRef p = rt.repo.personOf(userName);
    return p == null ? null : new ScriptNode(rt, p, scope);
  }

  public ScriptNode getGroup(String groupName) {
    NodeRef g = rt.groupNode(groupName);
    return g == null ? null : new ScriptNode(rt, g, scope);
  }

  public Scriptable getContainerGroups(ScriptNode person) {
    String user = String.valueOf(rt.repo.getProperty(person.getNodeRef(), rt.dict.resolve("cm:userName")));
    Set<String> groups = rt.repo.containingGroups(user, "APP.DEFAULT");
    Object[] parents = new Object[groups.size()];
    int i = 0;
    for (String g : groups) {
      ScriptNode group = getGroup(g);
      if (group != null) parents[i++] = group;
    }
    Context cx = Context.enter();
    try {
      return cx.newArray(scope, parents);
    } finally {
      Context.exit();
    }
  }

  public boolean isAdmin(ScriptNode person) {
    return rt.repo.isAdmin(String.valueOf(rt.repo.getProperty(person.getNodeRef(), rt.dict.resolve("cm:userName"))));
  }
}
