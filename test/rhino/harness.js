/*
 * Rhino harness for the EFR script behaviours (run by Debian's rhino 1.7.14):
 *   rhino -f harness-common.js harness.js <scenarios.json>
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
 * Nodes, Java and script values, people, the query matcher and the fresh scope come from
 * harness-common.js.
 * Written in ES5 on purpose: it runs in the same Rhino.
 */
var scenarios = JSON.parse(String(readFile(arguments[0], 'UTF-8')));
var results = [];

function buildNodes(sc) {
  var ns = sc.namespaces;
  var nodes = {};
  var id;
  for (id in sc.nodes) {
    if (!sc.nodes.hasOwnProperty(id)) continue;
    var def = sc.nodes[id];
    var props = {};
    for (var k in def.properties || {}) {
      if (!def.properties.hasOwnProperty(k)) continue;
      var value = scriptValue(def.properties[k]);
      props[k] = value;
      props[fullName(ns, k)] = value;
    }
    nodes[id] = scriptNode(ns, {
      id: id,
      nodeRef: (def.store || 'workspace://SpacesStore') + '/' + id,
      name: def.properties && def.properties['cm:name'] !== undefined
        ? def.properties['cm:name'] : id,
      type: def.type,
      supertypes: def.supertypes,
      aspects: def.aspects,
      properties: props
    });
    // ScriptNode#getQnamePath: only the fixtures that need it (Company Home) give one.
    nodes[id].qnamePath = def.qnamePath === undefined ? null : def.qnamePath;
  }
  for (id in sc.nodes) {
    if (!sc.nodes.hasOwnProperty(id)) continue;
    var links = sc.nodes[id];
    nodes[id].parent = links.parent ? nodes[links.parent] : null;
    for (var assoc in links.assocs || {}) {
      if (!links.assocs.hasOwnProperty(assoc)) continue;
      nodes[id].assocs[assoc] = [];
      for (var i = 0; i < links.assocs[assoc].length; i++) {
        associate(nodes[id], nodes[links.assocs[assoc][i]], assoc);
      }
    }
  }
  return nodes;
}

function makePeople(sc, ns) {
  function personNode(userName) {
    return personStub(ns, userName);
  }
  var people = peopleApi(sc.users, personNode, groupStub);
  // `person` is made with it; it stays on `people` so the scripts meet the same object as ever.
  people.personNode = personNode;
  return people;
}

function runScenario(sc) {
  var logs = [];
  var ns = sc.namespaces;
  var nodes = buildNodes(sc);
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
  var roots = {
    behaviour: { name: sc.policy, args: args },
    logger: scriptLogger(logs, ['log', 'debug', 'info', 'warn', 'error']),
    search: {
      findNode: function (ref) {
        for (var id in nodes) {
          if (nodes.hasOwnProperty(id) && nodes[id].nodeRef === String(ref)) return nodes[id];
        }
        return null;
      },
      query: function (def) {
        var match = ftsMatcher(String(def.query));
        var found = [];
        for (var id in nodes) {
          if (nodes.hasOwnProperty(id) && match(nodes[id])) found.push(nodes[id]);
        }
        return found;
      }
    },
    people: people
  };
  if (sc.user) roots.person = people.personNode(sc.user);
  if (sc.runAs || sc.transactionResources) {
    var runAs = sc.runAs;
    var repo = {
      transaction: {
        AlfrescoTransactionSupport: transactionSupport(sc.transactionResources || {}, null)
      }
    };
    if (runAs) {
      repo.security = { authentication: { AuthenticationUtil: {
        getRunAsUser: function () { return new java.lang.String(runAs); }
      } } };
    }
    roots.Packages = acsPackages(repo);
  }
  try {
    runInFreshScope(sc.script, sc.optimizationLevel, roots);
    return { name: sc.name, outcome: 'allowed', message: null, logs: logs };
  } catch (e) {
    var message = errorMessage(e);
    var refused = /^efr\.[A-Za-z.]+ R\d+\.\d+: /.test(message);
    return { name: sc.name, outcome: refused ? 'refused' : 'error', message: message, logs: logs };
  }
}

for (var s = 0; s < scenarios.length; s++) results.push(runScenario(scenarios[s]));
printJson(results);
