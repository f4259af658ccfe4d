import multipart from '@fastify/multipart';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { jsonNestingOver, REFUSAL_THROTTLE, REQUEST_LIMITS } from '../../core/src/index.js';
import { openDatabase } from './db/database.js';
import {
  bearerOptionsFromEnv, registerBearerAuth, type BearerAuthOptions,
} from './http/bearer-auth.js';
import { AcsError, errorBody } from './http/errors.js';
import { CONTENT_APP_PATH, serveApp } from './http/static-app.js';
import { clientErrorHandler, frameworkErrors, registerRequestGuards } from './http/request-guards.js';
import { loadModels } from './model/load-model.js';
import { ModelRegistry } from './model/model-registry.js';
import { PermissionRefusal, Repository, RuleRefusal, SYSTEM_USER } from './repo/repository.js';
import { createRuleHooks } from './rules/efr-rules.js';
import { recordingReadVerdict } from './webscripts/port/content-read.js';
import { registerAcaSupport } from './aca/aca-routes.js';
import { registerAudit } from './routes/audit.js';
import { registerAssocs } from './routes/assocs.js';
import { registerAuthPeople } from './routes/auth-people.js';
import { registerContent } from './routes/content.js';
import { registerNodes } from './routes/nodes.js';
import { registerSearch } from './routes/search.js';
import { ensureGroups, seedDemo } from './demo/seed.js';
import { ContentStore } from './store/content-store.js';
import { WEB_SCRIPT_MODULES } from './webscripts/modules.js';
import { ensureWorkerAccount, startInProcessWorker } from './worker/in-process.js';
import { registerWebScripts, type WebScriptModule } from './webscripts/web-script-host.js';

/** Options of startServer. */
export interface ServerOptions {
  /** Data directory: SQLite metadata and the content store. */
  dataDir: string;
  /** Port; 0 picks a free one. Default 8080. */
  port?: number;
  /** Listen address; default 127.0.0.1 (EFR_HOST=0.0.0.0 to expose). */
  host?: string;
  /** Whether to seed the demo data into an empty data dir. */
  demo?: boolean;
  /** Password of the demo users (default `efr-demo`). */
  demoPassword?: string;
  /** Built Angular app served at `/` (the lean shell). */
  appDir?: string;
  /** Built Alfresco Content App with the EFR plugin, served at `/content-app/` (issue 17). */
  contentAppDir?: string;
  /** Largest accepted upload in bytes (default EFR_UPLOAD_LIMIT or 8 GiB). */
  uploadLimit?: number;
  /** OpenID issuer whose bearer tokens are accepted (default from EFR_OIDC_*; off if unset). */
  oidc?: BearerAuthOptions;
  /**
   * Whether efr worker runs in-process to build evidence discs and run the fixity rounds
   * (default: yes unless EFR_WORKER=off; off when an external `efr worker` serves this
   * repository).
   */
  worker?: boolean;
}

/** A running server. */
export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
  /** The repository behind the server (for specs, seeding and benchmarks). */
  repository: Repository;
}

