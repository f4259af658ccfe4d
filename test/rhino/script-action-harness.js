/*
 * Rhino harness for a script action run by ACS's scheduled action (Debian rhino 1.7.14):
 *   rhino script-action-harness.js <run.json>
 * It plays CronScheduledQueryBasedTemplateActionDefinition with ISOLATED_TRANSACTIONS: a job
 * step runs a query (TYPE:"p:t" and =p:prop:"value" terms joined by AND) as the job's user over
 * an in-memory store, then, for each node found, the compiled script in a fresh scope at language
 * version 0 with what ScriptActionExecuter gives it: `document` (the node), `space` (its parent),
 * `companyhome`, `userhome`, `person` (the job user's Person), `action`, and the root objects
 * `search`, `people`, `logger`, plus `Packages` (classpath scripts are secure) holding a stand-in
 * AuthenticationUtil with getRunAsUser, runAsSystem and RunAsWork. Each node's action is one
 * transaction: a throw rolls its writes back and the next node still runs.
 * ScriptNode-like nodes: `properties` (short and full QName keys; dates as JS Dates), `assocs`,
 * `sourceAssocs`, `parent`, `hasAspect`, `isSubType`, `save`, `setPermission`,
 * `removePermission`. `save()` writes the properties, adds the aspect each property belongs to
 * (as DbNodeServiceImpl does), stamps cm:modifier, and fires the type's script behaviour
 * (onUpdateProperties with before/after java.util.HashMaps keyed by QName stand-ins) as ACS's
 * policy component would: a refusal thrown there fails the save.
 * An edit step saves given properties on a node as a user (a direct write, as a REST client or
 * another job would), through the same save.
 * Prints one JSON line (non-ASCII escaped): { steps: [...], nodes: {...}, journal: [...] }.
 * Written in ES5 on purpose: it runs in the same Rhino.
 * Standalone on purpose (written while harness-common.js was being made). Duplicates, to be
 * merged into harness-common.js: fullName, qnameKey, javaValue, javaMap (there with `ns` as
 * first argument), people (peopleApi), logger (scriptLogger), the fresh scope of runAction and
 * fireOnUpdateProperties (runInFreshScope), asciiJson (printJson) and the query matcher
 * (harness.js ftsMatcher). New here: the store with save/permissions/rollback, the script
 * action's model and runAsSystem.
 */
var run = JSON.parse(String(readFile(arguments[0], 'UTF-8')));
var ns = run.namespaces;
var store = {};
var order = [];
var journal = [];
var auth = { user: null };
/** Index of the step running, recorded in the journal. */
var stepIndex = 0;

function fullName(name) {
  if (name.charAt(0) === '{') return name;
  var i = name.indexOf(':');
  var uri = ns[name.substring(0, i)];
  if (!uri) throw new Error('harness: unknown prefix in ' + name);
  return '{' + uri + '}' + name.substring(i + 1);
}

function shortName(name) {
  if (name.charAt(0) !== '{') return name;
  var end = name.indexOf('}');
  var uri = name.substring(1, end);
  for (var p in ns) {
    if (ns.hasOwnProperty(p) && ns[p] === uri) return p + ':' + name.substring(end + 1);
  }
  throw new Error('harness: unknown namespace in ' + name);
}

function qnameKey(text) {
  return new JavaAdapter(java.lang.Object, { toString: function () { return text; } });
}

function isDate(v) {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** A value written by a script, in the store's form: JSON, dates as { date }. */
function storedValue(v) {
  if (v === null || v === undefined) return null;
  if (isDate(v)) return { date: new Date(v.getTime()).toISOString() };
  if (v instanceof java.util.Date) return { date: new Date(v.getTime()).toISOString() };
  if (v instanceof java.lang.String) return String(v);
  if (v instanceof Array) {
    var out = [];
    for (var i = 0; i < v.length; i++) out.push(storedValue(v[i]));
    return out;
  }
  if (typeof v === 'object' && v.date !== undefined) return { date: v.date };
  return v;
}

/** A stored value as ScriptNode.properties gives it (dates as JS Dates). */
function scriptValue(v) {
  if (v === null || v === undefined) return null;
  if (v instanceof Array) {
    var out = [];
    for (var i = 0; i < v.length; i++) out.push(scriptValue(v[i]));
    return out;
  }
  if (typeof v === 'object' && v.date !== undefined) return new Date(Date.parse(v.date));
  return v;
}

/** A stored value as ACS keeps it in a Map<QName, Serializable>. */
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
  throw new Error('harness: unsupported value ' + JSON.stringify(v));
}

