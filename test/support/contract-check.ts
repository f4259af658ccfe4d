/**
 * Checks every answer of an EFR web script against contract/ (issue 15): each JSON body a
 * spec receives from server/, in-process (listening or `inject`), is validated with ajv
 * against the schema of its endpoint and status (a refusal against the REST API v1 error
 * body). A mismatch fails the spec that made the request, naming the route, the status and
 * ajv's errors. Loaded for every Node spec as a Jasmine helper (contract-check.helper.ts).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { TSchema } from '@sinclair/typebox';
import { ENDPOINTS, ErrorBodySchema, type Endpoint } from '../../contract/index.js';
import {
  observeWebScriptAnswers, type WebScriptAnswer,
} from '../../server/src/webscripts/web-script-host.js';

const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new Map<TSchema, ValidateFunction>();

/** ajv's validator of a contract schema (compiled once). */
export function validatorOf(schema: TSchema): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    v = ajv.compile(schema);
    compiled.set(schema, v);
  }
  return v;
}

/** ajv's errors as one line each (`/entry/status must be equal to one of the allowed values`). */
export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).slice(0, 8).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}` +
    (e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : '')).join('; ');
}

/** The schema an answer must satisfy, or why there is none. */
function schemaOf(endpoint: Endpoint, status: number): TSchema | string {
  if (status >= 400) return ErrorBodySchema;
  return endpoint.responses[status] ??
    `status ${status} is not one of the contract's (${Object.keys(endpoint.responses).join(', ')})`;
}

/** What is wrong with one answer, or null when it keeps the contract. */
export function contractMismatch(a: WebScriptAnswer): string | null {
  // A route outside the list (a spec's own test handler): test/contract/endpoints.spec.ts
  // fails for any such route that server/ itself registers.
  if (!a.endpoint) return null;
  if (a.json === undefined) {
    // Not JSON: only a format the endpoint declares (CSV, PDF) or an empty answer may be.
    return a.status < 400 && a.endpoint.alsoProduces ? null
      : `${a.route} answered ${a.status} without a JSON body`;
  }
  const schema = schemaOf(a.endpoint, a.status);
  if (typeof schema === 'string') return `${a.route}: ${schema}`;
  const validate = validatorOf(schema);
  return validate(a.json) ? null
    : `${a.route} answered ${a.status} outside its contract: ${describeErrors(validate.errors)}`;
}

const mismatches: string[] = [];

/**
 * Checks one answer of a module web script run in the ACS-like runtime (test/rhino): the
 * descriptor id (`<folder>/<id>.<method>`) and the call's URL arguments name its endpoint. A mismatch fails the spec as a
 * server/ one does.
 */
export function checkModuleAnswer(
  descriptor: string, templateArgs: Record<string, string>, status: number, body: unknown,
  contentType?: string,
): void {
  // A descriptor serving several endpoints (`{step}`): the one whose literal segment the call
  // names (`viewing-events`), else the template's own.
  const args = Object.values(templateArgs);
  const candidates = ENDPOINTS.filter((e) => e.descriptor === descriptor);
  const endpoint = candidates.find((e) => e.path.split('/').some((seg) => args.includes(seg))) ??
    candidates.find((e) => e.values !== undefined) ?? candidates[0];
  // Content StreamContent streamed (the runtime answers how: `{stream}`) is no JSON body.
  const streamed = status === 200 && typeof body === 'object' && body !== null &&
    'stream' in body;
  // A document Surf rendered through a format's template (`format=csv`: text/csv) is no JSON
  // body either; the endpoint must declare that format (alsoProduces).
  const base = (contentType ?? '').split(';')[0];
  if (status < 400 && base !== '' && base !== 'application/json') {
    if (!(endpoint?.alsoProduces ?? []).includes(base)) {
      mismatches.push(`module ${descriptor} answered ${base}, which its contract does not list`);
    }
    return;
  }
  const m = contractMismatch({ endpoint, route: `module ${descriptor}`, status,
    json: body === null || streamed ? undefined : body });
  if (m) mismatches.push(m);
}

let stop: (() => void) | undefined;

/** Starts checking (idempotent); the helper calls it once. */
export function startContractCheck(): void {
  stop ??= observeWebScriptAnswers((a) => {
    const m = contractMismatch(a);
    if (m) mismatches.push(m);
  });
}

/** The mismatches seen since the last call, cleared. */
export function takeMismatches(): string[] {
  return mismatches.splice(0, mismatches.length);
}
