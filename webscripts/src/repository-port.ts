/**
 * The repository port: what an EFR web script needs from the repository it runs in, as plain
 * synchronous calls over plain data, so that each web script is written once and runs in both
 * hosts (docs/api.md "One source, two hosts"; issue 15). server/ adapts it over its SQLite
 * `Repository` (one transaction per web script call), the module over ACS's script root objects
 * (`search`, `people`, `groups`, ScriptNode). This file imports nothing but core's types: the
 * adapters import it, it imports no adapter (unstorage's driver rule).
 *
 * Every method is synchronous because Rhino has no event loop; every value is plain data
 * because ACS hands scripts Java objects that core must never see (behaviors/src/lib/
 * java-values.ts). Both adapters pass the one contract suite (./port-contract.ts).
 */
import type { RestAuditEntry, Verdict, Zone } from '../../core/src/index.js';

/** A property value as the port answers it: date-times are ISO 8601 UTC (`…Z`). */
export type PortValue = string | number | boolean | null | PortValue[];

/** One node, read at the moment of the call. */
export interface PortNode {
  /** Node id (the uuid of `workspace://SpacesStore/<id>`). */
  id: string;
  /** Type as `prefix:local`. */
  type: string;
  /** `cm:name`. */
  name: string;
  /** Properties by `prefix:local` name (those set; a missing one is absent). */
  props: Record<string, PortValue>;
  /** Aspects as `prefix:local`. */
  aspects: string[];
}

/** The person a web script runs for. */
export interface PortUser {
  userName: string;
  /** `GROUP_…` names containing the user, transitively, every zone. */
  groups: string[];
  /** Whether the user is an administrator of the repository. */
  isAdmin: boolean;
}

/** What a new node is made of. */
export interface PortNewNode {
  name: string;
  type: string;
  props: Record<string, PortValue>;
  /** Aspects added at creation besides the type's mandatory ones. */
  aspects?: string[];
  // --- access requests (issue 15) ---
  /**
   * Peer associations made with the node, before the host's create rules see it (server/
   * checks a new efr:accessRequest with its recordings, as core's checkNewRequest does).
   */
  targets?: { targetId: string; assocType: string }[];
}

/** Settings a web script may read (environment on server/, global properties in ACS). */
export type PortSetting = 'timeZone' | 'exemptionRemindHours' | 'fieldUnits'
  // Access requests (issue 15): groups that may request confidential recordings (R27.1), a
  // comma list (`EFR_CONFIDENTIAL_REQUESTER_GROUPS` / `efr.confidentialRequesterGroups`).
  | 'confidentialRequesterGroups'
  // --- fixity ---
  // Fixity audits (issue 18): the cycle in days and the reading rate in bytes per hour
  // (`EFR_FIXITY_CYCLE_DAYS`, `EFR_FIXITY_BYTES_PER_HOUR` / `efr.fixityCycleDays`, …).
  | 'fixityCycleDays' | 'fixityBytesPerHour';

/** One permission entry set on a node (not inherited): `ALLOWED;<authority>;<role>`. */
export type PortAce = string;

/**
 * The repository as one web script call sees it. Reads answer what the caller may read (an
 * unreadable node is absent, as ACS's `search.findNode` answers null); writes run inside the
 * call's transaction and fire the host's rules (the call is an EFR workflow step).
 */
export interface RepositoryPort {
  /** The calling person. */
  currentUser(): PortUser;
  /** The call's clock, ISO 8601 UTC. */
  now(): string;
  /** A setting's text, or null when unset. */
  setting(key: PortSetting): string | null;
  /** The bureau's time zone (`EFR_TIME_ZONE` / `efr.timeZone`, default Asia/Shanghai). */
  zone(): Zone;

  /** A node by id, or null when missing, unreadable or the id is malformed. */
  node(id: string): PortNode | null;
  /** An archive folder under the archive root by its (Chinese) name, or null. */
  archiveFolder(name: string): PortNode | null;
  /** The readable children of a folder of exactly `type`, in name order. */
  children(parentId: string, type: string): PortNode[];
  /** The readable nodes of exactly `type` anywhere in the repository (a search). */
  nodesOfType(type: string): PortNode[];
  /** Readable targets of the node's `assocType` peer associations. */
  targets(id: string, assocType: string): PortNode[];
  /** Readable sources of `assocType` peer associations pointing at the node. */
  sources(id: string, assocType: string): PortNode[];

