package org.efr.acsrt;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alfresco.service.cmr.repository.NodeRef;
import org.alfresco.service.namespace.QName;

/** Copies and converts repository values (the Java types ACS keeps in a node's properties). */
final class Values {
  private Values() {}

  static LinkedHashMap<QName, Serializable> deepCopy(Map<QName, Serializable> props) {
    LinkedHashMap<QName, Serializable> out = new LinkedHashMap<QName, Serializable>();
    for (Map.Entry<QName, Serializable> e : props.entrySet()) out.put(e.getKey(), copyValue(e.getValue()));
    return out;
  }

  @SuppressWarnings("unchecked")
  static Serializable copyValue(Serializable v) {
    if (v instanceof Date) return new Date(((Date) v).getTime());
    if (v instanceof Collection) {
      ArrayList<Serializable> out = new ArrayList<Serializable>();
      for (Object x : (Collection<Object>) v) out.add(copyValue((Serializable) x));
      return out;
    }
    return v;
  }

  /**
   * A value as the property's data type keeps it (DbNodeServiceImpl converts with
   * DefaultTypeConverter by the property definition): d:long → Long, d:int → Integer,
   * d:double → Double, d:boolean → Boolean, d:date/d:datetime → Date, d:text → String,
   * d:noderef → NodeRef; multi-valued properties as an ArrayList.
   */
  @SuppressWarnings("unchecked")
  static Serializable convert(String dataType, boolean multiple, Serializable v) {
    if (v == null || dataType == null) return v;
    if (v instanceof Collection) {
      ArrayList<Serializable> out = new ArrayList<Serializable>();
      for (Object x : (Collection<Object>) v) out.add(convert(dataType, false, (Serializable) x));
      return out;
    }
    Serializable one = convertOne(dataType, v);
    if (multiple) {
      List<Serializable> out = new ArrayList<Serializable>();
      out.add(one);
      return (Serializable) out;
    }
    return one;
  }

  private static Serializable convertOne(String dataType, Serializable v) {
    switch (dataType) {
      case "d:long":
        return v instanceof Number ? Long.valueOf(((Number) v).longValue()) : Long.valueOf(v.toString().trim());
      case "d:int":
        return v instanceof Number ? Integer.valueOf(((Number) v).intValue()) : Integer.valueOf(v.toString().trim());
      case "d:double":
        return v instanceof Number ? Double.valueOf(((Number) v).doubleValue()) : Double.valueOf(v.toString());
      case "d:float":
        return v instanceof Number ? Float.valueOf(((Number) v).floatValue()) : Float.valueOf(v.toString());
      case "d:boolean":
        return v instanceof Boolean ? v : Boolean.valueOf(v.toString());
      case "d:date":
      case "d:datetime":
        if (v instanceof Date) return v;
        if (v instanceof Number) return new Date(((Number) v).longValue());
        return Dates.parseIso(v.toString());
      case "d:text":
      case "d:mltext":
        return v instanceof String ? v : v.toString();
      case "d:noderef":
        return v instanceof NodeRef ? v : new NodeRef(v.toString());
      default:
        return v;
    }
  }
}
