/*
 * What the drivers share. A driver is test code, not ACS: it runs in a plain Rhino scope of its
 * own (org.efr.acsrt.Main) with Java access, lays out a repository in an org.efr.acsrt.AcsRuntime
 * from the JSON input, runs module scripts through it (where ACS's semantics apply) and prints
 * one JSON line. ES5 on purpose: it runs in Rhino.
 *
 * The input always carries `model`: { namespaces: {prefix: uri}, classes: [{name, parent}],
 * properties: [{name, type, multiple, aspect}] }, `scripts`: {location: file} and `bindings`:
 * [{policy, className, location}] (the module's ClassPolicyRegistrations, read from its Spring
 * context by the TypeScript side).
 */
var ACSRT = Packages.org.efr.acsrt;
var AuthenticationUtil = Packages.org.alfresco.repo.security.authentication.AuthenticationUtil;
var TxSupport = Packages.org.alfresco.repo.transaction.AlfrescoTransactionSupport;
var QName = Packages.org.alfresco.service.namespace.QName;
var NodeRef = Packages.org.alfresco.service.cmr.repository.NodeRef;
var ContentData = Packages.org.alfresco.service.cmr.repository.ContentData;
var ChildAssociationRef = Packages.org.alfresco.service.cmr.repository.ChildAssociationRef;
var LogSink = ACSRT.LogSink;

function readText(file) {
  var bytes = java.nio.file.Files.readAllBytes(java.nio.file.Paths.get(file));
  return String(new java.lang.String(bytes, 'UTF-8'));
}

var input = JSON.parse(readText(inputFile));

/** A new runtime with the model, the scripts, the bindings and the log levels of the input. */
function newRuntime() {
  var rt = new ACSRT.AcsRuntime();
  var m = input.model;
  for (var p in m.namespaces) if (m.namespaces.hasOwnProperty(p)) rt.dict.addNamespace(p, m.namespaces[p]);
  for (var c = 0; c < m.classes.length; c++) rt.dict.addClass(m.classes[c].name, m.classes[c].parent || null);
  for (var c2 = 0; c2 < m.classes.length; c2++) {
    var cls = m.classes[c2];
    for (var ma = 0; ma < (cls.mandatoryAspects || []).length; ma++) {
      rt.dict.addMandatoryAspect(cls.name, cls.mandatoryAspects[ma]);
    }
    for (var as = 0; as < (cls.associations || []).length; as++) {
      var ad = cls.associations[as];
      rt.dict.addAssociation(cls.name, ad.name, !!ad.targetMandatoryEnforced, !!ad.targetMany);
    }
  }
  for (var i = 0; i < m.properties.length; i++) {
    var d = m.properties[i];
    rt.dict.addProperty(d.name, d.type, !!d.multiple, d.aspect || null);
    if (d.owner) rt.dict.defineProperty(d.name, d.owner, !!d.mandatoryEnforced, d.default === undefined ? null : d.default);
  }
  for (var loc in input.scripts) if (input.scripts.hasOwnProperty(loc)) rt.addScript(loc, input.scripts[loc]);
  for (var b = 0; b < (input.bindings || []).length; b++) {
    var bd = input.bindings[b];
    if (bd.assocType !== undefined) {
      rt.bindAssociationBehaviour(bd.policy, bd.className, bd.assocType === '*' ? null : bd.assocType, bd.location);
    } else {
      rt.bindBehaviour(bd.policy, bd.className, bd.location);
    }
  }
  // The module's audit applications (efr-audit.xml), as AuditModelRegistryImpl loads them.
  for (var am = 0; am < (input.auditModels || []).length; am++) rt.repo.audit.loadModel(input.auditModels[am]);
  for (var cat in input.logLevels || {}) {
    if (input.logLevels.hasOwnProperty(cat)) LogSink.setLevel(cat, input.logLevels[cat]);
  }
  LogSink.drain();
  return rt;
}

/** Users (name → groups) and group zones (group → "APP.DEFAULT,AUTH.ALF" by default). */
function addPeople(rt, users, groupZones) {
  var zones = groupZones || {};
  for (var u in users) {
    if (!users.hasOwnProperty(u)) continue;
    if (rt.repo.personOf(u) === null) rt.repo.addPerson(u, null, null);
    for (var g = 0; g < users[u].length; g++) {
      var group = users[u][g];
      if (!rt.repo.groupExists(group)) rt.addGroup(group, zones[group] || 'APP.DEFAULT,AUTH.ALF');
      rt.repo.addMember(group, u);
    }
  }
}

/**
 * A fixture value as ACS keeps it in a Map<QName, Serializable>: java.lang.String, Boolean,
 * Long or Double, ArrayList, java.util.Date for `{ date }`, ContentData for `{ content }`;
 * the dictionary then converts it to the property's type.
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
  if (v.content !== undefined) return new ContentData(v.content, 'video/mp4', 0);
  throw new Error('driver: unsupported value ' + JSON.stringify(v));
}

/** Prefixed-name properties as a typed Map<QName, Serializable>; `{ file }` values skipped. */
function javaMap(rt, props) {
  var m = new java.util.HashMap();
  for (var k in props || {}) {
    if (!props.hasOwnProperty(k)) continue;
    var v = props[k];
    if (v !== null && typeof v === 'object' && v.file !== undefined) continue;
    m.put(k, javaValue(v));
  }
  return new java.util.HashMap(rt.typedMap(m));
}

