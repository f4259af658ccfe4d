/*
 * Rhino harness for the EFR script behaviours (run by Debian's rhino 1.7.14):
 *   rhino harness.js <scenarios.json>
 * Each scenario runs one compiled behaviour script in a fresh scope at language version 0 (as
 * ACS runs repository scripts) with what ACS hands a script behaviour:
 * - `behaviour`: { name, args } (org.alfresco.repo.jscript.Behaviour); NodeRefs as ScriptNode-like
 *   objects, ChildAssociationRefs as { parent, child }, booleans as Java Booleans, and
 *   onUpdateProperties maps as java.util.HashMap keyed by QName stand-ins: Java objects (made
 *   with JavaAdapter) whose toString() is `{uri}local`, like org.alfresco.service.namespace.QName,
 *   holding java.lang.String, java.util.Date, java.lang.Long, java.lang.Boolean, ArrayList;
 * - cm:content given as `{ file }`: a ScriptContentData-like object streaming that real file;
 * - root objects `logger`, `search`, `people` and, when the scenario names a user, `person`;
 * - `Packages` with a stand-in AuthenticationUtil when the scenario runs as another user
 *   (`runAs`, e.g. "System"), since in ACS a behaviour finds its user there, and a stand-in
 *   AlfrescoTransactionSupport holding the scenario's `transactionResources` (string values);
 * Prints one JSON line: [{ name, outcome: allowed|refused|error, message, logs }].
 * Written in ES5 on purpose: it runs in the same Rhino.
 */
var scenarios = JSON.parse(String(readFile(arguments[0], 'UTF-8')));
var results = [];

function fullName(ns, name) {
  if (name.charAt(0) === '{') return name;
  var i = name.indexOf(':');
  var uri = ns[name.substring(0, i)];
  if (!uri) throw new Error('harness: unknown prefix in ' + name);
  return '{' + uri + '}' + name.substring(i + 1);
}

function qnameKey(text) {
  return new JavaAdapter(java.lang.Object, { toString: function () { return text; } });
}

/** A fixture value as ACS keeps it in a Map<QName, Serializable>. */
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

/** A fixture value as ScriptNode.properties gives it (ValueConverter, primitives unwrapped). */
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

function javaMap(ns, props) {
  var map = new java.util.HashMap();
  for (var k in props) {
    if (props.hasOwnProperty(k)) map.put(qnameKey(fullName(ns, k)), javaValue(props[k]));
  }
  return map;
}

function buildNodes(sc) {
  var ns = sc.namespaces;
  var nodes = {};
  var id;
  for (id in sc.nodes) {
    if (!sc.nodes.hasOwnProperty(id)) continue;
    (function (id, def) {
      var props = {};
      for (var k in def.properties || {}) {
        if (!def.properties.hasOwnProperty(k)) continue;
        var value = scriptValue(def.properties[k]);
        props[k] = value;
        props[fullName(ns, k)] = value;
      }
      var aspects = def.aspects || [];
      var types = [def.type].concat(def.supertypes || []);
      nodes[id] = {
        id: id,
        nodeRef: (def.store || 'workspace://SpacesStore') + '/' + id,
        type: fullName(ns, def.type),
        typeShort: def.type,
        name: def.properties && def.properties['cm:name'] !== undefined
          ? def.properties['cm:name'] : id,
        // ScriptNode#getQnamePath: only the fixtures that need it (Company Home) give one.
        qnamePath: def.qnamePath === undefined ? null : def.qnamePath,
        properties: props,
        aspects: aspects,
        assocs: {},
        sourceAssocs: {},
        parent: null,
        hasAspect: function (a) {
          for (var i = 0; i < aspects.length; i++) {
            if (aspects[i] === a || fullName(ns, aspects[i]) === a) return true;
          }
          return false;
        },
        isSubType: function (t) {
          for (var i = 0; i < types.length; i++) {
            if (types[i] === t || fullName(ns, types[i]) === t) return true;
          }
          return false;
        }
      };
    })(id, sc.nodes[id]);
  }
  for (id in sc.nodes) {
    if (!sc.nodes.hasOwnProperty(id)) continue;
    var def = sc.nodes[id];
    nodes[id].parent = def.parent ? nodes[def.parent] : null;
    for (var assoc in def.assocs || {}) {
      if (!def.assocs.hasOwnProperty(assoc)) continue;
      var targets = def.assocs[assoc];
      nodes[id].assocs[assoc] = [];
      for (var i = 0; i < targets.length; i++) {
        var target = nodes[targets[i]];
        nodes[id].assocs[assoc].push(target);
        target.sourceAssocs[assoc] = (target.sourceAssocs[assoc] || []).concat([nodes[id]]);
      }
    }
  }
  return nodes;
}

