/*
 * Web script calls against one repository (after common.js). input: { users, groupZones,
 * folders (paths made under Company Home), folderAces (path → ACEs `ALLOWED;<authority>;<role>`
 * already set on it), nodes (setup: { folder, name, type, properties, content: { file,
 * mimetype } stored in the content store, versions: n kept in the version store, renditions:
 * [{ name, file }] as cm:thumbnail children with content, assocs: { type: [targets] } (a setup
 * node's name, or `#name`); a `{ file }` property value is stored content; `#name` in
 * properties names an earlier setup node }), eagerOrphanCleanup,
 * idPrefix, calls, personProps (user → properties of the person) }. Company Home is
 * app:company_home; folders and setup nodes are data already stored (made as System with
 * policies off). Then each call, in order:
 * - `{ name, location, user, templateArgs, args, body }`: the controller at `location` run as
 *   Surf runs a JavaScript web script in ACS (AcsRuntime#runWebScript): one transaction as
 *   `user`, the module's behaviours firing on every write it makes;
 * - `{ name, user, create: { parent, name, type, properties } }`: an upload through the REST
 *   API (NodeService#createNode as `user`, policies on, then the bytes of a `{ file }` value
 *   written as its content), answering `{ entry: { id } }`;
 * - `{ name, permissionsOf }`: the ACEs of a node at that point;
 * - `{ name, nodeOf }`: a node as stored at that point (type, props, aspects: dumpNode);
 * - `{ name, storeReport: true }`: the content store, one line per content URL (Repo#storeReport);
 * - `{ name, audit: { op, … } }`: efr-access rows `seed`ed (count, user, node, type, firstMillis)
 *   or tampered with (`change` position key value, `remove` position, `reorder` position):
 *   Audit#seedReads / #tamper; answers the rows (Audit#rows);
 * - `{ name, contentStoreCleaner: { days } }`: ACS's ContentStoreCleaner job run `days` from now;
 * - `{ name, user, rest: { op, node, … } }`: what a client of ACS's generic REST API (or CMIS,
 *   WebDAV, Share) does to a node through the public services as `user`, in one transaction,
 *   with the module's behaviours firing: `update` (properties), `addAspect`/`removeAspect`
 *   (aspect, properties), `addAssoc`/`removeAssoc` (target, assoc), `lock` (lockType,
 *   persistent), `delete`, `move` (dest), `copy` (dest, newName), `setPermission` (authority,
 *   role), `get` (the node's properties, as GET /nodes/{id}: Read needed), `read` (its content,
 *   as GET /nodes/{id}/content: onContentRead, then an efr-access entry), `children` (the
 *   names of the children the user may read, as GET /nodes/{id}/children), `share` (POST
 *   /shared-links), `render` (a rendition consumed, rendition), `download` (POST /downloads of
 *   the node), `version` (a new version), `checkout` (POST /nodes/{id}/checkout), `putFile` (the
 *   bytes of `file` as new content: PUT /nodes/{id}/content), `putContent` (PUT
 *   /nodes/{id}/content of `text`), `content` (GET /nodes/{id}/content: Read needed, then
 *   ContentService#getReader, which fires onContentRead). Answers 200, or the status ACS's REST API maps the error to (403 for an
 *   AccessDeniedException, 422 for an IntegrityException, 500 for anything else, a behaviour's
 *   ScriptException included: AcsRuntime#restStatusOf) with the error ACS would carry.
 * References: `@<call>` is the id an earlier call answered, `#<name>` a setup node's id (also in
 * a later setup node's properties), and
 * a rest op's `node` may be `/<path>`, a folder by its path from Company Home.
 * Prints [{ name, status, body, logs, error, writes }] then `$tree`, `$moves`, `$nodes`.
 */
var rt = newRuntime();
rt.repo.setIdPrefix(input.idPrefix || 'n');
if (input.acsVersion) rt.setAcsVersion(input.acsVersion);
// `system.content.eagerOrphanCleanup` of the installation (ACS's default: false).
rt.repo.cleaner.setEagerOrphanCleanup(input.eagerOrphanCleanup === true);
rt.repo.setMoveProbe('sealed', rt.dict.resolve('efr:sealedAt'));
var home = null;
var setupIds = {};

