package org.efr.acsrt;

import java.io.Serializable;
import org.alfresco.service.cmr.repository.NodeRef;
import org.alfresco.service.namespace.QName;

/**
 * The public `NodeService` bean (ACS's NodeService proxy, org.alfresco.service.cmr.repository.
 * NodeService) as far as the module asks it: getProperty(node, qname), which needs Read on the
 * node (public-services-security-context.xml: ACL_NODE.0.sys:base.ReadProperties).
 */
public final class NodeService {
  private final Repo repo;

  NodeService(Repo repo) {
    this.repo = repo;
  }

  public Serializable getProperty(NodeRef nodeRef, QName qname) {
    repo.readProperties(nodeRef);
    return repo.getProperty(nodeRef, qname);
  }
}
