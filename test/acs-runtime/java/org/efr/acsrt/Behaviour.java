package org.efr.acsrt;

import java.io.Serializable;
import org.mozilla.javascript.Scriptable;

/**
 * The `behaviour` model object (ACS's org.alfresco.repo.jscript.Behaviour, 25.5.0.31): the
 * policy method's name and its arguments, converted lazily (Behaviour#getArgs, l. 99-113) into
 * a Java array (Serializable[]): the script indexes a NativeJavaArray, whose Map elements the
 * wrap factory turns into NativeMaps.
 */
public final class Behaviour implements Scopeable {
  private final AcsRuntime rt;
  private final String name;
  private final Object[] args;
  private Scriptable scope;
  private Serializable[] jsArgs;

  Behaviour(AcsRuntime rt, String name, Object[] args) {
    this.rt = rt;
    this.name = name;
    this.args = args;
  }

  public void setScope(Scriptable scope) {
    this.scope = scope;
  }

  public String getName() {
    return name;
  }

  public Serializable[] getArgs() {
    if (jsArgs == null) {
      jsArgs = new Serializable[args.length];
      for (int i = 0; i < args.length; i++) jsArgs[i] = (Serializable) rt.converter.forScript(scope, args[i]);
    }
    return jsArgs;
  }
}
