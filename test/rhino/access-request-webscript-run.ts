// Compiles the access-request web script controllers (behaviors/src/webscripts/access-requests/)
// as the module build compiles its scripts (core bundled, ES5, linted) and runs calls against
// the in-memory repository of devices-webscript-harness.js in Debian's Rhino.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compileScript } from '../../behaviors/build/compile-scripts.mjs';
import { NAMESPACES } from '../../behaviors/src/lib/model-names.js';
import type { WsCall, WsResult } from './devices-webscript-run.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const HARNESS = resolve(import.meta.dirname, 'access-request-webscript-harness.js');
/** The archive folders the controllers use (server/src/demo/archive-folders.ts). */
export const FOLDERS = ['EFR 执法记录/调阅申请', 'EFR 执法记录/录像档案', 'EFR 执法记录/案件'];

let compiled: Promise<string> | null = null;

/** Compiles the controllers once per process into a temp folder; returns the folder. */
function controllers(): Promise<string> {
  compiled ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'efr-ar-ws-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const src = join(ROOT, 'behaviors/src/webscripts/access-requests');
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
export async function runAccessRequestCalls(
  users: Record<string, string[]>,
  calls: WsCall[],
  nodes: { folder: string; name: string; type: string; properties: Record<string, unknown> }[],
): Promise<Record<string, WsResult>> {
  const dir = await controllers();
  const tmp = mkdtempSync(join(tmpdir(), 'efr-ar-run-'));
  const file = join(tmp, 'run.json');
  writeFileSync(
    file,
    JSON.stringify({
      namespaces: NAMESPACES,
      users,
      folders: FOLDERS,
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
