/**
 * Validates repository responses against the official ACS OpenAPI definitions in
 * `/work/shared/alfresco/` (issue 3: "every response body of the implemented endpoints validates
 * against the OpenAPI schemas").
 *
 * The files are Swagger 2.0 (`swagger: '2.0'`), whose Schema Object is a subset of JSON Schema
 * draft 4 plus a few extras. Ajv 8 (draft-07 mode) compiles them after these conversions, each
 * done for a stated reason:
 * 1. `$ref: '#/definitions/X'` is rewritten to `<file>#/definitions/X` and every file's
 *    `definitions` is registered under its file name as `$id`, so that a response schema taken
 *    out of its file still resolves its references (and the four files never mix: each has its
 *    own `Error`).
 * 2. `type: file` (binary responses such as `GET nodes/{id}/content`) is not JSON Schema and the
 *    body is not JSON: asking to validate one is a test bug, so `schemaFor` throws.
 * 3. Swagger formats `int32`, `int64`, `float`, `double`, `byte`, `binary` are unknown to
 *    ajv-formats: they are registered here (integer ranges; any number; base64; any string).
 * 4. Swagger-only annotations (`discriminator`, `example`, `xml`, `externalDocs`)
 *    and vendor keys (`x-alfresco-since`, …) are registered as annotation keywords instead of
 *    switching Ajv's strict mode off, so a real typo in a schema would still be reported.
 * 5. `x-nullable: true` (Swagger's way to allow null; none of the four files uses it today)
 *    becomes OpenAPI 3 `nullable: true`, which Ajv understands.
 * 6. Patterns are compiled without the `u` flag (`unicodeRegExp: false`): the files carry Java
 *    regexes such as the node-name pattern with identity escapes (`\"`, `\<`, `\:`) that are
 *    syntax errors in unicode mode.
 * 7. A status without a schema (e.g. `'404': description only`) is validated against the
 *    operation's `default` schema, which is `Error` everywhere: ACS answers every 4xx/5xx with the
 *    error body, and the screens read it. A 204 must have an empty body.
 * 8. Errata (ERRATA below): where a file documents a body that ACS does not send, the schema ACS
 *    really answers with replaces it, each with its evidence. Only one is known.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv, type ValidateFunction, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { load } from 'js-yaml';

/** The ACS definition files the embedded server implements. */
export type SpecFile =
  | 'alfresco-core.yaml'
  | 'alfresco-auth.yaml'
  | 'alfresco-search.yaml'
  | 'alfresco-discovery.yaml'
  | 'alfresco-model.yaml';

/** HTTP methods as they appear in a Swagger path item. */
export type HttpMethod = 'get' | 'post' | 'put' | 'delete' | 'head' | 'options' | 'patch';

/** Outcome of one validation, with readable messages for a failing expectation. */
export interface ValidationResult {
  /** Whether the body matches the schema. */
  valid: boolean;
  /** Ajv messages, one per problem, with the JSON pointer of the offending value. */
  errors: string[];
  /** Where the schema came from, e.g. `alfresco-core.yaml GET /nodes/{nodeId} 200`. */
  schemaName: string;
}

/** Folder holding the official definitions; overridable for another checkout. */
export const ALFRESCO_SPEC_DIR = process.env.EFR_ALFRESCO_SPEC_DIR ??
  // ../shared beside the checkout (as laid out for CI), else the workplace's /work/shared.
  (existsSync(resolve(import.meta.dirname, '../../../shared/alfresco'))
    ? resolve(import.meta.dirname, '../../../shared/alfresco') : '/work/shared/alfresco');

