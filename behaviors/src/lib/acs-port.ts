/**
 * The module's adapter of the repository port (webscripts/src/repository-port.ts) over what ACS
 * puts in a JavaScript web script's root scope: `search`, `people`, `groups` (through
 * lib/actor.ts), ScriptNode, `companyhome`, plus `Packages` for the settings and the zone.
 * Compiled to ES5 with the controller that uses it; runs in the controller's one transaction.
 * Passes the port's contract suite in the ACS-like runtime (test/rhino/port-contract.spec.ts).
 */
import { ASIA_SHANGHAI, type Verdict, type Zone } from '../../../core/src/index.js';
import type {
  PortDestroyedContent, PortDigest, PortNewNode, PortNode, PortSetting, PortValue,
  RepositoryPort,
} from '../../../webscripts/src/repository-port.js';
import {
  javaClassAt, type PeopleLike, type ScriptNodeLike, type SearchLike,
} from './acs-api.js';
import { readEfrAccess, readEfrAccessAsRest } from './acs-audit.js';
import { currentUserName, groupsOf, runAsSystem } from './actor.js';
import { nowIso } from './clock.js';
import { destroyAfterCommit, storedContentOf } from './content-destruction.js';
import { digestContent } from './content-digest.js';
import { efrInfo } from './efr-log.js';
import { plainString, rawToPlain, type PlainProps } from './java-values.js';
import { NAMESPACES, nodeId, nodeProp } from './model-names.js';
import {
  ARCHIVE_ROOT_NAME, enforce as answerRefusal, subFolder, type WsNode,
} from './ws-runtime.js';

/** The supervisors' violation register under the archive root (server/'s registerFolder). */
const VIOLATIONS_FOLDER = '违规记录';

/** The ACS global property of each port setting (set with `-D` in JAVA_OPTS, as ACS's own). */
const SETTING_PROPERTY: Record<PortSetting, string> = {
  timeZone: 'efr.timeZone',
  exemptionRemindHours: 'efr.exemptionRemindHours',
  fieldUnits: 'efr.fieldUnits',
  confidentialRequesterGroups: 'efr.confidentialRequesterGroups',
  // --- fixity ---
  fixityCycleDays: 'efr.fixityCycleDays',
  fixityBytesPerHour: 'efr.fixityBytesPerHour',
};

interface PortScope {
  companyhome: WsNode;
  people: PeopleLike & { isAdmin?(person: unknown): unknown };
  search: Omit<SearchLike, 'findNode'> & { findNode(ref: string): WsNode | null };
}

/** The web script's root scope (the global object of a non-strict call). */
function scope(): PortScope {
  const get = function (this: unknown): unknown {
    return this;
  };
  return get() as PortScope;
}

/** `{uri}local` → `prefix:local` for the namespaces the module knows; others unchanged. */
function shortName(full: string): string {
  const close = full.indexOf('}');
  if (full.charAt(0) !== '{' || close < 0) return full;
  const uri = full.substring(1, close);
  for (const prefix of Object.keys(NAMESPACES)) {
    if (NAMESPACES[prefix] === uri) return prefix + ':' + full.substring(close + 1);
  }
  return full;
}

/** A Java class reached through `Packages`, or null (a non-secure script). */
const javaClass = javaClassAt;

/** A setting: the JVM system property ACS's global properties are set with, or null. */
function settingOf(key: PortSetting): string | null {
  const system = javaClass(['java', 'lang', 'System']);
  if (system === null || typeof system['getProperty'] !== 'function') return null;
  const v = (system['getProperty'] as (k: string) => unknown)(SETTING_PROPERTY[key]);
  if (null == v) return null;
  const text = String(v).replace(/^\s+|\s+$/g, '');
  return text === '' ? null : text;
}

/**
 * The bureau's zone: core's fixed China Standard Time by default (as server/'s bureauZone),
 * else java.util.TimeZone (`Asia/Shanghai`, `GMT+08:00`); an unknown name is a configuration
 * error (TimeZone answers GMT for it, which would silently move every deadline).
 */
function zoneOf(name: string | null): Zone {
  if (name === null || name === 'Asia/Shanghai') return ASIA_SHANGHAI;
  const tz = javaClass(['java', 'util', 'TimeZone']);
  if (tz === null) throw new Error('efr: java.util.TimeZone is not available to this script');
  const zone = (tz['getTimeZone'] as (n: string) => { getID(): unknown;
    getOffset(ms: number): unknown })(/^[+-]\d{2}:?\d{2}$/.test(name) ? 'GMT' + name : name);
  if (String(zone.getID()) === 'GMT' && name !== 'GMT' && name !== 'UTC') {
    throw new Error('efr.timeZone is not a time zone: ' + name);
  }
  return { offsetMinutesAt: (ms: number) => Number(zone.getOffset(ms)) / 60000 };
}

