/*
 * Rhino harness for the EFR web script controllers of every feature (Debian rhino 1.7.14):
 *   rhino -f harness-common.js webscript-harness.js <run.json>
 * run.json: { namespaces, users (name → groups), folders (paths made under Company Home),
 * nodes (setup nodes: { folder, name, type, properties }), hooks, idPrefix, calls }.
 *
 * One in-memory repository lives for the whole run; each call runs one compiled controller in a
 * fresh scope at language version 0 with what ACS gives a JavaScript web script: `args`,
 * `url.templateArgs` (Java strings), `requestbody` (or `json` for a call with `bodyAs: 'json'`,
 * as ACS's JSON format reader hands an application/json body over), `status`, `model`,
 * `person`, `people`, `search`, `companyhome`, `logger`. Nodes are ScriptNode-like
 * (harness-common.js's `scriptNode`) with `children`, `createNode`, `createFolder`,
 * `createAssociation`, `childByNamePath`, `save`, `addAspect`.
 *
 * A feature turns on what only its controllers meet, by name in `hooks`:
 * - `transactions`: `Packages` with AlfrescoTransactionSupport (a fresh transaction per call;
 *   binds are reported in the call's logs as `tx: bind key=value`);
 * - `move`: ScriptNode#move on every node (each move is reported in `$moves` with whether the
 *   node was sealed, which is what the module's beforeMoveNode sees);
 * - `auditable`: cm:creator (the calling user) and cm:created on every node made, cm:modifier
 *   and cm:modified on every node made and saved (ACS's cm:auditable);
 * - `permissions`: ScriptNode#setPermission / #removePermission on every node (harness-common.js's
 *   `permissionMethods`; each is reported in the call's logs as `acl: <method> <name> <ace>`),
 *   and a call `{ name, permissionsOf }` answers the ACEs that node holds at that point
 *   (`body.permissions`, `ALLOWED;<authority>;<role>`).
 * Node ids are `<idPrefix>1000001-0000-4000-8000-000000000000`, … in creation order, so the same
 * setup and the same calls give the same ids in every run.
 *
 * References in calls: a template argument, a top-level body value (or a string in an array of
 * them), an upload's parent or property `@<call>` is the id of the entry that earlier call
 * answered, `#<name>` the id of the setup node of that name. A call `{ name, user, create:
 * { parent, name, type, properties } }` stands for an upload through the children API.
 *
 * Prints one JSON line (non-ASCII escaped): [{ name, status, body, logs, error }], then
 * `$tree` (every node path, in `logs`), `$moves` and `$nodes` (`<name> <id>` of each setup
 * node, in `logs`).
 * Written in ES5 on purpose: it runs in the same Rhino.
 */
var run = JSON.parse(String(readFile(arguments[0], 'UTF-8')));
var ns = run.namespaces;
var hooks = {};
for (var h = 0; h < (run.hooks || []).length; h++) hooks[run.hooks[h]] = true;
var byId = {};
var seq = 0;
var moves = [];
var currentUser = 'System';
/** The logs of the call running (the `permissions` hook reports there). */
var callLogs = [];

/** ScriptNode#move: leaves the parent's children for `dest`'s. */
function moveNode(node, dest) {
  moves.push('move ' + node.name + ' sealed=' + (node.properties['efr:sealedAt'] != null) +
    ' to ' + dest.name);
  if (dest.childByNamePath(node.name) !== null) {
    throw new Error('Duplicate child name: ' + node.name);
  }
  var siblings = node.parent.children;
  siblings.splice(siblings.indexOf(node), 1);
  dest.children.push(node);
  node.parent = dest;
  return true;
}

