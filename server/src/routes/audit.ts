import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  accessAuditEntryOf,
  GROUP_EFR_CUSTODIANS,
  GROUP_EFR_LEGAL,
  GROUP_EFR_SUPERVISORS,
  isWorker,
  mayWorkerRead,
} from '../../../core/src/index.js';
import { parseLogRow } from '../access-log/access-log.js';
import { callerOf } from '../http/auth.js';
import { AcsError, badRequest, forbidden, notFound } from '../http/errors.js';
import { listBody, parsePaging } from '../http/paging.js';
import { formatAcsDate, parseIsoDate } from '../model/property-values.js';
import { parseIncludes } from '../repo/node-json.js';
import type { Caller, Repository } from '../repo/repository.js';
import { CORE } from './paths.js';
import { jobsCopying } from '../rules/package-job-reads.js';

/** The audit application id and name of the access log. */
export const ACCESS_APP = { id: 'efr-access', name: 'EFR access log' };
const KEY_PREFIX = '/efr-access/';
/** Groups that may read the access log besides administrators (R14.1, R28.1 oversight). */
const AUDIT_READERS = [GROUP_EFR_SUPERVISORS, GROUP_EFR_CUSTODIANS, GROUP_EFR_LEGAL];

export interface RawLog {
  id: number;
  created_at: number;
  user_id: string;
  action: string;
  node_id: string | null;
  entry_json: string;
  prev_hash: string;
  hash: string;
}

/** Whether the caller is efr worker's service user (GROUP_EFR_WORKERS). */
function isWorkerCaller(c: Caller): boolean {
  return isWorker({ userName: c.userId, groups: c.rule.groups });
}

/**
 * Refuses (403) callers who may not read the whole access log: administrators, the log's
 * readers, and efr worker, which builds the log's Merkle tree over every entry (issue 18; in ACS
 * its service user is an administrator, as ACS's AuditService demands: docs/deploy.md).
 */
function requireLogReader(c: Caller): void {
  if (!isWorkerCaller(c)) requireAuditReader(c);
}

/** Refuses (403) callers who may not read the access log. */
export function requireAuditReader(c: Caller): void {
  if (!c.perms.isAdmin && !c.rule.groups.some((g) => AUDIT_READERS.includes(g))) {
    throw forbidden('Only administrators and supervisors may read the access log');
  }
}

/** Parses the `where` of audit entries into SQL (createdByUser, createdAt BETWEEN, id BETWEEN, values). */
function whereSql(where: unknown, params: unknown[]): string[] {
  if (where === undefined || where === '') return [];
  if (typeof where !== 'string') throw badRequest('where must be a string');
  const m = /^\s*\((.*)\)\s*$/s.exec(where);
  if (!m) throw badRequest(`Invalid where clause: ${where}`);
  const out: string[] = [];
  let key: string | undefined;
  let value: string | undefined;
  for (const clause of m[1].split(/\s+and\s+/i)) {
    const c = clause.trim();
    let x: RegExpExecArray | null;
    if ((x = /^createdByUser\s*=\s*'([^']*)'$/.exec(c))) {
      out.push('user_id = ?');
      params.push(x[1] === '-me-' ? '\u0000me' : x[1]);
    } else if ((x = /^createdAt\s+BETWEEN\s*\(\s*'([^']+)'\s*,\s*'([^']+)'\s*\)$/i.exec(c))) {
      const a = parseIsoDate(x[1]);
      const b = parseIsoDate(x[2]);
      if (a === undefined || b === undefined) throw badRequest(`Invalid dates in where: ${c}`);
      out.push('created_at BETWEEN ? AND ?');
      params.push(a, b);
    } else if ((x = /^id\s+BETWEEN\s*\(\s*'?(\d+)'?\s*,\s*'?(\d+)'?\s*\)$/i.exec(c))) {
      out.push('id BETWEEN ? AND ?');
      params.push(Number(x[1]), Number(x[2]));
    } else if ((x = /^valuesKey\s*=\s*'([^']*)'$/.exec(c))) key = x[1];
    else if ((x = /^valuesValue\s*=\s*'([^']*)'$/.exec(c))) value = x[1];
    else throw badRequest(`Invalid where clause: ${where}`);
  }
  if (key !== undefined) {
    if (!key.startsWith(KEY_PREFIX)) out.push('0');
    else {
      const k = key.slice(KEY_PREFIX.length);
      const expr =
        k === 'action'
          ? 'action'
          : k === 'nodeId'
            ? 'node_id'
            : k === 'user'
              ? 'user_id'
              : "json_extract(entry_json, '$.values.' || json_quote(?))";
      if (expr.startsWith('json')) params.push(k);
      out.push(value === undefined ? `${expr} IS NOT NULL` : `${expr} = ?`);
      if (value !== undefined) params.push(value);
    }
  } else if (value !== undefined) {
    out.push(`(action = ? OR node_id = ? OR EXISTS (SELECT 1 FROM json_each(entry_json, '$.values') j
      WHERE j.value = ?))`);
    params.push(value, value, value);
  }
  return out;
}

