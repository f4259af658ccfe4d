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
  private final Map<QName, java.util.List<QName>> propertiesOf = new HashMap<QName, java.util.List<QName>>();
  private final java.util.Set<QName> mandatoryEnforced = new java.util.HashSet<QName>();
  private final Map<QName, String> defaults = new HashMap<QName, String>();
  private final Map<QName, java.util.List<QName>> mandatoryAspects = new HashMap<QName, java.util.List<QName>>();
  /** Class → its peer associations: [assoc, "mandatoryEnforced", "many"]. */
  private final Map<QName, java.util.List<Object[]>> assocsOf = new HashMap<QName, java.util.List<Object[]>>();

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

  /**
   * Declares what the integrity checker and createNode need of a property: its class, whether
   * it is mandatory and enforced, its default value (or null).
   */
  public void defineProperty(String name, String owner, boolean isMandatoryEnforced, String defaultValue) {
    QName q = resolve(name);
    QName cls = resolve(owner);
    if (!propertiesOf.containsKey(cls)) propertiesOf.put(cls, new java.util.ArrayList<QName>());
    propertiesOf.get(cls).add(q);
    if (isMandatoryEnforced) mandatoryEnforced.add(q);
    if (defaultValue != null) defaults.put(q, defaultValue);
  }

  /** A mandatory aspect of a class (added with the node, ACS's addDefaultAspects). */
  public void addMandatoryAspect(String cls, String aspect) {
    QName c = resolve(cls);
    if (!mandatoryAspects.containsKey(c)) mandatoryAspects.put(c, new java.util.ArrayList<QName>());
    mandatoryAspects.get(c).add(resolve(aspect));
  }

  /** A peer association of a class: whether a target is mandatory and enforced, whether many. */
  public void addAssociation(String cls, String assoc, boolean targetMandatoryEnforced, boolean targetMany) {
    QName c = resolve(cls);
    if (!assocsOf.containsKey(c)) assocsOf.put(c, new java.util.ArrayList<Object[]>());
    assocsOf.get(c).add(new Object[] {resolve(assoc), targetMandatoryEnforced, targetMany});
  }

  /** `cls` and its ancestors. */
  java.util.List<QName> chain(QName cls) {
    java.util.List<QName> out = new java.util.ArrayList<QName>();
    for (QName c = cls; c != null; c = parents.get(c)) out.add(c);
    return out;
  }

  java.util.List<QName> propertiesOf(QName cls) {
    java.util.List<QName> p = propertiesOf.get(cls);
    return p == null ? java.util.Collections.<QName>emptyList() : p;
  }

  java.util.List<QName> mandatoryAspectsOf(QName cls) {
    java.util.List<QName> p = mandatoryAspects.get(cls);
    return p == null ? java.util.Collections.<QName>emptyList() : p;
  }

  java.util.List<Object[]> associationsOf(QName cls) {
    java.util.List<Object[]> p = assocsOf.get(cls);
    return p == null ? java.util.Collections.<Object[]>emptyList() : p;
  }

  boolean isMandatoryEnforced(QName property) {
    return mandatoryEnforced.contains(property);
  }

  String defaultOf(QName property) {
    return defaults.get(property);
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
