// Runs the module's web script controllers from the built JAR (what ships) in the ACS-like
// runtime (test/acs-runtime): calls against one repository, each as Surf runs a JavaScript web
// script inside ACS, with the module's behaviours bound. What differs between features
// (controller areas, archive folders) is a WebScriptFeature (webscript-features.ts).
import { moduleParts, runDriver, WEBSCRIPT_ROOT } from '../acs-runtime/acs-runtime.js';
import { checkModuleAnswer } from '../support/contract-check.js';
import { shortLog, type FixtureValue } from './rhino-run.js';
import { completeRecording } from './fixtures.js';

/** One feature's web scripts as the specs run them. */
export interface WebScriptFeature {
  /** Controller folders under behaviors/src/webscripts/ whose controllers the calls name. */
  areas: readonly string[];
  /** Archive folders made under Company Home first (server/src/demo/archive-folders.ts). */
  folders: readonly string[];
  /** First letter of node ids (default `n`). */
  idPrefix?: string;
  /** ACEs already set on folders (path → `ALLOWED;<authority>;<role>`), as a deployment sets them. */
  folderAces?: Record<string, string[]>;
}

/**
 * A setup node: `folder` is a path from Company Home (nodes may sit in earlier nodes); `#name`
 * in its properties names an earlier setup node.
 */
export interface SetupNode {
  folder: string;
  name: string;
  type: string;
  /** A `{ file, mimetype? }` value is content already stored (cm:content over that file). */
  properties: Record<string, unknown>;
  /** Content stored in the content store under a new URL (a file of the test). */
  content?: { file: string; mimetype?: string };
  /** Versions of the node kept in the version store (cm:versionable). */
  versions?: number;
  /** Renditions: cm:thumbnail children with their own stored content. */
  renditions?: { name: string; file: string }[];
  /** Peer associations to earlier setup nodes (`#name`), as stored. */
  assocs?: Record<string, string[]>;
}

/**
 * A look at the content store between calls: one line per content URL,
 * `<url> row=live|orphaned|none binary=yes|no backup=yes|no refs=<ids>` (in `body.store`).
 */
export interface StoreReportCall {
  name: string;
  storeReport: true;
}

/**
 * ACS's ContentStoreCleaner job run `days` from now: orphaned URLs older than
 * `system.content.orphanProtectDays` (14) lose their row and their binary, copied into
 * contentstore.deleted first when there is one (`body.cleaned`, `body.store`).
 */
export interface ContentStoreCleanerCall {
  name: string;
  contentStoreCleaner: { days: number };
}

/** One web script call. */
export interface WsCall {
  name: string;
  /** Controller id and method, e.g. `device-step.post`. */
  script: string;
  user: string;
  /** `@call` = id answered by an earlier call; `#name` = id of a setup node. */
  templateArgs?: Record<string, string>;
  args?: Record<string, string>;
  /** Request headers (Surf's `headers`, e.g. `Accept-Language`). */
  headers?: Record<string, string>;
  /** Top-level `@call` / `#name` values (and those in arrays) are resolved too. */
  body?: unknown;
  /** Rhino optimization level: -1 interprets, 0 (default) compiles to bytecode. */
  optimizationLevel?: number;
}

/** An upload through the children API, which the controllers then find (answers `{ id }`). */
export interface UploadCall {
  name: string;
  user: string;
  /** `parent` and property values may be `@call` / `#name` references. */
  create: { parent: string; name: string; type: string; properties: Record<string, unknown> };
}

/**
 * What a client of ACS's generic REST API (or CMIS, WebDAV, Share) does to a node through the
 * public services (`node`, `target`, `dest`: `@call` / `#name`); the module's behaviours decide.
 */
