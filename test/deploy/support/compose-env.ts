// Reads docker/.env and docker/compose.yaml the way `docker compose --env-file docker/.env`
// does before it validates: variables from the env file, then `${…}` interpolation of every
// string in the YAML. No maintained npm package implements Compose's interpolation rules on
// their own (they live inside the Go compose-go library), so the few forms Compose documents
// are implemented here: ${VAR}, $VAR, ${VAR:-default}, ${VAR-default}, ${VAR:?error},
// ${VAR?error}, ${VAR:+alt}, ${VAR+alt}, and $$ for a literal dollar.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import yaml from 'js-yaml';

/** The repository root (test/deploy/support → ../../..). */
export const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
/** docker/ in the repository. */
export const dockerDir = resolve(repoRoot, 'docker');

/** Variables of an env file, as Compose reads them (dotenv syntax, Node's own parser). */
export function readEnvFile(path: string): Record<string, string> {
  const parsed = parseEnv(readFileSync(path, 'utf8'));
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** A variable that interpolation needed and did not find. */
export class MissingVariableError extends Error {}

const TOKEN = new RegExp(
  '\\$(\\$' + // $$
  '|\\{([A-Za-z_][A-Za-z0-9_]*)' + // ${NAME
  '(?:(:?[-?+])((?:[^{}]|\\{[^{}]*\\})*))?\\}' + // [op arg] } (arg: one level of ${…})
  '|([A-Za-z_][A-Za-z0-9_]*))', // $NAME
  'g');

/**
 * Interpolates one string with Compose's rules.
 * @param text the string from the YAML
 * @param vars the variables (env file merged over the process environment by the caller)
 * @throws MissingVariableError for `${VAR:?msg}` on an unset or empty variable, and for a plain
 *   `${VAR}` that is unset (Compose warns and uses ""; here that is treated as a defect)
 */
export function interpolate(text: string, vars: Record<string, string>): string {
  return text.replace(TOKEN, (_m, dollar: string, braced?: string, op?: string,
    arg?: string, bare?: string) => {
    if (dollar === '$') return '$';
    const name = (braced ?? bare) as string;
    const value = vars[name];
    const set = value !== undefined;
    const nonEmpty = set && value !== '';
    switch (op) {
      case ':-': return nonEmpty ? value : interpolate(arg ?? '', vars);
      case '-': return set ? value : interpolate(arg ?? '', vars);
      case ':?':
      case '?':
        if (op === ':?' ? !nonEmpty : !set) throw new MissingVariableError(`${name}: ${arg}`);
        return value as string;
      case ':+': return nonEmpty ? interpolate(arg ?? '', vars) : '';
      case '+': return set ? interpolate(arg ?? '', vars) : '';
      default:
        if (!set) throw new MissingVariableError(`${name} is not set`);
        return value;
    }
  });
}

/** Applies {@link interpolate} to every string (values only, as Compose does) of a document. */
export function interpolateTree(node: unknown, vars: Record<string, string>): unknown {
  if (typeof node === 'string') return interpolate(node, vars);
  if (Array.isArray(node)) return node.map((n) => interpolateTree(n, vars));
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = interpolateTree(v, vars);
    return out;
  }
  return node;
}

/** The parts of a Compose service these checks look at. */
export interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; args?: Record<string, string> };
  environment?: Record<string, string> | string[];
  labels?: Record<string, string> | string[];
  ports?: unknown[];
  volumes?: unknown[];
  command?: string | string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  [key: string]: unknown;
}

/** The parts of a Compose file these checks look at. */
export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, { name?: string } | null>;
  [key: string]: unknown;
}

/** docker/.env as a map. */
export function readStackEnv(): Record<string, string> {
  return readEnvFile(resolve(dockerDir, '.env'));
}

/** docker/compose.yaml as written (no interpolation). */
export function readRawCompose(): ComposeFile {
  return yaml.load(readFileSync(resolve(dockerDir, 'compose.yaml'), 'utf8')) as ComposeFile;
}

/** docker/compose.yaml interpolated with docker/.env only, the documented command's input. */
export function readCompose(): ComposeFile {
  return interpolateTree(readRawCompose(), readStackEnv()) as ComposeFile;
}

/** A service's environment as a map, whichever of the two Compose forms it uses. */
export function serviceEnv(service: ComposeService): Record<string, string> {
  const env = service.environment;
  if (!env) return {};
  if (!Array.isArray(env)) return { ...env };
  const out: Record<string, string> = {};
  for (const item of env) {
    const at = item.indexOf('=');
    if (at > 0) out[item.slice(0, at)] = item.slice(at + 1);
  }
  return out;
}

/** A service's labels as a list of `key=value`, whichever of the two Compose forms it uses. */
export function serviceLabels(service: ComposeService): string[] {
  const labels = service.labels;
  if (!labels) return [];
  return Array.isArray(labels) ? labels : Object.entries(labels).map(([k, v]) => `${k}=${v}`);
}

/** The `-Dname=value` system properties of a JAVA_OPTS-style string. */
export function javaProperties(opts: string): Map<string, string> {
  const props = new Map<string, string>();
  for (const m of opts.matchAll(/-D([A-Za-z0-9_.-]+)=("[^"]*"|\S+)/g)) {
    props.set(m[1], m[2].replace(/^"|"$/g, ''));
  }
  return props;
}