/**
 * An access_log row as the audit entry the REST API serves (the shape the Merkle tree's leaf
 * covers, core's accessAuditEntryOf, core/src/merkle/audit-leaf.ts): id, time and user from the
 * row's columns, as ACS answers them from alf_audit_entry, the values from the chained entry.
 */
export function auditEntryOfRow(r: RawLog): { id: string; createdAt: string;
  createdByUser: { id: string }; values: Record<string, string> } {
  return { id: String(r.id), createdAt: formatAcsDate(r.created_at),
    createdByUser: { id: r.user_id }, values: accessAuditEntryOf(parseLogRow(r)).values };
}

/** Every access-log row in id order as its REST audit entry (the module reads ACS's). */
export function allAuditEntries(repo: Repository): ReturnType<typeof auditEntryOfRow>[] {
  return (repo.db.prepare('SELECT * FROM access_log ORDER BY id').all() as RawLog[])
    .map(auditEntryOfRow);
}

/** Audit API over the access log: application `efr-access` and its entries. */
export function registerAudit(app: FastifyInstance, repo: Repository): void {
  const bounds = (): { min: number; max: number } =>
    repo.db
      .prepare('SELECT COALESCE(MIN(id), 0) AS min, COALESCE(MAX(id), 0) AS max FROM access_log')
      .get() as { min: number; max: number };
  const appJson = (): Record<string, unknown> => {
    const b = bounds();
    return { ...ACCESS_APP, isEnabled: true, minEntryId: b.min, maxEntryId: b.max };
  };
  // The entry in the shape the Merkle tree's leaf covers (core's accessAuditEntryOf, core/src/
  // merkle/audit-leaf.ts): id, time and user from the row's columns, as ACS answers them from
  // alf_audit_entry, the values from the chained entry; ACS's date format, the display name.
  const entryJson = (r: RawLog, values: boolean): Record<string, unknown> => {
    const e = auditEntryOfRow(r);
    const out: Record<string, unknown> = {
      id: e.id,
      auditApplicationId: ACCESS_APP.id,
      createdByUser: { id: r.user_id, displayName: repo.auth.displayName(r.user_id) },
      createdAt: e.createdAt,
    };
    if (values) out.values = e.values;
    return out;
  };
  const list = (
    req: FastifyRequest,
    c: Caller,
    extra: string[],
    extraParams: unknown[],
  ): unknown => {
    const q = req.query as Record<string, unknown>;
    const paging = parsePaging(q);
    const params: unknown[] = [...extraParams];
    const conds = [...extra, ...whereSql(q.where, params)];
    const hidden = hiddenRequests(c);
    if (hidden.length > 0) {
      conds.push("(node_id IS NULL OR node_id NOT IN (SELECT value FROM json_each(?)))");
      params.push(JSON.stringify(hidden));
    }
    const me = params.indexOf('\u0000me');
    if (me >= 0) params[me] = c.userId;
    const order =
      q.orderBy === undefined
        ? 'ASC'
        : (/^createdAt(\s+(ASC|DESC))?$/i.exec(String(q.orderBy))?.[2]?.toUpperCase() ??
          (/^createdAt$/i.test(String(q.orderBy)) ? 'ASC' : undefined));
    if (!order) throw badRequest(`Invalid orderBy: ${String(q.orderBy)}`);
    const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
    const total = (
      repo.db.prepare(`SELECT COUNT(*) AS n FROM access_log ${where}`).get(...params) as {
        n: number;
      }
    ).n;
    const rows = repo.db
      .prepare(
        // ACS orders audit entries by entry id whatever the sort field (audit-common-SqlMap.xml
        // select_AuditEntriesOrderBySnippet, 25.5.0.31 l. 227-236): the log's own order.
        `SELECT * FROM access_log ${where} ORDER BY id ${order}
      LIMIT ? OFFSET ?`,
      )
      .all(...params, paging.maxItems, paging.skipCount) as RawLog[];
    const values = parseIncludes(q.include).has('values');
    return listBody(
      rows.map((r) => entryJson(r, values)),
      paging,
      total,
    );
  };
  /**
   * Viewing requests the caller may not read (issue 16, R24.1): their entries are left out of
   * the log as the caller sees it, as the request itself is on every other path.
   */
  const hiddenRequests = (c: Caller): string[] => {
    if (c.perms.isAdmin || isWorkerCaller(c)) return [];
    const ids = repo.db.prepare("SELECT id FROM nodes WHERE type = 'efr:accessRequest'").pluck()
      .all() as string[];
    return ids.filter((id) => {
      const n = repo.rows.get(id);
      return n !== undefined && !c.perms.has(n, 'Read');
    });
  };
  const appId = (req: FastifyRequest): void => {
    const id = (req.params as { auditApplicationId: string }).auditApplicationId;
    if (id !== ACCESS_APP.id) throw notFound(`The entity with id: ${id} was not found`);
  };

  app.get(`${CORE}/audit-applications`, async (req) => {
    requireAuditReader(callerOf(repo, req));
    const paging = parsePaging(req.query as Record<string, unknown>);
    return listBody(paging.skipCount === 0 ? [appJson()] : [], paging, 1);
  });
  app.get(`${CORE}/audit-applications/:auditApplicationId`, async (req) => {
    requireAuditReader(callerOf(repo, req));
    appId(req);
    return { entry: appJson() };
  });
  app.put(`${CORE}/audit-applications/:auditApplicationId`, async (req) => {
    requireAuditReader(callerOf(repo, req));
    appId(req);
    throw new AcsError(
      403,
      'framework.exception.PermissionDenied',
      'The EFR access log cannot be disabled',
    );
  });
  app.get(`${CORE}/audit-applications/:auditApplicationId/audit-entries`, async (req) => {
    const c = callerOf(repo, req);
    requireLogReader(c);
    appId(req);
    return list(req, c, [], []);
  });
  app.get(
    `${CORE}/audit-applications/:auditApplicationId/audit-entries/:auditEntryId`,
    async (req) => {
      const c = callerOf(repo, req);
      requireAuditReader(c);
      appId(req);
      const id = (req.params as { auditEntryId: string }).auditEntryId;
      const r = /^\d+$/.test(id)
        ? (repo.db.prepare('SELECT * FROM access_log WHERE id = ?').get(Number(id)) as
            | RawLog
            | undefined)
        : undefined;
      if (!r || (r.node_id !== null && hiddenRequests(c).includes(r.node_id))) throw notFound(`The entity with id: ${id} was not found`);
      return { entry: entryJson(r, true) };
    },
  );
  const appendOnly = async (req: FastifyRequest): Promise<never> => {
    requireAuditReader(callerOf(repo, req));
    appId(req);
    throw new AcsError(
      403,
      'framework.exception.PermissionDenied',
      'The EFR access log is append-only',
    );
  };
  app.delete(`${CORE}/audit-applications/:auditApplicationId/audit-entries`, appendOnly);
  app.delete(
    `${CORE}/audit-applications/:auditApplicationId/audit-entries/:auditEntryId`,
    appendOnly,
  );
  app.get(`${CORE}/nodes/:nodeId/audit-entries`, async (req) => {
    const c = callerOf(repo, req);
    const node = repo.resolve(c, (req.params as { nodeId: string }).nodeId);
    // efr worker reads the entries of the recordings of the disc job it holds: the disc
    // carries their access-log extract (R23.1); nothing else of the log.
    if (!mayWorkerRead({ userName: c.userId, groups: c.rule.groups }, node.id,
      jobsCopying(repo.db, node.id), new Date(c.rule.now).toISOString())) requireAuditReader(c);
    return list(req, c, ['node_id = ?'], [node.id]);
  });
}
