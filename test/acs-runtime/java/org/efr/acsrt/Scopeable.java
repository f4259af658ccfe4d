package org.efr.acsrt;

import org.mozilla.javascript.Scriptable;

/** ACS's org.alfresco.repo.jscript.Scopeable: the processor hands such model objects the scope. */
public interface Scopeable {
  void setScope(Scriptable scope);
}
