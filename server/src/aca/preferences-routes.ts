import type { FastifyInstance, FastifyRequest } from 'fastify';
import { callerOf } from '../http/auth.js';
import { badRequest, notFound } from '../http/errors.js';
import { listBody, pageOf, parsePaging } from '../http/paging.js';
import type { Caller, Repository } from '../repo/repository.js';
import { CORE } from '../routes/paths.js';
import { objectBody } from '../routes/nodes.js';
import { ownPerson } from './person-scope.js';

/** A preference name as ACS's (dotted, e.g. `org.alfresco.share.…`, or ACA's `saved-searches`). */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;

/**
 * `people/{personId}/preferences` of the ACS API, stored per user in SQLite. ACA 8 reads and
 * writes `saved-searches` here when the repository is 25.1 or later (discovery says 25.3).
 * The value is any JSON (the definition says "can be of any JSON type"); ACA sends a string.
 */
export function registerPreferences(app: FastifyInstance, repo: Repository): void {
  const owner = (req: FastifyRequest, c: Caller): string =>
    ownPerson(repo, c, (req.params as { personId: string }).personId);
  const nameOf = (req: FastifyRequest): string => {
    const name = (req.params as { preferenceName: string }).preferenceName;
    if (!NAME.test(name)) throw badRequest(`Invalid preference name: ${name}`);
    return name;
  };
  const entry = (name: string, value: string) => ({ id: name, value: JSON.parse(value) });

  app.get(`${CORE}/people/:personId/preferences`, async (req) => {
    const c = callerOf(repo, req);
    const user = owner(req, c);
    const paging = parsePaging(req.query as Record<string, unknown>);
    const rows = repo.db
      .prepare('SELECT name, value FROM preferences WHERE user_id = ? ORDER BY name')
      .all(user) as { name: string; value: string }[];
    return listBody(pageOf(rows, paging).map((r) => entry(r.name, r.value)), paging, rows.length);
  });

  app.get(`${CORE}/people/:personId/preferences/:preferenceName`, async (req) => {
    const c = callerOf(repo, req);
    const user = owner(req, c);
    const name = nameOf(req);
    const row = repo.db.prepare('SELECT value FROM preferences WHERE user_id = ? AND name = ?')
      .get(user, name) as { value: string } | undefined;
    if (!row) throw notFound(`The entity with id: ${name} was not found`);
    return { entry: entry(name, row.value) };
  });

  app.put(`${CORE}/people/:personId/preferences/:preferenceName`, async (req) => {
    const c = callerOf(repo, req);
    const user = owner(req, c);
    const name = nameOf(req);
    const body = objectBody(req);
    for (const k of Object.keys(body)) {
      if (k !== 'id' && k !== 'value') throw badRequest(`Unknown field: ${k}`);
    }
    if (body.id !== undefined && body.id !== name) throw badRequest('id does not match the path');
    if (body.value === undefined) throw badRequest('value is required');
    const value = JSON.stringify(body.value);
    repo.db.prepare(`INSERT INTO preferences (user_id, name, value) VALUES (?, ?, ?)
      ON CONFLICT(user_id, name) DO UPDATE SET value = excluded.value`).run(user, name, value);
    return { entry: entry(name, value) };
  });
}
