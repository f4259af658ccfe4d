package org.efr.acsrt;

import org.alfresco.service.cmr.repository.ChildAssociationRef;
import org.mozilla.javascript.Scriptable;

/** ACS's jscript ChildAssociation: parent, child, type and name of a child association. */
public final class ChildAssociation implements Scopeable, java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private final transient AcsRuntime rt;
  private final ChildAssociationRef ref;
  private transient Scriptable scope;

  ChildAssociation(AcsRuntime rt, ChildAssociationRef ref, Scriptable scope) {
    this.rt = rt;
    this.ref = ref;
    this.scope = scope;
  }

  public void setScope(Scriptable scope) {
    this.scope = scope;
  }

  public ScriptNode getParent() {
    return ref.getParentRef() == null ? null : new ScriptNode(rt, ref.getParentRef(), scope);
  }

  public ScriptNode getChild() {
    return new ScriptNode(rt, ref.getChildRef(), scope);
  }

  public String getType() {
    return ref.getTypeQName().toString();
  }

  public String getName() {
    return ref.getQName().toString();
  }

  public boolean isPrimary() {
    return ref.isPrimary();
  }

  public ChildAssociationRef getChildAssociationRef() {
    return ref;
  }
}
