/**
 * What an EFR web script controller needs from ACS's web script scope, typed, plus the answer
 * helpers shared by the device and exemption scripts.
 *
 * ACS puts `args`, `url`, `requestbody`, `status`, `model`, `person`, `companyhome`, `people`,
 * `search` and `logger` in a JavaScript web script's root scope. They are read through the
 * global object so the compiled script names no free variable beyond the module's declared
 * globals (behaviors/build/compile-scripts.mjs lints with `no-undef`). Each controller renders
 * `model.body` through its `<id>.<method>.json.ftl` (`${body}`), with `status.code` set: an error
 * body has the REST API shape the screens read on both hosts.
 */
import type { Verdict } from '../../../core/src/index.js';
import type { LoggerLike, PeopleLike, ScriptNodeLike } from './acs-api.js';
import { nodeId } from './model-names.js';
import { efrInfo, efrWarn } from './efr-log.js';
import { markWorkflowStep } from './workflow-step.js';

/** A ScriptNode with the methods the web scripts call. */
export interface WsNode extends ScriptNodeLike {
  readonly name: unknown;
  readonly children: ArrayLike<WsNode>;
  readonly parent?: WsNode | null;
  createNode(name: string, type: string, props: Record<string, unknown>): WsNode;
  createFolder(name: string): WsNode;
  createAssociation(target: WsNode, assocType: string): unknown;
  childByNamePath(path: string): WsNode | null;
  save(): void;
  addAspect?(aspect: string, props?: Record<string, unknown>): unknown;
  removeAspect?(aspect: string): unknown;
}

interface WsStatus {
  code: number;
  message: string;
  redirect: boolean;
}

interface WsScope {
  args: Record<string, unknown>;
  url: { templateArgs: Record<string, unknown> };
  requestbody?: { content: unknown } | null;
  json?: { toString(): unknown } | null;
  status: WsStatus;
  model: Record<string, unknown>;
  companyhome: WsNode;
  people: PeopleLike;
  search: { findNode(ref: string): WsNode | null };
  logger: LoggerLike;
}

/** The web script's root scope (the global object of a non-strict function call). */
function scope(): WsScope {
  // `this` of a plain call is the global object at Rhino language version 0 (no strict mode).
  const get = function (this: unknown): unknown {
    return this;
  };
  return get() as WsScope;
}

/** Thrown to stop a controller once the answer is set (caught by {@link runWebScript}). */
class Answered {
  constructor(readonly code: number) {}
}

/** Sets the answer: status code and JSON body. */
export function respond(code: number, value: unknown): void {
  const s = scope();
  s.status.code = code;
  s.model.body = JSON.stringify(value);
}

/**
 * Answers a text document (200) in the format the request named: Surf's DeclarativeWebScript
 * renders the format's template `<id>.<method>.<format>.ftl` (`${body}`) and sets the
 * Content-Type from the format registry (`csv`: text/csv) with `;charset=UTF-8`
 * (DeclarativeWebScript l. 135-147); it sets no other header but Location, so the file is not
 * named (docs/api.md "In the ACS module").
 */
export function respondText(text: string): void {
  const s = scope();
  s.status.code = 200;
  s.model.body = text;
}

/**
 * A controller of kind `org.alfresco.repository.content.stream` answers through ACS's
 * StreamContent (alfresco-community-repo 25.5.0.31 remote-api/src/main/java/org/alfresco/repo/
 * web/scripts/content/StreamContent.java): with `status.redirect` set (l. 157) it renders the
 * status template `<id>.<format>.status.ftl` (Surf AbstractWebScript#sendStatus and
 * #getScriptStatusTemplate) with the model, so a JSON answer or refusal keeps its code and body;
 * so every answer of such a controller redirects unless it streams ({@link respondContent}).
 */
export function answerThroughStatusTemplate(): void {
  scope().status.redirect = true;
}

/**
 * Streams the content of node `id` as an attachment: StreamContent streams `model.contentNode`
 * when the status does not redirect (l. 157-197), as an attachment when `model.attach` is true
 * (l. 166-171), with no file name (it passes null, l. 197; ContentStreamer#setAttachment
 * l. 501-506 writes `attachment` alone), the content's own mimetype and Range support.
 */
export function respondContent(id: string): void {
  const s = scope();
  const n = s.search.findNode('workspace://SpacesStore/' + id);
  if (n === null) fail(404, 'framework.exception.EntityNotFound', 'The entity with id: ' + id + ' was not found');
  s.status.code = 200;
  s.status.redirect = false;
  s.model.contentNode = n;
  s.model.attach = true;
}

/** The REST API error body (the same as server/ answers). */
export function errorJson(code: number, errorKey: string, summary: string): unknown {
  return {
    error: {
      errorKey,
      statusCode: code,
      briefSummary: summary,
      stackTrace:
        'For security reasons the stack trace is no longer displayed, but the property is kept ' +
        'for previous versions',
      descriptionURL: 'https://api-explorer.alfresco.com',
    },
  };
}

/** Answers an error and stops the controller. */
export function fail(code: number, errorKey: string, summary: string): never {
  respond(code, errorJson(code, errorKey, summary));
  throw new Answered(code);
}

/**
 * Answers a refusal of core (403/409/422, `English / 中文` as on server/) after logging it
 * (every refusal is logged); an allowed verdict returns.
 */
