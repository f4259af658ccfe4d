import type { AccessLogInput } from '../../access-log/access-log.js';
import { AcsError } from '../../http/errors.js';
import type { Repository } from '../../repo/repository.js';
import {
  isWebScriptError, type WebScriptAnswer, type WebScriptCall, type WebScriptDefinition,
} from '../../../../webscripts/src/web-script.js';
import { inWorkflowStep } from '../devices/workflow-guard.js';
import type { WebScriptModule, WebScriptRequest } from '../web-script-host.js';
import { serverPort, type AfterCommit as PostCommitWork } from './server-port.js';

/**
 * The request as a port web script reads it: first query values, an object body. A body that
 * is there but no JSON object (`null`, an array, a number, a string) is a 400 before anything
 * runs, as the module's `jsonBody` answers it (behaviors/src/lib/ws-runtime.ts): a command that
 * takes no fields is sent no body, never a body that only parses.
 */
function callOf(req: WebScriptRequest, method: string): WebScriptCall {
  const query: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.query)) query[k] = Array.isArray(v) ? v[0] : v;
  // A GET's body is not read (the module reads none either).
  const lang = req.raw.headers['accept-language'];
  const acceptLanguage = typeof lang === 'string' ? lang : undefined;
  if (req.body === undefined || method === 'GET') {
    return { params: req.params, query, body: {}, acceptLanguage };
  }
  if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
    throw new AcsError(400, 'framework.exception.InvalidArgument',
      'The request body must be a JSON object');
  }
  return { params: req.params, query, body: req.body as Record<string, unknown>, acceptLanguage };
}

/**
 * Runs one port web script for one request: the whole call is one SQLite transaction (a throw
 * rolls every write back), the caller the host marked as a workflow step. Work the call left
 * for after its commit (the unlink of destroyed bytes, issue 18) runs once it committed; a
 * failure there answers 500 with the commit kept (the start-up sweep finishes the unlink).
 */
export async function runPortWebScript(
  repo: Repository, def: WebScriptDefinition, req: WebScriptRequest,
): Promise<WebScriptAnswer> {
  const attempts: AccessLogInput[] = [];
  const afterCommit: PostCommitWork[] = [];
  let answer: WebScriptAnswer;
  try {
    // inWorkflowStep: server/'s mark that the device and exemption guards read (issue 16).
    answer = inWorkflowStep(() => repo.db.transaction(() =>
      def.handle(serverPort(repo, req.caller, attempts, afterCommit), callOf(req, def.method)))());
  } catch (e) {
    // A WebScriptError is the handler's 400/404: answered with the REST API error body.
    if (isWebScriptError(e)) throw new AcsError(e.status, e.errorKey, e.summary);
    throw e;
  } finally {
    // Facts of the attempt stay logged whether the call committed or was refused.
    for (const a of attempts) repo.log(a);
  }
  for (const work of afterCommit) await work();
  return answer;
}

/** Told of each answer once its call committed (e.g. server/'s in-process worker of a new job). */
export type AnswerListener = (def: WebScriptDefinition, answer: { status: number; body: unknown })
  => void;

/**
 * The port web scripts as server/ routes, each at its definition's path and method; `after`
 * hears of every successful answer after its transaction committed.
 */
export function portWebScripts(defs: readonly WebScriptDefinition[], after?: AnswerListener):
  WebScriptModule {
  return (ws, repo) => {
    for (const def of defs) {
      const route = def.method === 'GET' ? ws.get : ws.post;
      route(def.path, async (req) => {
        const answer = await runPortWebScript(repo, def, req);
        if (after !== undefined && answer.status < 400) after(def, answer);
        return answer;
      });
    }
  };
}
