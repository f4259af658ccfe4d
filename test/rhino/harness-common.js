/*
 * What the Rhino harnesses share (Debian rhino 1.7.14): loaded ahead of a harness with
 *   rhino -f harness-common.js <harness>.js <input.json>
 * - QNames: `fullName` spells `p:local` as `{uri}local`;
 * - values as ACS hands them over in Java maps: `qnameKey`, `javaValue`, `javaMap`;
 * - values as ScriptNode.properties hands them over: `scriptValue` (with `contentData`);
 * - the ScriptNode-like core of a node (`scriptNode`), its associations (`associate`) and
 *   permissions (`permissionMethods`);
 * - the root objects every script meets in ACS: `peopleApi` (over `personStub`/`groupStub` where
 *   a harness keeps no person nodes), `scriptLogger`, a `search.query` matcher (`ftsMatcher`),
 *   and `acsPackages` with a stand-in `transactionSupport` (AlfrescoTransactionSupport);
 * - running one script in a fresh scope at language version 0 (`runInFreshScope`), its error
 *   text (`errorMessage`) and the one JSON line a harness prints (`printJson`).
 * Written in ES5 on purpose: it runs in the same Rhino as the scripts under test.
 */

/** `p:local` as `{uri}local` (a name already in `{uri}` form stays as it is). */
function fullName(ns, name) {
  if (name.charAt(0) === '{') return name;
  var i = name.indexOf(':');
  var uri = ns[name.substring(0, i)];
  if (!uri) throw new Error('harness: unknown prefix in ' + name);
  return '{' + uri + '}' + name.substring(i + 1);
}

/** A QName stand-in: a Java object whose toString() is `{uri}local`, like ACS's QName. */
function qnameKey(text) {
  return new JavaAdapter(java.lang.Object, { toString: function () { return text; } });
}

/**
 * A fixture value as ACS keeps it in a Map<QName, Serializable>: java.lang.String, Boolean,
 * Long or Double, ArrayList, java.util.Date for `{ date }`, a QName-like for `{ content }`.
 */
function javaValue(v) {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return new java.lang.String(v);
  if (typeof v === 'boolean') return java.lang.Boolean.valueOf(v);
  if (typeof v === 'number') {
    return Math.floor(v) === v ? java.lang.Long.valueOf(v) : java.lang.Double.valueOf(v);
  }
  if (v instanceof Array) {
    var list = new java.util.ArrayList();
    for (var i = 0; i < v.length; i++) list.add(javaValue(v[i]));
    return list;
  }
  if (v.date !== undefined) return new java.util.Date(Date.parse(v.date));
  if (v.content !== undefined) return qnameKey(v.content);
  throw new Error('harness: unsupported map value ' + JSON.stringify(v));
}

/** Short-named properties as a java.util.HashMap keyed by QName stand-ins. */
function javaMap(ns, props) {
  var map = new java.util.HashMap();
  for (var k in props) {
    if (props.hasOwnProperty(k)) map.put(qnameKey(fullName(ns, k)), javaValue(props[k]));
  }
  return map;
}

/**
 * cm:content as ScriptNode.properties gives it (ScriptNode.ScriptContentData) over a real file:
 * getInputStream() opens it as ACS opens a ContentReader's stream.
 */
function contentData(path) {
  var file = new java.io.File(path);
  return {
    getInputStream: function () { return new java.io.FileInputStream(file); },
    getSize: function () { return file.length(); },
    toString: function () { return 'contentUrl=file://' + path; }
  };
}

/**
 * A fixture value as ScriptNode.properties gives it (ValueConverter, primitives unwrapped):
 * arrays as JS arrays, `{ date }` as a JS Date, `{ content }` as its text, `{ file }` as
 * `contentData` streaming that file.
 */
function scriptValue(v) {
  if (v === null || v === undefined) return null;
  if (v instanceof Array) {
    var out = [];
    for (var i = 0; i < v.length; i++) out.push(scriptValue(v[i]));
    return out;
  }
  if (typeof v === 'object' && v.date !== undefined) return new Date(Date.parse(v.date));
  if (typeof v === 'object' && v.content !== undefined) return v.content;
  if (typeof v === 'object' && v.file !== undefined) return contentData(v.file);
  return v;
}

/** Whether `name` (short or `{uri}` form, a JS or Java string) is one of the short `names`. */
function namesQName(ns, names, name) {
  var wanted = String(name);
  for (var i = 0; i < names.length; i++) {
    if (names[i] === wanted || fullName(ns, names[i]) === wanted) return true;
  }
  return false;
}

/**
 * The ScriptNode-like core of a node: `id`, `nodeRef`, `name`, `type` (`{uri}local`),
 * `typeShort`, `parent`, `properties` (as given: short QName keys, as ScriptableQNameMap also
 * answers), `aspects`, `assocs` and `sourceAssocs` (name → nodes), and `hasAspect` /
 * `isSubType`, which take a short or full name. `def`: { id, nodeRef, name, type, supertypes,
 * aspects, properties, parent }. Callers add what their scripts need on top.
 */
function scriptNode(ns, def) {
  var types = [def.type].concat(def.supertypes || []);
  var node = {
    id: def.id,
    nodeRef: def.nodeRef,
    name: def.name,
    type: fullName(ns, def.type),
    typeShort: def.type,
    parent: def.parent || null,
    properties: def.properties || {},
    aspects: def.aspects || [],
    assocs: {},
    sourceAssocs: {},
    hasAspect: function (a) {
      return namesQName(ns, node.aspects, a);
    },
    isSubType: function (t) {
      return namesQName(ns, types, t);
    }
  };
  return node;
}