/** A stored Java value as JSON: dates as { date }, lists as arrays. */
function jsonValue(v) {
  if (v === null || v === undefined) return null;
  if (v instanceof java.util.Date) return { date: String(v.toInstant().toString()) };
  if (v instanceof java.util.Collection) {
    var out = [];
    var it = v.iterator();
    while (it.hasNext()) out.push(jsonValue(it.next()));
    return out;
  }
  if (v instanceof java.lang.Boolean) return v.booleanValue();
  if (v instanceof java.lang.Number) return Number(v.doubleValue());
  return String(v);
}

/** A stored node as JSON: type, props and aspects by prefixed name, assocs, ACEs. */
function dumpNode(rt, id) {
  var ref = ACSRT.Repo.ref(id);
  var props = {};
  var it = rt.repo.getProperties(ref).entrySet().iterator();
  while (it.hasNext()) {
    var e = it.next();
    props[String(rt.dict.shortName(e.getKey()))] = jsonValue(e.getValue());
  }
  var aspects = [];
  var ai = rt.repo.getAspects(ref).iterator();
  while (ai.hasNext()) aspects.push(String(rt.dict.shortName(ai.next())));
  var assocs = {};
  var ti = rt.repo.getTargetAssocs(ref).entrySet().iterator();
  while (ti.hasNext()) {
    var t = ti.next();
    var ids = [];
    for (var j = 0; j < t.getValue().size(); j++) ids.push(String(t.getValue().get(j).getId()));
    assocs[String(rt.dict.shortName(QName.createQName(t.getKey())))] = ids;
  }
  var aces = [];
  var acl = rt.repo.getAces(ref);
  for (var k = 0; k < acl.size(); k++) aces.push(String(acl.get(k)));
  var parent = rt.repo.getPrimaryParent(ref);
  return { id: id, type: String(rt.dict.shortName(rt.repo.getType(ref))),
    parent: parent === null ? null : String(parent.getId()), props: props, aspects: aspects,
    assocs: assocs, permissions: aces };
}

/** A Java list of strings as a JS array. */
function strings(list) {
  var out = [];
  for (var i = 0; i < list.size(); i++) out.push(String(list.get(i)));
  return out;
}

/** The log lines written since the last call, and the transaction binds. */
function drainLogs() {
  var out = strings(LogSink.drain());
  out = out.concat(strings(TxSupport.binds));
  TxSupport.binds.clear();
  return out;
}

/**
 * Lays `nodes` (id → { type, parent, qnamePath, aspects, properties, assocs, permissions }) out
 * as data already stored: the given ids, no policies, no auditable stamps. A `{ file }` value
 * is cm:content over that file. Answers id → NodeRef.
 */
function layOut(rt, nodes) {
  var refs = {};
  var left = [];
  for (var id in nodes) if (nodes.hasOwnProperty(id)) left.push(id);
  // Parents first.
  while (left.length > 0) {
    var next = [];
    for (var i = 0; i < left.length; i++) {
      var def = nodes[left[i]];
      if (def.parent && refs[def.parent] === undefined) {
        next.push(left[i]);
        continue;
      }
      var props = javaMap(rt, def.properties || {});
      var aspects = new java.util.ArrayList();
      for (var a = 0; a < (def.aspects || []).length; a++) aspects.add(def.aspects[a]);
      if (!props.containsKey(rt.dict.resolve('cm:name'))) props.put(rt.dict.resolve('cm:name'), left[i]);
      refs[left[i]] = rt.repo.fixture(left[i], rt.dict.resolve(def.type),
        def.parent ? refs[def.parent] : null, props, aspects);
      if (def.qnamePath) rt.repo.setAssocName(refs[left[i]], def.qnamePath.substring(def.qnamePath.lastIndexOf('/') + 1));
      for (var k in def.properties || {}) {
        var v = def.properties[k];
        if (v !== null && typeof v === 'object' && v.file !== undefined) {
          var size = new java.io.File(v.file).length();
          rt.repo.fixtureContent(refs[left[i]], v.file);
          var p = new java.util.HashMap(rt.repo.getProperties(refs[left[i]]));
          p.put(rt.dict.resolve(k), new ContentData('store://' + left[i], 'video/mp4', size));
          rt.policiesEnabled = false;
          rt.repo.setPropertiesQuiet(refs[left[i]], p);
          rt.policiesEnabled = true;
        }
      }
    }
    if (next.length === left.length) throw new Error('driver: parent cycle or missing parent in ' + next);
    left = next;
  }
  for (var s in nodes) {
    if (!nodes.hasOwnProperty(s)) continue;
    for (var assoc in nodes[s].assocs || {}) {
      if (!nodes[s].assocs.hasOwnProperty(assoc)) continue;
      var targets = nodes[s].assocs[assoc];
      for (var t = 0; t < targets.length; t++) {
        rt.repo.fixtureAssoc(refs[s], refs[targets[t]], rt.dict.resolve(assoc));
      }
    }
    var acl = nodes[s].permissions || [];
    for (var c = 0; c < acl.length; c++) rt.repo.putAce(refs[s], acl[c]);
  }
  return refs;
}

/** Prints `v` as one JSON line, non-ASCII escaped. */
function printJson(v) {
  stdout.println(JSON.stringify(v).replace(/[\u0080-\uffff]/g, function (ch) {
    return '\\u' + ('0000' + ch.charCodeAt(0).toString(16)).slice(-4);
  }));
}