function javaMap(props) {
  var map = new java.util.HashMap();
  for (var k in props) {
    if (props.hasOwnProperty(k)) map.put(qnameKey(fullName(k)), javaValue(props[k]));
  }
  return map;
}

function copy(v) {
  return JSON.parse(JSON.stringify(v));
}

for (var d = 0; d < run.nodes.length; d++) {
  var def = run.nodes[d];
  store[def.id] = {
    id: def.id, type: def.type, parent: def.parent || null,
    props: copy(def.properties || {}), aspects: copy(def.aspects || []),
    assocs: copy(def.assocs || {}), permissions: copy(def.permissions || [])
  };
  order.push(def.id);
}

function logger(logs) {
  var at = function (level) { return function (m) { logs.push(level + ': ' + m); }; };
  return { log: at('log'), debug: at('debug'), info: at('info'), warn: at('warn'),
    error: at('error') };
}

function packagesFor() {
  var AuthenticationUtil = {
    getRunAsUser: function () {
      return auth.user === null ? null : new java.lang.String(auth.user);
    },
    RunAsWork: function (impl) { this.doWork = function () { return impl.doWork(); }; },
    runAsSystem: function (work) {
      var before = auth.user;
      auth.user = 'System';
      try {
        return work.doWork();
      } finally {
        auth.user = before;
      }
    }
  };
  return { java: java, org: { alfresco: { repo: { security: { authentication: {
    AuthenticationUtil: AuthenticationUtil } } } } } };
}

var people = {
  getPerson: function (name) {
    var n = String(name);
    return run.users.hasOwnProperty(n) ? personNode(n) : null;
  },
  getContainerGroups: function (p) {
    var groups = run.users[String(p.properties['cm:userName'])] || [];
    var out = [];
    for (var i = 0; i < groups.length; i++) {
      out.push({ id: groups[i], properties: { 'cm:authorityName': groups[i] },
        hasAspect: function () { return false; } });
    }
    return out;
  }
};

function personNode(userName) {
  return { id: 'person-' + userName, nodeRef: 'workspace://SpacesStore/person-' + userName,
    type: fullName('cm:person'), typeShort: 'cm:person',
    properties: { 'cm:userName': userName }, hasAspect: function () { return false; } };
}

var scopeLogs = null;

/** Runs the behaviour of `node`'s type, if any, as ACS's policy component would. */
function fireOnUpdateProperties(node, before, after) {
  var script = (run.behaviours || {})[node.type];
  if (!script) return;
  var cx = org.mozilla.javascript.Context.getCurrentContext();
  var scope = cx.initStandardObjects();
  var put = function (name, value) {
    org.mozilla.javascript.ScriptableObject.putProperty(scope, name, value);
  };
  put('behaviour', { name: 'onUpdateProperties',
    args: [scriptNode(node.id), javaMap(before), javaMap(after)] });
  put('logger', logger(scopeLogs));
  put('search', searchApi());
  put('people', people);
  put('Packages', packagesFor());
  var entry = { step: stepIndex, behaviour: node.type, node: node.id, user: auth.user,
    outcome: 'allowed', message: null };
  journal.push(entry);
  try {
    cx.evaluateString(scope, String(readFile(script, 'UTF-8')), script, 1, null);
  } catch (e) {
    entry.outcome = 'refused';
    entry.message = String(e && e.message !== undefined ? e.message : e);
    throw new Error(entry.message);
  }
}

