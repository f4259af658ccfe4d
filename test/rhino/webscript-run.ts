// Compiles the module's web script controllers (behaviors/src/webscripts/<area>/) the way the
// module build compiles its scripts (core bundled, ES5, linted) and runs calls against one
// in-memory repository in Debian's Rhino through webscript-harness.js. What differs between
// features (controller areas, archive folders, harness hooks) is a WebScriptFeature
// (webscript-features.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileScript, webScriptEntries } from '../../behaviors/build/compile-scripts.mjs';
import { NAMESPACES } from '../../behaviors/src/lib/model-names.js';
import { runHarness } from './rhino-spawn.js';

/** What only some features' controllers meet in the harness (see webscript-harness.js). */
export type HarnessHook = 'transactions' | 'move' | 'auditable' | 'permissions';

/** One feature's web scripts as the specs run them. */
export interface WebScriptFeature {
  /** Controller folders under behaviors/src/webscripts/ whose controllers the calls name. */
  areas: readonly string[];
  /** Archive folders made under Company Home first (server/src/demo/archive-folders.ts). */
  folders: readonly string[];
  /** What the harness adds for these controllers only (none by default). */
  hooks?: readonly HarnessHook[];
  /** First letter of node ids (default `n`). */
  idPrefix?: string;
}

/** A setup node: `folder` is a path from Company Home (nodes may sit in earlier nodes). */
export interface SetupNode {
  folder: string;
  name: string;
  type: string;
  properties: Record<string, unknown>;
}

/** One web script call. */
export interface WsCall {
  name: string;
  /** Controller id and method, e.g. `device-step.post`. */
  script: string;
  user: string;
  /** `@call` = id answered by an earlier call; `#name` = id of a setup node. */
  templateArgs?: Record<string, string>;
  args?: Record<string, string>;
  /** Top-level `@call` / `#name` values (and those in arrays) are resolved too. */
  body?: unknown;
  /** `json`: hand the body over as ACS's JSON reader does (a JSONObject in `json`). */
  bodyAs?: 'json';
  /** Rhino optimization level: -1 interprets, 0 (default) compiles to bytecode. */
  optimizationLevel?: number;
}

/** An upload through the children API, which the controllers then find (answers `{ id }`). */
export interface UploadCall {
  name: string;
  user: string;
  /** `parent` and property values may be `@call` / `#name` references. */
  create: { parent: string; name: string; type: string; properties: Record<string, unknown> };
}

/**
 * A look at the ACEs of one node between calls (the `permissions` hook): answers them in
 * `body.permissions` as `ALLOWED;<authority>;<role>`.
 */
export interface PermissionsCall {
  name: string;
  /** `#name` of a setup node or `@call` of an earlier call. */
  permissionsOf: string;
}

/**
 * One answer. The harness adds `$tree` (every node path, in `logs`), `$moves` (the moves of
 * the `move` hook) and `$nodes` (`<name> <id>` of each setup node, in `logs`) after the calls.
 */
export interface WsResult<Entry = Record<string, unknown>> {
  name: string;
  status: number;
  body: {
    entry?: Entry;
    list?: { entries: { entry: Entry }[] };
    error?: { errorKey: string; statusCode: number; briefSummary: string };
    /** A {@link PermissionsCall}'s answer. */
    permissions?: string[];
  } | null;
  logs: string[];
  error: string | null;
}

const compiled = new Map<string, Promise<Map<string, string>>>();

/** Compiles an area's controllers once per process; returns controller id → compiled file. */
function compiledArea(area: string): Promise<Map<string, string>> {
  let done = compiled.get(area);
  if (done === undefined) {
    done = (async () => {
      const dir = mkdtempSync(join(tmpdir(), `efr-ws-${area}-`));
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      const files = new Map<string, string>();
      for (const entry of webScriptEntries().filter((e) => e.feature === area)) {
        const { code } = await compileScript(entry);
        const file = join(dir, `${entry.name}.js`);
        writeFileSync(file, code);
        files.set(entry.name, file);
      }
      return files;
    })();
    compiled.set(area, done);
  }
  return done;
}

/** The compiled file of each controller of the feature's areas. */
async function controllers(feature: WebScriptFeature): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const area of feature.areas) {
    for (const [name, file] of await compiledArea(area)) out.set(name, file);
  }
  return out;
}

/**
 * Runs the calls in order against one repository holding the feature's folders, `users` (user
 * name → groups) and the setup `nodes`; answers by call name.
 */
export async function runWebScripts<Entry = Record<string, unknown>>(
  feature: WebScriptFeature,
  users: Record<string, string[]>,
  calls: readonly (WsCall | UploadCall | PermissionsCall)[],
  nodes: readonly SetupNode[] = [],
): Promise<Record<string, WsResult<Entry>>> {
  const files = await controllers(feature);
  const script = (id: string): string => {
    const file = files.get(id);
    if (file === undefined) throw new Error(`no controller ${id} in ${feature.areas.join(', ')}`);
    return file;
  };
  const results = runHarness<WsResult<Entry>[]>('webscript-harness.js', {
    namespaces: NAMESPACES,
    users,
    folders: feature.folders,
    nodes,
    hooks: feature.hooks ?? [],
    idPrefix: feature.idPrefix ?? 'n',
    calls: calls.map((c) => ('script' in c ? { ...c, script: script(c.script) } : c)),
  });
  const out: Record<string, WsResult<Entry>> = {};
  for (const x of results) out[x.name] = x;
  return out;
}