function makeNode(parent, name, type, props) {
  seq++;
  var id = (run.idPrefix || 'n') + (1000000 + seq) + '-0000-4000-8000-000000000000';
  var properties = {};
  for (var k in props || {}) if (props.hasOwnProperty(k)) properties[k] = props[k];
  properties['cm:name'] = name;
  if (hooks.auditable) {
    properties['cm:creator'] = currentUser;
    properties['cm:created'] = new Date(new Date().getTime() + seq);
    properties['cm:modifier'] = currentUser;
    properties['cm:modified'] = properties['cm:created'];
  }
  var node = scriptNode(ns, {
    id: id, nodeRef: 'workspace://SpacesStore/' + id, name: name, type: type,
    parent: parent, properties: properties
  });
  node.children = [];
  node.saved = 0;
  node.createNode = function (n, t, p) {
    if (node.childByNamePath(n) !== null) throw new Error('Duplicate child name not allowed: ' + n);
    return makeNode(node, n, t, p);
  };
  node.createFolder = function (n) {
    return node.createNode(n, 'cm:folder', {});
  };
  node.createAssociation = function (target, assocType) {
    associate(node, target, assocType);
    return { source: node, target: target };
  };
  node.childByNamePath = function (path) {
    var parts = String(path).split('/');
    var cur = node;
    for (var i = 0; i < parts.length && cur !== null; i++) {
      var found = null;
      for (var j = 0; j < cur.children.length; j++) {
        if (String(cur.children[j].name).toLowerCase() === parts[i].toLowerCase()) {
          found = cur.children[j];
        }
      }
      cur = found;
    }
    return cur;
  };
  node.save = function () {
    node.saved++;
    if (hooks.auditable) {
      node.properties['cm:modifier'] = currentUser;
      node.properties['cm:modified'] = new Date();
    }
  };
  node.addAspect = function (a, p) {
    if (node.aspects.indexOf(a) < 0) node.aspects.push(a);
    for (var pk in p || {}) if (p.hasOwnProperty(pk)) node.properties[pk] = p[pk];
    return true;
  };
  if (hooks.move) {
    node.move = function (dest) {
      return moveNode(node, dest);
    };
  }
  if (hooks.permissions) {
    node.permissions = [];
    var acl = permissionMethods(node.permissions, function (method, ace) {
      callLogs.push('acl: ' + method + ' ' + node.name + ' ' + ace);
    });
    node.setPermission = acl.setPermission;
    node.removePermission = acl.removePermission;
  }
  byId[id] = node;
  if (parent) parent.children.push(node);
  return node;
}

var home = makeNode(null, 'Company Home', 'cm:folder', {});
var personNodes = {};
var groupNodes = {};
for (var u in run.users) {
  if (!run.users.hasOwnProperty(u)) continue;
  personNodes[u] = makeNode(null, u, 'cm:person', { 'cm:userName': u });
  for (var g = 0; g < run.users[u].length; g++) {
    var group = run.users[u][g];
    groupNodes[group] = groupNodes[group] ||
      makeNode(null, group, 'cm:authorityContainer', { 'cm:authorityName': group });
  }
}
var people = peopleApi(run.users,
  function (userName) { return personNodes[userName]; },
  function (group) { return groupNodes[group]; });
for (var f = 0; f < run.folders.length; f++) {
  var parts = run.folders[f].split('/');
  var cur = home;
  for (var p = 0; p < parts.length; p++) {
    cur = cur.childByNamePath(parts[p]) || cur.createFolder(parts[p]);
  }
}
for (var c = 0; c < (run.nodes || []).length; c++) {
  var def = run.nodes[c];
  var folder = home.childByNamePath(def.folder);
  run.nodes[c].id = folder.createNode(def.name, def.type, def.properties).id;
}

/** Each value of a JSON object as a java.lang.String (web script args, template args). */
function javaStrings(values) {
  var out = {};
  for (var k in values || {}) if (values.hasOwnProperty(k)) out[k] = javaValue(String(values[k]));
  return out;
}

/** The roots that carry the call's request body. */
function bodyRoots(k, roots) {
  if (k.bodyAs === 'json' && k.body !== undefined) {
    var text = JSON.stringify(k.body);
    // A JSONObject, whose toString() is the JSON text.
    roots.json = {
      toString: function () {
        return new java.lang.String(text);
      }
    };
  } else {
    roots.requestbody =
      k.body === undefined ? null : { content: new java.lang.String(JSON.stringify(k.body)) };
  }
}

