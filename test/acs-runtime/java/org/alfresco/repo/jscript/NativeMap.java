package org.alfresco.repo.jscript;

import java.util.Iterator;
import java.util.Map;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.Wrapper;

/**
 * How ACS hands every java.util.Map to a script (EFR's own implementation of the contract of
 * alfresco-community-repo repository/src/main/java/org/alfresco/repo/jscript/NativeMap.java,
 * tag 25.5.0.31; RhinoScriptProcessor.RhinoWrapFactory#wrapAsJavaObject, l. 707-714, returns
 * one for every Map that is not a ScriptableHashMap):
 * - get(name): map.get(name) with the String name (a QName-keyed map answers null),
 *   "length" is the size;
 * - get(index): walks values() to position index and returns that value raw (not wrapped);
 *   past the end, the last one;
 * - has(name): containsKey(name); has(index): index within the size;
 * - getIds(): keySet().toArray() (QName objects for a policy map);
 * - put(name): map.put(name, value) with a String key; no Java methods at all;
 * - it is a Wrapper: passed to a Java method it unwraps to the Map.
 */
public class NativeMap implements Scriptable, Wrapper {
  private final Map<Object, Object> map;
  private Scriptable parentScope;
  private Scriptable prototype;

  @SuppressWarnings("unchecked")
  public NativeMap(Scriptable scope, Map<?, ?> map) {
    this.parentScope = scope;
    this.map = (Map<Object, Object>) map;
  }

  @Override
  public Object unwrap() {
    return map;
  }

  @Override
  public String getClassName() {
    return "NativeMap";
  }

  @Override
  public Object get(String name, Scriptable start) {
    if ("length".equals(name)) return map.size();
    return map.get(name);
  }

  @Override
  public Object get(int index, Scriptable start) {
    Object value = null;
    int i = 0;
    Iterator<Object> values = map.values().iterator();
    while (i++ <= index && values.hasNext()) value = values.next();
    return value;
  }

  @Override
  public boolean has(String name, Scriptable start) {
    return map.containsKey(name);
  }

  @Override
  public boolean has(int index, Scriptable start) {
    return index >= 0 && map.values().size() > index;
  }

  @Override
  public void put(String name, Scriptable start, Object value) {
    map.put(name, value);
  }

  @Override
  public void put(int index, Scriptable start, Object value) {
    // ACS leaves this unimplemented ("TODO: implement?").
  }

  @Override
  public void delete(String name) {
    map.remove(name);
  }

  @Override
  public void delete(int index) {
    // ACS's loop never advances its counter: only index 0 removes anything.
    Iterator<Object> keys = map.keySet().iterator();
    if (index == 0 && keys.hasNext()) map.remove(keys.next());
  }

  @Override
  public Scriptable getPrototype() {
    return prototype;
  }

  @Override
  public void setPrototype(Scriptable prototype) {
    this.prototype = prototype;
  }

  @Override
  public Scriptable getParentScope() {
    return parentScope;
  }

  @Override
  public void setParentScope(Scriptable parent) {
    this.parentScope = parent;
  }

  @Override
  public Object[] getIds() {
    return map.keySet().toArray();
  }

  @Override
  public Object getDefaultValue(Class<?> hint) {
    return String.valueOf(map);
  }

  @Override
  public boolean hasInstance(Scriptable value) {
    return value instanceof Wrapper && ((Wrapper) value).unwrap() instanceof Map;
  }
}
