// Runs a scheduled script action of the module JAR (what ships) in the ACS-like runtime
// (test/acs-runtime): ACS's scheduled query action over a repository whose writes fire the
// module's behaviours as its Spring context binds them.
import { findRefusal } from '../../core/src/index.js';
import { readModelFile } from '../../content-model/src/model-reader.js';
import { EFR_MODEL_FILE } from '../../content-model/src/model-set.js';
import { runDriver } from '../acs-runtime/acs-runtime.js';
import { scriptLocation, shortLog } from './rhino-run.js';

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

/** A client reading a node's content as a user (GET /nodes/{id}/content). */
export interface ReadStep {
  kind: 'read';
  node: string;
  user: string;
}

/** A read step's report: whether the read passed ACS's permission check and onContentRead. */
export interface ReadResult {
  kind: 'read';
  node: string;
  user: string;
  outcome: 'allowed' | 'refused';
  message: string | null;
  logs: string[];
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

/** What the runtime reports. */
export interface ScriptActionRun {
  steps: (JobResult | EditResult | ReadResult)[];
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
 * Runs the steps in order over one repository. `behaviours` is kept for reading only: the
 * runtime binds every behaviour the module's Spring context declares.
 */
export async function runScriptAction(options: {
  users: Record<string, string[]>;
  nodes: StoreNode[];
  behaviours?: Record<string, string>;
  steps: (JobStep | EditStep | ReadStep)[];
  /** Zones of groups (default `APP.DEFAULT,AUTH.ALF`). */
  groupZones?: Record<string, string>;
}): Promise<ScriptActionRun> {
  const nodes: Record<string, unknown> = {};
  for (const n of options.nodes) nodes[n.id] = n;
  const run = await runDriver<ScriptActionRun>('actions.js', {
    users: options.users,
    groupZones: options.groupZones,
    nodes,
    steps: options.steps.map((s) => (s.kind === 'job' ? { ...s, location: scriptLocation(s.script) } : s)),
  });
  for (const step of run.steps) {
    if (step.kind === 'edit' || step.kind === 'read') {
      step.logs = step.logs.map(shortLog);
      // The refusal as a client reads it out of ACS's error text.
      if (step.message !== null) step.message = findRefusal(step.message)?.text ?? step.message;
    } else {
      for (const a of step.actions) a.logs = a.logs.map(shortLog);
    }
  }
  return run;
}
