package org.alfresco.service.namespace;

import java.io.Serializable;

/**
 * EFR test stand-in for ACS's QName (alfresco-community-repo data-model,
 * org/alfresco/service/namespace/QName.java): a namespace URI and a local name, equal by both,
 * whose toString() is "{uri}local". Policy maps are keyed by instances of this class, so a
 * script can never look their values up by a string key (see NativeMap).
 */
public final class QName implements Serializable, Comparable<QName> {
  private static final long serialVersionUID = 1L;
  private final String namespaceURI;
  private final String localName;

  private QName(String namespaceURI, String localName) {
    this.namespaceURI = namespaceURI == null ? "" : namespaceURI;
    this.localName = localName;
  }

  /** QName.createQName(uri, localName). */
  public static QName createQName(String namespaceURI, String localName) {
    return new QName(namespaceURI, localName);
  }

  /** QName.createQName("{uri}local"). */
  public static QName createQName(String qname) {
    if (qname == null || qname.isEmpty() || qname.charAt(0) != '{') {
      throw new IllegalArgumentException("QName '" + qname + "' is not in {uri}local form");
    }
    int end = qname.indexOf('}');
    return new QName(qname.substring(1, end), qname.substring(end + 1));
  }

  public String getNamespaceURI() {
    return namespaceURI;
  }

  public String getLocalName() {
    return localName;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof QName)) return false;
    QName q = (QName) o;
    return namespaceURI.equals(q.namespaceURI) && localName.equals(q.localName);
  }

  @Override
  public int hashCode() {
    return namespaceURI.hashCode() * 13 + localName.hashCode();
  }

  @Override
  public int compareTo(QName o) {
    return toString().compareTo(o.toString());
  }

  @Override
  public String toString() {
    return "{" + namespaceURI + "}" + localName;
  }
}