/** Links `source` to `target` by the target association `assocType`, both ways. */
function associate(source, target, assocType) {
  (source.assocs[assocType] = source.assocs[assocType] || []).push(target);
  (target.sourceAssocs[assocType] = target.sourceAssocs[assocType] || []).push(source);
}

/**
 * ScriptNode#setPermission and #removePermission over `acl`, the node's ACEs as
 * ScriptNode#getPermissions spells them (`ALLOWED;<authority>;<role>`): setting one it holds, or
 * removing one it lacks, changes nothing. `onWrite(method, ace)`, when given, hears every call.
 */
function permissionMethods(acl, onWrite) {
  function ace(role, authority) {
    return 'ALLOWED;' + authority + ';' + role;
  }
  return {
    setPermission: function (role, authority) {
      var a = ace(role, authority);
      if (acl.indexOf(a) < 0) acl.push(a);
      if (onWrite) onWrite('setPermission', a);
    },
    removePermission: function (role, authority) {
      var a = ace(role, authority);
      var i = acl.indexOf(a);
      if (i >= 0) acl.splice(i, 1);
      if (onWrite) onWrite('removePermission', a);
    }
  };
}

/** A person node for `people`/`person` where a harness keeps none: `cm:userName` only. */
function personStub(ns, userName) {
  return { id: 'person-' + userName, nodeRef: 'workspace://SpacesStore/person-' + userName,
    type: fullName(ns, 'cm:person'), typeShort: 'cm:person',
    properties: { 'cm:userName': userName },
    hasAspect: function () { return false; } };
}

/** A group node for `people.getContainerGroups` where a harness keeps none. */
function groupStub(group) {
  return { id: group, properties: { 'cm:authorityName': group },
    hasAspect: function () { return false; } };
}

/**
 * The `people` root object over `users` (user name → group names): `getPerson` answers
 * `personOf(userName)` for a known user, `getContainerGroups` `groupOf(groupName)` for each of
 * the person's groups.
 */
function peopleApi(users, personOf, groupOf) {
  return {
    getPerson: function (name) {
      return users.hasOwnProperty(String(name)) ? personOf(String(name)) : null;
    },
    getContainerGroups: function (person) {
      var groups = users[String(person.properties['cm:userName'])] || [];
      var out = [];
      for (var i = 0; i < groups.length; i++) out.push(groupOf(groups[i]));
      return out;
    }
  };
}

/** A `logger` with the given methods, each adding `<method>: <message>` to `logs`. */
function scriptLogger(logs, methods) {
  var logger = {};
  for (var i = 0; i < methods.length; i++) {
    (function (method) {
      logger[method] = function (m) {
        logs.push(method + ': ' + m);
      };
    })(methods[i]);
  }
  return logger;
}

/**
 * AlfrescoTransactionSupport as ACS offers it to classpath (secure) scripts, over `resources`
 * (key → string, the transaction's bound resources). A bound value comes back as a Java string,
 * as Rhino hands a JS string to Java; each bind is reported in `logs` when a list is given.
 */
function transactionSupport(resources, logs) {
  return {
    bindResource: function (key, value) {
      resources[String(key)] = String(value);
      if (logs) logs.push('tx: bind ' + key + '=' + value);
    },
    getResource: function (key) {
      return resources.hasOwnProperty(String(key))
        ? new java.lang.String(resources[String(key)]) : null;
    }
  };
}

/**
 * `search.query` of the stand-ins: a minimal FTS of `TYPE:"p:t"` (node.isSubType) and
 * `=p:prop:"value"` (the node's short-keyed properties, as text) terms joined by AND; answers a
 * test of a ScriptNode-like node. Any other term is a harness error.
 */
function ftsMatcher(query) {
  var terms = String(query).split(' AND ');
  return function (node) {
    for (var i = 0; i < terms.length; i++) {
      var t = /^TYPE:"(.+)"$/.exec(terms[i]);
      var p = /^=([^:]+:[^:]+):"(.*)"$/.exec(terms[i]);
      if (t) {
        if (!node.isSubType(t[1])) return false;
      } else if (p) {
        if (String(node.properties[p[1]]) !== p[2]) return false;
      } else {
        throw new Error('harness: unsupported query term ' + terms[i]);
      }
    }
    return true;
  };
}

/** `Packages` with the real `java` and the stand-ins under `org.alfresco.repo` (`repo`). */
function acsPackages(repo) {
  return { java: java, org: { alfresco: { repo: repo } } };
}

/**
 * Runs the script file in a fresh scope at language version 0, as ACS runs repository scripts,
 * with `roots` (name → value) as its root objects. ACS may interpret (-1) or compile (0+)
 * scripts: `optimizationLevel` picks (default 0). Whatever the script throws is thrown on.
 */
function runInFreshScope(file, optimizationLevel, roots) {
  var cx = org.mozilla.javascript.Context.getCurrentContext();
  cx.setLanguageVersion(0);
  cx.setOptimizationLevel(optimizationLevel === undefined ? 0 : optimizationLevel);
  var scope = cx.initStandardObjects();
  for (var name in roots) {
    if (roots.hasOwnProperty(name)) {
      org.mozilla.javascript.ScriptableObject.putProperty(scope, name, roots[name]);
    }
  }
  cx.evaluateString(scope, String(readFile(file, 'UTF-8')), file, 1, null);
}

/** The text of what a script threw. */
function errorMessage(e) {
  return String(e && e.message !== undefined ? e.message : e);
}

/** Prints `v` as one JSON line, non-ASCII escaped (the shell's output charset may not be UTF-8). */
function printJson(v) {
  print(JSON.stringify(v).replace(/[\u0080-\uffff]/g, function (ch) {
    return '\\u' + ('0000' + ch.charCodeAt(0).toString(16)).slice(-4);
  }));
}