function call(k) {
  var logs = [];
  callLogs = logs;
  currentUser = k.user;
  var status = { code: 200, message: '', redirect: false };
  var model = {};
  var roots = {
    args: javaStrings(k.args),
    url: { templateArgs: javaStrings(k.templateArgs) },
    status: status,
    model: model,
    companyhome: home,
    people: people,
    person: personNodes[k.user],
    search: {
      findNode: function (ref) {
        var id = String(ref).replace('workspace://SpacesStore/', '');
        return byId.hasOwnProperty(id) ? byId[id] : null;
      }
    },
    logger: scriptLogger(logs, ['log', 'warn'])
  };
  bodyRoots(k, roots);
  if (hooks.transactions) {
    // One call is one transaction, so its resources start empty.
    roots.Packages = acsPackages({
      transaction: { AlfrescoTransactionSupport: transactionSupport({}, logs) }
    });
  }
  try {
    runInFreshScope(k.script, k.optimizationLevel, roots);
    return {
      name: k.name,
      status: status.code,
      body: model.body === undefined ? null : JSON.parse(String(model.body)),
      logs: logs,
      error: null
    };
  } catch (e) {
    return { name: k.name, status: 500, body: null, logs: logs, error: errorMessage(e) };
  }
}

/** `@<call>` / `#<name>` as the id it names (see the header); anything else unchanged. */
function resolveRef(v, results) {
  if (typeof v !== 'string') return v;
  var name = v.substring(1);
  var i;
  if (v.charAt(0) === '@') {
    for (i = results.length - 1; i >= 0; i--) {
      if (results[i].name === name && results[i].body && results[i].body.entry) {
        return results[i].body.entry.id;
      }
    }
  } else if (v.charAt(0) === '#') {
    for (i = 0; i < run.nodes.length; i++) if (run.nodes[i].name === name) return run.nodes[i].id;
  }
  return v;
}

/** Resolves the references among the values of `obj` (and in its arrays) in place. */
function resolveRefs(obj, results) {
  for (var k in obj && typeof obj === 'object' ? obj : {}) {
    if (!obj.hasOwnProperty(k)) continue;
    if (obj[k] instanceof Array) {
      for (var i = 0; i < obj[k].length; i++) obj[k][i] = resolveRef(obj[k][i], results);
    } else {
      obj[k] = resolveRef(obj[k], results);
    }
  }
}

/** An upload through the children API: the node, made by the calling user. */
function upload(k, results) {
  currentUser = k.user;
  resolveRefs(k.create.properties, results);
  var parent = byId[resolveRef(k.create.parent, results)];
  var made = parent.createNode(k.create.name, k.create.type, k.create.properties);
  return { name: k.name, status: 201, body: { entry: { id: made.id } }, logs: [], error: null };
}

/** The `permissions` hook's look at one node's ACEs between calls. */
function permissionsOf(k, results) {
  var node = byId[resolveRef(k.permissionsOf, results)];
  if (!node || !node.permissions) throw new Error('harness: no ACEs to read for ' + k.name);
  return { name: k.name, status: 200, body: { permissions: node.permissions.slice() }, logs: [],
    error: null };
}

var results = [];
for (var i = 0; i < run.calls.length; i++) {
  var k = run.calls[i];
  if (k.create) {
    results.push(upload(k, results));
    continue;
  }
  if (k.permissionsOf) {
    results.push(permissionsOf(k, results));
    continue;
  }
  resolveRefs(k.templateArgs, results);
  resolveRefs(k.body, results);
  results.push(call(k));
}
var tree = [];
for (var id in byId) {
  if (byId.hasOwnProperty(id) && byId[id].parent) {
    var path = [];
    for (var n = byId[id]; n; n = n.parent) path.unshift(n.name);
    tree.push(path.join('/'));
  }
}
results.push({ name: '$tree', status: 0, body: null, logs: tree, error: null });
results.push({ name: '$moves', status: 0, body: null, logs: moves, error: null });
var setupIds = [];
for (var sn = 0; sn < (run.nodes || []).length; sn++) {
  setupIds.push(run.nodes[sn].name + ' ' + run.nodes[sn].id);
}
results.push({ name: '$nodes', status: 0, body: null, logs: setupIds, error: null });
printJson(results);