export function enforce(v: Verdict, what: string, nodeRef: string | null): void {
  if (v.allowed) return;
  efrWarn(
    'efr refused ' + what + (nodeRef ? ' on ' + nodeRef : '') + ': ' + v.code + ' ' + v.requirement,
  );
  fail(v.status, v.code, v.message + ' / ' + v.messageZh);
}

/** Logs a step that was done (the audit application records the node changes too). */
export function logStep(what: string, node: WsNode, values: Record<string, string>): void {
  const parts: string[] = [];
  for (const k of Object.keys(values)) parts.push(k + '=' + values[k]);
  efrInfo('efr ' + what + ' ' + String(node.nodeRef) + ' ' + parts.join(' '));
}

/**
 * Runs a controller: an {@link Answered} stop is normal, anything else propagates. Its
 * transaction is marked as an EFR workflow step first (lib/workflow-step.ts): the guards of the
 * workflow records let writes through only inside one (issue 16).
 */
export function runWebScript(body: () => void): void {
  markWorkflowStep();
  try {
    body();
  } catch (e) {
    if (e instanceof Answered) return;
    throw e;
  }
}

/** A URL template argument (`{id}`), as a JavaScript string. */
export function templateArg(name: string): string {
  const v = scope().url.templateArgs[name];
  return v === null || v === undefined ? '' : String(v);
}

/** A query argument, or null. */
export function queryArg(name: string): string | null {
  const v = scope().args[name];
  return v === null || v === undefined ? null : String(v);
}

/**
 * The JSON object body (400 when it is not one; an empty body is `{}`). ACS's JSON format
 * reader puts an application/json body in `json` (org.json.JSONObject); other requests carry it
 * in `requestbody` (ScriptContent): both are read.
 */
export function jsonBody(): Record<string, unknown> {
  const s = scope();
  let text = '';
  if (s.json !== undefined && s.json !== null) text = String(s.json.toString());
  else if (s.requestbody !== undefined && s.requestbody !== null) text = String(s.requestbody.content);
  if (text.replace(/\s+/g, '') === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    // Malformed JSON from the client: a 400 as the REST API answers.
    fail(400, 'framework.exception.InvalidArgument', 'Could not read content from HTTP request body');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    fail(400, 'framework.exception.InvalidArgument', 'The request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/** Archive root and folder names (server/src/demo/archive-folders.ts). */
export const ARCHIVE_ROOT_NAME = 'EFR 执法记录';

/** An archive folder by its zh name (503 when the archive is not set up). */
export function archiveFolder(name: string): WsNode {
  const f = scope().companyhome.childByNamePath(ARCHIVE_ROOT_NAME + '/' + name);
  if (f === null || f === undefined) {
    fail(503, 'efr.archive.notSetUp', 'The archive folder ' + name + ' is not set up');
  }
  return f as WsNode;
}

/** The sub-folder `name` of `parent`, created when missing. */
export function subFolder(parent: WsNode, name: string): WsNode {
  const f = parent.childByNamePath(name);
  return f === null || f === undefined ? parent.createFolder(name) : f;
}

/** A node by id (404 when missing, unreadable or not of `type`). */
export function nodeOfType(id: string, type: string): WsNode {
  const notFound = (): never =>
    fail(404, 'framework.exception.EntityNotFound', 'The entity with id: ' + id + ' was not found');
  if (!/^[0-9A-Za-z-]{1,64}$/.test(id)) notFound();
  const n = scope().search.findNode('workspace://SpacesStore/' + id);
  if (n === null || n === undefined || String(n.typeShort) !== type) notFound();
  return n as WsNode;
}

/**
 * A node by id, or null when the id is malformed, the node is missing or the caller may not
 * read it (ACS's `search.findNode` answers null then): for lookups that are not the subject of
 * the request, where a miss is an answer, not a 404.
 */
export function findNodeById(id: string): WsNode | null {
  if (!/^[0-9A-Za-z-]{1,64}$/.test(id)) return null;
  const n = scope().search.findNode('workspace://SpacesStore/' + id);
  return n === null || n === undefined ? null : n;
}

/** The children of a folder of one type. */
export function childrenOfType(folder: WsNode, type: string): WsNode[] {
  const out: WsNode[] = [];
  const kids = folder.children;
  for (let i = 0; i < kids.length; i++) if (String(kids[i].typeShort) === type) out.push(kids[i]);
  return out;
}

/** Whether `userName` is a person in `group` (People#getContainerGroups, transitively). */
export function isUserInGroup(
  userName: string,
  group: string,
  groupsOf: (u: string) => string[],
): boolean {
  const p = scope().people.getPerson(userName);
  return p !== null && p !== undefined && groupsOf(userName).indexOf(group) >= 0;
}

/** The ACS list envelope of the REST API. */
export function listJson(entries: unknown[]): unknown {
  const wrapped: unknown[] = [];
  for (const e of entries) wrapped.push({ entry: e });
  return {
    list: {
      pagination: {
        count: entries.length,
        hasMoreItems: false,
        totalItems: entries.length,
        skipCount: 0,
        maxItems: Math.max(entries.length, 100),
      },
      entries: wrapped,
    },
  };
}

/** A node's id, as the entries carry it. */
export function idOf(n: WsNode): string {
  return nodeId(n);
}