rt.repo.integrityChecks = false;
var setupError = rt.inTransactionAs('System', new java.lang.Runnable({ run: function () {
  rt.policiesEnabled = false;
  home = rt.repo.createNode(null, 'Company Home', rt.dict.resolve('cm:folder'), new java.util.HashMap());
  rt.repo.setAssocName(home, 'app:company_home');
  addPeople(rt, input.users, input.groupZones);
  // Properties of people (e.g. cm:organization, the unit the People API shows).
  for (var who in input.personProps || {}) {
    if (input.personProps.hasOwnProperty(who)) {
      var personRef = rt.repo.personOf(who);
      var merged = new java.util.LinkedHashMap(rt.repo.getProperties(personRef));
      merged.putAll(javaMap(rt, input.personProps[who]));
      rt.repo.setPropertiesQuiet(personRef, merged);
    }
  }
  for (var f = 0; f < input.folders.length; f++) {
    var parts = input.folders[f].split('/');
    var cur = home;
    for (var p = 0; p < parts.length; p++) {
      var next = rt.repo.getChildByName(cur, parts[p]);
      cur = next !== null ? next : rt.repo.createNode(cur, parts[p], rt.dict.resolve('cm:folder'), new java.util.HashMap());
    }
  }
  for (var path in input.folderAces || {}) {
    if (!input.folderAces.hasOwnProperty(path)) continue;
    for (var a = 0; a < input.folderAces[path].length; a++) rt.repo.putAce(resolvePath(path), input.folderAces[path][a]);
  }
  for (var c = 0; c < (input.nodes || []).length; c++) {
    var def = input.nodes[c];
    var folder = resolvePath(def.folder);
    // `#<name>` in a property: a setup node made before this one (e.g. efr:handoverId).
    resolveRefs(def.properties, []);
    var made = rt.repo.createNode(folder, def.name, rt.dict.resolve(def.type), javaMap(rt, def.properties));
    setupIds[def.name] = String(made.getId());
    // A `{ file }` value: content already stored (cm:content over that file, its size).
    for (var pk in def.properties || {}) {
      var pv = def.properties[pk];
      if (!def.properties.hasOwnProperty(pk) || pv === null || typeof pv !== 'object' || pv.file === undefined) continue;
      rt.repo.fixtureContent(made, pv.file);
      var withContent = new java.util.HashMap(rt.repo.getProperties(made));
      withContent.put(rt.dict.resolve(pk), new ContentData('store://' + made.getId(),
        pv.mimetype || 'application/octet-stream', new java.io.File(pv.file).length()));
      rt.repo.setPropertiesQuiet(made, withContent);
    }
    // Stored content (a file copied into the content store), versions, renditions.
    if (def.content) rt.repo.putContent(made, def.content.file, def.content.mimetype || 'video/mp4');
    for (var v = 0; v < (def.versions || 0); v++) rt.repo.putVersion(made);
    for (var r = 0; r < (def.renditions || []).length; r++) {
      var rendition = rt.repo.createNode(made, def.renditions[r].name, rt.dict.resolve('cm:thumbnail'),
        new java.util.HashMap());
      rt.repo.putContent(rendition, def.renditions[r].file, 'image/png');
    }
  }
  // Peer associations between setup nodes (`assocs`: type → ['<name>' or '#<name>', …]), stored.
  for (var c2 = 0; c2 < (input.nodes || []).length; c2++) {
    var src = input.nodes[c2];
    for (var at in src.assocs || {}) {
      if (!src.assocs.hasOwnProperty(at)) continue;
      for (var ti = 0; ti < src.assocs[at].length; ti++) {
        var target = String(src.assocs[at][ti]);
        var targetId = target.charAt(0) === '#' ? resolveRef(target, []) : setupIds[target];
        rt.repo.fixtureAssoc(ACSRT.Repo.ref(setupIds[src.name]), ACSRT.Repo.ref(targetId),
          rt.dict.resolve(at));
      }
    }
  }
  rt.policiesEnabled = true;
} }));
rt.repo.integrityChecks = true;
if (setupError !== null) throw new Error('driver: setup failed: ' + setupError);
LogSink.drain();
rt.repo.drainJournal();

function resolvePath(path) {
  var cur = home;
  var parts = String(path).split('/');
  for (var i = 0; i < parts.length; i++) {
    cur = rt.repo.getChildByName(cur, parts[i]);
    if (cur === null) throw new Error('driver: no folder ' + path);
  }
  return cur;
}

/** `@<call>` / `#<name>` as the id it names; anything else unchanged. */
function resolveRef(v, results) {
  if (typeof v !== 'string') return v;
  var name = v.substring(1);
  if (v.charAt(0) === '@') {
    for (var i = results.length - 1; i >= 0; i--) {
      if (results[i].name === name && results[i].body && results[i].body.entry) return results[i].body.entry.id;
    }
  } else if (v.charAt(0) === '#' && setupIds.hasOwnProperty(name)) {
    return setupIds[name];
  }
  return v;
}

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

function stringMap(values) {
  var m = new java.util.HashMap();
  for (var k in values || {}) if (values.hasOwnProperty(k)) m.put(k, String(values[k]));
  return m;
}

function nameOf(id) {
  return rt.repo.exists(id) ? String(rt.repo.getProperty(ACSRT.Repo.ref(id), rt.dict.resolve('cm:name'))) : id;
}

