/*
 * Rhino harness for the EFR handover web script controllers (Debian rhino 1.7.14):
 *   rhino handover-webscript-harness.js <run.json>
 * One in-memory repository for the whole run; each call runs one compiled controller in a
 * fresh scope at language version 0 with what ACS gives a JavaScript web script (`args`,
 * `url.templateArgs`, `requestbody`, `status`, `model`, `person`, `people`, `search`,
 * `companyhome`, `logger`). Nodes are ScriptNode-like, including `move` (ScriptNode#move),
 * which sealing needs (each move is reported in `$moves` with whether the node was sealed). A call `{ name, create: { parent, name, type, properties } }` stands for
 * an upload through the children API (`parent` `@call` = the entry an earlier call answered).
 * Prints one JSON line (non-ASCII escaped): [{ name, status, body, logs, error }].
 * Written in ES5 on purpose: it runs in the same Rhino.
 */
var run = JSON.parse(String(readFile(arguments[0], 'UTF-8')));
var byId = {};
var seq = 0;
var moves = [];

function fullType(t) {
  var i = t.indexOf(':');
  return '{' + run.namespaces[t.substring(0, i)] + '}' + t.substring(i + 1);
}

function makeNode(parent, name, type, props) {
  seq++;
  var id = 'h' + (1000000 + seq) + '-0000-4000-8000-000000000000';
  var node = {
    id: id,
    nodeRef: 'workspace://SpacesStore/' + id,
    name: name,
    type: fullType(type),
    typeShort: type,
    parent: parent,
    properties: {},
    children: [],
    assocs: {},
    sourceAssocs: {},
    aspects: [],
    saved: 0,
    hasAspect: function (a) {
      return this.aspects.indexOf(String(a)) >= 0;
    },
    isSubType: function (t) {
      return t === this.typeShort;
    },
    createNode: function (n, t, p) {
      if (this.childByNamePath(n) !== null)
        throw new Error('Duplicate child name not allowed: ' + n);
      return makeNode(this, n, t, p);
    },
    createFolder: function (n) {
      return this.createNode(n, 'cm:folder', {});
    },
    createAssociation: function (target, assocType) {
      (this.assocs[assocType] = this.assocs[assocType] || []).push(target);
      (target.sourceAssocs[assocType] = target.sourceAssocs[assocType] || []).push(this);
      return { source: this, target: target };
    },
    childByNamePath: function (path) {
      var parts = String(path).split('/');
      var cur = this;
      for (var i = 0; i < parts.length && cur !== null; i++) {
        var found = null;
        for (var j = 0; j < cur.children.length; j++) {
          if (String(cur.children[j].name).toLowerCase() === parts[i].toLowerCase())
            found = cur.children[j];
        }
        cur = found;
      }
      return cur;
    },
    move: function (dest) {
      // What the module's beforeMoveNode sees: whether the recording is already sealed.
      moves.push('move ' + this.name + ' sealed=' + (this.properties['efr:sealedAt'] != null) +
        ' to ' + dest.name);
      if (dest.childByNamePath(this.name) !== null)
        throw new Error('Duplicate child name: ' + this.name);
      var sib = this.parent.children;
      sib.splice(sib.indexOf(this), 1);
      dest.children.push(this);
      this.parent = dest;
      return true;
    },
    save: function () {
      this.saved++;
    },
    addAspect: function (a, p) {
      if (this.aspects.indexOf(a) < 0) this.aspects.push(a);
      for (var k in p || {}) if (p.hasOwnProperty(k)) this.properties[k] = p[k];
      return true;
    },
  };
  for (var k in props || {}) if (props.hasOwnProperty(k)) node.properties[k] = props[k];
  node.properties['cm:name'] = name;
  node.properties['cm:creator'] = currentUser;
  node.properties['cm:created'] = new Date(new Date().getTime() + seq);
  byId[id] = node;
  if (parent) parent.children.push(node);
  return node;
}

