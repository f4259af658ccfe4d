/**
 * A web script written once: its URL, method and handler over the repository port. server/
 * registers each definition as a route (server/src/webscripts/port/port-routes.ts); the module
 * compiles one controller per definition that only names it (behaviors/src/lib/port-web-script
 * .ts), and a spec checks the module's `<id>.<method>.desc.xml` against the definition.
 */
import type { PortNode, RepositoryPort } from './repository-port.js';

/** The request as a handler reads it: plain strings and a JSON object body. */
export interface WebScriptCall {
  /** URL template arguments (`{id}`). */
  params: Record<string, string>;
  /** Query arguments (the first value of each). */
  query: Record<string, string | undefined>;
  /** The JSON object body (`{}` when there is none). */
  body: Record<string, unknown>;
  /** The request's `Accept-Language` header (for a document's one language), if any. */
  acceptLanguage?: string;
}

/** A handler's answer. */
export interface WebScriptAnswer {
  status: number;
  body: unknown;
  /**
   * A stored document to stream instead of a JSON body (status 200): the node whose content
   * is answered, and its name. The module's descriptor is then of kind
   * `org.alfresco.repository.content.stream` (ACS's StreamContent streams `model.contentNode`);
   * server/ streams the same bytes.
   */
  content?: { nodeId: string; name: string };
  /**
   * A text document instead of a JSON body (status 200), in the format the request's
   * `format=` argument named (today `csv`): server/ answers it as `text/csv; charset=utf-8`
   * with `Content-Disposition: attachment; filename="<fileName>"`; the module renders it
   * through the descriptor's `<id>.<method>.csv.ftl` (`${body}`), whose Content-Type Surf sets
   * from the format (`text/csv;charset=UTF-8`) and which cannot name the file (docs/api.md "In
   * the ACS module").
   */
  text?: { format: 'csv'; text: string; fileName: string };
}

/** One EFR web script, the same in both hosts. */
export interface WebScriptDefinition {
  /** Surf's id: the controller's file name without the method, e.g. `violation`. */
  id: string;
  method: 'GET' | 'POST';
  /** URL template under `/efr`, e.g. `/violations/{id}` (Surf's `<url>` minus `/efr`). */
  path: string;
  /** The module's web script folder (`org/efr/<area>/`). */
  area: string;
  /** Short description, the descriptor's `<shortname>`. */
  title: string;
  /**
   * Whether it may answer a stored document (`content` of its answer): the module's descriptor
   * is then of kind `org.alfresco.repository.content.stream`.
   */
  streams?: boolean;
  /** Decides and acts; throws {@link WebScriptError} (or the port's refusal) to refuse. */
  handle(port: RepositoryPort, call: WebScriptCall): WebScriptAnswer;
}

/**
 * A refusal of bad input (400) or of a missing subject (404) with the REST API error key.
 * Thrown before any write: each host answers it with the ACS error body.
 */
export class WebScriptError extends Error {
  constructor(readonly status: number, readonly errorKey: string, readonly summary: string) {
    super(summary);
    // ES5 lowering of `extends Error` loses the prototype; hosts test `status` instead.
    this.name = 'WebScriptError';
  }
}

/** Whether a thrown value is a {@link WebScriptError} (also across the ES5 lowering). */
export function isWebScriptError(e: unknown): e is WebScriptError {
  return typeof e === 'object' && e !== null &&
    (e as { name?: unknown }).name === 'WebScriptError' &&
    typeof (e as { status?: unknown }).status === 'number';
}

/** 404 as the REST API answers a missing entity. */
export function notFound(id: string): WebScriptError {
  return new WebScriptError(404, 'framework.exception.EntityNotFound',
    'The entity with id: ' + id + ' was not found');
}

/** 400 as the REST API answers a bad argument. */
export function invalidArgument(summary: string): WebScriptError {
  return new WebScriptError(400, 'framework.exception.InvalidArgument', summary);
}

/** The node `id` of exactly `type` that the caller may read (404 otherwise). */
export function readableOfType(port: RepositoryPort, id: string, type: string) {
  const n = port.node(id);
  if (n === null || n.type !== type) throw notFound(id);
  return n;
}

/** A trimmed text field of a body, '' when absent; 400 when not text or longer than `max`. */
export function bodyText(body: Record<string, unknown>, key: string, max: number): string {
  const v = body[key];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw invalidArgument(key + ' must be a string');
  if (v.length > max) throw invalidArgument(key + ' is longer than ' + max + ' characters');
  return v.replace(/^\s+|\s+$/g, '');
}

/**
 * A `GET …/{id}` web script that answers one readable node of `type` as `{ entry }` (404 for
 * any other id): the read of a register entry, whose JSON `json` makes.
 */
export function entryGet(
  d: { id: string; path: string; area: string; title: string; type: string },
  json: (port: RepositoryPort, n: PortNode) => unknown,
): WebScriptDefinition {
  return {
    id: d.id, method: 'GET', path: d.path, area: d.area, title: d.title,
    handle(port, call) {
      return { status: 200, body: { entry: json(port, readableOfType(port, call.params.id,
        d.type)) } };
    },
  };
}

// --- access log (issue 15/18) ---
/** An archive folder a web script writes in: 503 when the archive is not set up. */
export function requiredArchiveFolder(port: RepositoryPort, name: string) {
  const folder = port.archiveFolder(name);
  if (folder === null) {
    throw new WebScriptError(503, 'efr.archive.notSetUp',
      'The archive folder ' + name + ' is not set up');
  }
  return folder;
}