export interface RestCall {
  name: string;
  user: string;
  rest: {
    op: 'update' | 'addAspect' | 'removeAspect' | 'addAssoc' | 'removeAssoc' | 'lock' | 'delete'
      | 'move' | 'copy' | 'setPermission' | 'get' | 'children' | 'share' | 'render' | 'download'
      | 'version' | 'checkout' | 'putFile' | 'putContent' | 'content';
    /** `render`: the rendition's name (default doclib). */
    rendition?: string;
    node: string;
    properties?: Record<string, unknown>;
    aspect?: string;
    target?: string;
    assoc?: string;
    lockType?: string;
    persistent?: boolean;
    dest?: string;
    /** `copy`: the copy's name (default: the source's). */
    newName?: string;
    authority?: string;
    role?: string;
    /** `putFile`: the file whose bytes become the node's content. */
    file?: string;
    /** `putContent`: the content written, as UTF-8 (PUT /nodes/{id}/content). */
    text?: string;
    /** `putContent`: its media type (default application/octet-stream). */
    mimetype?: string;
  };
}

/**
 * A look at the ACEs of one node between calls (the `permissions` hook): answers them in
 * `body.permissions` as `ALLOWED;<authority>;<role>`.
 */
export interface PermissionsCall {
  name: string;
  /** `#name` of a setup node or `@call` of an earlier call. */
  permissionsOf: string;
}

/**
 * The efr-access rows changed behind ACS's back (test/acs-runtime Audit#seedReads, #tamper):
 * answers the stored rows in `body.audit` (Audit#rows).
 */
export interface AuditCall {
  name: string;
  audit: { op: 'seed'; count: number; user: string; node: string; type: string;
    firstMillis: number } | { op: 'change'; position: number; key: string; value: string }
    | { op: 'remove' | 'reorder'; position: number };
}

/** A look at one stored node (type, properties, aspects) at that point of the run. */
export interface NodeOfCall {
  name: string;
  /** `#name` of a setup node or `@call` of an earlier call. */
  nodeOf: string;
}

/**
 * One answer. The driver adds `$tree` (every node path, in `logs`), `$moves` (the moves of
 * the `move` hook) and `$nodes` (`<name> <id>` of each setup node, in `logs`) after the calls.
 */
export interface WsResult<Entry = Record<string, unknown>> {
  name: string;
  status: number;
  body: {
    entry?: Entry;
    list?: { entries: { entry: Entry }[] };
    error?: { errorKey: string; statusCode: number; briefSummary: string };
    /** A {@link PermissionsCall}'s answer. */
    permissions?: string[];
    /** A {@link NodeOfCall}'s answer. */
    node?: { type: string; props: Record<string, unknown>; aspects: string[] };
    /** A {@link StoreReportCall}'s (and a {@link ContentStoreCleanerCall}'s) answer. */
    store?: string[];
    /** A {@link ContentStoreCleanerCall}'s answer: the URLs the job cleaned. */
    cleaned?: string[];
    /** An {@link AuditCall}'s answer: the stored efr-access rows. */
    audit?: string[];
  } | null;
  logs: string[];
  error: string | null;
  /** The Content-Type Surf set for a web script's answer (format's mimetype, `;charset=UTF-8`). */
  contentType?: string;
  /** Writes the call made (a rolled-back call's too). */
  writes?: number;
  /** Wall-clock milliseconds the call took in the runtime. */
  ms?: number;
}

/** The location of each controller of the feature's areas: `<id>.<method>` → location. */
async function controllers(feature: WebScriptFeature): Promise<Map<string, string>> {
  const { scripts } = await moduleParts();
  const out = new Map<string, string>();
  for (const location of Object.keys(scripts)) {
    const m = new RegExp(`^classpath\\*:${WEBSCRIPT_ROOT}/org/efr/([^/]+)/([^/]+)\\.js$`).exec(location);
    if (m && feature.areas.includes(m[1])) out.set(m[2], location);
  }
  return out;
}

