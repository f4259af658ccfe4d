package org.efr.acsrt;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.alfresco.service.cmr.repository.ChildAssociationRef;
import org.alfresco.service.cmr.repository.NodeRef;
import org.alfresco.service.namespace.QName;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.IdScriptableObject;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Wrapper;

/**
 * ACS's ValueConverter (repository/src/main/java/org/alfresco/repo/jscript/ValueConverter.java,
 * 25.5.0.31): convertValueForScript (l. 73-142) turns a NodeRef into a ScriptNode, a QName into
 * its String, a ChildAssociationRef into a ChildAssociation, a Date into a JavaScript Date, a
 * Collection into a JavaScript Array of converted values, and leaves everything else as it is
 * (Maps too: they reach the script as NativeMap). convertValueForRepo (l. 152-156, through
 * convertValueForJava, l. 158-295) goes back:
 * ScriptNode → NodeRef, Wrapper → unwrapped, JavaScript Date → Date, Array → ArrayList,
 * JavaScript strings (ConsString too) → String.
 */
final class ValueConverter {
  private final AcsRuntime rt;

  ValueConverter(AcsRuntime rt) {
    this.rt = rt;
  }

  Object forScript(Scriptable scope, Object value) {
    if (value == null) return null;
    if (value instanceof NodeRef) return new ScriptNode(rt, (NodeRef) value, scope);
    if (value instanceof QName) return value.toString();
    if (value instanceof ChildAssociationRef) return new ChildAssociation(rt, (ChildAssociationRef) value, scope);
    if (value instanceof org.alfresco.service.cmr.repository.AssociationRef) {
      return new Association(rt, (org.alfresco.service.cmr.repository.AssociationRef) value, scope);
    }
    if (value instanceof Date) {
      Context cx = Context.enter();
      try {
        return ScriptRuntime.newObject(cx, scope, "Date", new Object[] {Double.valueOf(((Date) value).getTime())});
      } finally {
        Context.exit();
      }
    }
    if (value instanceof Collection) {
      Collection<?> c = (Collection<?>) value;
      Object[] array = new Object[c.size()];
      int i = 0;
      for (Object o : c) array[i++] = forScript(scope, o);
      Context cx = Context.enter();
      try {
        return cx.newArray(scope, array);
      } finally {
        Context.exit();
      }
    }
    return value;
  }

  Serializable forRepo(Object value) {
    if (value == null || value == org.mozilla.javascript.Undefined.instance) return null;
    if (value instanceof ScriptNode) return ((ScriptNode) value).getNodeRef();
    if (value instanceof Wrapper) {
      Object u = ((Wrapper) value).unwrap();
      return u instanceof ScriptNode ? ((ScriptNode) u).getNodeRef() : forRepo(u);
    }
    if (value instanceof Scriptable && "Date".equals(((Scriptable) value).getClassName())) {
      double ms = ScriptRuntime.toNumber(ScriptableObject.callMethod((Scriptable) value, "getTime", new Object[0]));
      return new Date((long) ms);
    }
    if (value instanceof NativeArray) {
      NativeArray a = (NativeArray) value;
      List<Serializable> out = new ArrayList<Serializable>();
      for (long i = 0; i < a.getLength(); i++) out.add(forRepo(a.get((int) i, a)));
      return (Serializable) out;
    }
    if (value instanceof CharSequence) return value.toString();
    if (value instanceof IdScriptableObject && "String".equals(((Scriptable) value).getClassName())) {
      return ScriptRuntime.toString(value);
    }
    if (value instanceof Serializable) return (Serializable) value;
    return value.toString();
  }
}
