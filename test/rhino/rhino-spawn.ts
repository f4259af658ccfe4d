// Runs one of the Rhino harnesses of this folder in Debian's rhino 1.7.14, with
// harness-common.js loaded first, on an input written to a temp file; answers what it printed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** What every harness loads first (nodes, Java values, the fresh scope). */
const COMMON = resolve(import.meta.dirname, 'harness-common.js');

/**
 * Runs `harness` (a file of this folder) on `input` (written as JSON) in one Rhino process and
 * returns the JSON of the last line it printed (any line before it is not the answer).
 */
export function runHarness<T>(harness: string, input: unknown): T {
  const tmp = mkdtempSync(join(tmpdir(), 'efr-rhino-input-'));
  try {
    const file = join(tmp, 'input.json');
    writeFileSync(file, JSON.stringify(input));
    const r = spawnSync('rhino', ['-f', COMMON, resolve(import.meta.dirname, harness), file], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (r.status !== 0) throw new Error(`rhino failed (${r.status}): ${r.stderr}${r.stdout}`);
    const lines = r.stdout.trim().split('\n');
    return JSON.parse(lines[lines.length - 1]) as T;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
