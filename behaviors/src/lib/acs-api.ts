/**
 * The shapes of what ACS puts in a script behaviour's scope, and typed access to those globals.
 *
 * ACS builds the model of a script behaviour with one entry, `behaviour`
 * (org.alfresco.repo.jscript.ScriptBehaviour#invokeScript), and adds its root-scoped script
 * extensions (`search`, `people`, `logger`, `utils`…). `person` is not in that model: it exists
 * only where a caller built the default model (web scripts, rules), so it is optional here.
 * Classpath scripts are "secure", so `Packages` (Java access) is available in ACS.
 */

/** A ScriptNode as the behaviours use it (org.alfresco.repo.jscript.ScriptNode). */
export interface ScriptNodeLike {
  /** `workspace://SpacesStore/<id>`. */
  readonly nodeRef: unknown;
  /** Node id (uuid). */
  readonly id: unknown;
  /** Type as `{uri}local`. */
  readonly type: unknown;
  /** Type as `prefix:local`. */
  readonly typeShort: unknown;
  /** Properties; ACS resolves both `efr:x` and `{uri}x` keys. */
  readonly properties: Record<string, unknown>;
  /** Target associations by `prefix:local` name. */
  readonly assocs?: Record<string, unknown>;
  /** Source associations by `prefix:local` name. */
  readonly sourceAssocs?: Record<string, unknown>;
  /** Primary parent, null at a store root. */
  readonly parent?: ScriptNodeLike | null;
  /** Whether the node has the aspect (`prefix:local` or `{uri}local`). */
  hasAspect(aspect: string): boolean;
  /** Whether the node's type is the given type or a subtype of it. */
  isSubType?(type: string): boolean;
}

/** The `behaviour` object (org.alfresco.repo.jscript.Behaviour). */
export interface BehaviourLike {
  /** The policy method name, e.g. `onUpdateProperties`. */
  readonly name: unknown;
  /** The policy arguments, converted by ValueConverter (maps stay Java maps). */
  readonly args: ArrayLike<unknown>;
}

/** The root-scoped `logger` (org.alfresco.repo.jscript.ScriptLogger). */
export interface LoggerLike {
  /** DEBUG level (ScriptLogger#log calls #debug). */
  log(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

/** The root-scoped `search` (org.alfresco.repo.jscript.Search). */
export interface SearchLike {
  /** Looks a node up by its NodeRef string. */
  findNode(nodeRef: string): ScriptNodeLike | null;
  /** Runs a query: `{ query, language }`. */
  query(def: { query: string; language: string }): ArrayLike<ScriptNodeLike>;
}

/** The root-scoped `people` (org.alfresco.repo.jscript.People). */
export interface PeopleLike {
  getPerson(userName: string): ScriptNodeLike | null;
  getContainerGroups(person: ScriptNodeLike): ArrayLike<ScriptNodeLike> | null;
}

declare const behaviour: BehaviourLike;
declare const logger: LoggerLike;
declare const search: SearchLike;
declare const people: PeopleLike;
declare const person: ScriptNodeLike | undefined;
declare const Packages: Record<string, unknown> | undefined;

/** The behaviour being run. */
export function currentBehaviour(): BehaviourLike {
  return behaviour;
}

/** The script logger. */
export function scriptLogger(): LoggerLike {
  return logger;
}

/** The search root object. */
export function scriptSearch(): SearchLike {
  return search;
}

/** The people root object. */
export function scriptPeople(): PeopleLike {
  return people;
}

/** The `person` global where the caller put one in the model, otherwise null. */
export function modelPerson(): ScriptNodeLike | null {
  return typeof person === 'undefined' || person === null ? null : person;
}

/** Java's package root (`Packages`) when the scope offers Java access, otherwise null. */
export function javaPackages(): Record<string, unknown> | null {
  return typeof Packages === 'undefined' || Packages === null ? null : Packages;
}

/** A Java class (or package) reached through `Packages` by its path, or null (non-secure). */
export function javaClassAt(path: string[]): Record<string, unknown> | null {
  let cursor: unknown = javaPackages();
  for (const part of path) {
    if (cursor === null || cursor === undefined) return null;
    cursor = (cursor as Record<string, unknown>)[part];
  }
  return cursor === null || cursor === undefined ? null : cursor as Record<string, unknown>;
}

/**
 * The node a script action runs on: `document` in the model ScriptActionExecuter builds
 * (ScriptService#buildDefaultModel: companyhome, userhome, person, document, space), or null
 * where the script is not run by an action. Read through the global object: `document` is not
 * one of the module's declared script globals, and TypeScript's DOM library claims the name.
 */
export function actionDocument(): ScriptNodeLike | null {
  // `this` of a plain call is the global object at Rhino language version 0 (no strict mode).
  const root = function (this: unknown): unknown {
    return this;
  };
  const doc = (root() as Record<string, unknown>)['document'];
  return doc === undefined || doc === null ? null : (doc as ScriptNodeLike);
}