  /** The child folder `name` of a folder, made by the repository when missing. */
  folder(parentId: string, name: string): PortNode;
  /** Creates a node under `parentId` (model checks and rules apply; a refusal throws). */
  createNode(parentId: string, node: PortNewNode): PortNode;
  /** Sets properties and adds aspects (with their properties in `props`). */
  updateNode(id: string, props: Record<string, PortValue>, addAspects?: string[]): PortNode;
  /** Adds a peer association. */
  createAssociation(sourceId: string, targetId: string, assocType: string): void;

  /** The node's own permission entries, `ALLOWED;<authority>;<role>`, sorted. */
  permissions(id: string): PortAce[];
  /** Grants `role` to `authority` on the node, as the repository (a step core allowed). */
  setPermission(id: string, authority: string, role: string): void;
  /** Removes that grant, as the repository. */
  removePermission(id: string, authority: string, role: string): void;
  /**
   * Stops the node inheriting its parent's permissions, as the repository: only its own grants
   * (and administrators) read it from then on, e.g. a quality report only its requester reads.
   */
  stopInheritingPermissions(id: string): void;

  /** Whether a person of that user name exists. */
  personExists(userName: string): boolean;
  /** `GROUP_…` names containing the user (every zone), empty for an unknown user. */
  groupsOf(userName: string): string[];
  /** First and last name of a person (the user name when the person has none). */
  displayName(userName: string): string;

  /**
   * Refuses with core's verdict unless it allows: the refusal is logged and answered with the
   * verdict's status; the call writes nothing after it (decide before the first write: ACS
   * commits what a web script wrote before it answers an error).
   */
  enforce(verdict: Verdict, step: string, nodeId: string | null): void;
  /** Records a step that was done in the host's access log (who, what, on which node). */
  logStep(step: string, nodeId: string | null, values: Record<string, string>): void;
  /**
   * Records the facts of an attempt that stay logged even when the call is then refused
   * (e.g. a failed pre-use check, R15.1): server/ writes them after the call's transaction.
   */
  logAttempt(step: string, nodeId: string | null, values: Record<string, string>): void;

  // --- handovers (issue 15) ---
  /** The primary parent's id of a readable node, or null (a root, or a node not readable). */
  parentId(id: string): string | null;
  /** Moves a node into another folder as the repository (model checks and rules apply). */
  moveNode(id: string, parentId: string): PortNode;
  /**
   * The SHA-256 and size of the bytes the repository stored as the node's content, computed by
   * the repository (never taken from a client), or null when the node has no content: what a
   * receipt checks the declared efr:sha256 against (R26.1) and a package's result is checked
   * against. server/
   * answers the digest its content store computed while the upload streamed (the store is
   * addressed by it; the file is checked to be there with that size, not read again); the module
   * reads the content through ACS's ContentReader into java.security.MessageDigest in 1 MiB
   * chunks, so memory stays flat and the time grows with the size (about one read of the image).
   */
  contentDigest(id: string): PortDigest | null;
  /** The unit a person works in as the directory holds it (`cm:organization`), or null. */
  organizationOf(userName: string): string | null;
  /**
   * The supervisors' violation register (`EFR 执法记录/违规记录`), made by the repository when
   * missing; null when the archive is not set up.
   */
  violationRegister(): PortNode | null;

  // --- spot checks (issue 15) ---
  /**
   * The spot-check population's query (R28.1): every `efr:recording` whose `efr:recordingStart`
   * lies in [from, to) (ISO 8601 instants), read as the repository itself (the draw covers the
   * whole archive, whatever the caller may open), in id order (UTF-16 code units, as core's
   * draw sorts). The same recordings in the same order in both hosts (port-contract.ts).
   */
  recordingsStartedIn(from: string, to: string): PortNode[];
  /** `bytes` bytes of the host's cryptographic random source, as lower-case hex. */
  randomHex(bytes: number): string;

  // --- access log (issue 15/18) ---
  /**
   * Access-log entries, oldest first, about one node and/or of one kind. Read as the
   * repository: the web script decides with core first whether its caller may see them (ACS's
   * AuditService answers administrators only, public-services-security-context.xml l. 1005).
   * In ACS the log is the `efr-access` audit application, which records what the
   * alfresco-access producer reports after a commit: a refused attempt is rolled back with its
   * transaction and is never there, so `kind: 'refused'` answers nothing in the module
   * (docs/security.md "Logged").
   */
  accessLog(query: PortLogQuery): PortLogEntry[];

