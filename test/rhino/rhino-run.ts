// Runs the compiled behaviour scripts of the module JAR in Debian's Rhino through harness.js.
// The scripts are taken from a JAR built for the test run, so the specs check what ships.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildModule, MODULE_PREFIX } from '../../behaviors/build/build-module.mjs';
import { NAMESPACES } from '../../behaviors/src/lib/model-names.js';
import { runHarness } from './rhino-spawn.js';

/** Namespaces the harness uses to spell `{uri}local`: the behaviours' own table. */
export { NAMESPACES };

/**
 * A value in a fixture: JSON, or `{ date }` (java.util.Date / JS Date), `{ content }`, or
 * `{ file }` (node properties only: cm:content streaming that real file).
 */
export type FixtureValue =
  | string | number | boolean | null | { date: string } | { content: string } | { file: string }
  | FixtureValue[];

/** A node of a scenario. */
export interface FixtureNode {
  type: string;
  supertypes?: string[];
  store?: string;
  parent?: string;
  /** ScriptNode#getQnamePath, e.g. `/app:company_home` (null when not given). */
  qnamePath?: string;
  aspects?: string[];
  properties?: Record<string, FixtureValue>;
  /** Target associations: name → node ids. */
  assocs?: Record<string, string[]>;
}

/** An argument of the policy. */
export type FixtureArg =
  | { node: string }
  | { map: Record<string, FixtureValue> }
  | { childAssoc: { parent: string; child: string } }
  | { bool: boolean }
  /** A QName (beforeCopy's classRef), `{uri}localName`. */
  | { qname: string };

/** One run of one script. */
export interface Scenario {
  name: string;
  /** Script name in the JAR, without `.js`. */
  script: string;
  policy: string;
  /** User in `person` (null: no person, as in ACS behaviours). */
  user: string | null;
  /** User AuthenticationUtil reports (`System` for the repository itself). */
  runAs?: string;
  /** Users and their groups. */
  users: Record<string, string[]>;
  nodes: Record<string, FixtureNode>;
  args: FixtureArg[];
  /** Resources bound to the transaction (AlfrescoTransactionSupport), key → string value. */
  transactionResources?: Record<string, string>;
  /** Rhino optimization level: -1 interprets, 0 (default) compiles to bytecode. */
  optimizationLevel?: number;
}

/** What the harness reports for one scenario. */
export interface ScenarioResult {
  name: string;
  outcome: 'allowed' | 'refused' | 'error';
  message: string | null;
  logs: string[];
}

let scriptsDir: Promise<string> | null = null;

/** Builds the JAR once per process and extracts its scripts; returns the folder. */
export function compiledScriptsDir(): Promise<string> {
  if (scriptsDir === null) {
    scriptsDir = (async () => {
      const dir = mkdtempSync(join(tmpdir(), 'efr-rhino-'));
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      const { jar } = await buildModule({ jar: join(dir, 'efr-repo.jar') });
      const r = spawnSync('unzip', ['-q', '-o', jar, `${MODULE_PREFIX}/scripts/*`, '-d', dir],
        { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`unzip failed: ${r.stderr}`);
      return join(dir, MODULE_PREFIX, 'scripts');
    })();
  }
  return scriptsDir;
}

/** Runs scenarios in one Rhino process (a fresh scope each) and returns their results. */
export async function runScenarios(scenarios: readonly Scenario[]): Promise<ScenarioResult[]> {
  const dir = await compiledScriptsDir();
  return runHarness<ScenarioResult[]>('harness.js', scenarios.map((s) => ({
    ...s, namespaces: NAMESPACES, script: join(dir, `${s.script}.js`),
  })));
}

/** Runs scenarios and indexes the results by name. */
export async function runByName(
  scenarios: readonly Scenario[],
): Promise<Record<string, ScenarioResult>> {
  const out: Record<string, ScenarioResult> = {};
  for (const r of await runScenarios(scenarios)) out[r.name] = r;
  return out;
}
