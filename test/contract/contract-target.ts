/**
 * One repository for every contract spec file of a run: server/ is started once (its demo
 * seeding runs ffmpeg, which is too slow to repeat per file) or, with EFR_ACS_URL, a real ACS is
 * used. A root-level `afterAll` (registered the first time a spec asks for the target) stops it
 * when the whole run ends.
 */
import { AcsHttp, basicAuth } from '../support/acs-http.js';
import { CORE } from '../support/server-harness.js';
import { contractTarget, type ContractTarget } from '../support/server-harness.js';

let pending: Promise<ContractTarget> | undefined;

/** The shared target, started on first use. */
export function sharedTarget(): Promise<ContractTarget> {
  pending ??= contractTarget();
  return pending;
}

// Called at module load (spec files import this module at top level), so Jasmine registers it
// on the root suite: it runs once, after every spec of the run.
afterAll(async () => {
  if (pending) {
    const target = await pending;
    pending = undefined;
    await target.close();
  }
});

/** An admin client on the shared target. */
export async function adminClient(): Promise<AcsHttp> {
  const target = await sharedTarget();
  return new AcsHttp(target.url, basicAuth(target.admin.user, target.admin.password));
}

/** A unique name for things a spec creates, so reruns against a real ACS never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Creates a folder under Company Home (`-root-`) for one spec file and returns its id. */
export async function createWorkFolder(http: AcsHttp, prefix: string): Promise<string> {
  const res = await http.post<{ entry: { id: string } }>(`${CORE}/nodes/-root-/children`,
    { name: uniqueName(prefix), nodeType: 'cm:folder' });
  if (res.status !== 201) throw new Error(`work folder: ${res.status} ${res.text}`);
  return res.body.entry.id;
}
