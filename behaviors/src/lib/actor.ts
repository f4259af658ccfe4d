/**
 * Who is acting, as the rules need it: user name and ACS groups (core's Actor), plus whether
 * the repository itself acts (the System user, under AuthenticationUtil.runAsSystem).
 *
 * In ACS a script behaviour has no `person` in its model (ScriptBehaviour puts only `behaviour`
 * there), so the user comes from Java's AuthenticationUtil (classpath scripts are secure and
 * may use `Packages`). Where a caller did put `person` in the model (web scripts, the Rhino
 * harness), that is used when Java's class is not on the classpath.
 */
import type { Actor } from '../../../core/src/index.js';
import { javaPackages, modelPerson, scriptPeople } from './acs-api.js';
import type { ScriptNodeLike } from './acs-api.js';
import { CM_AUTHORITY_NAME, CM_USER_NAME, nodeProp } from './model-names.js';
import { plainString } from './java-values.js';

/** The user name ACS gives the repository acting for itself. */
export const SYSTEM_USER = 'System';

/** The actor of a behaviour. */
export interface BehaviourActor extends Actor {
  /** Whether the repository itself acts (System user): role checks do not apply to it. */
  system: boolean;
}

/** The work AuthenticationUtil.runAs* runs (the Java interface AuthenticationUtil.RunAsWork). */
interface RunAsWorkImpl {
  doWork(): unknown;
}

interface AuthenticationUtilLike {
  getRunAsUser(): unknown;
  /** `runAsSystem(RunAsWork)`: runs the work as System and returns its result. */
  runAsSystem?(work: unknown): unknown;
  /** The nested interface; Rhino makes an adapter of `new RunAsWork({ doWork: … })`. */
  RunAsWork?: new (impl: RunAsWorkImpl) => unknown;
}

/** org.alfresco.repo.security.authentication.AuthenticationUtil, when Java offers it. */
function authenticationUtil(): AuthenticationUtilLike | null {
  const pkgs = javaPackages();
  if (pkgs === null) return null;
  let cursor: unknown = pkgs;
  const path = ['org', 'alfresco', 'repo', 'security', 'authentication', 'AuthenticationUtil'];
  for (const part of path) {
    if (cursor === null || cursor === undefined) return null;
    cursor = (cursor as Record<string, unknown>)[part];
  }
  // A missing class is a NativeJavaPackage: its members are packages, never functions.
  const util = cursor as Record<string, unknown> | null | undefined;
  return util && typeof util['getRunAsUser'] === 'function'
    ? (util as unknown as AuthenticationUtilLike) : null;
}

/**
 * The user name the script runs as, or null when nobody is authenticated: Solr's content fetch
 * for indexing (NodeContentGet, a web script of authentication "none") reads content with no
 * user at all.
 */
export function currentUserNameOrNull(): string | null {
  const util = authenticationUtil();
  if (util !== null) {
    const name = util.getRunAsUser();
    if (name !== null && name !== undefined) return String(name);
  }
  const person = modelPerson();
  return person === null ? null : plainString(nodeProp(person, CM_USER_NAME));
}

/** The user name the behaviour runs as (throws when nobody is authenticated). */
export function currentUserName(): string {
  const name = currentUserNameOrNull();
  if (name === null) throw new Error('efr: no authenticated user in the behaviour scope');
  return name;
}

/** AuthorityService as the `groups` root object hands it out (ScriptAuthorityService). */
interface AuthorityServiceLike {
  getContainingAuthorities(type: unknown, name: string, immediate: boolean): {
    iterator(): { hasNext(): boolean; next(): unknown };
  } | null;
}

/** The `groups` root object (org.alfresco.repo.security.authority.script.ScriptAuthorityService). */
function authorityService(): AuthorityServiceLike | null {
  // Read through the global object: `groups` is not one of the module's declared globals.
  const root = function (this: unknown): unknown {
    return this;
  };
  const groups = (root() as Record<string, unknown>)['groups'] as
    { getAuthorityService?(): AuthorityServiceLike | null } | undefined;
  if (groups === undefined || groups === null || typeof groups.getAuthorityService !== 'function') {
    return null;
  }
  return groups.getAuthorityService();
}

/**
 * `GROUP_…` names of the groups containing the user, transitively, in every zone. People#
 * getContainerGroups answers only groups of zone APP.DEFAULT (People.java l. 1196-1215,
 * 25.5.0.31), so groups synced from LDAP or Active Directory (zones AUTH.EXT.*) would be
 * invisible to every role check; AuthorityService#getContainingAuthorities sees every zone and
 * is open to every caller (public-services-security-context.xml l. 840: ACL_ALLOW). The
 * `groups` root object hands that service out (ScriptAuthorityService#getAuthorityService).
 */
export function groupsOf(userName: string): string[] {
  const service = authorityService();
  if (service !== null) {
    const found = service.getContainingAuthorities(null, userName, false);
    const out: string[] = [];
    if (found === null || found === undefined) return out;
    const it = found.iterator();
    while (it.hasNext()) {
      const name = String(it.next());
      if (name.indexOf('GROUP_') === 0) out.push(name);
    }
    return out;
  }
  const people = scriptPeople();
  const personNode: ScriptNodeLike | null = people.getPerson(userName);
  if (personNode === null || personNode === undefined) return [];
  const groups = people.getContainerGroups(personNode);
  const out: string[] = [];
  if (groups === null || groups === undefined) return out;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    // getContainerGroups leaves null holes for groups it cannot read.
    if (g === null || g === undefined) continue;
    const name = plainString(nodeProp(g, CM_AUTHORITY_NAME));
    if (name !== null) out.push(name);
  }
  return out;
}

/** The actor of the running behaviour. */
export function currentActor(): BehaviourActor {
  const userName = currentUserName();
  const system = userName === SYSTEM_USER;
  return { userName, groups: system ? [] : groupsOf(userName), system };
}

/**
 * Runs `work` as System, the repository acting for itself. Scheduled work needs it: ACS's script
 * action runs as a user that must have a Person (ScriptActionExecuter asks PersonService for the
 * current user's person, and System has none), so the window-expiry job runs as a configured
 * person and switches to System here through AuthenticationUtil.runAsSystem (classpath scripts
 * are secure and may use `Packages`). Behaviours fired by the work see `System` as their user.
 * Throws when Java's AuthenticationUtil is out of reach (a non-secure script): the work would
 * otherwise run under the wrong name.
 */
export function runAsSystem(work: () => void): void {
  const util = authenticationUtil();
  if (util !== null && String(util.getRunAsUser()) === SYSTEM_USER) {
    work();
    return;
  }
  if (util === null || typeof util.runAsSystem !== 'function' ||
    typeof util.RunAsWork !== 'function') {
    throw new Error('efr: AuthenticationUtil.runAsSystem is not available to this script');
  }
  util.runAsSystem(new util.RunAsWork({
    doWork: () => {
      work();
      return null;
    },
  }));
}
