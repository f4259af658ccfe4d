package org.efr.acsrt;

import java.util.HashMap;
import java.util.Map;
import org.alfresco.service.namespace.QName;

/**
 * The data dictionary the runtime needs: prefixes, each class's parent (types and aspects),
 * each property's data type and the aspect that defines it. Filled by the driver from
 * content-model/efr-model.xml and the few cm:/sys: classes the module meets.
 */
public final class Dictionary {
  private final Map<String, String> prefixes = new HashMap<String, String>();
  private final Map<QName, QName> parents = new HashMap<QName, QName>();
  private final Map<QName, String> dataTypes = new HashMap<QName, String>();
  private final Map<QName, Boolean> multiple = new HashMap<QName, Boolean>();
  private final Map<QName, QName> aspectOfProperty = new HashMap<QName, QName>();

  public void addNamespace(String prefix, String uri) {
    prefixes.put(prefix, uri);
  }

  /** Declares a class (type or aspect) and its parent (null for none). */
  public void addClass(String name, String parent) {
    parents.put(resolve(name), parent == null ? null : resolve(parent));
  }

  /** Declares a property of a class: its data type (e.g. "d:long") and whether multi-valued. */
  public void addProperty(String name, String dataType, boolean isMultiple, String aspect) {
    QName q = resolve(name);
    dataTypes.put(q, dataType);
    multiple.put(q, isMultiple);
    if (aspect != null) aspectOfProperty.put(q, resolve(aspect));
  }

  /**
   * "prefix:local" or "{uri}local" as a QName (QName.createQName(String, NamespacePrefixResolver)
   * as ScriptNode#createQName does); an unknown prefix throws as ACS's NamespaceException does.
   */
  public QName resolve(String name) {
    if (name.startsWith("{")) return QName.createQName(name);
    int i = name.indexOf(':');
    String prefix = i < 0 ? "cm" : name.substring(0, i);
    String uri = prefixes.get(prefix);
    if (uri == null) throw new RuntimeException("Namespace prefix " + prefix + " is not mapped to a namespace URI");
    return QName.createQName(uri, name.substring(i + 1));
  }

  /** "prefix:local" of a QName (ScriptNode#getTypeShort). */
  public String shortName(QName q) {
    for (Map.Entry<String, String> e : prefixes.entrySet()) {
      if (e.getValue().equals(q.getNamespaceURI())) return e.getKey() + ":" + q.getLocalName();
    }
    return q.toString();
  }

  /** Whether `cls` is `of` or one of its descendants (DictionaryService#isSubClass). */
  public boolean isSubClass(QName cls, QName of) {
    for (QName c = cls; c != null; c = parents.get(c)) if (c.equals(of)) return true;
    return false;
  }

  public String dataType(QName property) {
    return dataTypes.get(property);
  }

  public boolean isMultiple(QName property) {
    return Boolean.TRUE.equals(multiple.get(property));
  }

  public QName aspectOf(QName property) {
    return aspectOfProperty.get(property);
  }

  public boolean isKnownClass(QName cls) {
    return parents.containsKey(cls);
  }
}
