package org.alfresco.service.cmr.repository;

import java.io.Serializable;
import org.alfresco.service.namespace.QName;

/** EFR test stand-in for ACS's AssociationRef: source, association type, target. */
public final class AssociationRef implements Serializable {
  private static final long serialVersionUID = 1L;
  private final NodeRef sourceRef;
  private final QName typeQName;
  private final NodeRef targetRef;

  public AssociationRef(NodeRef sourceRef, QName typeQName, NodeRef targetRef) {
    this.sourceRef = sourceRef;
    this.typeQName = typeQName;
    this.targetRef = targetRef;
  }

  public NodeRef getSourceRef() { return sourceRef; }
  public QName getTypeQName() { return typeQName; }
  public NodeRef getTargetRef() { return targetRef; }

  @Override
  public String toString() {
    return sourceRef + "|" + typeQName + "|" + targetRef;
  }
}
