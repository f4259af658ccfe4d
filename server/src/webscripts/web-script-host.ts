import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { endpointOfRoute, type Endpoint } from '../../../contract/index.js';
import { callerOf } from '../http/auth.js';
import { badRequest } from '../http/errors.js';
import type { Caller, Repository } from '../repo/repository.js';

/**
 * EFR's own web scripts (`/alfresco/s/efr/…`, also `/alfresco/service/efr/…` as in ACS).
 * In ACS they are Rhino web scripts of the module (behaviors/); here each one is a handler
 * with the same URL and JSON. Errors use the REST API v1 error body, which the module's
 * status templates render too, so the screens read one error format from both hosts.
 */
export const WEB_SCRIPT_PREFIXES = ['/alfresco/s/efr', '/alfresco/service/efr'] as const;

/** What a web script handler receives. */
export interface WebScriptRequest {
  /** The authenticated user (401 before the handler runs otherwise). */
  caller: Caller;
  /** URL template parameters (`{id}`). */
  params: Record<string, string>;
  /** Query string values. */
  query: Record<string, string | string[] | undefined>;
  /** Parsed JSON body (undefined when there is none). */
  body: unknown;
  /** The raw Fastify request, for streaming handlers. */
  raw: FastifyRequest;
  /** The raw reply, for streaming handlers (return `reply` after sending). */
  reply: FastifyReply;
}

/** A handler's answer: a status (default 200) and a JSON body. */
export interface WebScriptResponse {
  status?: number;
  body: unknown;
}

/** A web script handler: throw an AcsError (or RuleRefusal) to refuse. */
export type WebScriptHandler = (
  req: WebScriptRequest,
) => WebScriptResponse | FastifyReply | Promise<WebScriptResponse | FastifyReply>;

/** Registers the handlers of one feature. */
export interface WebScriptRouter {
  get(path: string, handler: WebScriptHandler): void;
  post(path: string, handler: WebScriptHandler): void;
  put(path: string, handler: WebScriptHandler): void;
  delete(path: string, handler: WebScriptHandler): void;
}

/** A feature's web scripts: called once at start-up. */
export type WebScriptModule = (router: WebScriptRouter, repo: Repository) => void;

/**
 * The caller of one web script call, marked as a workflow step (issue 16). A fresh object per
 * call: the generic routes' caller of the same request stays unmarked.
 */
export function asWorkflowStep(c: Caller, step: string): Caller {
  return { ...c, rule: { ...c.rule, workflowStep: step } };
}

/** What an observer of web script answers is told: the endpoint of contract/ and the answer. */
export interface WebScriptAnswer {
  /** The endpoint of contract/endpoints.ts; undefined for a route the list does not hold. */
  endpoint: Endpoint | undefined;
  /** `METHOD /template` as registered. */
  route: string;
  status: number;
  /** The parsed JSON body; undefined when the answer is not JSON (a stream, CSV, PDF). */
  json: unknown;
}

const observers: ((answer: WebScriptAnswer) => void)[] = [];

/**
 * Calls `observer` with every answer of every EFR web script of every app built from now on
 * (the specs check each one against its contract schema: test/support/contract-check.ts).
 * Returns the function that stops it.
 */
export function observeWebScriptAnswers(observer: (answer: WebScriptAnswer) => void): () => void {
  observers.push(observer);
  return () => {
    const i = observers.indexOf(observer);
    if (i >= 0) observers.splice(i, 1);
  };
}

function tellObservers(req: FastifyRequest, reply: FastifyReply, payload: unknown): void {
  const route = (req.routeOptions?.config as { efrWebScript?: string } | undefined)?.efrWebScript;
  if (route === undefined || observers.length === 0) return;
  const [method, path] = route.split(' ');
  const isJson = String(reply.getHeader('content-type') ?? '').startsWith('application/json');
  let json: unknown;
  if (isJson && typeof payload === 'string') json = JSON.parse(payload);
  const answer = { endpoint: endpointOfRoute(method, path), route, status: reply.statusCode, json };
  for (const o of observers) o(answer);
}

/** Turns `/handovers/{id}/receipts` into Fastify's `/handovers/:id/receipts`. */
function fastifyPath(path: string): string {
  if (!path.startsWith('/')) throw new Error(`web script path must start with /: ${path}`);
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/** Registers every module's handlers under both web script prefixes. */
export function registerWebScripts(
  app: FastifyInstance, repo: Repository, modules: readonly WebScriptModule[],
): void {
  // One hook for every web script route (marked by `config.efrWebScript`); the payload is the
  // serialised body, parsed again only while someone observes (the specs).
  app.addHook('onSend', async (req, reply, payload) => {
    tellObservers(req, reply, payload);
    return payload;
  });
  const add = (method: 'GET' | 'POST' | 'PUT' | 'DELETE') =>
    (path: string, handler: WebScriptHandler): void => {
      for (const prefix of WEB_SCRIPT_PREFIXES) {
        app.route({
          method,
          url: prefix + fastifyPath(path),
          config: { efrWebScript: `${method} ${path}` },
          handler: async (req, reply) => {
            // The handler runs as a workflow step: the rule hooks let it change workflow
            // records, which the generic routes (whose callers never carry the mark) cannot.
            const caller = asWorkflowStep(callerOf(repo, req), `${method} ${path}`);
            if (method !== 'GET' && method !== 'DELETE' && req.body !== undefined &&
              (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) &&
              !req.isMultipart()) {
              throw badRequest('The request body must be a JSON object');
            }
            const result = await handler({
              caller,
              params: req.params as Record<string, string>,
              query: req.query as Record<string, string | string[] | undefined>,
              body: req.body,
              raw: req,
              reply,
            });
            if ((result as unknown) === reply) return reply;
            const r = result as WebScriptResponse;
            return reply.code(r.status ?? 200).send(r.body);
          },
        });
      }
    };
  const router: WebScriptRouter = {
    get: add('GET'), post: add('POST'), put: add('PUT'), delete: add('DELETE'),
  };
  for (const mod of modules) mod(router, repo);
}
