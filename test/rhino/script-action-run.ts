// Runs a scheduled script action of the module JAR in Debian's Rhino through
// script-action-harness.js: the scripts come from a JAR built for the test run (what ships),
// the aspect each property belongs to from content-model/efr-model.xml (what ACS adds on save).
// Duplicates, to be merged later: building the JAR once per process and extracting its scripts
// (rhino-run.ts compiledScriptsDir) and spawning rhino on a temp input (rhino-spawn.ts
// runHarness, which also loads harness-common.js first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildModule, MODULE_PREFIX } from '../../behaviors/build/build-module.mjs';
import { NAMESPACES } from '../../behaviors/src/lib/model-names.js';
import { readModelFile } from '../../content-model/src/model-reader.js';
import { EFR_MODEL_FILE } from '../../content-model/src/model-set.js';

const HARNESS = resolve(import.meta.dirname, 'script-action-harness.js');

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

let scriptsDir: Promise<string> | null = null;

/** Builds the JAR once per process and extracts its scripts; returns the folder. */
function compiledScripts(): Promise<string> {
  scriptsDir ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'efr-script-action-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const { jar } = await buildModule({ jar: join(dir, 'efr-repo.jar') });
    const r = spawnSync('unzip', ['-q', '-o', jar, `${MODULE_PREFIX}/scripts/*`, '-d', dir],
      { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`unzip failed: ${r.stderr}`);
    return join(dir, MODULE_PREFIX, 'scripts');
  })();
  return scriptsDir;
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
  const dir = await compiledScripts();
  const behaviours: Record<string, string> = {};
  for (const [type, script] of Object.entries(options.behaviours)) {
    behaviours[type] = join(dir, `${script}.js`);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'efr-script-action-run-'));
  const file = join(tmp, 'run.json');
  writeFileSync(file, JSON.stringify({
    namespaces: NAMESPACES,
    aspectOfProperty: aspectOfProperty(),
    users: options.users,
    nodes: options.nodes,
    behaviours,
    steps: options.steps.map((s) =>
      (s.kind === 'job' ? { ...s, script: join(dir, `${s.script}.js`) } : s)),
  }));
  const r = spawnSync('rhino', [HARNESS, file], { encoding: 'utf8', timeout: 120_000 });
  rmSync(tmp, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`rhino failed (${r.status}): ${r.stderr}${r.stdout}`);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as ScriptActionRun;
}