/** `cm:content` as ScriptNode#getProperties keys it. */
const CM_CONTENT_KEY = '{http://www.alfresco.org/model/content/1.0}content';

/**
 * A ScriptNode as a port node. cm:content is left out, as server/ keeps content beside the
 * properties: ACS hands it over as a raw ScriptContentData (ScriptableQNameMap#get answers map
 * values unwrapped), which `typeof` refuses ("Invalid JavaScript value"), so every value is read
 * through rawToPlain.
 */
function view(n: WsNode): PortNode {
  const props: Record<string, PortValue> = {};
  const raw = n.properties;
  for (const k in raw) {
    // The content is no property value: contentDigest reads it, as server/ keeps content out
    // of properties. Read raw: `typeof` on a Java value the map hands over as it is (cm:content's
    // ScriptContentData) throws "Invalid JavaScript value" (lib/java-values.ts rawToPlain).
    if (String(k) === CM_CONTENT_KEY) continue;
    const v = rawToPlain(raw[k]);
    if (v !== null) props[shortName(String(k))] = v;
  }
  const aspects: string[] = [];
  const list = (n as unknown as { aspects: ArrayLike<unknown> }).aspects;
  for (let i = 0; i < list.length; i++) aspects.push(shortName(String(list[i])));
  return { id: nodeId(n), type: String(n.typeShort), name: String(n.name), props, aspects };
}

/**
 * A node as the port sees it with other property values: a policy's before-map (plain props
 * keyed `{uri}local`, lib/java-values.ts qnameMapToProps), so that a behaviour reads the node
 * as it was through the same readers the web scripts use (webscripts/src/).
 */
export function portNodeOf(n: ScriptNodeLike, props: PlainProps): PortNode {
  const out: Record<string, PortValue> = {};
  for (const k of Object.keys(props)) {
    const v = props[k];
    if (v !== null && v !== undefined) out[shortName(k)] = v;
  }
  return { id: nodeId(n), type: String(n.typeShort), name: String(out['cm:name'] || ''),
    props: out, aspects: [] };
}

/** Port values as a script hands them to ACS (the dictionary converts ISO text to dates). */
function scriptProps(props: Record<string, PortValue>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(props)) out[k] = props[k];
  return out;
}

const ID = /^[0-9A-Za-z-]{1,64}$/;

