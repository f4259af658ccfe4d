import type { FastifyInstance } from 'fastify';
import { authOf, callerOf } from '../http/auth.js';
import { badRequest, AcsError, notFound } from '../http/errors.js';
import { listBody, pageOf, parsePaging } from '../http/paging.js';
import type { PersonRow } from '../repo/authorities.js';
import type { Repository } from '../repo/repository.js';
import { AUTH, CORE } from './paths.js';

/** Version facts of the repository this server stands in for. */
export const REPOSITORY_VERSION = {
  major: '25',
  minor: '3',
  patch: '0',
  hotfix: '0',
  schema: 19200,
  label: 'r',
  display: '25.3.0 (r) schema 19200',
};

/** Tickets, discovery, people and groups. */
export function registerAuthPeople(app: FastifyInstance, repo: Repository): void {
  app.post(`${AUTH}/tickets`, async (req, reply) => {
    const body = req.body as Record<string, unknown> | undefined;
    if (
      typeof body !== 'object' ||
      body === null ||
      typeof body.userId !== 'string' ||
      typeof body.password !== 'string' ||
      body.userId === ''
    ) {
      throw badRequest('userId and password are required');
    }
    const user = repo.auth.verifyPassword(body.userId, body.password);
    if (!user) throw new AcsError(403, 'framework.exception.PermissionDenied', 'Login failed');
    const id = repo.auth.issueTicket(user);
    return reply.code(201).send({ entry: { id, userId: user } });
  });
  app.get(`${AUTH}/tickets/:ticketId`, async (req) => {
    const { ticketId } = req.params as { ticketId: string };
    if (ticketId !== '-me-') throw notFound('Only -me- can be validated');
    const { auth } = authOf(repo, req);
    // ACS answers with the ticket used, or with a new one for Basic user:password.
    return { entry: { id: auth.ticket ?? repo.auth.issueTicket(auth.userId) } };
  });
  app.delete(`${AUTH}/tickets/:ticketId`, async (req, reply) => {
    const { ticketId } = req.params as { ticketId: string };
    if (ticketId !== '-me-') throw notFound('Only -me- can be deleted');
    const { auth } = authOf(repo, req);
    if (auth.ticket) repo.auth.deleteTicket(auth.ticket);
    return reply.code(204).send();
  });

  app.get('/alfresco/api/discovery', async (req) => {
    callerOf(repo, req);
    return {
      entry: {
        repository: {
          id: repo.meta('repository_id') ?? 'efr-embedded',
          edition: 'Community',
          version: REPOSITORY_VERSION,
          status: {
            isReadOnly: false,
            isAuditEnabled: true,
            isQuickShareEnabled: false,
            isThumbnailGenerationEnabled: false,
            isDirectAccessUrlEnabled: false,
          },
          modules: [
            {
              id: 'efr-repo',
              title: 'EFR enforcement records repository module',
              description: 'EFR model, rules and access log',
              version: '0.1.0',
              installState: 'INSTALLED',
              versionMin: '23.1',
              versionMax: '25.99',
            },
          ],
        },
      },
    };
  });

  const personJson = (p: PersonRow): Record<string, unknown> => ({
    id: p.id,
    firstName: p.firstName,
    ...(p.lastName ? { lastName: p.lastName } : {}),
    displayName: [p.firstName, p.lastName].filter(Boolean).join(' '),
    email: p.email,
    enabled: p.enabled,
    emailNotificationsEnabled: true,
    ...(typeof p.props.jobTitle === 'string' ? { jobTitle: p.props.jobTitle } : {}),
    // ACS's Person carries cm:organization as company.organization (Person.java, 23.1.1.12,
    // remote-api/src/main/java/org/alfresco/rest/api/model/Person.java:162-170).
    ...(typeof p.props.organization === 'string'
      ? { company: { organization: p.props.organization } }
      : {}),
    capabilities: { isAdmin: repo.auth.isAdmin(p.id), isGuest: false, isMutable: true },
  });
  const personId = (raw: string, me: string): string => (raw === '-me-' ? me : raw);

  app.get(`${CORE}/people`, async (req) => {
    callerOf(repo, req);
    const paging = parsePaging(req.query as Record<string, unknown>);
    const all = repo.auth.people();
    return listBody(pageOf(all, paging).map(personJson), paging, all.length);
  });
  app.get(`${CORE}/people/:personId`, async (req) => {
    const c = callerOf(repo, req);
    const id = personId((req.params as { personId: string }).personId, c.userId);
    const p = repo.auth.person(id);
    if (!p) throw notFound(`The entity with id: ${id} was not found`);
    return { entry: personJson(p) };
  });
  app.get(`${CORE}/people/:personId/groups`, async (req) => {
    const c = callerOf(repo, req);
    const id = personId((req.params as { personId: string }).personId, c.userId);
    if (!repo.auth.person(id)) throw notFound(`The entity with id: ${id} was not found`);
    const paging = parsePaging(req.query as Record<string, unknown>);
    const all = repo.auth
      .groupsOf(id)
      .filter((g) => g !== 'GROUP_EVERYONE')
      .sort()
      .map((g) => repo.auth.group(g))
      .filter((g) => g !== undefined)
      .map((g) => groupJson(repo, g.id, g.displayName));
    return listBody(pageOf(all, paging), paging, all.length);
  });

  app.get(`${CORE}/groups`, async (req) => {
    callerOf(repo, req);
    const paging = parsePaging(req.query as Record<string, unknown>);
    const all = repo.auth.groups().map((g) => groupJson(repo, g.id, g.displayName));
    return listBody(pageOf(all, paging), paging, all.length);
  });
  app.get(`${CORE}/groups/:groupId`, async (req) => {
    callerOf(repo, req);
    const g = repo.auth.group((req.params as { groupId: string }).groupId);
    if (!g) throw notFound('Group not found');
    return { entry: groupJson(repo, g.id, g.displayName) };
  });
  app.get(`${CORE}/groups/:groupId/members`, async (req) => {
    callerOf(repo, req);
    const g = repo.auth.group((req.params as { groupId: string }).groupId);
    if (!g) throw notFound('Group not found');
    const paging = parsePaging(req.query as Record<string, unknown>);
    const all = repo.auth
      .members(g.id)
      .map((m) => ({
        id: m.id,
        memberType: m.type,
        displayName:
          m.type === 'GROUP'
            ? (repo.auth.group(m.id)?.displayName ?? m.id)
            : repo.auth.displayName(m.id),
      }));
    return listBody(pageOf(all, paging), paging, all.length);
  });
}

function groupJson(repo: Repository, id: string, displayName: string): Record<string, unknown> {
  const parents = repo.auth.parentGroups(id);
  return {
    id,
    displayName,
    isRoot: parents.length === 0,
    hasSubgroups: repo.auth.members(id).some((m) => m.type === 'GROUP'),
    parentIds: parents,
    zones: ['APP.DEFAULT', 'AUTH.ALF'],
  };
}
