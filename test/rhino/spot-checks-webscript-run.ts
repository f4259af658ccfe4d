// Compiles the spot-check and violation web script controllers of the ACS module
// (behaviors/src/webscripts/spot-checks/) as the module build does (core bundled, ES5, linted)
// and runs calls in Debian's Rhino against devices-webscript-harness.js's in-memory repository.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compileScript } from '../../behaviors/build/compile-scripts.mjs';
import { NAMESPACES } from '../../behaviors/src/lib/model-names.js';
import type { WsCall, WsResult } from './devices-webscript-run.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const HARNESS = resolve(import.meta.dirname, 'devices-webscript-harness.js');
const SRC = join(ROOT, 'behaviors/src/webscripts/spot-checks');

/** The archive folders these controllers use (server/src/demo/archive-folders.ts). */
export const FOLDERS = ['EFR 执法记录/违规记录', 'EFR 执法记录/抽查', 'EFR 执法记录/执法记录仪',
  'EFR 执法记录/移交记录'];

/** Users and their groups. */
export const USERS: Record<string, string[]> = {
  officer1: ['GROUP_EFR_OFFICERS'],
  supervisor1: ['GROUP_EFR_SUPERVISORS'],
  supervisor2: ['GROUP_EFR_SUPERVISORS'],
};

/** A setup node: `folder` is a path from Company Home (nodes may sit in earlier nodes). */
export interface SetupNode {
  folder: string;
  name: string;
  type: string;
  properties: Record<string, unknown>;
}

/** Compiles this feature's controllers and runs the calls in order in one repository. */
export async function runSpotCheckCalls(calls: WsCall[], nodes: SetupNode[]):
  Promise<Record<string, WsResult>> {
  const dir = mkdtempSync(join(tmpdir(), 'efr-ws-spot-checks-'));
  try {
    for (const f of readdirSync(SRC).filter((x) => /\.(get|post)\.ts$/.test(x))) {
      const name = f.replace(/\.ts$/, '');
      const { code } = await compileScript({ name, file: join(SRC, f) });
      writeFileSync(join(dir, `${name}.js`), code);
    }
    const input = join(dir, 'run.json');
    writeFileSync(input, JSON.stringify({
      namespaces: NAMESPACES, users: USERS, folders: FOLDERS, nodes,
      calls: calls.map((c) => ({ ...c, script: join(dir, `${c.script}.js`) })),
    }));
    const r = spawnSync('rhino', [HARNESS, input], { encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`rhino failed (${r.status}): ${r.stderr}${r.stdout}`);
    const lines = r.stdout.trim().split('\n');
    const out: Record<string, WsResult> = {};
    for (const x of JSON.parse(lines[lines.length - 1]) as WsResult[]) out[x.name] = x;
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