function save(id, written) {
  var node = store[id];
  var before = copy(node.props);
  var after = copy(node.props);
  for (var k in written) {
    if (written.hasOwnProperty(k)) after[shortName(k)] = storedValue(written[k]);
  }
  after['cm:modifier'] = auth.user;
  after['cm:modified'] = { date: new Date().toISOString() };
  node.props = after;
  for (var p in after) {
    var aspect = run.aspectOfProperty[p];
    if (after.hasOwnProperty(p) && aspect && node.aspects.indexOf(aspect) < 0) {
      node.aspects.push(aspect);
    }
  }
  journal.push({ step: stepIndex, write: 'save', node: id, user: auth.user });
  fireOnUpdateProperties(node, before, after);
}

function scriptNode(id) {
  var node = store[id];
  var props = {};
  for (var k in node.props) {
    if (!node.props.hasOwnProperty(k)) continue;
    props[k] = scriptValue(node.props[k]);
    props[fullName(k)] = props[k];
  }
  var view = {
    id: id, nodeRef: 'workspace://SpacesStore/' + id, type: fullName(node.type),
    typeShort: node.type, name: node.props['cm:name'] || id, properties: props,
    hasAspect: function (a) {
      for (var i = 0; i < node.aspects.length; i++) {
        if (node.aspects[i] === a || fullName(node.aspects[i]) === a) return true;
      }
      return false;
    },
    isSubType: function (t) { return t === node.type || t === fullName(node.type); },
    save: function () {
      var written = {};
      for (var key in props) if (props.hasOwnProperty(key)) written[key] = props[key];
      // A full-name key and its short twin hold the same value unless the script wrote one.
      for (var s in node.props) {
        if (!node.props.hasOwnProperty(s)) continue;
        var full = fullName(s);
        if (written[s] !== undefined && written[full] !== undefined &&
          JSON.stringify(storedValue(written[s])) === JSON.stringify(node.props[s])) {
          written[s] = written[full];
        }
        delete written[full];
      }
      save(id, written);
    },
    setPermission: function (role, authority) {
      var ace = 'ALLOWED;' + authority + ';' + role;
      if (node.permissions.indexOf(ace) < 0) node.permissions.push(ace);
      journal.push({ step: stepIndex, write: 'setPermission', node: id, user: auth.user,
        ace: ace });
    },
    removePermission: function (role, authority) {
      var ace = 'ALLOWED;' + authority + ';' + role;
      var i = node.permissions.indexOf(ace);
      if (i >= 0) node.permissions.splice(i, 1);
      journal.push({ step: stepIndex, write: 'removePermission', node: id, user: auth.user,
        ace: ace });
    }
  };
  view.assocs = {};
  for (var a in node.assocs) {
    if (!node.assocs.hasOwnProperty(a)) continue;
    view.assocs[a] = [];
    for (var t = 0; t < node.assocs[a].length; t++) {
      view.assocs[a].push(lazyNode(node.assocs[a][t]));
    }
  }
  view.sourceAssocs = {};
  for (var o = 0; o < order.length; o++) {
    var other = store[order[o]];
    for (var oa in other.assocs) {
      if (other.assocs.hasOwnProperty(oa) && other.assocs[oa].indexOf(id) >= 0) {
        (view.sourceAssocs[oa] = view.sourceAssocs[oa] || []).push(lazyNode(other.id));
      }
    }
  }
  view.parent = node.parent === null ? null : lazyNode(node.parent);
  return view;
}

/** A node view made when first touched (assocs and parents point both ways). */
function lazyNode(id) {
  var made = null;
  return proxyOf(function () { return made || (made = scriptNode(id)); });
}

/** An object that forwards a ScriptNode's members to the view `get()` returns. */
function proxyOf(get) {
  var names = ['id', 'nodeRef', 'type', 'typeShort', 'name', 'properties', 'assocs',
    'sourceAssocs', 'parent'];
  var out = {};
  for (var i = 0; i < names.length; i++) {
    (function (n) { out.__defineGetter__(n, function () { return get()[n]; }); })(names[i]);
  }
  var methods = ['hasAspect', 'isSubType', 'save', 'setPermission', 'removePermission'];
  for (var m = 0; m < methods.length; m++) {
    (function (n) {
      out[n] = function () { var v = get(); return v[n].apply(v, arguments); };
    })(methods[m]);
  }
  return out;
}