/**
 * Runs the calls in order against one repository holding the feature's folders, `users` (user
 * name → groups) and the setup `nodes`; answers by call name. Every call answering an error
 * status after it wrote something is reported in `wroteOnRefusal` (ACS would commit those
 * writes: DeclarativeWebScript renders the status, only a throw rolls back).
 */
export async function runWebScripts<Entry = Record<string, unknown>>(
  feature: WebScriptFeature,
  users: Record<string, string[]>,
  calls: readonly (WsCall | UploadCall | PermissionsCall | RestCall | NodeOfCall |
    StoreReportCall | ContentStoreCleanerCall | AuditCall)[],
  nodes: readonly SetupNode[] = [],
  /** The ACS version to play where versions differ (default 25.5). */
  acsVersion?: string,
  /** Properties of people by user name (e.g. cm:organization, their unit). */
  personProps?: Record<string, Record<string, FixtureValue>>,
  /** The installation's settings the runtime plays (e.g. system.content.eagerOrphanCleanup). */
  settings?: { eagerOrphanCleanup?: boolean },
): Promise<Record<string, WsResult<Entry>>> {
  const locations = await controllers(feature);
  const location = (id: string): string => {
    const l = locations.get(id);
    if (l === undefined) throw new Error(`no controller ${id} in ${feature.areas.join(', ')}`);
    return l;
  };
  // Stored and uploaded recordings carry every mandatory property, as ACS's integrity checker
  // demands of each at commit (the app's upload sends them: extension/handover/handover.rules.ts).
  const complete = <T extends { type: string; properties: Record<string, unknown> }>(n: T): T =>
    (n.type === 'efr:recording' ? { ...n, properties: completeRecording(n.properties) } : n);
  const results = await runDriver<WsResult<Entry>[]>('webscripts.js', {
    acsVersion,
    users,
    personProps,
    eagerOrphanCleanup: settings?.eagerOrphanCleanup === true,
    folders: feature.folders,
    folderAces: feature.folderAces ?? {},
    nodes: nodes.map(complete),
    idPrefix: feature.idPrefix ?? 'n',
    calls: calls.map((c) => ('script' in c ? { ...c, location: location(c.script) }
      : 'create' in c ? { ...c, create: complete(c.create) } : c)),
  });
  const out: Record<string, WsResult<Entry>> = {};
  // Issue 14, finding 6: a controller that answers an error after it wrote keeps the write in
  // ACS (Surf renders the status; only a throw rolls the transaction back). Every refusal must
  // be decided before the first write, so any such call fails the run.
  const wroteThenRefused = results.filter((x) => x.status >= 400 && x.status !== 500 && (x.writes ?? 0) > 0);
  if (wroteThenRefused.length > 0) {
    throw new Error('web scripts answered an error after writing (ACS would commit the writes): ' +
      wroteThenRefused.map((x) => `${x.name} ${x.status} after ${x.writes} write(s)`).join(', '));
  }
  // Every answer of a module web script keeps contract/ as server/'s do (issue 15).
  const scriptOf = new Map(calls.flatMap((c) => ('script' in c ? [[c.name, c] as const] : [])));
  for (const x of results) {
    const call = scriptOf.get(x.name);
    const id = call && new RegExp(`${WEBSCRIPT_ROOT}/org/efr/(.+)\\.js$`)
      .exec(location(call.script))?.[1];
    if (call && id && x.status !== 500) {
      checkModuleAnswer(id, call.templateArgs ?? {}, x.status, x.body, x.contentType);
    }
    out[x.name] = { ...x, logs: x.logs.map(shortLog) };
    // EFR_ACSRT_DEBUG=1 prints every failed call with the Java root cause.
    if (process.env.EFR_ACSRT_DEBUG && x.status >= 400) {
      console.error(`[acs-runtime] ${x.name}: ${x.status} ${x.error ?? JSON.stringify(x.body)}\n` +
        `${(x as { trace?: string }).trace ?? ''}`);
    }
  }
  return out;
}
