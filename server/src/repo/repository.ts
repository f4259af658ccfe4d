import { randomUUID } from 'node:crypto';
import { appendAccessLog, type AccessLogInput } from '../access-log/access-log.js';
import {
  checkFolderDepth, endRefusalWindows, newRefusalThrottle, REFUSAL_THROTTLE, refusalKey,
  REQUEST_LIMITS, throttleRefusal, type ThrottleSummary,
} from '../../../core/src/index.js';
import type { Db } from '../db/database.js';
import { AcsError, badRequest, forbidden, notFound } from '../http/errors.js';
import type { ModelRegistry } from '../model/model-registry.js';
import { checkNodeName } from '../model/names.js';
import type { RuleContext, RuleHooks, Verdict } from '../rules/rule-hooks.js';
import type { ContentStore } from '../store/content-store.js';
import { ADMIN_GROUP, Authorities, EVERYONE } from './authorities.js';
import { NodeRows, type NodeRow } from './node-rows.js';
import { PermissionChecker, setLocalAces, type Permission } from './permissions.js';

/** The user on whose behalf a request runs, with its permission cache. */
export interface Caller {
  userId: string;
  perms: PermissionChecker;
  rule: RuleContext;
}

/**
 * The status a refusal answers with. EFR's own web scripts answer the verdict's status (409 for
 * a step out of order, a job another worker holds: their clients read it so). The generic API
 * (nodes, copy, move, content, locks, CMIS-like paths) never answers a rule refusal with 409:
 * ACS means a name clash by it (DuplicateChildNodeNameException, public-rest-context.xml) and the
 * Content App reads every 409 so, retrying a copy under a new name and telling a refused move as
 * "a file with the same name exists" (docs/security.md, "Status"). There the refusal is 403.
 */
export function refusalStatus(verdict: Extract<Verdict, { allowed: false }>,
  workflowStep: string | undefined): number {
  return verdict.status === 409 && workflowStep === undefined ? 403 : verdict.status;
}

/** A rule refusal: answered with `refusalStatus` and logged by the error handler. */
export class RuleRefusal extends AcsError {
  constructor(
    readonly verdict: Extract<Verdict, { allowed: false }>,
    readonly attempted: string,
    readonly userId: string,
    readonly nodeId: string | null,
    status: number = verdict.status,
  ) {
    // The Error schema has no field for a second language: English first, then Chinese.
    super(status, verdict.code, `${verdict.message} / ${verdict.messageZh}`);
  }
}

/**
 * A 403 of the permission model on an EFR node: answered as ACS answers it
 * (framework.exception.PermissionDenied) and, like a rule refusal, written to the access log
 * by the HTTP error handler once the refused transaction has rolled back.
 */
export class PermissionRefusal extends AcsError {
  constructor(
    readonly permission: Permission,
    readonly userId: string,
    readonly nodeId: string,
  ) {
    super(403, 'framework.exception.PermissionDenied', `Permission was denied (${permission})`);
  }
}

/** The system user that owns the bootstrap folders. */
export const SYSTEM_USER = 'System';

/**
 * The embedded repository: SQLite metadata, write-once content, the model and the rules.
 * HTTP routes call it; it checks permissions and rules on every call.
 */
export class Repository {
  readonly rows: NodeRows;
  readonly auth: Authorities;
  private commitChain: Promise<unknown> = Promise.resolve();
  /** Repeats of refusals per user, act and node (issue 16: the log cannot be flooded). */
  private readonly refusalThrottle = newRefusalThrottle();

  constructor(
    readonly db: Db,
    readonly store: ContentStore,
    readonly model: ModelRegistry,
    readonly rules: RuleHooks,
    readonly uploadLimit: number,
  ) {
    this.rows = new NodeRows(db);
    this.auth = new Authorities(db);
  }

  /** Builds the caller context of a user for one request. */
  caller(userId: string, now = Date.now()): Caller {
    const perms = new PermissionChecker(this.db, this.rows, this.auth, userId);
    return {
      userId,
      perms,
      rule: { userId, groups: this.auth.groupsOf(userId), isAdmin: perms.isAdmin, now },
    };
  }

