package org.efr.acsrt;

import java.util.LinkedHashMap;
import org.mozilla.javascript.Scriptable;

/**
 * ACS's ScriptableQNameMap (repository/src/main/java/org/alfresco/repo/jscript/
 * ScriptableQNameMap.java over QNameMap): a Map keyed by "{uri}local" strings that scripts index
 * by "prefix:local" or "{uri}local" (each name is resolved through the namespace service);
 * "length" is the size; it is Scriptable itself, so Rhino hands it over unwrapped and its values
 * come back raw (Java Strings, Longs and Booleans are JavaScript values to Rhino).
 */
public class QNameScriptMap extends LinkedHashMap<String, Object> implements Scriptable {
  private static final long serialVersionUID = 1L;
  private final transient Dictionary dict;
  private transient Scriptable prototype;
  private transient Scriptable parent;

  QNameScriptMap(Dictionary dict) {
    this.dict = dict;
  }

  String key(String name) {
    try {
      return dict.resolve(name).toString();
    } catch (RuntimeException e) {
      // An unmapped prefix: QNameMap answers nothing for it rather than throwing.
      return name;
    }
  }

  public String getClassName() {
    return "QNameMap";
  }

  public Object get(String name, Scriptable start) {
    if ("length".equals(name)) return size();
    if ("hasOwnProperty".equals(name)) {
      // ScriptableQNameMap answers hasOwnProperty itself (a Callable over the resolved name).
      return new org.mozilla.javascript.BaseFunction() {
        private static final long serialVersionUID = 1L;

        @Override
        public Object call(org.mozilla.javascript.Context cx, Scriptable scope, Scriptable thisObj, Object[] args) {
          return args.length > 0 ? containsKey(key(String.valueOf(args[0]))) : null;
        }
      };
    }
    return get(key(name));
  }

  public Object get(int index, Scriptable start) {
    return null;
  }

  public boolean has(String name, Scriptable start) {
    return containsKey(key(name));
  }

  public boolean has(int index, Scriptable start) {
    return false;
  }

  public void put(String name, Scriptable start, Object value) {
    put(key(name), value);
  }

  public void put(int index, Scriptable start, Object value) {}

  public void delete(String name) {
    remove(key(name));
  }

  public void delete(int index) {}

  public Scriptable getPrototype() {
    return prototype;
  }

  public void setPrototype(Scriptable prototype) {
    this.prototype = prototype;
  }

  public Scriptable getParentScope() {
    return parent;
  }

  public void setParentScope(Scriptable parent) {
    this.parent = parent;
  }

  public Object[] getIds() {
    return keySet().toArray();
  }

  public Object getDefaultValue(Class<?> hint) {
    return toString();
  }

  public boolean hasInstance(Scriptable instance) {
    return instance instanceof QNameScriptMap;
  }
}