/** Every spec file, used to route a URL to the file that defines it. */
export const SPEC_FILES: readonly SpecFile[] = [
  'alfresco-core.yaml',
  'alfresco-auth.yaml',
  'alfresco-search.yaml',
  'alfresco-discovery.yaml',
  // Same base path as the core API (types, aspects): tried after it, as routeOf goes on to the
  // next file when the first has no matching template.
  'alfresco-model.yaml',
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface SwaggerDoc {
  swagger: string;
  basePath: string;
  paths: Record<string, Record<string, { responses?: Record<string, { schema?: Json }> }>>;
  definitions: JsonObject;
}

/**
 * Known documentation errors of the definition files. `GET /audit-applications/{id}` documents a
 * bare `AuditApp`, but the ACS REST framework wraps every single entity in `entry`, and ADF's
 * own AuditService types the answer as `Observable<AuditAppEntry>` (ADF docs, audit.service).
 */
const AUDIT_APP_ENTRY: Json = { type: 'object', required: ['entry'],
  properties: { entry: { $ref: '#/definitions/AuditApp' } } };
const ERRATA: Record<string, Json> = {
  'alfresco-core.yaml get /audit-applications/{auditApplicationId} 200': AUDIT_APP_ENTRY,
  'alfresco-core.yaml put /audit-applications/{auditApplicationId} 200': AUDIT_APP_ENTRY,
};

/**
 * Known documentation errors inside definitions, patched after conversion. alfresco-model.yaml
 * types `Constraint.parameters` values as `type: object`, but ACS sends the constraint's
 * parameters as they are: lists, strings, booleans (`{"allowedValues": ["a","b"],
 * "caseSensitive": true}`; org.alfresco.rest.api.model.Constraint holds a Map<String, Object>,
 * filled from ConstraintDefinition.getConstraint().getParameters()).
 */
const DEFINITION_ERRATA: Partial<Record<SpecFile, (defs: JsonObject) => void>> = {
  'alfresco-model.yaml': (defs) => {
    const constraint = defs.Constraint as JsonObject | undefined;
    const props = constraint?.properties as JsonObject | undefined;
    const params = props?.parameters as JsonObject | undefined;
    if (params) params.additionalProperties = {};
  },
};

const ANNOTATIONS = ['discriminator', 'example', 'xml', 'externalDocs'];
const docs = new Map<SpecFile, SwaggerDoc>();
const validators = new Map<string, ValidateFunction>();
const ajv = createAjv();

function createAjv(): Ajv {
  const instance = new Ajv({ allErrors: true, unicodeRegExp: false, strictTypes: false });
  // ajv-formats is CommonJS with a default export; under ESM interop it may arrive wrapped.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
    addFormatsModule) as (a: Ajv) => Ajv;
  addFormats(instance);
  const int = (min: number, max: number) => ({
    type: 'number' as const,
    validate: (n: number) => Number.isInteger(n) && n >= min && n <= max,
  });
  instance.addFormat('int32', int(-(2 ** 31), 2 ** 31 - 1));
  instance.addFormat('int64', int(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER));
  instance.addFormat('float', { type: 'number', validate: () => true });
  instance.addFormat('double', { type: 'number', validate: () => true });
  instance.addFormat('byte', /^[A-Za-z0-9+/]*={0,2}$/);
  instance.addFormat('binary', () => true);
  for (const keyword of ANNOTATIONS) instance.addKeyword({ keyword });
  return instance;
}

/** Rewrites one schema fragment for Ajv (conversions 1, 4 and 5 of the file comment). */
function convert(node: Json, file: SpecFile): Json {
  if (Array.isArray(node)) return node.map((n) => convert(n, file));
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) {
      out.$ref = `${file}${value}`;
    } else if (key === 'x-nullable') {
      if (value === true) out.nullable = true;
    } else if (key.startsWith('x-')) {
      continue;
    } else {
      out[key] = convert(value, file);
    }
  }
  return out;
}