/** The journal since the last call as `acl:` lines of the permission writes. */
function aclLines() {
  var out = [];
  var j = strings(rt.repo.drainJournal());
  for (var i = 0; i < j.length; i++) {
    var f = j[i].split('\t');
    if (f[0] === 'write' && (f[1] === 'setPermission' || f[1] === 'removePermission')) {
      out.push('acl: ' + f[1] + ' ' + nameOf(f[2]) + ' ' + f[4]);
    }
  }
  return out;
}

/**
 * The `{ file }` values of `props` written as the node's content, as the REST API writes an
 * upload's bytes after creating the node (ContentService's writer: onContentUpdate fires with
 * newContent=true where policies are on).
 */
function writeFiles(ref, props) {
  for (var k in props || {}) {
    var v = props[k];
    if (props.hasOwnProperty(k) && v !== null && typeof v === 'object' && v.file !== undefined) {
      rt.repo.writeContent(ref, v.file, 'video/mp4', new java.io.File(v.file).length());
    }
  }
}

function upload(k, results) {
  resolveRefs(k.create.properties, results);
  // `/<path>`: a folder by its path from Company Home.
  var parent = String(k.create.parent).charAt(0) === '/' ? resolvePath(String(k.create.parent).substring(1))
    : ACSRT.Repo.ref(resolveRef(k.create.parent, results));
  var made = null;
  var error = rt.inTransactionAs(k.user, new java.lang.Runnable({ run: function () {
    made = rt.repo.createNode(parent, k.create.name, rt.dict.resolve(k.create.type),
      javaMap(rt, k.create.properties));
    writeFiles(made, k.create.properties);
  } }));
  var logs = drainLogs().concat(aclLines());
  if (error !== null) return { name: k.name, status: 500, body: null, logs: logs, error: String(error), writes: 0 };
  return { name: k.name, status: 201, body: { entry: { id: String(made.getId()) } }, logs: logs, error: null, writes: 1 };
}

function restOp(k, results) {
  var op = k.rest;
  var listed = null;
  // `/<path>`: a folder by its path from Company Home.
  var ref = String(op.node).charAt(0) === '/' ? resolvePath(String(op.node).substring(1))
    : ACSRT.Repo.ref(resolveRef(op.node, results));
  resolveRefs(op.properties, results);
  var error = rt.inTransactionAs(k.user, new java.lang.Runnable({ run: function () {
    switch (op.op) {
      case 'update': {
        var props = new java.util.HashMap(rt.repo.getProperties(ref));
        props.putAll(javaMap(rt, op.properties));
        rt.repo.setProperties(ref, props);
        break;
      }
      case 'addAspect': rt.repo.addAspect(ref, rt.dict.resolve(op.aspect), javaMap(rt, op.properties || {})); break;
      case 'removeAspect': rt.repo.removeAspect(ref, rt.dict.resolve(op.aspect)); break;
      case 'addAssoc':
        rt.repo.createAssociation(ref, ACSRT.Repo.ref(resolveRef(op.target, results)), rt.dict.resolve(op.assoc));
        break;
      case 'removeAssoc':
        rt.repo.removeAssociation(ref, ACSRT.Repo.ref(resolveRef(op.target, results)), rt.dict.resolve(op.assoc));
        break;
      case 'lock': rt.repo.lock(ref, op.lockType || 'WRITE_LOCK', op.persistent !== false); break;
      case 'delete': rt.repo.deleteNode(ref); break;
      case 'move': rt.repo.moveNode(ref, ACSRT.Repo.ref(resolveRef(op.dest, results))); break;
      case 'copy':
        rt.repo.copyNode(ref, ACSRT.Repo.ref(resolveRef(op.dest, results)),
          op.newName || String(rt.repo.getProperty(ref, rt.dict.resolve('cm:name'))));
        break;
      case 'setPermission': rt.repo.setPermission(ref, op.authority, op.role, true); break;
      case 'get': rt.repo.readProperties(ref); break;
      case 'read': rt.repo.readContentAs(ref); break;
      case 'share': rt.repo.shareContent(ref); break;
      case 'render': rt.repo.consumeRendition(ref, op.rendition || 'doclib'); break;
      case 'download': {
        var req = new java.util.ArrayList();
        req.add(ref);
        rt.repo.createDownload(req);
        break;
      }
      case 'version': rt.repo.createVersion(ref); break;
      case 'checkout': rt.repo.checkout(ref); break;
      case 'putFile': rt.repo.writeContent(ref, op.file, 'video/mp4', new java.io.File(op.file).length()); break;
      case 'children': listed = strings(rt.repo.listReadableChildren(ref)); break;
      case 'putContent': {
        // PUT /nodes/{id}/content: the bytes of `text` (UTF-8) through the public ContentService.
        var tmp = java.io.File.createTempFile('efr-put-', '.bin');
        tmp.deleteOnExit();
        java.nio.file.Files.write(tmp.toPath(), new java.lang.String(op.text).getBytes('UTF-8'));
        rt.repo.putContent(ref, String(tmp.getPath()), op.mimetype || 'application/octet-stream', tmp.length());
        break;
      }
      case 'content': rt.repo.getContent(ref); break;
      default: throw new Error('driver: unknown rest op ' + op.op);
    }
  } }));
  var logs = drainLogs().concat(aclLines());
  return { name: k.name, status: rt.lastRestStatus,
    body: listed === null ? null : { list: { entries: listed.map(function (n) { return { entry: { name: n } }; }) } },
    logs: logs,
    error: error === null ? null : String(error), writes: 0 };
}

