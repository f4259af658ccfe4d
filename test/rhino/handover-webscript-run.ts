// Compiles the handover web script controllers (behaviors/src/webscripts/handovers/) the way
// the module build compiles its scripts (core bundled, ES5, linted) and runs calls against an
// in-memory repository in Debian's Rhino through handover-webscript-harness.js.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compileScript } from '../../behaviors/build/compile-scripts.mjs';
import { NAMESPACES } from '../../behaviors/src/lib/model-names.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const HARNESS = resolve(import.meta.dirname, 'handover-webscript-harness.js');
/** The archive folders the controllers use (server/src/demo/archive-folders.ts). */
const FOLDERS = ['EFR 执法记录/执法记录仪', 'EFR 执法记录/移交记录', 'EFR 执法记录/录像档案'];

/** One web script call, or an upload stand-in (`create`). */
export interface HandoverCall {
  name: string;
  user: string;
  script?: string;
  templateArgs?: Record<string, string>;
  args?: Record<string, string>;
  body?: unknown;
  create?: { parent: string; name: string; type: string; properties: Record<string, unknown> };
}

/** One answer (`$tree` lists every node path at the end). */
export interface HandoverResult {
  name: string;
  status: number;
  body: {
    entry?: HandoverEntryLike;
    list?: { entries: { entry: HandoverEntryLike }[] };
    error?: { errorKey: string; statusCode: number; briefSummary: string };
  } | null;
  logs: string[];
  error: string | null;
}

/** What the specs read of a handover entry. */
export interface HandoverEntryLike {
  id: string;
  status?: string;
  late?: boolean;
  unit?: string;
  deadline?: string;
  violationId?: string | null;
  sessions?: { noticeText: string }[];
  files?: { sealed: boolean }[];
}

let compiled: Promise<string> | null = null;

/** Compiles the controllers once per process into a temp folder. */
function compiledControllers(): Promise<string> {
  compiled ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'efr-ws-handover-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const src = join(ROOT, 'behaviors/src/webscripts/handovers');
    for (const f of readdirSync(src).filter((x) => /\.(get|post)\.ts$/.test(x))) {
      const name = f.replace(/\.ts$/, '');
      const { code } = await compileScript({ name, file: join(src, f) });
      writeFileSync(join(dir, `${name}.js`), code);
    }
    return dir;
  })();
  return compiled;
}

/** Runs the calls in order against one repository; answers by call name. */
export async function runHandoverCalls(
  users: Record<string, string[]>,
  calls: HandoverCall[],
  nodes: { folder: string; name: string; type: string; properties: Record<string, unknown> }[],
): Promise<Record<string, HandoverResult>> {
  const dir = await compiledControllers();
  const tmp = mkdtempSync(join(tmpdir(), 'efr-ws-handover-run-'));
  const file = join(tmp, 'run.json');
  const withScripts = calls.map((c) =>
    c.script ? { ...c, script: join(dir, `${c.script}.js`) } : c,
  );
  writeFileSync(
    file,
    JSON.stringify({ namespaces: NAMESPACES, users, folders: FOLDERS, nodes, calls: withScripts }),
  );
  const r = spawnSync('rhino', [HARNESS, file], { encoding: 'utf8', timeout: 120_000 });
  rmSync(tmp, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`rhino failed (${r.status}): ${r.stderr}${r.stdout}`);
  const lines = r.stdout.trim().split('\n');
  const out: Record<string, HandoverResult> = {};
  for (const x of JSON.parse(lines[lines.length - 1]) as HandoverResult[]) out[x.name] = x;
  return out;
}
