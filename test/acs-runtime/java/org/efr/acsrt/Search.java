package org.efr.acsrt;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alfresco.service.cmr.repository.NodeRef;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * The `search` root object (ACS's jscript Search): findNode answers a ScriptNode when the node
 * exists, else null; query({query, language}) answers a JavaScript array of ScriptNodes. The
 * runtime's index is the store itself (no eventual consistency) and understands the FTS the
 * module sends: TYPE:"p:t" (subtypes included), =p:prop:"value" and ranges p:prop:["a" TO "b">
 * (`[`/`]` inclusive, `<`/`>` exclusive bounds; dates compared as instants, numbers as numbers)
 * joined by AND. Any other query is an error of the runtime, so a module change that needs more
 * is noticed.
 */
public final class Search implements Scopeable {
  private static final Pattern TYPE = Pattern.compile("^TYPE:\"(.+)\"$");
  private static final Pattern EXACT = Pattern.compile("^=([^:\\s]+:[^:\\s]+):\"(.*)\"$");
  private static final Pattern RANGE =
      Pattern.compile("^([^=:\\s]+:[^:\\s]+):([\\[<])\"([^\"]*)\" TO \"([^\"]*)\"([\\]>])$");
  private final AcsRuntime rt;
  private Scriptable scope;

  Search(AcsRuntime rt) {
    this.rt = rt;
  }

  public void setScope(Scriptable scope) {
    this.scope = scope;
  }

  public ScriptNode findNode(NodeRef ref) {
    return rt.repo.exists(ref) ? new ScriptNode(rt, ref, scope) : null;
  }

  public ScriptNode findNode(String ref) {
    try {
      return findNode(new NodeRef(ref));
    } catch (IllegalArgumentException e) {
      // NodeRef's constructor refuses a malformed reference: ACS's findNode throws then too.
      throw e;
    }
  }

  public Scriptable query(Object search) {
    if (!(search instanceof ScriptableObject)) throw new IllegalArgumentException("search.query needs an object");
    ScriptableObject def = (ScriptableObject) search;
    String query = Context.toString(def.get("query", def));
    String[] terms = query.split(" AND ");
    List<Object> found = new ArrayList<Object>();
    for (String id : rt.repo.ids()) {
      NodeRef ref = Repo.ref(id);
      if (matches(ref, terms)) found.add(new ScriptNode(rt, ref, scope));
    }
    Context cx = Context.enter();
    try {
      return cx.newArray(scope, found.toArray());
    } finally {
      Context.exit();
    }
  }

  /** The ids of the nodes `query` finds, in store order. */
  public List<String> ids(String query) {
    String[] terms = query.split(" AND ");
    List<String> out = new ArrayList<String>();
    for (String id : rt.repo.ids()) if (matches(Repo.ref(id), terms)) out.add(id);
    return out;
  }

  private boolean matches(NodeRef ref, String[] terms) {
    for (String term : terms) {
      Matcher t = TYPE.matcher(term.trim());
      Matcher p = EXACT.matcher(term.trim());
      if (t.matches()) {
        if (!rt.dict.isSubClass(rt.repo.getType(ref), rt.dict.resolve(t.group(1)))) return false;
      } else if (p.matches()) {
        Serializable v = rt.repo.getProperty(ref, rt.dict.resolve(p.group(1)));
        if (v == null || !v.toString().equals(p.group(2))) return false;
      } else if (RANGE.matcher(term.trim()).matches()) {
        Matcher r = RANGE.matcher(term.trim());
        r.matches();
        Serializable v = rt.repo.getProperty(ref, rt.dict.resolve(r.group(1)));
        if (v == null) return false;
        int low = compare(v, r.group(3));
        int high = compare(v, r.group(4));
        if (r.group(2).equals("[") ? low < 0 : low <= 0) return false;
        if (r.group(5).equals("]") ? high > 0 : high >= 0) return false;
      } else {
        throw new IllegalArgumentException("acs-runtime: unsupported query term " + term);
      }
    }
    return true;
  }

  /** The stored value against a bound's text: instants for dates, numbers, else text. */
  private static int compare(Serializable v, String bound) {
    if (v instanceof java.util.Date) {
      return Long.compare(((java.util.Date) v).getTime(), Dates.parseIso(bound).getTime());
    }
    if (v instanceof Number) return Double.compare(((Number) v).doubleValue(), Double.parseDouble(bound));
    return v.toString().compareTo(bound);
  }
}
