/*
 * Rhino harness for a script action run by ACS's scheduled action (Debian rhino 1.7.14):
 *   rhino -f harness-common.js script-action-harness.js <run.json>
 * It plays CronScheduledQueryBasedTemplateActionDefinition with ISOLATED_TRANSACTIONS: a job
 * step runs a query (harness-common.js's `ftsMatcher`) as the job's user over an in-memory
 * store, then, for each node found, the compiled script in a fresh scope at language version 0
 * with what ScriptActionExecuter gives it: `document` (the node), `space` (its parent),
 * `companyhome`, `userhome`, `person` (the job user's Person), `action`, and the root objects
 * `search`, `people`, `logger`, plus `Packages` (classpath scripts are secure) holding a stand-in
 * AuthenticationUtil with getRunAsUser, runAsSystem and RunAsWork. Each node's action is one
 * transaction: a throw rolls its writes back and the next node still runs.
 * An edit step saves given properties on a node as a user (a direct write, as a REST client or
 * another job would), through the same save.
 *
 * What is new here, on top of harness-common.js (QNames, Java and script values, the
 * ScriptNode-like core, people, logger, the query matcher, the fresh scope, JSON output):
 * - a writable store with rollback: nodes are views of it (`scriptNode` plus `save`,
 *   `setPermission`, `removePermission`, and `assocs`, `sourceAssocs`, `parent` made when first
 *   touched), every write is journalled with the step and the user it ran as;
 * - `save()` writes the properties, adds the aspect each property belongs to (as
 *   DbNodeServiceImpl does), stamps cm:modifier, and fires the type's script behaviour
 *   (onUpdateProperties with before/after java.util.HashMaps keyed by QName stand-ins) as ACS's
 *   policy component would: a refusal thrown there fails the save;
 * - the script action's model and runAsSystem.
 * Prints one JSON line (non-ASCII escaped): { steps: [...], nodes: {...}, journal: [...] }.
 * Written in ES5 on purpose: it runs in the same Rhino.
 */
var run = JSON.parse(String(readFile(arguments[0], 'UTF-8')));
var ns = run.namespaces;
var store = {};
var order = [];
var journal = [];
var auth = { user: null };
/** Index of the step running, recorded in the journal. */
var stepIndex = 0;
/** Rhino optimization level of the step running: behaviours its writes fire run alike. */
var optimizationLevel = 0;
/** The logs of the action (or edit) running: behaviours it fires log there too. */
var scopeLogs = null;
var LOG_METHODS = ['log', 'debug', 'info', 'warn', 'error'];

/** `{uri}local` as `prefix:local` (a short name stays as it is). */
function shortName(name) {
  if (name.charAt(0) !== '{') return name;
  var end = name.indexOf('}');
  var uri = name.substring(1, end);
  for (var p in ns) {
    if (ns.hasOwnProperty(p) && ns[p] === uri) return p + ':' + name.substring(end + 1);
  }
  throw new Error('harness: unknown namespace in ' + name);
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

var people = peopleApi(run.users, function (userName) {
  return personStub(ns, userName);
}, groupStub);

/** `Packages` with AuthenticationUtil: the run-as user, and runAsSystem over RunAsWork. */
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
  return acsPackages({ security: { authentication: {
    AuthenticationUtil: AuthenticationUtil } } });
}

/** The root objects every script of the run meets, logging to `logs`. */
function rootObjects(logs) {
  return { logger: scriptLogger(logs, LOG_METHODS), search: searchApi(), people: people,
    Packages: packagesFor() };
}

