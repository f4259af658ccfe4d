// Helpers for the specs of content-model/: run real tools (xmllint, and Java through Debian's
// Rhino shell, Java 17 like ACS 23) and hand their answers back as plain data.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** ../shared/alfresco/modelSchema.xsd beside the checkout: the schema every model must pass. */
export const MODEL_XSD = resolve(import.meta.dirname, '../../../shared/alfresco/modelSchema.xsd');

/** Result of running a tool. */
export interface ToolRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command, waiting for it, with UTF-8 output. */
export function runTool(cmd: string, args: string[]): ToolRun {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Validates an XML file against an XSD with xmllint; returns the run. */
export function xmllintSchema(file: string, xsd = MODEL_XSD): ToolRun {
  return runTool('xmllint', ['--noout', '--schema', xsd, file]);
}

/** Evaluates an XPath number expression on a file with xmllint. */
export function xmllintCount(file: string, xpath: string): number {
  const r = runTool('xmllint', ['--xpath', xpath, file]);
  if (r.status !== 0) throw new Error(`xmllint --xpath failed: ${r.stderr}`);
  return Number(r.stdout.trim());
}

/** A fresh temporary folder for one spec, removed when the test process ends. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `efr-${prefix}-`));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * JavaScript run by the Rhino shell that prints `value` as JSON with every non-ASCII character
 * escaped: Java 17's console encoding follows the locale, which may be ASCII here.
 */
const PRINT_JSON = `function printJson(value) {
  print(JSON.stringify(value).replace(/[\\u0080-\\uffff]/g, function (c) {
    return '\\\\u' + ('0000' + c.charCodeAt(0).toString(16)).slice(-4);
  }));
}
`;

/**
 * Runs `body` (Rhino JavaScript with Java access; `arguments` holds `args`, `printJson(v)`
 * prints the result) and parses what it printed.
 */
export function runJavaScript<T>(body: string, args: string[]): T {
  const file = join(tempDir('rhino'), 'script.js');
  writeFileSync(file, PRINT_JSON + body);
  const r = runTool('rhino', [file, ...args]);
  if (r.status !== 0) throw new Error(`rhino failed (${String(r.status)}): ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
