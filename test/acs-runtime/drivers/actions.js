/*
 * Scheduled script actions and direct edits over one repository (after common.js). input:
 * { users, groupZones, nodes (id → fixture node, as common.js lays them out), companyHome,
 * steps }. Steps, in order:
 * - `{ kind: 'job', location, runAsUser, query, optimizationLevel }`: what ACS's
 *   CronScheduledQueryBasedTemplateActionDefinition does with ISOLATED_TRANSACTIONS: the query
 *   (the runtime's index) as the job's user, then for each node found the script action in a
 *   transaction of its own (AcsRuntime#runScriptAction);
 * - `{ kind: 'edit', node, runAs, properties }`: a direct save by a REST client or another job
 *   (NodeService#setProperties of the node's properties with these changed, as `runAs`);
 * - `{ kind: 'read', node, user }`: a client reading the node's content (GET /nodes/{id}/content:
 *   the node's properties, Read needed, then ContentService#getReader, which fires
 *   onContentRead), in a transaction as `user`.
 * Every write fires the module's behaviours as bound in its Spring context.
 * Prints { steps, nodes (id → dump), journal } where journal entries are
 * { step, write, node, user[, ace] } for writes ('save' is a property write), { step, behaviour
 * (node type), node, user, outcome, message } for behaviour runs, { step, rollback[, undone] }.
 */
var rt = newRuntime();
addPeople(rt, input.users, input.groupZones);
if (input.acsVersion) rt.setAcsVersion(input.acsVersion);
var refs = layOut(rt, input.nodes);
var companyHome = input.companyHome ? refs[input.companyHome] : null;
var journal = [];
var stepIndex = 0;

function nodeIdOf(id) {
  // Fixture ids are the node ids.
  return id;
}

/** The repository journal since the last call, as the report's entries. */
function journalEntries(rollbackOf) {
  var out = [];
  var lines = strings(rt.repo.drainJournal());
  var undone = 0;
  for (var i = 0; i < lines.length; i++) {
    var f = lines[i].split('\t');
    if (f[0] === 'write') {
      var kind = f[1] === 'setProperties' ? 'save' : f[1];
      var e = { step: stepIndex, write: kind, node: nodeIdOf(f[2]), user: f[3] };
      if (f[1] === 'setPermission' || f[1] === 'removePermission') e.ace = f[4];
      out.push(e);
      undone++;
    } else if (f[0] === 'behaviour') {
      out.push({ step: stepIndex, behaviour: f[5], node: f[2], user: f[3], outcome: f[4],
        message: f.length > 6 ? f.slice(6).join('\t') : null });
    } else if (f[0] === 'rollback') {
      var r = { step: stepIndex, rollback: rollbackOf };
      if (rollbackOf.undone !== undefined) r = rollbackOf;
      out.push(r);
    }
  }
  return out;
}

function runJob(step) {
  if (step.optimizationLevel !== undefined) rt.processor.setOptimizationLevel(step.optimizationLevel);
  AuthenticationUtil.setFullyAuthenticatedUser(step.runAsUser);
  var found = strings(rt.queryIds(step.query));
  AuthenticationUtil.clearCurrentSecurityContext();
  var actions = [];
  for (var i = 0; i < found.length; i++) {
    var error = rt.runScriptAction(step.location, refs[found[i]], step.runAsUser, companyHome);
    var lines = strings(rt.repo.drainJournal());
    var writes = 0;
    for (var l = 0; l < lines.length; l++) {
      var f = lines[l].split('\t');
      if (f[0] === 'write') {
        writes++;
        var e = { step: stepIndex, write: f[1] === 'setProperties' ? 'save' : f[1], node: f[2], user: f[3] };
        if (f[1] === 'setPermission' || f[1] === 'removePermission') e.ace = f[4];
        journal.push(e);
      } else if (f[0] === 'behaviour') {
        journal.push({ step: stepIndex, behaviour: f[5], node: f[2], user: f[3], outcome: f[4],
          message: f.length > 6 ? f.slice(6).join('\t') : null });
      } else if (f[0] === 'rollback') {
        journal.push({ step: stepIndex, rollback: found[i], undone: writes });
      }
    }
    actions.push({ node: found[i], outcome: error === null ? 'done' : 'error',
      message: error === null ? null : String(error), logs: drainLogs() });
  }
  rt.processor.setOptimizationLevel(0);
  return { kind: 'job', found: found, actions: actions };
}

function runEdit(step) {
  var ref = refs[step.node];
  var error = rt.inTransactionAs(step.runAs, new java.lang.Runnable({ run: function () {
    var props = new java.util.HashMap(rt.repo.getProperties(ref));
    props.putAll(javaMap(rt, step.properties));
    rt.repo.setProperties(ref, props);
  } }));
  var entries = journalEntries(step.node);
  for (var i = 0; i < entries.length; i++) journal.push(entries[i]);
  return { kind: 'edit', node: step.node, outcome: error === null ? 'allowed' : 'refused',
    message: error === null ? null : String(error), logs: drainLogs() };
}

function runRead(step) {
  var ref = refs[step.node];
  var error = rt.inTransactionAs(step.user, new java.lang.Runnable({ run: function () {
    rt.repo.readProperties(ref);
    rt.repo.readContent(ref);
  } }));
  var entries = journalEntries(step.node);
  for (var i = 0; i < entries.length; i++) journal.push(entries[i]);
  return { kind: 'read', node: step.node, user: step.user,
    outcome: error === null ? 'allowed' : 'refused',
    message: error === null ? null : String(error), logs: drainLogs() };
}

var steps = [];
for (stepIndex = 0; stepIndex < input.steps.length; stepIndex++) {
  var st = input.steps[stepIndex];
  steps.push(st.kind === 'job' ? runJob(st) : st.kind === 'read' ? runRead(st) : runEdit(st));
}
var nodesOut = {};
for (var id in refs) if (refs.hasOwnProperty(id) && rt.repo.exists(refs[id])) nodesOut[id] = dumpNode(rt, id);
printJson({ steps: steps, nodes: nodesOut, journal: journal });