  /**
   * The system acting as one of EFR's own steps (`step` names it: `demo-seed`, `late-handover`),
   * with an administrator's permissions. Never built from a request (issue 16).
   */
  systemCaller(step: string, userId = 'admin', now = Date.now()): Caller {
    const c = this.caller(userId, now);
    return { ...c, rule: { ...c.rule, workflowStep: step } };
  }

  /**
   * Runs `fn` alone among the content commits of this process: check (dry run), make the
   * bytes durable, commit the row. Without it two uploads racing for one name would both pass
   * their check and both store bytes, leaving the loser's file behind. Streaming the uploads
   * stays concurrent; only this short section is serialised.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.commitChain.then(fn, fn);
    this.commitChain = run.catch(() => undefined); // a failed commit must not block the next
    return run;
  }

  /** Reads a meta value. */
  meta(key: string): string | undefined {
    return (
      this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
        | { value: string }
        | undefined
    )?.value;
  }

  /** Writes a meta value. */
  setMeta(key: string, value: string): void {
    this.db
      .prepare(
        `INSERT INTO meta (key, value) VALUES (?, ?)
      ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      )
      .run(key, value);
  }

  /** Id of Company Home (`-root-`). */
  companyHomeId(): string {
    const id = this.meta('company_home');
    if (!id) throw new Error('repository not bootstrapped');
    return id;
  }

  /** Resolves `-root-`, `-my-`, `-shared-` or a node id, then an optional relative path. */
  resolve(c: Caller, idOrAlias: string, relativePath?: string): NodeRow {
    let id = idOrAlias;
    if (idOrAlias === '-root-') id = this.companyHomeId();
    else if (idOrAlias === '-shared-') id = this.meta('shared') ?? '';
    else if (idOrAlias === '-my-') {
      id = this.meta(`home:${c.userId.toLowerCase()}`) ?? '';
      if (!id) throw notFound(`${c.userId} has no home folder`);
    } else if (!/^[0-9A-Za-z-]{1,64}$/.test(idOrAlias)) {
      throw notFound(`The entity with id: ${idOrAlias} was not found`);
    }
    let node = this.rows.get(id);
    if (!node) throw notFound(`The entity with id: ${idOrAlias} was not found`);
    this.require(c, node, 'Read');
    if (relativePath !== undefined && relativePath !== '') {
      for (const seg of relativePath.split('/').filter((s) => s !== '')) {
        checkNodeName(seg);
        const child = this.rows.childByName(node.id, seg);
        if (!child) throw notFound(`The entity with relativePath: ${relativePath} was not found`);
        this.require(c, child, 'Read');
        node = child;
      }
    }
    return node;
  }

  /** A node by id the caller may read (404 when missing, 403 when not readable). */
  getReadable(c: Caller, id: string): NodeRow {
    return this.resolve(c, id);
  }

  /** Throws 403 unless the caller holds `perm` on `node`. */
  require(c: Caller, node: NodeRow, perm: Permission): void {
    if (c.perms.has(node, perm)) return;
    // Refusals on EFR records are evidence of an attempt (R24.1, R26.1): they are logged.
    if (node.type.startsWith('efr:')) throw new PermissionRefusal(perm, c.userId, node.id);
    throw forbidden(`Permission was denied (${perm})`);
  }

  /**
   * Turns a refusing verdict into a RuleRefusal. The refused change is rolled back with its
   * transaction; the HTTP error handler then records the refusal in the access log in a
   * transaction of its own, so the refusal is logged exactly once and survives the rollback.
   */
  enforce(c: Caller, verdict: Verdict, action: string, node: NodeRow | null): void {
    if (verdict.allowed) return;
    throw new RuleRefusal(verdict, action, c.userId, node?.id ?? null,
      refusalStatus(verdict, c.rule.workflowStep));
  }

  /**
   * Records a refusal in the access log (called after the refused transaction ended), unless
   * the same refusal repeats too often (core's refusal throttle, issue 16). Returns whether to
   * answer 429 instead.
   */
  logRefusal(r: RuleRefusal): boolean {
    const v = r.verdict;
    return this.noteRefusal(r.userId, r.nodeId, {
      attempted: r.attempted,
      code: v.code,
      requirement: v.requirement,
      status: String(v.status),
      message: v.message,
      // The reader's language (issue 19, point 2): the screens show this one on zh-CN.
      ...(v.messageZh ? { messageZh: v.messageZh } : {}),
    });
  }

  /** Records a permission refusal on an EFR node; returns whether to answer 429 instead. */
  logPermissionRefusal(r: PermissionRefusal): boolean {
    return this.noteRefusal(r.userId, r.nodeId, {
      attempted: `an action needing ${r.permission}`,
      code: 'framework.exception.PermissionDenied',
      status: '403',
      message: r.message,
    });
  }

  /**
   * Every distinct refusal is logged; the same one (user, act, node, code) beyond core's number
   * per window is counted, marked once when suppression starts, and summed up in one entry
   * when its window ends (or the server stops).
   */
  private noteRefusal(user: string, nodeId: string | null,
    values: Record<string, string> & { attempted: string; code: string }): boolean {
    const now = Date.now();
    const d = throttleRefusal(this.refusalThrottle,
      refusalKey(user, values.attempted, nodeId, values.code), now);
    this.logRefusalSummaries(d.summaries);
    if (d.log) this.log({ user, action: 'refused', nodeId, values });
    if (d.firstSuppressed) {
      this.log({ user, action: 'refused.throttled', nodeId, values: {
        attempted: values.attempted, code: values.code,
        after: String(REFUSAL_THROTTLE.maxPerWindow),
        until: new Date(now + REFUSAL_THROTTLE.windowMs).toISOString() } });
    }
    return d.throttled;
  }

  /** Logs the summaries of ended throttle windows (all of them with `now` = Infinity). */
  flushRefusalSummaries(now = Number.POSITIVE_INFINITY): void {
    this.logRefusalSummaries(endRefusalWindows(this.refusalThrottle, now));
  }

  private logRefusalSummaries(summaries: ThrottleSummary[]): void {
    for (const s of summaries) {
      const [user, attempted, nodeId, code] = s.key.split('\u0000');
      this.log({ user, action: 'refused.suppressed', nodeId: nodeId === '-' ? null : nodeId,
        values: { attempted, code, suppressed: String(s.suppressed),
          from: new Date(s.from).toISOString(), to: new Date(s.to).toISOString() } });
    }
  }

  /** Appends an access-log entry in its own transaction. */
  log(entry: AccessLogInput): void {
    this.db.transaction(() => appendAccessLog(this.db, entry))();
  }

  /** Path of a node: its ancestors from Company Home. */
  pathOf(node: NodeRow): {
    name: string;
    isComplete: boolean;
    elements: { id: string; name: string; nodeType: string; aspectNames: string[] }[];
  } {
    const chain: NodeRow[] = [];
    let cur = node.parentId ? this.rows.get(node.parentId) : undefined;
    for (let guard = 0; cur && guard < 500; guard++) {
      chain.unshift(cur);
      cur = cur.parentId ? this.rows.get(cur.parentId) : undefined;
    }
    const names = chain.map((n) => n.name);
    return {
      name: chain.length ? `/${names.join('/')}` : '/',
      isComplete: true,
      elements: chain.map((n) => ({
        id: n.id,
        name: n.name,
        nodeType: n.type,
        aspectNames: n.aspects,
      })),
    };
  }

  /**
   * Refuses (422, not logged: no record is touched) a node that would sit deeper than the
   * folder depth limit of core (issue 16): `extra` levels below `parent`, plus the height of
   * `subtree` when a folder is moved or copied there.
   */
  checkDepth(parent: NodeRow, extra: number, subtree?: NodeRow): void {
    let depth = extra;
    let cur: NodeRow | undefined = parent;
    while (cur && cur.parentId && depth <= REQUEST_LIMITS.folderDepth) {
      depth++;
      cur = this.rows.get(cur.parentId);
    }
    if (subtree?.isFolder && depth <= REQUEST_LIMITS.folderDepth) {
      const row = this.db.prepare(`WITH RECURSIVE sub(id, d) AS (SELECT ?, 0 UNION ALL
        SELECT n.id, sub.d + 1 FROM nodes n JOIN sub ON n.parent_id = sub.id AND n.is_folder = 1
        WHERE sub.d < ?) SELECT MAX(d) AS h FROM sub`)
        .get(subtree.id, REQUEST_LIMITS.folderDepth + 1) as { h: number };
      depth += row.h;
    }
    const v = checkFolderDepth(depth);
    if (!v.allowed) throw new AcsError(v.status, v.code, `${v.message} / ${v.messageZh}`);
  }

  /** Whether `ancestorId` is `node` or one of its primary ancestors. */
  isAncestor(ancestorId: string, node: NodeRow): boolean {
    let cur: NodeRow | undefined = node;
    for (let guard = 0; cur && guard < 500; guard++) {
      if (cur.id === ancestorId) return true;
      cur = cur.parentId ? this.rows.get(cur.parentId) : undefined;
    }
    return false;
  }

  /** A fresh, empty folder row (used by bootstrap and relativePath creation). */
  newFolderRow(parentId: string | null, name: string, user: string, now: number): NodeRow {
    return {
      id: randomUUID(),
      type: 'cm:folder',
      parentId,
      name,
      isFolder: true,
      isFile: false,
      createdAt: now,
      createdBy: user,
      modifiedAt: now,
      modifiedBy: user,
      props: {},
      aspects: ['sys:referenceable', 'cm:auditable'],
      content: null,
      inherit: true,
      aclLocal: false,
      lock: null,
    };
  }

  /** Creates the bootstrap folders, admin and groups when the store is empty. */
  bootstrap(adminPassword = 'admin'): void {
    // Expired tickets are dead weight: drop them at start.
    this.db.prepare('DELETE FROM tickets WHERE expires_at < ?').run(Date.now());
    this.db.transaction(() => {
      if (this.meta('company_home')) return;
      const now = Date.now();
      const home = this.newFolderRow(null, 'Company Home', SYSTEM_USER, now);
      home.aclLocal = true;
      this.rows.insert(home);
      setLocalAces(this.db, home.id, [
        { authorityId: EVERYONE, name: 'Consumer', accessStatus: 'ALLOWED' },
      ]);
      this.setMeta('company_home', home.id);
      const shared = this.newFolderRow(home.id, 'Shared', SYSTEM_USER, now);
      shared.aclLocal = true;
      this.rows.insert(shared);
      setLocalAces(this.db, shared.id, [
        { authorityId: EVERYONE, name: 'Contributor', accessStatus: 'ALLOWED' },
      ]);
      this.setMeta('shared', shared.id);
      const homes = this.newFolderRow(home.id, 'User Homes', SYSTEM_USER, now);
      this.rows.insert(homes);
      this.setMeta('user_homes', homes.id);
      this.auth.createGroup(ADMIN_GROUP, 'ALFRESCO_ADMINISTRATORS');
      this.addPerson({
        id: 'admin',
        firstName: 'Administrator',
        email: 'admin@alfresco.com',
        password: adminPassword,
      });
      this.auth.addMember(ADMIN_GROUP, 'admin', 'PERSON');
    })();
  }

  /** Creates a person and their home folder (owned by them, inheritance off). */
  addPerson(p: Parameters<Authorities['createPerson']>[0]): void {
    this.db.transaction(() => {
      if (!this.auth.createPerson(p)) return;
      const homes = this.meta('user_homes');
      if (!homes) return;
      const now = Date.now();
      const folder = this.newFolderRow(homes, p.id, p.id, now);
      folder.inherit = false;
      folder.aclLocal = true;
      this.rows.insert(folder);
      this.setMeta(`home:${p.id.toLowerCase()}`, folder.id);
    })();
  }

  /** Throws 400 for a value that is not a known type. */
  checkType(type: unknown): string {
    if (typeof type !== 'string' || !this.model.isType(type)) {
      throw badRequest(`Unknown type: ${String(type)}`);
    }
    if (!this.model.isSubClassOf(type, 'cm:cmobject')) {
      throw badRequest(`Type ${type} cannot be created through the API`);
    }
    return type;
  }
}