/** A minimal FTS: `TYPE:"p:t"` and `=p:prop:"value"` terms joined by AND. */
function ftsMatcher(query) {
  var terms = query.split(' AND ');
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

function makePeople(sc, ns) {
  function personNode(userName) {
    return { id: 'person-' + userName, nodeRef: 'workspace://SpacesStore/person-' + userName,
      type: fullName(ns, 'cm:person'), typeShort: 'cm:person',
      properties: { 'cm:userName': userName },
      hasAspect: function () { return false; } };
  }
  return {
    getPerson: function (userName) {
      return sc.users.hasOwnProperty(String(userName)) ? personNode(String(userName)) : null;
    },
    getContainerGroups: function (p) {
      var groups = sc.users[String(p.properties['cm:userName'])] || [];
      var out = [];
      for (var i = 0; i < groups.length; i++) {
        out.push({ id: groups[i], properties: { 'cm:authorityName': groups[i] },
          hasAspect: function () { return false; } });
      }
      return out;
    },
    personNode: personNode
  };
}

function runScenario(sc) {
  var logs = [];
  var ns = sc.namespaces;
  var nodes = buildNodes(sc);
  var cx = org.mozilla.javascript.Context.getCurrentContext();
  cx.setLanguageVersion(0);
  // ACS may interpret (-1) or compile (0+) scripts: a scenario can ask for either.
  cx.setOptimizationLevel(sc.optimizationLevel === undefined ? 0 : sc.optimizationLevel);
  var scope = cx.initStandardObjects();
  var put = function (name, value) {
    org.mozilla.javascript.ScriptableObject.putProperty(scope, name, value);
  };
  var args = [];
  for (var i = 0; i < sc.args.length; i++) {
    var a = sc.args[i];
    if (a.node !== undefined) args.push(nodes[a.node]);
    else if (a.map !== undefined) args.push(javaMap(ns, a.map));
    else if (a.childAssoc !== undefined) {
      args.push({ parent: nodes[a.childAssoc.parent], child: nodes[a.childAssoc.child] });
    } else if (a.bool !== undefined) args.push(java.lang.Boolean.valueOf(a.bool));
    // A QName argument (beforeCopy's classRef), as its Java string form {uri}localName.
    else if (a.qname !== undefined) args.push(new java.lang.String(a.qname));
    else throw new Error('harness: unsupported argument ' + JSON.stringify(a));
  }
  var people = makePeople(sc, ns);
  put('behaviour', { name: sc.policy, args: args });
  put('logger', {
    log: function (m) { logs.push('log: ' + m); },
    debug: function (m) { logs.push('debug: ' + m); },
    info: function (m) { logs.push('info: ' + m); },
    warn: function (m) { logs.push('warn: ' + m); },
    error: function (m) { logs.push('error: ' + m); }
  });
  put('search', {
    findNode: function (ref) {
      for (var id in nodes) {
        if (nodes.hasOwnProperty(id) && nodes[id].nodeRef === String(ref)) return nodes[id];
      }
      return null;
    },
    query: function (def) {
      var match = ftsMatcher(String(def.query));
      var found = [];
      for (var id in nodes) if (nodes.hasOwnProperty(id) && match(nodes[id])) found.push(nodes[id]);
      return found;
    }
  });
  put('people', people);
  if (sc.user) put('person', people.personNode(sc.user));
  if (sc.runAs || sc.transactionResources) {
    var runAs = sc.runAs;
    var resources = sc.transactionResources || {};
    var repo = {
      transaction: { AlfrescoTransactionSupport: {
        getResource: function (key) {
          var v = resources[String(key)];
          return v === undefined ? null : new java.lang.String(v);
        },
        bindResource: function (key, value) { resources[String(key)] = String(value); }
      } }
    };
    if (runAs) {
      repo.security = { authentication: { AuthenticationUtil: {
        getRunAsUser: function () { return new java.lang.String(runAs); }
      } } };
    }
    put('Packages', { java: java, org: { alfresco: { repo: repo } } });
  }
  try {
    cx.evaluateString(scope, String(readFile(sc.script, 'UTF-8')), sc.script, 1, null);
    return { name: sc.name, outcome: 'allowed', message: null, logs: logs };
  } catch (e) {
    var message = String(e && e.message !== undefined ? e.message : e);
    var refused = /^efr\.[A-Za-z.]+ R\d+\.\d+: /.test(message);
    return { name: sc.name, outcome: refused ? 'refused' : 'error', message: message, logs: logs };
  }
}

for (var s = 0; s < scenarios.length; s++) results.push(runScenario(scenarios[s]));
print(JSON.stringify(results));