/** The port for the running web script. */
export function acsPort(): RepositoryPort {
  const s = scope();
  const find = (id: string): WsNode | null => {
    if (!ID.test(id)) return null;
    const n = s.search.findNode('workspace://SpacesStore/' + id);
    return n === null || n === undefined ? null : n;
  };
  const must = (id: string): WsNode => {
    const n = find(id);
    if (n === null) throw new Error('port: no node ' + id);
    return n;
  };
  const peers = (list: Record<string, unknown> | undefined, assocType: string): PortNode[] => {
    const out: PortNode[] = [];
    if (!list) return out;
    const found = list[assocType] as ArrayLike<WsNode> | null | undefined;
    if (found === null || found === undefined) return out;
    for (let i = 0; i < found.length; i++) out.push(view(found[i]));
    return out;
  };
  const byName = (a: PortNode, b: PortNode): number =>
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const person = (userName: string): unknown => s.people.getPerson(userName);
  /** The nodes an FTS query finds, in name order (ACS's index answers it). */
  const query = (fts: string): PortNode[] => {
    const found = s.search.query({ query: fts, language: 'fts-alfresco' });
    const out: PortNode[] = [];
    for (let i = 0; i < found.length; i++) out.push(view(found[i] as unknown as WsNode));
    return out.sort(byName);
  };

  return {
    currentUser: () => {
      const userName = currentUserName();
      const p = person(userName);
      const isAdmin = p !== null && p !== undefined && typeof s.people.isAdmin === 'function' &&
        String(s.people.isAdmin(p)) === 'true';
      return { userName, groups: groupsOf(userName), isAdmin };
    },
    now: nowIso,
    setting: settingOf,
    zone: () => zoneOf(settingOf('timeZone')),
    node: (id) => {
      const n = find(id);
      return n === null ? null : view(n);
    },
    archiveFolder: (name) => {
      const f = s.companyhome.childByNamePath(ARCHIVE_ROOT_NAME + '/' + name);
      return f === null || f === undefined ? null : view(f);
    },
    children: (parentId, type) => {
      const out: PortNode[] = [];
      const kids = must(parentId).children;
      for (let i = 0; i < kids.length; i++) {
        if (String(kids[i].typeShort) === type) out.push(view(kids[i]));
      }
      return out.sort(byName);
    },
    nodesOfType: (type) => query('TYPE:"' + quoted(type) + '"'),
    targets: (id, assocType) => peers(must(id).assocs, assocType),
    sources: (id, assocType) => peers(must(id).sourceAssocs, assocType),
    folder: (parentId, name) => view(subFolder(must(parentId), name)),
    createNode: (parentId, n: PortNewNode) => {
      const made = must(parentId).createNode(n.name, n.type, scriptProps(n.props));
      for (const a of n.aspects || []) if (made.addAspect) made.addAspect(a);
      for (const t of n.targets || []) made.createAssociation(must(t.targetId), t.assocType);
      return view(must(nodeId(made)));
    },
    updateNode: (id, props, addAspects) => {
      const n = must(id);
      const aspects = addAspects || [];
      // ACS adds an aspect with its properties in one call (ScriptNode#addAspect(type, props)).
      for (const a of aspects) if (n.addAspect) n.addAspect(a, scriptProps(props));
      const target = n.properties;
      for (const k of Object.keys(props)) target[k] = props[k];
      n.save();
      return view(must(id));
    },
    createAssociation: (sourceId, targetId, assocType) => {
      must(sourceId).createAssociation(must(targetId), assocType);
    },
    permissions: (id) => {
      const out: string[] = [];
      const list = (must(id) as unknown as { permissions: ArrayLike<unknown> }).permissions;
      for (let i = 0; i < list.length; i++) out.push(String(list[i]));
      return out.sort();
    },
    // EFR's steps grant as System: ScriptNode#setPermission needs ChangePermissions, which no
    // EFR role holds on records (README "Permissions").
    setPermission: (id, authority, role) => {
      const n = must(id) as unknown as { setPermission(p: string, a: string): void };
      runAsSystem(() => n.setPermission(role, authority));
    },
    removePermission: (id, authority, role) => {
      const n = must(id) as unknown as { removePermission(p: string, a: string): void };
      runAsSystem(() => n.removePermission(role, authority));
    },
    // ScriptNode#setInheritsPermissions (ScriptNode.java l. 1639-1642, alfresco-community-repo
    // 25.5.0.31) calls PermissionService#setInheritParentPermissions, which needs
    // ChangePermissions (public-services-security-context.xml l. 800): as System, like the
    // grants above.
    stopInheritingPermissions: (id) => {
      const n = must(id) as unknown as { setInheritsPermissions(inherit: boolean): void };
      runAsSystem(() => n.setInheritsPermissions(false));
    },
    personExists: (userName) => {
      const p = person(userName);
      return p !== null && p !== undefined;
    },
    groupsOf: (userName) => {
      const p = person(userName);
      return p === null || p === undefined ? [] : groupsOf(userName);
    },
    displayName: (userName) => {
      const p = person(userName) as ScriptNodeLike | null;
      if (p === null || p === undefined) return userName;
      const parts: string[] = [];
      for (const k of ['cm:firstName', 'cm:lastName']) {
        const v = nodeProp(p, k);
        if (typeof v === 'string' && v !== '') parts.push(v);
      }
      return parts.length === 0 ? userName : parts.join(' ');
    },
    enforce: (verdict: Verdict, step, nodeIdOrNull) => answerRefusal(verdict, step,
      nodeIdOrNull === null ? null : 'workspace://SpacesStore/' + nodeIdOrNull),
    // The module's log lines are not transactional: an attempt's facts stay like any step's.
    logAttempt: (step, nodeIdOrNull, values) => logLine(step, nodeIdOrNull, values),
    logStep: (step, nodeIdOrNull, values) => logLine(step, nodeIdOrNull, values),

    // --- handovers (issue 15) ---
    // ScriptNode#getParent: the primary parent (repository/.../jscript/ScriptNode.java:1302,
    // 25.5.0.31), null for the root.
    parentId: (id) => {
      const n = find(id);
      const p = n === null ? null : n.parent;
      return p === null || p === undefined ? null : nodeId(p);
    },
    // ScriptNode#move(destination): NodeService#moveNode, behaviours firing, true when done
    // (ScriptNode.java:2298-2309, 25.5.0.31).
    moveNode: (id, parentId) => {
      const n = must(id) as unknown as { move(destination: WsNode): unknown };
      if (String(n.move(must(parentId))) !== 'true') {
        throw new Error('port: ' + id + ' was not moved to ' + parentId);
      }
      return view(must(id));
    },
    // ACS's content store is not content-addressed: the bytes are read again and hashed in
    // chunks by the JDK (lib/content-digest.ts). Cost: one full read of the content per call,
    // e.g. about 4 s for a 4 GB recording at 1 GB/s (SHA-256 and disk alike); a receipt pays it
    // for every file of the batch. As System: the repository vouches for its own bytes, which
    // is no viewing; the read still fires onContentRead (ContentServiceImpl#getReader,
    // repository/.../content/ContentServiceImpl.java:396-430, 25.5.0.31), logged as System's.
    contentDigest: (id) => {
      const n = must(id);
      let out: PortDigest | null = null;
      runAsSystem(() => {
        out = digestContent(n);
      });
      return out;
    },
    organizationOf: (userName) => {
      const p = person(userName) as ScriptNodeLike | null;
      if (p === null || p === undefined) return null;
      const v = plainString(nodeProp(p, 'cm:organization'));
      const t = v === null ? '' : v.replace(/^\s+|\s+$/g, '');
      return t === '' ? null : t;
    },
    // Made as server/'s registerFolder makes it: supervisors coordinate, the archive's other
    // groups inherit read access (granted as System, as setPermission below).
    violationRegister: () => {
      const root = s.companyhome.childByNamePath(ARCHIVE_ROOT_NAME);
      if (root === null || root === undefined) return null;
      const found = root.childByNamePath(VIOLATIONS_FOLDER);
      if (found !== null && found !== undefined) return view(found);
      const made = root.createFolder(VIOLATIONS_FOLDER) as unknown as
        { setPermission(p: string, a: string): void };
      runAsSystem(() => made.setPermission('Coordinator', 'GROUP_EFR_SUPERVISORS'));
      return view(made as unknown as WsNode);
    },
    // --- spot checks (issue 15) ---
    // One AFTS query (TYPE and a range on efr:recordingStart, `to` exclusive) as System: the
    // results of `search` are the readable ones, and the draw covers the whole archive. Read
    // into plain nodes while still System (a ScriptNode checks Read when its properties are read).
    recordingsStartedIn: (from, to) => {
      const q = (iso: string): string => '"' + iso.replace(/["\\]/g, '') + '"';
      const query = 'TYPE:"efr:recording" AND efr:recordingStart:[' + q(from) + ' TO ' + q(to) +
        '>';
      const out: PortNode[] = [];
      runAsSystem(() => {
        const found = s.search.query({ query, language: 'fts-alfresco' });
        for (let i = 0; i < found.length; i++) out.push(view(found[i] as unknown as WsNode));
      });
      return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    randomHex: (bytes) => randomHexOf(bytes),
    // --- access log (issue 15/18) ---
    accessLog: readEfrAccess,
    // --- evidence packages (issue 15) ---
    nodesWhere: (type, prop, value) => query('TYPE:"' + quoted(type) + '" AND =' +
      quoted(prop) + ':"' + escaped(value) + '"')
      // The index answers subtypes and analysed matches too: exactly the type and the value.
      .filter((n) => n.type === type && n.props[prop] === value),
    // --- disposition (issue 18) ---
    // As the repository (the leader who approves holds no write on recordings), in the step's
    // transaction: the recording behaviour asks core's checkDisposal of each write below, and
    // ACS's eager cleaner deletes the URLs once the step commits (lib/content-destruction.ts).
    destroyContent: (id, tombstone): PortDestroyedContent => {
      const n = must(id);
      if (String(n.typeShort) !== 'efr:recording') throw new Error('port: ' + id + ' is not a recording');
      const sha = nodeProp(n, 'efr:sha256');
      const out: PortDestroyedContent = { sha256: typeof sha === 'string' ? sha : null,
        bytes: 0, removed: false };
      runAsSystem(() => {
        if (!n.hasAspect('efr:destroyed') && n.addAspect) {
          n.addAspect('efr:destroyed', scriptProps(tombstone));
        }
        // Renditions (cm:thumbnail children, archive=false in ACS's content model: deleted for
        // good), each with its own content URL, as Governance Services destroys them.
        const kids = must(id).children;
        for (let i = 0; i < kids.length; i++) {
          const k = kids[i] as WsNode & { isSubType(t: string): boolean; remove(): unknown };
          if (!k.isSubType('cm:thumbnail')) continue;
          const rendition = storedContentOf(k.nodeRef);
          if (rendition !== null) destroyAfterCommit(rendition.url);
          k.remove();
        }
        // Versions hold the same URL: removing cm:versionable deletes the version history at
        // commit (VersionableAspect#onRemoveAspect, l. 218-221, 393-397 at 25.5.0.31).
        const node = must(id);
        if (node.hasAspect('cm:versionable') && node.removeAspect) node.removeAspect('cm:versionable');
        const content = storedContentOf(node.nodeRef);
        if (content === null) return;
        destroyAfterCommit(content.url);
        const fresh = must(id);
        fresh.properties['cm:content'] = null;
        fresh.save();
        out.bytes = content.size;
        out.removed = true;
      });
      return out;
    },
    // --- access requests (issue 15) ---
    // ScriptNode#properties hands cm:content over as a ScriptContentData (getMimetype()).
    mimeType: (id) => {
      const raw = must(id).properties['cm:content'];
      const content = null == raw ? null : Object(raw) as { mimetype?: unknown };
      const type = content === null ? null : content.mimetype;
      return type === null || type === undefined ? null : String(type);
    },
    removeAspect: (id, aspect) => {
      const n = must(id);
      if (typeof n.removeAspect === 'function') n.removeAspect(aspect);
      return view(must(id));
    },
    // AuthenticationUtil.runAsSystem (lib/actor.ts): ACS's own way for the repository to act.
    asRepository: <T>(work: () => T): T => {
      let out: T | undefined;
      runAsSystem(() => {
        out = work();
      });
      return out as T;
    },
    // --- access-log proofs ---
    sha256Hex: sha256HexOf,
    accessAuditEntries: readEfrAccessAsRest,
  };
}

/**
 * SHA-256 of hex bytes through java.security.MessageDigest and java.util.HexFormat (Java 17,
 * which ACS 25 runs on), reached through `Packages`: classpath scripts run in the secure scope
 * (RhinoScriptProcessor#executeScriptImpl, alfresco-community-repo 25.5.0.31 l. 550-564).
 */
function sha256HexOf(hexBytes: string): string {
  const md = javaClass(['java', 'security', 'MessageDigest']) as unknown as
    { getInstance(a: string): { digest(b: unknown): unknown } } | null;
  const hexFormat = javaClass(['java', 'util', 'HexFormat']) as unknown as
    { of(): { parseHex(s: string): unknown; formatHex(b: unknown): unknown } } | null;
  if (md === null || hexFormat === null) {
    throw new Error('efr: java.security.MessageDigest or java.util.HexFormat is not available');
  }
  const hex = hexFormat.of();
  return String(hex.formatHex(md.getInstance('SHA-256').digest(hex.parseHex(hexBytes))));
}

/** `bytes` bytes of java.security.SecureRandom as hex (ACS's own source of random ids). */
function randomHexOf(bytes: number): string {
  const cls = javaClass(['java', 'security', 'SecureRandom']) as unknown as
    (new () => { nextInt(bound: number): unknown }) | null;
  if (cls === null) throw new Error('efr: java.security.SecureRandom is not available');
  const random = new cls();
  let out = '';
  for (let i = 0; i < bytes; i++) {
    const b = Number(random.nextInt(256));
    out += (b < 16 ? '0' : '') + b.toString(16);
  }
  return out;
}

/** A QName inside an FTS term: quotes and backslashes dropped (they are never part of one). */
function quoted(text: string): string {
  return text.replace(/["\\]/g, '');
}

/** A value inside an FTS quoted term: quotes and backslashes escaped (AFTS). */
function escaped(text: string): string {
  return text.replace(/(["\\])/g, '\\$1');
}

/** One step's log line under org.efr.repo: `efr <step> <nodeRef> by=<user> k=v …`. */
function logLine(step: string, nodeIdOrNull: string | null, values: Record<string, string>): void {
  const parts: string[] = [];
  for (const k of Object.keys(values)) parts.push(k + '=' + values[k]);
  efrInfo('efr ' + step + ' ' + (nodeIdOrNull === null ? '-' : 'workspace://SpacesStore/' +
    nodeIdOrNull) + ' by=' + currentUserName() + ' ' + parts.join(' '));
}
