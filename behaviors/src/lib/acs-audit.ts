/**
 * Reading the access log inside ACS (issues 15/18): the `efr-access` audit application
 * (alfresco/module/efr-repo/audit/efr-audit.xml), queried through ACS's AuditService from a
 * classpath web script.
 *
 * ACS gives scripts no audit root object (no BaseScopableProcessorExtension of the repository
 * wraps AuditService, 25.5.0.31), and the module ships no Java. What a secure script does have is
 * `Packages` (RhinoScriptProcessor#executeScriptImpl l. 550-564: classpath scripts run in the
 * secure scope), so it takes the public AuditService bean from the repository's Spring context:
 * - the context: alfresco.war's web.xml (l. 249) starts it with org.alfresco.web.app.
 *   ContextLoaderListener, a subclass of Spring's (ContextLoaderListener.java l. 39), whose
 *   ContextLoader#initWebApplicationContext publishes it for getCurrentWebApplicationContext()
 *   (per web application class loader, i.e. on every request thread);
 * - the bean: `AuditService` (public-services-context.xml l. 888), the proxied public service,
 *   not the `auditService` implementation behind it, so ACS's transaction and security
 *   interceptors stay in the call;
 * - its security: `AuditService.*=ACL_METHOD.ROLE_ADMINISTRATOR` (public-services-security-
 *   context.xml l. 1005), which ACLEntryVoter grants to the System user (l. 292-298): the query
 *   runs under AuthenticationUtil.runAsSystem, after the web script decided with core that its
 *   caller may read what it asks for (the port's contract, webscripts/src/repository-port.ts);
 * - the query: AuditService#auditQuery(AuditQueryCallback, AuditQueryParameters, int)
 *   (AuditService.java l. 200-260), as ACS's own AuditQueryGet does (l. 102-185): application
 *   `efr-access`, forward, a search key `/efr-access/transaction/node` whose value is a NodeRef
 *   (the audit DAO matches a value on its Java class: behaviors/data/acs-audit.json "queries").
 *
 * What efr-access holds (efr-audit.xml): per node and committed transaction, alfresco-access's
 * action (`READ` when the only sub-action was `readContent`, NodeChange.java l. 189-192),
 * sub-actions, user, node, path and type. The AccessAuditor records them after the commit
 * (AccessAuditor.java l. 577-593): nothing of a rolled-back transaction, so no refused attempt.
 */
import type { RestAuditEntry } from '../../../core/src/index.js';
import type {
  PortLogEntry, PortLogKind, PortLogQuery,
} from '../../../webscripts/src/repository-port.js';
import { javaClassAt } from './acs-api.js';
import { runAsSystem } from './actor.js';
import { rawToPlain } from './java-values.js';

/** The audit application the module declares (efr-audit.xml). */
export const EFR_ACCESS_APP = 'efr-access';
const ROOT = '/efr-access/transaction/';
/** Entries per AuditService#auditQuery call. */
const PAGE = 500;

const java = javaClassAt;

interface AuditServiceLike {
  auditQuery(callback: unknown, params: unknown, maxResults: number): void;
}

interface AuditParamsLike {
  setApplicationName(name: string): void;
  setFromId(id: number): void;
  setForward(forward: boolean): void;
  addSearchKey(key: string, value: unknown): void;
}

type Ctor<T> = new (...args: unknown[]) => T;

/** The public AuditService bean of the repository's Spring context. */
function auditService(): AuditServiceLike {
  const loader = java(['org', 'springframework', 'web', 'context', 'ContextLoader']);
  const current = loader === null ? undefined
    : loader['getCurrentWebApplicationContext'] as (() => { getBean(n: string): unknown } | null)
      | undefined;
  // A missing class is a NativeJavaPackage, whose members are packages, never functions.
  if (typeof current !== 'function') {
    throw new Error('efr: the repository context is out of reach (not a classpath web script)');
  }
  const ctx = current();
  if (ctx === null || ctx === undefined) throw new Error('efr: no repository context');
  return ctx.getBean('AuditService') as AuditServiceLike;
}

/** The port kind of an alfresco-access action. */
function kindOf(action: string): PortLogKind {
  return action === 'READ' ? 'contentRead' : 'other';
}

/** A value of an audit entry's values (a NativeMap keyed by path), as text or null. */
function valueOf(values: Record<string, unknown>, key: string): string | null {
  const v = rawToPlain(values[ROOT + key]);
  return v === null ? null : String(v);
}

/** What the walker hands each entry: id, user, time (ms) and the raw values map. */
type EntryHandler = (id: number, user: unknown, time: number,
  values: Record<string, unknown>) => void;

/**
 * Walks the `efr-access` entries in id order, as System, with at most one search key
 * (AuditQueryParameters#addSearchKey l. 222-225).
 */
