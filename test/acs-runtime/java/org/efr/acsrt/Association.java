package org.efr.acsrt;

import org.alfresco.service.cmr.repository.AssociationRef;
import org.mozilla.javascript.Scriptable;

/** ACS's jscript Association (ValueConverter's form of an AssociationRef): source, target, type. */
public final class Association implements Scopeable, java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private final transient AcsRuntime rt;
  private final AssociationRef ref;
  private transient Scriptable scope;

  Association(AcsRuntime rt, AssociationRef ref, Scriptable scope) {
    this.rt = rt;
    this.ref = ref;
    this.scope = scope;
  }

  public void setScope(Scriptable scope) {
    this.scope = scope;
  }

  public ScriptNode getSource() {
    return new ScriptNode(rt, ref.getSourceRef(), scope);
  }

  public ScriptNode getTarget() {
    return new ScriptNode(rt, ref.getTargetRef(), scope);
  }

  public String getType() {
    return ref.getTypeQName().toString();
  }

  public AssociationRef getAssociationRef() {
    return ref;
  }
}
