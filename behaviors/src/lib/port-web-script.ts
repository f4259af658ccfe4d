/**
 * Runs a web script written once (webscripts/src/) as the module's controller: the controller
 * file only names its definition (`runPortDefinition(violationGet)`), this reads the request
 * from ACS's web script scope, hands the handler the module's port and renders its answer.
 */
import {
  isWebScriptError, type WebScriptCall, type WebScriptDefinition,
} from '../../../webscripts/src/web-script.js';
import { acsPort } from './acs-port.js';
import {
  answerThroughStatusTemplate, fail, jsonBody, respond, respondContent, respondText, runWebScript,
  templateArg,
} from './ws-runtime.js';

interface ArgsScope {
  args: Record<string, unknown>;
  headers?: Record<string, unknown>;
}

function scopeOf(): ArgsScope {
  const get = function (this: unknown): unknown {
    return this;
  };
  return get() as ArgsScope;
}

function scopeArgs(): Record<string, unknown> {
  return scopeOf().args;
}

/**
 * A request header by name. Surf hands the script `headers` (AbstractWebScript
 * #createScriptParameters l. 718, #createHeaders l. 882-892: a case-insensitive TreeMap of the
 * request's headers); the script reads its copy, so the name is compared case-insensitively here.
 */
function header(name: string): string | undefined {
  const headers = scopeOf().headers;
  if (headers === null || headers === undefined) return undefined;
  const want = name.toLowerCase();
  for (const k in headers) {
    const v = headers[k];
    if (String(k).toLowerCase() === want && v !== null && v !== undefined) return String(v);
  }
  return undefined;
}

/** The request as the handler reads it. */
function callOf(def: WebScriptDefinition): WebScriptCall {
  const params: Record<string, string> = {};
  const names = def.path.match(/\{\w+\}/g) || [];
  for (const n of names) {
    const name = n.substring(1, n.length - 1);
    params[name] = templateArg(name);
  }
  const query: Record<string, string | undefined> = {};
  const args = scopeArgs();
  for (const k in args) {
    const v = args[k];
    if (v !== null && v !== undefined) query[String(k)] = String(v);
  }
  return { params, query, body: def.method === 'GET' ? {} : jsonBody(),
    acceptLanguage: header('Accept-Language') };
}

/** Runs one definition as this controller (a marked workflow step, as every EFR script). */
export function runPortDefinition(def: WebScriptDefinition): void {
  runWebScript(() => {
    // A definition that may answer a stored document runs as StreamContent's kind: its JSON
    // answers and refusals go through the status template.
    if (def.streams) answerThroughStatusTemplate();
    const call = callOf(def);
    let answer;
    try {
      answer = def.handle(acsPort(), call);
    } catch (e) {
      // The handler's 400/404 (thrown before any write): the REST API error body.
      if (isWebScriptError(e)) fail(e.status, e.errorKey, e.summary);
      throw e;
    }
    if (answer.content) respondContent(answer.content.nodeId);
    else if (answer.text) respondText(answer.text.text);
    else respond(answer.status, answer.body);
  });
}
