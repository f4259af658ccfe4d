// Runs a scheduled script action of the module JAR in Debian's Rhino through
// script-action-harness.js (on harness-common.js, spawned by rhino-spawn.ts): the scripts come
// from the JAR built for the test run (rhino-run.ts, what ships), the aspect each property
// belongs to from content-model/efr-model.xml (what ACS adds on save).
import { join } from 'node:path';
import { readModelFile } from '../../content-model/src/model-reader.js';
import { EFR_MODEL_FILE } from '../../content-model/src/model-set.js';
import { compiledScriptsDir, NAMESPACES } from './rhino-run.js';
import { runHarness } from './rhino-spawn.js';

/** A stored value: JSON, or `{ date }` for a d:datetime (ISO 8601). */
export type StoredValue = string | number | boolean | null | { date: string } | StoredValue[];

/** A node of the in-memory store. */
export interface StoreNode {
  id: string;
  type: string;
  parent?: string;
  properties?: Record<string, StoredValue>;
  aspects?: string[];
  /** Target associations: name → node ids. */
  assocs?: Record<string, string[]>;
  /** ScriptNode#getPermissions form: `ALLOWED;<authority>;<role>`. */
  permissions?: string[];
}

/** A run of the scheduled job (as CronScheduledQueryBasedTemplateActionDefinition runs it). */
export interface JobStep {
  kind: 'job';
  /** Script name in the JAR, without `.js`. */
  script: string;
  runAsUser: string;
  query: string;
  /** Rhino optimization level: -1 interprets, 0 (default) compiles to bytecode. */
  optimizationLevel?: number;
}

/** A direct save of properties on a node as a user. */
export interface EditStep {
  kind: 'edit';
  node: string;
  runAs: string;
  properties: Record<string, StoredValue>;
}

/** One node's action: `done`, or `error` (its transaction rolled back). */
export interface ActionResult {
  node: string;
  outcome: 'done' | 'error';
  message: string | null;
  logs: string[];
}

/** A job step's report: the nodes its query found and each node's action. */
export interface JobResult {
  kind: 'job';
  found: string[];
  actions: ActionResult[];
}

/** An edit step's report: whether the save passed the behaviours. */
export interface EditResult {
  kind: 'edit';
  node: string;
  outcome: 'allowed' | 'refused';
  message: string | null;
  logs: string[];
}

/** What the harness reports. */
export interface ScriptActionRun {
  steps: (JobResult | EditResult)[];
  nodes: Record<string, {
    /** Stored values (see {@link StoredValue}), read back as plain JSON. */
    id: string; type: string; props: Record<string, unknown>; aspects: string[];
    assocs: Record<string, string[]>; permissions: string[];
  }>;
  /** Writes, behaviour runs and rollbacks, in order, with the step and the user each ran as. */
  journal: Record<string, unknown>[];
}

/** `prefix:local` of each aspect property of the EFR model → its aspect. */
export function aspectOfProperty(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const aspect of readModelFile(EFR_MODEL_FILE).aspects) {
    for (const p of aspect.properties) out[p.name] = aspect.name;
  }
  return out;
}

/**
 * Runs the steps in order over one store. `behaviours` maps a type to the JAR script bound to
 * its onUpdateProperties (e.g. `{ 'efr:accessRequest': 'access-request' }`).
 */
export async function runScriptAction(options: {
  users: Record<string, string[]>;
  nodes: StoreNode[];
  behaviours: Record<string, string>;
  steps: (JobStep | EditStep)[];
}): Promise<ScriptActionRun> {
  const dir = await compiledScriptsDir();
  const behaviours: Record<string, string> = {};
  for (const [type, script] of Object.entries(options.behaviours)) {
    behaviours[type] = join(dir, `${script}.js`);
  }
  return runHarness<ScriptActionRun>('script-action-harness.js', {
    namespaces: NAMESPACES,
    aspectOfProperty: aspectOfProperty(),
    users: options.users,
    nodes: options.nodes,
    behaviours,
    steps: options.steps.map((s) =>
      (s.kind === 'job' ? { ...s, script: join(dir, `${s.script}.js`) } : s)),
  });
}
