package org.alfresco.service.cmr.repository;

import java.io.Serializable;

/**
 * EFR test stand-in for ACS's NodeRef (data-model, org/alfresco/service/cmr/repository/
 * NodeRef.java): "workspace://SpacesStore/<id>", equal by value. Scripts meet it as a Java
 * object (ScriptNode#getNodeRef), never as a JavaScript string.
 */
public final class NodeRef implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String store;
  private final String id;

  public NodeRef(String nodeRef) {
    int i = nodeRef.lastIndexOf('/');
    if (i < 0 || !nodeRef.contains("://")) {
      throw new IllegalArgumentException("Invalid node ref - does not contain forward slash: " + nodeRef);
    }
    this.store = nodeRef.substring(0, i);
    this.id = nodeRef.substring(i + 1);
  }

  public NodeRef(String store, String id) {
    this.store = store;
    this.id = id;
  }

  public String getId() {
    return id;
  }

  /** The store part, e.g. "workspace://SpacesStore". */
  public String getStoreRefText() {
    return store;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NodeRef && ((NodeRef) o).toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  @Override
  public String toString() {
    return store + "/" + id;
  }
}