var currentUser = 'System';
var home = makeNode(null, 'Company Home', 'cm:folder', {});
var people = {};
var groupNodes = {};
for (var u in run.users) {
  if (!run.users.hasOwnProperty(u)) continue;
  people[u] = makeNode(null, u, 'cm:person', { 'cm:userName': u });
  for (var g = 0; g < run.users[u].length; g++) {
    var gname = run.users[u][g];
    groupNodes[gname] =
      groupNodes[gname] ||
      makeNode(null, gname, 'cm:authorityContainer', { 'cm:authorityName': gname });
  }
}
for (var f = 0; f < run.folders.length; f++) {
  var parts = run.folders[f].split('/');
  var cur = home;
  for (var p = 0; p < parts.length; p++)
    cur = cur.childByNamePath(parts[p]) || cur.createFolder(parts[p]);
}
for (var c = 0; c < (run.nodes || []).length; c++) {
  var def = run.nodes[c];
  home.childByNamePath(def.folder).createNode(def.name, def.type, def.properties);
}

var peopleApi = {
  getPerson: function (name) {
    return people.hasOwnProperty(String(name)) ? people[String(name)] : null;
  },
  getContainerGroups: function (person) {
    var list = run.users[String(person.properties['cm:userName'])] || [];
    var out = [];
    for (var i = 0; i < list.length; i++) out.push(groupNodes[list[i]]);
    return out;
  },
};

function asciiJson(v) {
  return JSON.stringify(v).replace(/[\u0080-\uffff]/g, function (ch) {
    return '\\u' + ('0000' + ch.charCodeAt(0).toString(16)).slice(-4);
  });
}

function call(k) {
  var logs = [];
  currentUser = k.user;
  var cx = org.mozilla.javascript.Context.getCurrentContext();
  cx.setLanguageVersion(0);
  var scope = cx.initStandardObjects();
  var put = function (name, value) {
    org.mozilla.javascript.ScriptableObject.putProperty(scope, name, value);
  };
  var status = { code: 200, message: '', redirect: false };
  var model = {};
  var templateArgs = {};
  for (var t in k.templateArgs || {}) {
    if (k.templateArgs.hasOwnProperty(t))
      templateArgs[t] = new java.lang.String(String(k.templateArgs[t]));
  }
  var args = {};
  for (var a in k.args || {})
    if (k.args.hasOwnProperty(a)) args[a] = new java.lang.String(String(k.args[a]));
  put('args', args);
  put('url', { templateArgs: templateArgs });
  put(
    'requestbody',
    k.body === undefined ? null : { content: new java.lang.String(JSON.stringify(k.body)) }
  );
  put('status', status);
  put('model', model);
  put('companyhome', home);
  put('people', peopleApi);
  put('person', people[k.user]);
  put('search', {
    findNode: function (ref) {
      var id = String(ref).replace('workspace://SpacesStore/', '');
      return byId.hasOwnProperty(id) ? byId[id] : null;
    },
  });
  put('logger', {
    log: function (m) {
      logs.push('log: ' + m);
    },
    warn: function (m) {
      logs.push('warn: ' + m);
    },
  });
  try {
    cx.evaluateString(scope, String(readFile(k.script, 'UTF-8')), k.script, 1, null);
    return {
      name: k.name,
      status: status.code,
      body: model.body === undefined ? null : JSON.parse(String(model.body)),
      logs: logs,
      error: null,
    };
  } catch (e) {
    return {
      name: k.name,
      status: 500,
      body: null,
      logs: logs,
      error: String(e && e.message !== undefined ? e.message : e),
    };
  }
}

function resolveRef(v, results) {
  if (typeof v !== 'string' || v.charAt(0) !== '@') return v;
  for (var r = 0; r < results.length; r++) {
    if (results[r].name === v.substring(1)) return results[r].body.entry.id;
  }
  return v;
}

var results = [];
for (var i = 0; i < run.calls.length; i++) {
  var k = run.calls[i];
  if (k.create) {
    var parent = byId[resolveRef(k.create.parent, results)];
    currentUser = k.user;
    var props = {};
    for (var pk in k.create.properties) {
      if (k.create.properties.hasOwnProperty(pk))
        props[pk] = resolveRef(k.create.properties[pk], results);
    }
    var made = parent.createNode(k.create.name, k.create.type, props);
    results.push({
      name: k.name,
      status: 201,
      body: { entry: { id: made.id } },
      logs: [],
      error: null,
    });
    continue;
  }
  for (var ta in k.templateArgs || {}) {
    if (k.templateArgs.hasOwnProperty(ta))
      k.templateArgs[ta] = resolveRef(k.templateArgs[ta], results);
  }
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
print(asciiJson(results));
