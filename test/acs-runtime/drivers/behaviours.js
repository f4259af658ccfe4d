/*
 * Scenarios of one behaviour script each (after common.js). input.scenarios: [{ name, location,
 * policy, user, runAs, users, groupZones, nodes, args, transactionResources, optimizationLevel }].
 * Each scenario gets a fresh runtime holding its nodes (laid out with policies off: data already
 * stored), then the behaviour is invoked as its policy would invoke it: the script at
 * `location` with `behaviour` { name, args } in its model, args converted by ValueConverter, as
 * the user `runAs` (else `user`; neither: no authenticated user, as Solr's content fetch). The
 * other bindings stay on, so writes the script makes fire their behaviours as in ACS.
 * Prints [{ name, message, logs }]: message null when allowed, else the ScriptException's text.
 */
function argument(rt, refs, a) {
  if (a.node !== undefined) return refs[a.node];
  if (a.map !== undefined) return javaMap(rt, a.map);
  if (a.childAssoc !== undefined) {
    return new ChildAssociationRef(rt.dict.resolve('cm:contains'), refs[a.childAssoc.parent],
      rt.dict.resolve('cm:' + a.childAssoc.child), refs[a.childAssoc.child]);
  }
  if (a.bool !== undefined) return java.lang.Boolean.valueOf(a.bool);
  if (a.qname !== undefined) return QName.createQName(a.qname);
  throw new Error('driver: unsupported argument ' + JSON.stringify(a));
}

function subjectOf(args) {
  for (var i = 0; i < args.length; i++) {
    if (args[i] instanceof NodeRef) return args[i];
    if (args[i] instanceof ChildAssociationRef) return args[i].getChildRef();
  }
  return null;
}

var results = [];
for (var n = 0; n < input.scenarios.length; n++) {
  var sc = input.scenarios[n];
  var rt = newRuntime();
  addPeople(rt, sc.users, sc.groupZones);
  if (sc.acsVersion) rt.setAcsVersion(sc.acsVersion);
  if (sc.optimizationLevel !== undefined) rt.processor.setOptimizationLevel(sc.optimizationLevel);
  if (sc.clock) rt.setClock(Date.parse(sc.clock));
  var refs = layOut(rt, sc.nodes);
  var args = [];
  for (var x = 0; x < sc.args.length; x++) args.push(argument(rt, refs, sc.args[x]));
  var javaArgs = java.lang.reflect.Array.newInstance(java.lang.Object, args.length);
  for (var y = 0; y < args.length; y++) javaArgs[y] = args[y];
  var resources = new java.util.HashMap();
  for (var key in sc.transactionResources || {}) {
    if (sc.transactionResources.hasOwnProperty(key)) resources.put(key, sc.transactionResources[key]);
  }
  var who = sc.runAs || sc.user || null;
  AuthenticationUtil.setFullyAuthenticatedUser(who);
  var message = rt.invokeBehaviour(sc.location, sc.policy, subjectOf(args), javaArgs, resources);
  AuthenticationUtil.clearCurrentSecurityContext();
  results.push({ name: sc.name, message: message === null ? null : String(message), logs: drainLogs(),
    runs: strings(rt.behaviourRuns) });
}
printJson(results);
