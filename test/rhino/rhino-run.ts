// Runs the module's behaviour scripts from the built JAR (what ships) in the ACS-like runtime
// (test/acs-runtime): each scenario is one policy firing on fixture nodes, the way ACS's
// policy component invokes a ScriptBehaviour.
import { findRefusal } from '../../core/src/index.js';
import { NAMESPACES } from '../../behaviors/src/lib/model-names.js';
import { MODULE_PREFIX } from '../../behaviors/build/build-module.mjs';
import { runDriver } from '../acs-runtime/acs-runtime.js';

/** Namespaces fixtures spell `{uri}local` with: the behaviours' own table. */
export { NAMESPACES };

/**
 * A value in a fixture: JSON, or `{ date }` (java.util.Date in a map, a JS Date on a node),
 * `{ content }` (a ContentData), or `{ file }` (node properties only: cm:content over that
 * real file).
 */
export type FixtureValue =
  | string | number | boolean | null | { date: string } | { content: string } | { file: string }
  | FixtureValue[];

/** A node of a scenario. */
export interface FixtureNode {
  type: string;
  /** Kept for reading: the runtime's dictionary knows every class's parent. */
  supertypes?: string[];
  parent?: string;
  /** The node's QName path (only its last segment is kept), e.g. `/app:company_home`. */
  qnamePath?: string;
  aspects?: string[];
  properties?: Record<string, FixtureValue>;
  /** Target associations: name → node ids. */
  assocs?: Record<string, string[]>;
  /** ACEs: `ALLOWED;<authority>;<role>`. */
  permissions?: string[];
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
  /**
   * The authenticated user (null: none). ACS gives a behaviour no `person`; the user is
   * AuthenticationUtil's.
   */
  user: string | null;
  /** The run-as user when it differs (`System` for the repository itself). */
  runAs?: string;
  /** Users and their groups. */
  users: Record<string, string[]>;
  /** Zones of groups (default `APP.DEFAULT,AUTH.ALF`), e.g. `AUTH.EXT.ldap1` for a synced one. */
  groupZones?: Record<string, string>;
  nodes: Record<string, FixtureNode>;
  args: FixtureArg[];
  /** Resources bound to the transaction (AlfrescoTransactionSupport), key → string value. */
  transactionResources?: Record<string, string>;
  /** Rhino optimization level: -1 interprets, 0 (ACS's default) compiles to bytecode. */
  optimizationLevel?: number;
}

/** What the runtime reports for one scenario. */
export interface ScenarioResult {
  name: string;
  /** allowed; refused (an EFR refusal found in ACS's error text); error (anything else). */
  outcome: 'allowed' | 'refused' | 'error';
  /** The refusal as clients read it (`<code> <req>: <en> / <zh>`), else ACS's error text. */
  message: string | null;
  /** The text ACS carries (ScriptException, with its prefixes), null when allowed. */
  acsMessage: string | null;
  /** `<level>: <message>` of every log line. */
  logs: string[];
  /** `<level> <category> shown|hidden: <message>`: whether ACS's log levels show it. */
  logLines: string[];
  /** Behaviour runs: `<policy> <location> <node> <user> allowed|refused …`. */
  runs: string[];
}

/** A script name as ACS locates it (ClasspathScriptLocation). */
export function scriptLocation(script: string): string {
  return `${MODULE_PREFIX}/scripts/${script}.js`;
}

/** `<level> <category> shown|hidden: <message>` → `<level>: <message>`. */
export function shortLog(line: string): string {
  const m = /^(\w+) \S+ (?:shown|hidden): ([\s\S]*)$/.exec(line);
  return m ? `${m[1]}: ${m[2]}` : line;
}

/** Runs scenarios in one JVM (a fresh repository each) and returns their results. */
export async function runScenarios(scenarios: readonly Scenario[]): Promise<ScenarioResult[]> {
  const raw = await runDriver<{ name: string; message: string | null; logs: string[]; runs: string[] }[]>(
    'behaviours.js', { scenarios: scenarios.map((s) => ({ ...s, location: scriptLocation(s.script) })) });
  return raw.map((r) => {
    const refusal = r.message === null ? null : findRefusal(r.message);
    return {
      name: r.name,
      outcome: r.message === null ? 'allowed' : refusal !== null ? 'refused' : 'error',
      message: r.message === null ? null : refusal !== null ? refusal.text : r.message,
      acsMessage: r.message,
      logs: r.logs.map(shortLog),
      logLines: r.logs,
      runs: r.runs,
    };
  });
}

/** Runs scenarios and indexes the results by name. */
export async function runByName(
  scenarios: readonly Scenario[],
): Promise<Record<string, ScenarioResult>> {
  const out: Record<string, ScenarioResult> = {};
  for (const r of await runScenarios(scenarios)) out[r.name] = r;
  return out;
}