/** Builds the Fastify app over a repository (no listening). */
export async function buildApp(
  repo: Repository, appDir?: string, webScripts: readonly WebScriptModule[] = WEB_SCRIPT_MODULES,
  oidc: BearerAuthOptions | undefined = bearerOptionsFromEnv(), contentAppDir?: string,
): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, exposeHeadRoutes: false, bodyLimit: 1 << 20,
    return503OnClosing: true, clientErrorHandler, frameworkErrors });
  registerRequestGuards(app);
  registerBearerAuth(app, repo, oidc);
  await app.register(multipart, { limits: { fileSize: repo.uploadLimit, files: 1,
    fields: 100, fieldSize: 64 * 1024, parts: 110, headerPairs: 100 } });
  // ADF and js-api send `Content-Type: application/json` on GET and DELETE without a body:
  // an empty JSON body is no body (ACS accepts it), a malformed one is a 400.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    // Nesting is checked before parsing: deep arrays would overflow the parser's or a
    // validator's stack (a 500 with a stack text before issue 16).
    if (jsonNestingOver(text, REQUEST_LIMITS.jsonNesting)) {
      done(new AcsError(400, 'framework.exception.InvalidArgument',
        `JSON nested deeper than ${REQUEST_LIMITS.jsonNesting} levels`), undefined);
      return;
    }
    try {
      done(null, JSON.parse(text) as unknown);
    } catch (err) {
      done(new AcsError(400, 'framework.exception.InvalidArgument',
        `Could not read content from HTTP request body: ${(err as Error).message}`), undefined);
    }
  });
  app.setErrorHandler((err: FastifyError | AcsError, _req, reply) => {
    const throttled = (err instanceof RuleRefusal && repo.logRefusal(err)) ||
      (err instanceof PermissionRefusal && repo.logPermissionRefusal(err));
    if (throttled) {
      // The same refusal again and again: counted, not logged one by one (issue 16).
      return reply.code(429).header('retry-after', String(REFUSAL_THROTTLE.windowMs / 1000))
        .send(errorBody(429, 'efr.refusals.throttled',
          'The same refused request was repeated too often; it is counted, not retried. / ' +
          '同一被拒请求重复过多，已记录次数，请勿重试。'));
    }
    if (err instanceof AcsError) return reply.code(err.statusCode).send(err.toBody());
    const fe = err as FastifyError;
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send(errorBody(415, 'framework.exception.UnsupportedMediaType', fe.message));
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) {
      return reply.code(413).send(errorBody(413, 'framework.exception.RequestEntityTooLarge', fe.message));
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.code(400).send(errorBody(400, 'framework.exception.InvalidArgument', fe.message));
    }
    if ((fe as NodeJS.ErrnoException).code === 'ECONNRESET' || _req.raw.destroyed) {
      // The client went away mid-upload (efr worker abandoning an image, a closed tab): the
      // staged bytes were discarded and nothing was stored; there is nobody left to answer.
      return reply.code(400).send(errorBody(400, 'framework.exception.InvalidArgument',
        'The request was aborted by the client'));
    }
    // An unexpected failure: the transaction has rolled back; report it without details.
    console.error(err);
    return reply.code(500).send(errorBody(500, 'framework.exception.ApiDefault', 'An error occurred'));
  });
  app.setNotFoundHandler((req, reply) => {
    const get = req.method === 'GET' && !req.url.startsWith('/alfresco/');
    if (contentAppDir && get && req.url.split('?')[0] === CONTENT_APP_PATH.slice(0, -1)) {
      return reply.redirect(CONTENT_APP_PATH); // the app's <base href> needs the slash
    }
    if (contentAppDir && get && req.url.startsWith(CONTENT_APP_PATH)) {
      return serveApp(contentAppDir, req, reply, CONTENT_APP_PATH);
    }
    if (appDir && get) {
      return serveApp(appDir, req, reply);
    }
    return reply.code(404).send(errorBody(404, 'framework.exception.EntityNotFound',
      `Unknown API: ${req.method} ${req.url.split('?')[0]}`));
  });
  registerAuthPeople(app, repo);
  registerNodes(app, repo);
  registerContent(app, repo);
  registerAssocs(app, repo);
  registerSearch(app, repo);
  registerAudit(app, repo);
  registerAcaSupport(app, repo);
  registerWebScripts(app, repo, webScripts);
  return app;
}

/** Opens the repository of a data dir (schema, store clean-up, model, rules, bootstrap). */
export async function openRepository(dataDir: string, uploadLimit?: number): Promise<Repository> {
  const db = openDatabase(dataDir);
  const store = new ContentStore(dataDir);
  store.removeStrayTempFiles();
  const model = new ModelRegistry(await loadModels());
  const limit = uploadLimit ?? Number(process.env.EFR_UPLOAD_LIMIT ?? 8 * 1024 ** 3);
  // The content-read rule reads through the repository port, so it is bound to the repository.
  const hooks = createRuleHooks(db, (node, ctx) => recordingReadVerdict(repo, node, ctx));
  const repo: Repository = new Repository(db, store, model, hooks, limit);
  repo.bootstrap();
  ensureGroups(repo);
  ensureWorkerAccount(repo);
  sweepOrphanedContent(repo);
  return repo;
}

/**
 * Removes stored files no node references (left by a process killed between storing the bytes
 * and committing the row) and records the sweep with its count in the access log (issue 16).
 */
export function sweepOrphanedContent(repo: Repository): { files: number; bytes: number } {
  const used = repo.db.prepare(
    'SELECT 1 FROM nodes INDEXED BY nodes_content_hash WHERE content_hash = ? LIMIT 1');
  const swept = repo.store.sweepOrphans((sha) => used.get(sha) !== undefined);
  if (swept.files > 0) {
    repo.log({ user: SYSTEM_USER, action: 'store.orphansRemoved', values: {
      files: String(swept.files), bytes: String(swept.bytes) } });
    console.info(`efr: removed ${swept.files} orphaned content file(s), ${swept.bytes} bytes`);
  }
  return swept;
}

/** Starts the embedded ACS-compatible repository. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const repo = await openRepository(opts.dataDir, opts.uploadLimit);
  if (opts.demo) await seedDemo(repo, opts.demoPassword ?? 'efr-demo');
  ensureWorkerAccount(repo); // after the archive exists: its group reads it
  const app = await buildApp(repo, opts.appDir, undefined, opts.oidc, opts.contentAppDir);
  const host = opts.host ?? process.env.EFR_HOST ?? '127.0.0.1';
  // Signed tree heads of the access log (issue 18) and the fixity rounds are efr worker's:
  // in-process below, or the worker beside the server when EFR_WORKER=off, as beside ACS
  // (worker/jobs/tree-head.ts, worker/jobs/fixity.ts).
  await app.listen({ port: opts.port ?? 8080, host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port ?? 8080;
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host;
  const url = `http://${shown}:${port}`;
  const worker = (opts.worker ?? process.env.EFR_WORKER !== 'off')
    ? startInProcessWorker(repo, url) : undefined;
  return {
    url, port, repository: repo,
    close: async () => {
      await worker?.stop();
      await app.close();
      repo.flushRefusalSummaries();
      repo.db.close();
    },
  };
}