/** Loads (once) one definition file and registers its definitions with Ajv. */
export function loadSpec(file: SpecFile): SwaggerDoc {
  const cached = docs.get(file);
  if (cached) return cached;
  const doc = load(readFileSync(resolve(ALFRESCO_SPEC_DIR, file), 'utf8')) as SwaggerDoc;
  if (doc.swagger !== '2.0') throw new Error(`${file}: expected Swagger 2.0, got ${doc.swagger}`);
  const definitions = convert(doc.definitions, file) as JsonObject;
  DEFINITION_ERRATA[file]?.(definitions);
  ajv.addSchema({ $id: file, definitions });
  docs.set(file, doc);
  return doc;
}

/**
 * The response schema of one operation and status, converted for Ajv; `undefined` when the
 * status documents an empty body (204 and other schema-less 2xx).
 */
export function schemaFor(
  file: SpecFile,
  method: HttpMethod,
  pathTemplate: string,
  status: number,
): Json | undefined {
  const doc = loadSpec(file);
  const op = doc.paths[pathTemplate]?.[method];
  if (!op) throw new Error(`${file} has no operation ${method.toUpperCase()} ${pathTemplate}`);
  const responses = op.responses ?? {};
  const declared = responses[String(status)];
  let schema = ERRATA[`${file} ${method} ${pathTemplate} ${status}`] ?? declared?.schema;
  if (schema === undefined && status >= 400) schema = responses.default?.schema;
  if (schema === undefined) {
    if (status >= 400 || !declared) {
      throw new Error(`${file} ${method} ${pathTemplate}: no schema for status ${status}`);
    }
    return undefined;
  }
  if (typeof schema === 'object' && schema !== null && !Array.isArray(schema)) {
    if (schema.type === 'file') {
      throw new Error(`${file} ${method} ${pathTemplate} ${status} is binary (type: file)`);
    }
  }
  return convert(schema, file);
}

/** Validates a parsed JSON body against the schema for (file, method, path template, status). */
export function validateResponse(
  file: SpecFile,
  method: HttpMethod,
  pathTemplate: string,
  status: number,
  body: unknown,
): ValidationResult {
  const schemaName = `${file} ${method.toUpperCase()} ${pathTemplate} ${status}`;
  const schema = schemaFor(file, method, pathTemplate, status);
  if (schema === undefined) {
    const empty = body === undefined || body === '' || body === null;
    return { valid: empty, errors: empty ? [] : ['expected an empty body'], schemaName };
  }
  let validate = validators.get(schemaName);
  if (!validate) {
    validate = ajv.compile(schema as object);
    validators.set(schemaName, validate);
  }
  const valid = validate(body);
  return { valid: Boolean(valid), errors: formatErrors(validate.errors), schemaName };
}

function formatErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${
    Object.keys(e.params).length ? JSON.stringify(e.params) : ''}`.trim());
}

/** Which file and path template define a request URL path (query string ignored). */
export function routeOf(urlPath: string, method: HttpMethod): { file: SpecFile; template: string } {
  const path = urlPath.split('?')[0];
  // Longest basePath first: discovery's `/alfresco/api` is a prefix of the others.
  const files = [...SPEC_FILES].sort(
    (a, b) => loadSpec(b).basePath.length - loadSpec(a).basePath.length);
  for (const file of files) {
    const doc = loadSpec(file);
    if (!path.startsWith(doc.basePath + '/')) continue;
    const rest = path.slice(doc.basePath.length);
    const candidates = Object.keys(doc.paths).filter((t) => doc.paths[t][method]);
    // Literal segments beat `{param}` ones (`/tickets/-me-` over a templated twin).
    candidates.sort((a, b) => literalCount(b) - literalCount(a));
    for (const template of candidates) {
      if (templateRegex(template).test(rest)) return { file, template };
    }
  }
  throw new Error(`no ACS operation for ${method.toUpperCase()} ${urlPath}`);
}

function literalCount(template: string): number {
  return template.split('/').filter((s) => s && !s.startsWith('{')).length;
}

function templateRegex(template: string): RegExp {
  const parts = template.split('/').map((segment) =>
    segment.startsWith('{') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('/')}$`);
}