function call(k, results) {
  resolveRefs(k.templateArgs, results);
  resolveRefs(k.body, results);
  if (k.optimizationLevel !== undefined) rt.processor.setOptimizationLevel(k.optimizationLevel);
  var out = rt.runWebScript(k.location, k.user, stringMap(k.args), stringMap(k.templateArgs),
    k.body === undefined ? null : JSON.stringify(k.body), home, stringMap(k.headers));
  rt.processor.setOptimizationLevel(0);
  var body = null;
  if (out.body !== null) {
    try {
      body = JSON.parse(String(out.body));
    } catch (e) {
      body = { unparsable: String(out.body) };
    }
  }
  return { name: k.name, status: out.status, body: body, logs: drainLogs().concat(aclLines()),
    contentType: out.contentType === null ? undefined : String(out.contentType),
    error: out.error === null ? null : String(out.error), writes: out.writes,
    trace: out.trace === null ? undefined : String(out.trace) };
}

var results = [];
for (var i = 0; i < input.calls.length; i++) {
  var k = input.calls[i];
  var started = java.lang.System.nanoTime();
  if (k.create) results.push(upload(k, results));
  else if (k.rest) results.push(restOp(k, results));
  else if (k.permissionsOf) {
    results.push({ name: k.name, status: 200, writes: 0,
      body: { permissions: strings(rt.repo.getAces(ACSRT.Repo.ref(resolveRef(k.permissionsOf, results)))) },
      logs: [], error: null });
  } else if (k.storeReport) {
    results.push({ name: k.name, status: 200, writes: 0, logs: [], error: null,
      body: { store: strings(rt.repo.storeReport()) } });
  } else if (k.contentStoreCleaner) {
    // The cleaner job `days` later than now (the repository's clock moved, then put back).
    rt.setClock(java.lang.System.currentTimeMillis() + k.contentStoreCleaner.days * 86400000);
    var cleaned = strings(rt.repo.runContentStoreCleaner());
    rt.setClock(-1);
    results.push({ name: k.name, status: 200, writes: 0, logs: drainLogs(), error: null,
      body: { cleaned: cleaned, store: strings(rt.repo.storeReport()) } });
  } else if (k.audit) {
    // --- access-log proofs --- the efr-access rows seeded or tampered with (Audit test hooks).
    var a = k.audit;
    if (a.op === 'seed') rt.repo.audit.seedReads(a.count, a.user, String(resolveRef(a.node, results)), a.type, a.firstMillis);
    else rt.repo.audit.tamper(a.op, a.position, a.key || '', a.value || '');
    results.push({ name: k.name, status: 200, writes: 0, logs: [], error: null,
      body: { audit: strings(rt.repo.audit.rows()) } });
  } else if (k.nodeOf) {
    var seen = resolveRef(k.nodeOf, results);
    results.push(rt.repo.exists(String(seen))
      ? { name: k.name, status: 200, writes: 0, body: { node: dumpNode(rt, seen) }, logs: [], error: null }
      : { name: k.name, status: 404, writes: 0, body: null, logs: [], error: 'no node ' + seen });
  } else results.push(call(k, results));
  // Wall-clock milliseconds of the call (the spec that measures the log's verification).
  results[results.length - 1].ms = (java.lang.System.nanoTime() - started) / 1e6;
}
var tree = [];
var ids = strings(rt.repo.ids());
for (var t = 0; t < ids.length; t++) {
  var ref = ACSRT.Repo.ref(ids[t]);
  if (rt.repo.getPrimaryParent(ref) !== null) tree.push(String(rt.repo.namePath(ref)));
}
results.push({ name: '$tree', status: 0, body: null, logs: tree, error: null });
results.push({ name: '$moves', status: 0, body: null, logs: strings(rt.repo.moves), error: null });
var setupList = [];
for (var sn in setupIds) if (setupIds.hasOwnProperty(sn)) setupList.push(sn + ' ' + setupIds[sn]);
results.push({ name: '$nodes', status: 0, body: null, logs: setupList, error: null });
printJson(results);
