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

/** The user name the behaviour runs as. */
export function currentUserName(): string {
  const util = authenticationUtil();
  if (util !== null) {
    const name = util.getRunAsUser();
    if (name !== null && name !== undefined) return String(name);
  }
  const person = modelPerson();
  const fromPerson = person === null ? null : plainString(nodeProp(person, CM_USER_NAME));
  if (fromPerson === null) throw new Error('efr: no authenticated user in the behaviour scope');
  return fromPerson;
}

/** `GROUP_…` names of the groups containing the user, transitively (People#getContainerGroups). */
export function groupsOf(userName: string): string[] {
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
