/**
 * A repository for the device and exemption API specs: a fresh data dir, the EFR groups, the
 * archive folders and one user per role (password `pw`), served by Fastify with the device
 * and exemption web scripts only, so these specs do not depend on other features' modules.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/src/app.js';
import { verifyChain } from '../../server/src/access-log/access-log.js';
import {
  basic,
  archiveRepository,
  type TempRepository,
} from '../../server/src/testing/temp-repository.js';
import { devicesModule } from '../../server/src/webscripts/devices/devices.module.js';
import { exemptionsModule } from '../../server/src/webscripts/exemptions/exemptions.module.js';

/** Users of the fixture and their group. */
export const USERS: [string, string][] = [
  ['officer1', 'GROUP_EFR_OFFICERS'],
  ['officer2', 'GROUP_EFR_OFFICERS'],
  ['custodian1', 'GROUP_EFR_CUSTODIANS'],
  ['leader1', 'GROUP_EFR_LEADERS'],
  ['leader2', 'GROUP_EFR_LEADERS'],
  ['unithead1', 'GROUP_EFR_UNIT_HEADS'],
  ['director1', 'GROUP_EFR_OFFICE_DIRECTORS'],
];

/** The `entry` of a single-entry answer. */
export function entryOf<T>(json: unknown): T {
  return (json as { entry: T }).entry;
}

/** The entries of a list answer. */
export function entriesOf<T>(json: unknown): T[] {
  return (json as { list: { entries: { entry: T }[] } }).list.entries.map((e) => e.entry);
}

/** `statusCode errorKey` of an ACS error body. */
export function errorOf(json: unknown): string {
  const e = (json as { error: { statusCode: number; errorKey: string } }).error;
  return `${e.statusCode} ${e.errorKey}`;
}

/** The fixture. */
export interface ApiFixture {
  t: TempRepository;
  app: FastifyInstance;
  /** POST/GET a web script as a user; returns status and parsed JSON. */
  call(
    user: string,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }>;
  /** Access-log entries (action, user, node, values) in order. */
  log(): { action: string; user: string; nodeId: string | null; values: Record<string, string> }[];
  /** Whether the hash chain verifies. */
  chainOk(): boolean;
  dispose(): Promise<void>;
}

/** Opens the fixture. */
export async function apiFixture(): Promise<ApiFixture> {
  const t = await archiveRepository(USERS);
  const app = await buildApp(t.repo, undefined, [devicesModule, exemptionsModule]);
  await app.ready();
  return {
    t,
    app,
    async call(user, method, path, body) {
      const r = await app.inject({
        method,
        url: `/alfresco/s/efr${path}`,
        headers: { ...basic(user, 'pw'), 'content-type': 'application/json' },
        payload: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.statusCode, json: r.body ? r.json() : {} };
    },
    log() {
      return (
        t.repo.db.prepare('SELECT entry_json FROM access_log ORDER BY id').all() as {
          entry_json: string;
        }[]
      ).map((r) => JSON.parse(r.entry_json));
    },
    chainOk: () => verifyChain(t.repo.db).ok,
    async dispose() {
      await app.close();
      await t.dispose();
    },
  };
}