  // --- evidence packages (issue 15) ---
  /**
   * The readable nodes of exactly `type` whose text property `prop` equals `value` (a search:
   * server/ by SQL, the module by `TYPE:"…" AND =prop:"…"`, which ACS answers from its index,
   * so a node made moments ago may be missing there until the index catches up).
   */
  nodesWhere(type: string, prop: string, value: string): PortNode[];

  // --- disposition (issue 18) ---
  /**
   * Destroys a recording's bytes under an executed disposition batch, as the repository: adds
   * the tombstone `efr:destroyed` with `tombstone`'s properties (its `efr:destroyedBatch` names
   * the batch), removes the content and whatever the host derived from it (renditions,
   * versions), and has the bytes leave the content store once the call commits: server/ unlinks
   * the store file after the commit; ACS's eager content store cleaner deletes the content URL
   * after the commit, as Governance Services' destruction does. The host's rules decide with
   * core's `checkDisposal` (the batch is executed and lists the recording), whoever calls: a
   * refusal throws and the call rolls back. Answers what leaves the store.
   */
  destroyContent(id: string, tombstone: Record<string, PortValue>): PortDestroyedContent;

  // --- access requests (issue 15) ---
  /** The mimetype of the node's content (`cm:content`), or null when it has none. */
  mimeType(id: string): string | null;
  /** Removes an aspect and its properties (the host's rules apply; a refusal throws). */
  removeAspect(id: string, aspect: string): PortNode;
  /**
   * Runs `work` as the repository itself (user `System`: ACS's AuthenticationUtil.runAsSystem,
   * server/'s SYSTEM_USER): its reads see every node, its writes are recorded as System's and
   * its log lines name System. For the one step the repository takes on its own, closing a
   * request whose viewing window has ended (core's checkRepositoryClose), which both hosts'
   * rules allow System and nobody else.
   */
  asRepository<T>(work: () => T): T;

  // --- access-log proofs ---
  /**
   * SHA-256 of the bytes given as lower-case hex, as lower-case hex: the digest core's
   * portable Merkle tree takes (core/src/merkle/hex-tree.ts). server/: node:crypto; the module:
   * java.security.MessageDigest (Rhino has no typed arrays and no WebCrypto).
   */
  sha256Hex(hexBytes: string): string;
  /**
   * Every access-log entry in id order as `GET /audit-applications/efr-access/audit-entries
   * ?include=values` answers it (id, createdAt, createdByUser.id, values; a NodeRef value as
   * its id), read as the repository: the leaves of the log's Merkle tree, numbered by position
   * (core/src/merkle/audit-leaf.ts). The web script decides with core first who may ask.
   */
  accessAuditEntries(): RestAuditEntry[];
}

/** What {@link RepositoryPort.contentDigest} answers. */
export interface PortDigest {
  sha256: string;
  size: number;
}

// --- access log (issue 15/18) ---

/** What an access-log entry records, named the same in both hosts. */
export type PortLogKind = 'contentRead' | 'refused' | 'other';

/** One access-log entry (server/'s chained `access_log` row; an `efr-access` audit entry). */
export interface PortLogEntry {
  /** The entry's id: the row's sequence number in server/, the audit entry id in ACS. */
  seq: number;
  /** When, ISO 8601 UTC. */
  at: string;
  /** Who acted (user name). */
  user: string;
  /**
   * The host's own action name: server/'s (`read`, `range`, `download`, `refused`, a step's
   * name) or alfresco-access's (`READ`, `CREATE`, `UPDATE CONTENT`, …).
   */
  action: string;
  kind: PortLogKind;
  nodeId: string | null;
  /** The entry's other values: server/'s own; in ACS `subActions`, `type` and `path`. */
  values: Record<string, string>;
}

/** Which access-log entries to read (both given: both must match). */
export interface PortLogQuery {
  nodeId?: string;
  kind?: PortLogKind;
}

/** What {@link RepositoryPort.destroyContent} took from the content store. */
export interface PortDestroyedContent {
  /** The recording's SHA-256 (efr:sha256), null when it has none. */
  sha256: string | null;
  /** Size of the bytes that leave the store (0 when none do). */
  bytes: number;
  /**
   * Whether the bytes leave the store at commit: false when the recording had no content any
   * more, or (server/'s content-addressed store) another recording still holds the same bytes.
   */
  removed: boolean;
}

/** A text property of a port node, or null when unset or not text. */
export function textProp(n: PortNode, name: string): string | null {
  const v = n.props[name];
  return typeof v === 'string' ? v : null;
}
