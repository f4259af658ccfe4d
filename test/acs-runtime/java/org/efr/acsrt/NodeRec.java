package org.efr.acsrt;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import org.alfresco.service.namespace.QName;

/** One stored node: what DbNodeServiceImpl keeps of it, plus its ACEs and content file. */
final class NodeRec {
  String id;
  QName type;
  String parentId;
  /** The primary child association's name, short form (e.g. cm:Company Home, app:company_home). */
  String assocName;
  LinkedHashMap<QName, Serializable> props = new LinkedHashMap<QName, Serializable>();
  LinkedHashSet<QName> aspects = new LinkedHashSet<QName>();
  /** Target associations: [assoc type {uri}local, target id]. */
  List<String[]> targets = new ArrayList<String[]>();
  /** ACEs as ScriptNode#getPermissions spells them: ALLOWED;authority;role. */
  List<String> aces = new ArrayList<String>();
  boolean inheritsPermissions = true;
  /** The content file of cm:content, or null. */
  String contentFile;

  NodeRec copy() {
    NodeRec n = new NodeRec();
    n.id = id;
    n.type = type;
    n.parentId = parentId;
    n.assocName = assocName;
    n.props = Values.deepCopy(props);
    n.aspects = new LinkedHashSet<QName>(aspects);
    for (String[] t : targets) n.targets.add(new String[] {t[0], t[1]});
    n.aces = new ArrayList<String>(aces);
    n.inheritsPermissions = inheritsPermissions;
    n.contentFile = contentFile;
    return n;
  }
}
