/*
 * Rhino harness for the EFR device and exemption web script controllers (Debian rhino 1.7.14):
 *   rhino devices-webscript-harness.js <run.json>
 * One in-memory repository lives for the whole run; each call runs one compiled controller in a
 * fresh scope at language version 0 with what ACS gives a JavaScript web script: `args`,
 * `url.templateArgs`, `requestbody`, `status`, `model`, `person`, `people`, `search`,
 * `companyhome`, `logger`. Nodes are ScriptNode-like: `properties` (short QName keys, as
 * ScriptableQNameMap also answers), `children`, `assocs`, `sourceAssocs`, `createNode`,
 * `createFolder`, `createAssociation`, `childByNamePath`, `save`, `addAspect`.
 * Prints one JSON line (non-ASCII escaped): [{ name, status, body, logs, error }].
 * Written in ES5 on purpose: it runs in the same Rhino.
 */
var run = JSON.parse(String(readFile(arguments[0], 'UTF-8')));
var byId = {};
var seq = 0;
var EFR_URI = run.namespaces.efr;

function fullType(t) {
  var i = t.indexOf(':');
  var uri = run.namespaces[t.substring(0, i)];
  return '{' + uri + '}' + t.substring(i + 1);
}

function makeNode(parent, name, type, props) {
  seq++;
  var id = 'n' + (1000000 + seq) + '-0000-4000-8000-000000000000';
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
      return this.aspects.indexOf(a) >= 0;
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
    save: function () {
      this.saved++;
    },
    addAspect: function (a, p) {
      if (this.aspects.indexOf(a) < 0) this.aspects.push(a);
      for (var k in p || {}) if (p.hasOwnProperty(k)) this.properties[k] = p[k];
      return true;
    }
  };
  for (var k in props || {}) if (props.hasOwnProperty(k)) node.properties[k] = props[k];
  node.properties['cm:name'] = name;
  byId[id] = node;
  if (parent) parent.children.push(node);
  return node;
}

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
  var made = home.childByNamePath(def.folder).createNode(def.name, def.type, def.properties);
  run.nodes[c].id = made.id;
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
  }
};

function asciiJson(v) {
  return JSON.stringify(v).replace(/[\u0080-\uffff]/g, function (ch) {
    return '\\u' + ('0000' + ch.charCodeAt(0).toString(16)).slice(-4);
  });
}

function call(k) {
  var logs = [];
  var cx = org.mozilla.javascript.Context.getCurrentContext();
  cx.setLanguageVersion(0);
  cx.setOptimizationLevel(k.optimizationLevel === undefined ? 0 : k.optimizationLevel);
  var scope = cx.initStandardObjects();
  var put = function (name, value) {
    org.mozilla.javascript.ScriptableObject.putProperty(scope, name, value);
  };
  var status = { code: 200, message: '', redirect: false };
  var model = {};
  var templateArgs = {};
  for (var t in k.templateArgs || {}) {
    if (k.templateArgs.hasOwnProperty(t)) {
      var v = String(k.templateArgs[t]);
      // `{ref:name}` names a node made by setup or an earlier call's answer.
      templateArgs[t] = new java.lang.String(v);
    }
  }
  var args = {};
  for (var a in k.args || {})
    if (k.args.hasOwnProperty(a)) args[a] = new java.lang.String(String(k.args[a]));
  put('args', args);
  put('url', { templateArgs: templateArgs });
  // ACS's JSON format reader gives an application/json body as `json` (a JSONObject whose
  // toString() is the JSON text); other bodies come as `requestbody`.
  if (k.bodyAs === 'json' && k.body !== undefined) {
    var text = JSON.stringify(k.body);
    put('json', {
      toString: function () {
        return new java.lang.String(text);
      }
    });
  } else {
    put(
      'requestbody',
      k.body === undefined ? null : { content: new java.lang.String(JSON.stringify(k.body)) }
    );
  }
  put('status', status);
  put('model', model);
  put('companyhome', home);
  put('people', peopleApi);
  put('person', people[k.user]);
  put('search', {
    findNode: function (ref) {
      var id = String(ref).replace('workspace://SpacesStore/', '');
      return byId.hasOwnProperty(id) ? byId[id] : null;
    }
  });
  // AlfrescoTransactionSupport as ACS offers it to classpath (secure) scripts: one call is one
  // transaction, so its resources start empty; binds are reported in the logs.
  var resources = {};
  put('Packages', {
    java: java,
    org: { alfresco: { repo: { transaction: { AlfrescoTransactionSupport: {
      bindResource: function (key, value) {
        resources[String(key)] = value;
        logs.push('tx: bind ' + key + '=' + value);
      },
      getResource: function (key) {
        return resources.hasOwnProperty(String(key)) ? resources[String(key)] : null;
      }
    } } } } }
  });
  put('logger', {
    log: function (m) {
      logs.push('log: ' + m);
    },
    warn: function (m) {
      logs.push('warn: ' + m);
    }
  });
  try {
    cx.evaluateString(scope, String(readFile(k.script, 'UTF-8')), k.script, 1, null);
    return {
      name: k.name,
      status: status.code,
      body: model.body === undefined ? null : JSON.parse(String(model.body)),
      logs: logs,
      error: null
    };
  } catch (e) {
    return {
      name: k.name,
      status: 500,
      body: null,
      logs: logs,
      error: String(e && e.message !== undefined ? e.message : e)
    };
  }
}

var results = [];
for (var i = 0; i < run.calls.length; i++) {
  var k = run.calls[i];
  // A template argument `@<callName>` is the id of the entry answered by that earlier call.
  for (var ta in k.templateArgs || {}) {
    if (!k.templateArgs.hasOwnProperty(ta)) continue;
    var val = String(k.templateArgs[ta]);
    if (val.charAt(0) === '@') {
      for (var r = 0; r < results.length; r++) {
        if (results[r].name === val.substring(1)) k.templateArgs[ta] = results[r].body.entry.id;
      }
    } else if (val.charAt(0) === '#') {
      for (var q = 0; q < run.nodes.length; q++)
        if (run.nodes[q].name === val.substring(1)) k.templateArgs[ta] = run.nodes[q].id;
    }
  }
  // A body value `#name` is the id of a setup node too (e.g. a case id).
  for (var bk in k.body && typeof k.body === 'object' ? k.body : {}) {
    if (
      k.body.hasOwnProperty(bk) &&
      typeof k.body[bk] === 'string' &&
      k.body[bk].charAt(0) === '#'
    ) {
      for (var bn = 0; bn < run.nodes.length; bn++)
        if (run.nodes[bn].name === k.body[bk].substring(1)) k.body[bk] = run.nodes[bn].id;
    }
  }
  results.push(call(k));
}
print(asciiJson(results));