function matcher(query) {
  var terms = String(query).split(' AND ');
  return function (node) {
    for (var i = 0; i < terms.length; i++) {
      var t = /^TYPE:"(.+)"$/.exec(terms[i]);
      var p = /^=([^:]+:[^:]+):"(.*)"$/.exec(terms[i]);
      if (t) {
        if (node.type !== t[1]) return false;
      } else if (p) {
        if (String(node.props[p[1]]) !== p[2]) return false;
      } else {
        throw new Error('harness: unsupported query term ' + terms[i]);
      }
    }
    return true;
  };
}

function searchApi() {
  return {
    findNode: function (ref) {
      var id = String(ref).replace('workspace://SpacesStore/', '');
      return store.hasOwnProperty(id) ? scriptNode(id) : null;
    },
    query: function (def) {
      var match = matcher(def.query);
      var found = [];
      for (var i = 0; i < order.length; i++) {
        if (match(store[order[i]])) found.push(scriptNode(order[i]));
      }
      return found;
    }
  };
}

/** One node's action in its own transaction: a throw rolls the store back. */
function runAction(step, id) {
  var logs = [];
  scopeLogs = logs;
  var snapshot = copy(store);
  var journalLength = journal.length;
  var cx = org.mozilla.javascript.Context.getCurrentContext();
  cx.setLanguageVersion(0);
  cx.setOptimizationLevel(step.optimizationLevel === undefined ? 0 : step.optimizationLevel);
  var scope = cx.initStandardObjects();
  var put = function (name, value) {
    org.mozilla.javascript.ScriptableObject.putProperty(scope, name, value);
  };
  var doc = scriptNode(id);
  put('document', doc);
  put('space', doc.parent);
  put('companyhome', run.companyHome ? scriptNode(run.companyHome) : null);
  put('userhome', null);
  put('person', personNode(auth.user));
  put('action', { parameters: {} });
  put('webApplicationContextUrl', 'http://localhost:8080/alfresco');
  put('logger', logger(logs));
  put('search', searchApi());
  put('people', people);
  put('Packages', packagesFor());
  try {
    cx.evaluateString(scope, String(readFile(step.script, 'UTF-8')), step.script, 1, null);
    return { node: id, outcome: 'done', message: null, logs: logs };
  } catch (e) {
    store = snapshot;
    journal.push({ step: stepIndex, rollback: id, undone: journal.length - journalLength });
    return { node: id, outcome: 'error',
      message: String(e && e.message !== undefined ? e.message : e), logs: logs };
  }
}

function runJob(step) {
  auth.user = step.runAsUser;
  var match = matcher(step.query);
  var found = [];
  for (var i = 0; i < order.length; i++) if (match(store[order[i]])) found.push(order[i]);
  var actions = [];
  for (var f = 0; f < found.length; f++) actions.push(runAction(step, found[f]));
  auth.user = null;
  return { kind: 'job', found: found, actions: actions };
}

function runEdit(step) {
  auth.user = step.runAs;
  var logs = [];
  scopeLogs = logs;
  var snapshot = copy(store);
  var result = { kind: 'edit', node: step.node, outcome: 'allowed', message: null, logs: logs };
  try {
    var view = scriptNode(step.node);
    for (var k in step.properties) {
      if (step.properties.hasOwnProperty(k)) view.properties[k] = scriptValue(step.properties[k]);
    }
    view.save();
  } catch (e) {
    store = snapshot;
    journal.push({ step: stepIndex, rollback: step.node });
    result.outcome = 'refused';
    result.message = String(e && e.message !== undefined ? e.message : e);
  }
  auth.user = null;
  return result;
}

function asciiJson(v) {
  return JSON.stringify(v).replace(/[\u0080-\uffff]/g, function (ch) {
    return '\\u' + ('0000' + ch.charCodeAt(0).toString(16)).slice(-4);
  });
}

var steps = [];
for (stepIndex = 0; stepIndex < run.steps.length; stepIndex++) {
  var step = run.steps[stepIndex];
  steps.push(step.kind === 'job' ? runJob(step) : runEdit(step));
}
var nodesOut = {};
for (var n = 0; n < order.length; n++) nodesOut[order[n]] = store[order[n]];
print(asciiJson({ steps: steps, nodes: nodesOut, journal: journal }));