/** Runs the behaviour of `node`'s type, if any, as ACS's policy component would. */
function fireOnUpdateProperties(node, before, after) {
  var script = (run.behaviours || {})[node.type];
  if (!script) return;
  var roots = rootObjects(scopeLogs);
  roots.behaviour = { name: 'onUpdateProperties',
    args: [nodeView(node.id), javaMap(ns, before), javaMap(ns, after)] };
  var entry = { step: stepIndex, behaviour: node.type, node: node.id, user: auth.user,
    outcome: 'allowed', message: null };
  journal.push(entry);
  try {
    runInFreshScope(script, optimizationLevel, roots);
  } catch (e) {
    entry.outcome = 'refused';
    entry.message = errorMessage(e);
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

/** A ScriptNode-like view of the stored node `id`, whose writes go to the store. */
function nodeView(id) {
  var node = store[id];
  var props = {};
  for (var k in node.props) {
    if (!node.props.hasOwnProperty(k)) continue;
    props[k] = scriptValue(node.props[k]);
    props[fullName(ns, k)] = props[k];
  }
  var view = scriptNode(ns, {
    id: id, nodeRef: 'workspace://SpacesStore/' + id, name: node.props['cm:name'] || id,
    type: node.type, aspects: node.aspects, properties: props
  });
  view.save = function () {
    var written = {};
    for (var key in props) if (props.hasOwnProperty(key)) written[key] = props[key];
    // A full-name key and its short twin hold the same value unless the script wrote one.
    for (var s in node.props) {
      if (!node.props.hasOwnProperty(s)) continue;
      var full = fullName(ns, s);
      if (written[s] !== undefined && written[full] !== undefined &&
        JSON.stringify(storedValue(written[s])) === JSON.stringify(node.props[s])) {
        written[s] = written[full];
      }
      delete written[full];
    }
    save(id, written);
  };
  var permissions = permissionMethods(node.permissions, function (method, ace) {
    journal.push({ step: stepIndex, write: method, node: id, user: auth.user, ace: ace });
  });
  view.setPermission = permissions.setPermission;
  view.removePermission = permissions.removePermission;
  for (var a in node.assocs) {
    if (!node.assocs.hasOwnProperty(a)) continue;
    view.assocs[a] = [];
    for (var t = 0; t < node.assocs[a].length; t++) {
      view.assocs[a].push(lazyNode(node.assocs[a][t]));
    }
  }
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
  return proxyOf(function () { return made || (made = nodeView(id)); });
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

/** The ids of the stored nodes `query` matches, in store order. */
function queryIds(query) {
  var match = ftsMatcher(query);
  var found = [];
  for (var i = 0; i < order.length; i++) if (match(nodeView(order[i]))) found.push(order[i]);
  return found;
}

function searchApi() {
  return {
    findNode: function (ref) {
      var id = String(ref).replace('workspace://SpacesStore/', '');
      return store.hasOwnProperty(id) ? nodeView(id) : null;
    },
    query: function (def) {
      var ids = queryIds(def.query);
      var found = [];
      for (var i = 0; i < ids.length; i++) found.push(nodeView(ids[i]));
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
  var doc = nodeView(id);
  var roots = rootObjects(logs);
  roots.document = doc;
  roots.space = doc.parent;
  roots.companyhome = run.companyHome ? nodeView(run.companyHome) : null;
  roots.userhome = null;
  roots.person = personStub(ns, auth.user);
  roots.action = { parameters: {} };
  roots.webApplicationContextUrl = 'http://localhost:8080/alfresco';
  try {
    runInFreshScope(step.script, optimizationLevel, roots);
    return { node: id, outcome: 'done', message: null, logs: logs };
  } catch (e) {
    store = snapshot;
    journal.push({ step: stepIndex, rollback: id, undone: journal.length - journalLength });
    return { node: id, outcome: 'error', message: errorMessage(e), logs: logs };
  }
}

function runJob(step) {
  auth.user = step.runAsUser;
  optimizationLevel = step.optimizationLevel === undefined ? 0 : step.optimizationLevel;
  var found = queryIds(step.query);
  var actions = [];
  for (var f = 0; f < found.length; f++) actions.push(runAction(step, found[f]));
  auth.user = null;
  return { kind: 'job', found: found, actions: actions };
}

function runEdit(step) {
  auth.user = step.runAs;
  optimizationLevel = 0;
  var logs = [];
  scopeLogs = logs;
  var snapshot = copy(store);
  var result = { kind: 'edit', node: step.node, outcome: 'allowed', message: null, logs: logs };
  try {
    var view = nodeView(step.node);
    for (var k in step.properties) {
      if (step.properties.hasOwnProperty(k)) view.properties[k] = scriptValue(step.properties[k]);
    }
    view.save();
  } catch (e) {
    store = snapshot;
    journal.push({ step: stepIndex, rollback: step.node });
    result.outcome = 'refused';
    result.message = errorMessage(e);
  }
  auth.user = null;
  return result;
}

var steps = [];
for (stepIndex = 0; stepIndex < run.steps.length; stepIndex++) {
  var step = run.steps[stepIndex];
  steps.push(step.kind === 'job' ? runJob(step) : runEdit(step));
}
var nodesOut = {};
for (var n = 0; n < order.length; n++) nodesOut[order[n]] = store[order[n]];
printJson({ steps: steps, nodes: nodesOut, journal: journal });
