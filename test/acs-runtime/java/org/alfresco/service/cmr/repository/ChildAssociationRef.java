package org.alfresco.service.cmr.repository;

import java.io.Serializable;
import org.alfresco.service.namespace.QName;

/** EFR test stand-in for ACS's ChildAssociationRef: parent, child, type and name, primary flag. */
public final class ChildAssociationRef implements Serializable {
  private static final long serialVersionUID = 1L;
  private final QName typeQName;
  private final NodeRef parentRef;
  private final QName qName;
  private final NodeRef childRef;

  public ChildAssociationRef(QName typeQName, NodeRef parentRef, QName qName, NodeRef childRef) {
    this.typeQName = typeQName;
    this.parentRef = parentRef;
    this.qName = qName;
    this.childRef = childRef;
  }

  public QName getTypeQName() { return typeQName; }
  public NodeRef getParentRef() { return parentRef; }
  public QName getQName() { return qName; }
  public NodeRef getChildRef() { return childRef; }
  public boolean isPrimary() { return true; }

  @Override
  public String toString() {
    return typeQName + "|" + parentRef + "|" + qName + "|" + childRef;
  }
}
