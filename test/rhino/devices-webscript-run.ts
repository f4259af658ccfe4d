// Compiles the device and exemption web script controllers (behaviors/src/webscripts/) the way
// the module build compiles its scripts (core bundled, ES5, linted) and runs calls against an
// in-memory repository in Debian's Rhino through devices-webscript-harness.js.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compileScript } from '../../behaviors/build/compile-scripts.mjs';
import { NAMESPACES } from '../../behaviors/src/lib/model-names.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const HARNESS = resolve(import.meta.dirname, 'devices-webscript-harness.js');
/** The archive folders the controllers use (server/src/demo/archive-folders.ts). */
export const ARCHIVE_FOLDERS = [
  'EFR 执法记录/执法记录仪',
  'EFR 执法记录/免录记录',
  'EFR 执法记录/案件',
];

/** One web script call. */
export interface WsCall {
  name: string;
  /** Controller id and method, e.g. `device-step.post`. */
  script: string;
  user: string;
  /** `@call` = id answered by an earlier call; `#name` = id of a setup node. */
  templateArgs?: Record<string, string>;
  args?: Record<string, string>;
  body?: unknown;
  /** `json`: hand the body over as ACS's JSON reader does (a JSONObject in `json`). */
  bodyAs?: 'json';
}

/** One answer. */
export interface WsResult {
  name: string;
  status: number;
  body: {
    entry?: Record<string, unknown>;
    list?: { entries: { entry: Record<string, unknown> }[] };
    error?: { errorKey: string; statusCode: number; briefSummary: string };
  } | null;
  logs: string[];
  error: string | null;
}

let compiled: Promise<string> | null = null;

/** Compiles every controller once per process into a temp folder; returns the folder. */
export function compiledControllers(): Promise<string> {
  compiled ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'efr-ws-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    for (const area of ['devices', 'exemptions']) {
      const src = join(ROOT, 'behaviors/src/webscripts', area);
      for (const f of readdirSync(src).filter((x) => /\.(get|post)\.ts$/.test(x))) {
        const name = f.replace(/\.ts$/, '');
        const { code } = await compileScript({ name, file: join(src, f) });
        writeFileSync(join(dir, `${name}.js`), code);
      }
    }
    return dir;
  })();
  return compiled;
}

/** Runs the calls in order against one repository; answers by call name. */
export async function runCalls(
  users: Record<string, string[]>,
  calls: WsCall[],
  nodes: { folder: string; name: string; type: string; properties: Record<string, unknown> }[] = [],
): Promise<Record<string, WsResult>> {
  const dir = await compiledControllers();
  const tmp = mkdtempSync(join(tmpdir(), 'efr-ws-run-'));
  const file = join(tmp, 'run.json');
  writeFileSync(
    file,
    JSON.stringify({
      namespaces: NAMESPACES,
      users,
      folders: ARCHIVE_FOLDERS,
      nodes,
      calls: calls.map((c) => ({ ...c, script: join(dir, `${c.script}.js`) })),
    }),
  );
  const r = spawnSync('rhino', [HARNESS, file], { encoding: 'utf8', timeout: 120_000 });
  rmSync(tmp, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`rhino failed (${r.status}): ${r.stderr}${r.stdout}`);
  const lines = r.stdout.trim().split('\n');
  const out: Record<string, WsResult> = {};
  for (const x of JSON.parse(lines[lines.length - 1]) as WsResult[]) out[x.name] = x;
  return out;
}

/** Demo users and their groups. */
export const WS_USERS: Record<string, string[]> = {
  officer1: ['GROUP_EFR_OFFICERS'],
  officer2: ['GROUP_EFR_OFFICERS'],
  custodian1: ['GROUP_EFR_CUSTODIANS'],
  leader1: ['GROUP_EFR_LEADERS'],
  leader2: ['GROUP_EFR_LEADERS'],
  unithead1: ['GROUP_EFR_UNIT_HEADS'],
};