function walkEfrAccess(searchKey: [string, unknown] | null, handle: EntryHandler): void {
  const service = java(['org', 'alfresco', 'service', 'cmr', 'audit', 'AuditService']);
  const Params = java(['org', 'alfresco', 'service', 'cmr', 'audit', 'AuditQueryParameters']);
  if (service === null || Params === null) {
    throw new Error('efr: ACS audit classes are out of reach');
  }
  const Callback = service['AuditQueryCallback'] as Ctor<unknown>;
  const errors: string[] = [];
  let seen = 0;
  let last = 0;
  const callback = new Callback({
    valuesRequired: () => true,
    handleAuditEntry: (id: unknown, _app: unknown, user: unknown, time: unknown,
      values: Record<string, unknown>) => {
      seen++;
      last = Number(rawToPlain(id));
      handle(last, user, Number(rawToPlain(time)), values);
      return true;
    },
    handleAuditEntryError: (id: unknown, message: unknown) => {
      errors.push(String(rawToPlain(id)) + ': ' + String(rawToPlain(message)));
      return true;
    },
  });
  // ACS's audit service is for administrators: System reads, after core decided (see above).
  // maxResults must be above 0 (AuditService.java l. 250-256): pages by entry id.
  runAsSystem(() => {
    const service = auditService();
    do {
      seen = 0;
      const params = new (Params as unknown as Ctor<AuditParamsLike>)();
      params.setApplicationName(EFR_ACCESS_APP);
      params.setForward(true);
      if (last > 0) params.setFromId(last + 1);
      if (searchKey !== null) params.addSearchKey(searchKey[0], searchKey[1]);
      service.auditQuery(callback, params, PAGE);
    } while (seen === PAGE);
  });
  if (errors.length > 0) throw new Error('efr: unreadable efr-access entries ' + errors.join('; '));
}

/** The `efr-access` entries the query selects, oldest first, read as System. */
export function readEfrAccess(query: PortLogQuery): PortLogEntry[] {
  // Refused attempts never reach efr-access (rolled back before the AccessAuditor records).
  if (query.kind === 'refused') return [];
  const ref = java(['org', 'alfresco', 'service', 'cmr', 'repository', 'NodeRef']);
  if (ref === null) throw new Error('efr: ACS audit classes are out of reach');
  const node = query.nodeId === undefined ? null
    : new (ref as unknown as Ctor<unknown>)('workspace://SpacesStore/' + query.nodeId);
  const out: PortLogEntry[] = [];
  // The node when given, else the action, a String as stored (acs-audit.json "recorded"); the
  // kind is filtered below either way.
  const key: [string, unknown] | null = node !== null ? [ROOT + 'node', node]
    : query.kind === 'contentRead' ? [ROOT + 'action', 'READ'] : null;
  walkEfrAccess(key, (id, user, time, values) => {
    const action = valueOf(values, 'action') || '';
    const nodeRef = valueOf(values, 'node');
    const entry: PortLogEntry = {
      seq: id,
      at: new Date(time).toISOString(),
      user: valueOf(values, 'user') || String(rawToPlain(user)),
      action,
      kind: kindOf(action),
      nodeId: nodeRef === null ? null : nodeRef.substring(nodeRef.lastIndexOf('/') + 1),
      values: {},
    };
    for (const k of ['sub-actions', 'type', 'path']) {
      const v = valueOf(values, k);
      if (v !== null) entry.values[k === 'sub-actions' ? 'subActions' : k] = v;
    }
    if (query.kind === undefined || query.kind === entry.kind) out.push(entry);
  });
  return out;
}

// --- access-log proofs ---

/**
 * An audit value as the REST API writes it: a NodeRef as its id (RestJsonModule's
 * NodeRefSerializer, remote-api 25.5.0.31 l. 48), anything else as its text. Of efr-access's
 * values only `node` is a NodeRef, the others Strings (acs-audit.json "recorded"); the callback
 * hands them over in a NativeMap, whose text of a NodeRef is `workspace://SpacesStore/<id>`.
 */
function restValueOf(key: string, raw: unknown): string | null {
  if (null == raw) return null;
  const text = String(raw);
  return key === ROOT + 'node' ? text.substring(text.lastIndexOf('/') + 1) : text;
}

/**
 * Every `efr-access` entry in id order as `GET /audit-applications/efr-access/audit-entries
 * ?include=values` answers it (AuditImpl#listAuditEntries: id, createdByUser, createdAt,
 * values), the shape the Merkle tree's leaf covers (core/src/merkle/audit-leaf.ts).
 */
export function readEfrAccessAsRest(): RestAuditEntry[] {
  const out: RestAuditEntry[] = [];
  walkEfrAccess(null, (id, user, time, values) => {
    const v: Record<string, string> = {};
    const keys = Object.keys(values);
    for (let i = 0; i < keys.length; i++) {
      const x = restValueOf(keys[i], values[keys[i]]);
      if (x !== null) v[keys[i]] = x;
    }
    out.push({ id: String(id), createdAt: new Date(time).toISOString(),
      createdByUser: { id: String(user) }, values: v });
  });
  return out;
}
