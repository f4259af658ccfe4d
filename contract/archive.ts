/**
 * The archive over the years (issue 18): the access log's Merkle tree
 * (`/alfresco/s/efr/access-log/tree-heads|proof|consistency`) and the fixity audits
 * (`/alfresco/s/efr/fixity`). Hashes are lower-case hex.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Entry, List, NodeId, Nullable, Strict } from './common.js';

const Hex = Type.String({ pattern: '^[0-9a-f]*$' });

/** A signed tree head (RFC 9162 TreeHeadDataV2 over Ed25519; core/src/merkle/log-tree.ts). */
export const SignedTreeHeadSchema = Strict({
  treeSize: Type.Integer({ minimum: 0 }),
  /** Milliseconds since the epoch when the head was made. */
  timestamp: Type.Integer({ minimum: 0 }),
  rootHash: Hex,
  signature: Hex,
  keyId: Hex,
});

/** A request for a signed tree head (`POST /access-log/tree-heads`, 202), signed by efr worker. */
export const TreeHeadRequestSchema = Strict({
  id: NodeId,
  state: Type.Union([Type.Literal('requested'), Type.Literal('signed')]),
  requestedBy: Type.String(),
  requestedAt: Type.String(),
});
export type TreeHeadRequest = Static<typeof TreeHeadRequestSchema>;

/**
 * `GET /access-log/tree-heads`: the signed heads (oldest first), the key that signed the newest
 * (null before the first), the newest head's tree state that the worker extends, and the
 * requests waiting for efr worker.
 */
export const TreeHeadsSchema = Strict({
  publicKey: Nullable(Hex),
  keyId: Nullable(Hex),
  treeSize: Type.Integer({ minimum: 0 }),
  heads: Type.Array(SignedTreeHeadSchema),
  latest: Nullable(Strict({ treeSize: Type.Integer({ minimum: 0 }),
    lastEntryId: Type.Integer({ minimum: 0 }), frontier: Type.String() })),
  requested: Type.Array(TreeHeadRequestSchema),
});
export type TreeHeadsAnswer = Static<typeof TreeHeadsSchema>;

/** `POST /access-log/tree-heads/{id}/head` (efr worker): a signed head and the tree after it. */
export const StoredTreeHeadSchema = Strict({
  ...SignedTreeHeadSchema.properties,
  publicKey: Hex,
  lastEntryId: Type.Integer({ minimum: 0 }),
  frontier: Type.String(),
});

/** A signed head as one entry (`POST /access-log/tree-heads/{id}/head`). */
export const SignedTreeHeadEntrySchema = Entry(SignedTreeHeadSchema);

/** `POST /access-log/tree-heads`: the request recorded. */
export const TreeHeadRequestEntrySchema = Entry(TreeHeadRequestSchema);

/** `GET /access-log/proof?seq=&treeSize=`: an entry's inclusion proof. */
export const InclusionProofSchema = Strict({
  seq: Type.Integer({ minimum: 1 }),
  treeSize: Type.Integer({ minimum: 1 }),
  inclusionProof: Type.Array(Hex),
});
/** An entry's inclusion proof. */
export type InclusionProof = Static<typeof InclusionProofSchema>;

/** `GET /access-log/consistency?first=&second=`: the consistency proof of two sizes. */
export const ConsistencyProofSchema = Strict({
  first: Type.Integer({ minimum: 1 }),
  second: Type.Integer({ minimum: 1 }),
  consistencyProof: Type.Array(Hex),
});
/** The consistency proof of two sizes. */
export type ConsistencyProof = Static<typeof ConsistencyProofSchema>;

/**
 * An `efr-access` audit entry as the log's Merkle leaf covers it (core/src/merkle/audit-leaf.ts
 * AuditLeafFacts): id, createdAt as the UTC instant, the user id, every value as text.
 */
export const AuditLeafEntrySchema = Strict({
  id: Type.String({ pattern: '^[1-9][0-9]*$' }),
  createdAt: Type.String(),
  createdByUser: Type.String(),
  values: Type.Record(Type.String(), Type.String()),
});

/**
 * `GET /access-log/entries?nodeId=&treeSize=`: a node's access-log entries, each at its position
 * in the log (seq, 1-based) as its leaf hashes it, with its inclusion proof in the tree of the
 * signed head of treeSize entries (null without treeSize). logSize: entries in the log now.
 */
export const AccessLogEntriesSchema = Strict({
  nodeId: NodeId,
  treeSize: Nullable(Type.Integer({ minimum: 1 })),
  logSize: Type.Integer({ minimum: 0 }),
  entries: Type.Array(Strict({
    seq: Type.Integer({ minimum: 1 }),
    entry: AuditLeafEntrySchema,
    inclusionProof: Nullable(Type.Array(Hex)),
  })),
});
/** A node's access-log entries with their positions and proofs. */
export type AccessLogEntries = Static<typeof AccessLogEntriesSchema>;

/** `GET /fixity`: coverage in the cycle, the last mismatch, the throughput (core FixityStatus). */
export const FixityStatusSchema = Strict({
  total: Type.Integer({ minimum: 0 }),
  checkedInCycle: Type.Integer({ minimum: 0 }),
  totalBytes: Type.Number({ minimum: 0 }),
  requiredBytesPerHour: Type.Number({ minimum: 0 }),
  cycleFeasible: Type.Boolean(),
  cycleDays: Type.Number(),
  bytesPerHour: Type.Number(),
  lastMismatch: Nullable(Strict({ nodeId: NodeId, name: Type.String(),
    checkedAt: Type.String(), expected: Type.String(), actual: Nullable(Type.String()),
    violationId: Nullable(NodeId) })),
  throughput: Strict({ bytesPerSecond: Type.Number({ minimum: 0 }),
    bytesLastHour: Type.Number({ minimum: 0 }), lastRoundAt: Nullable(Type.String()) }),
});
export const FixityStatusEntrySchema = Entry(FixityStatusSchema);

/** Body of `POST /fixity/run`: how long the round may take (its byte budget at the rate). */
export const FixityRunRequestSchema = Strict({
  roundMinutes: Type.Optional(Type.Number({ minimum: 1, maximum: 1440 })),
});

/**
 * A fixity round (issue 18): a job efr worker works in both hosts (states of core/src/
 * package-job.ts: requested, building, built, failed); bytes are those re-hashed so far.
 */
export const FixityRoundSchema = Strict({
  id: NodeId,
  state: Type.Union(['requested', 'building', 'built', 'failed'].map((s) => Type.Literal(s))),
  roundMinutes: Type.Integer({ minimum: 1 }),
  bytesPerHour: Type.Number({ minimum: 0 }),
  planned: Type.Integer({ minimum: 0 }),
  checked: Type.Integer({ minimum: 0 }),
  mismatches: Type.Integer({ minimum: 0 }),
  bytesDone: Type.Number({ minimum: 0 }),
  bytesTotal: Type.Number({ minimum: 0 }),
  percent: Type.Integer({ minimum: 0, maximum: 100 }),
  busyMs: Type.Number({ minimum: 0 }),
  worker: Nullable(Type.String()),
  requestedAt: Type.String(),
  requestedBy: Type.String(),
  finishedAt: Nullable(Type.String()),
});
/** A fixity round as the web scripts answer it. */
export type FixityRound = Static<typeof FixityRoundSchema>;

/** `POST /fixity/run` when no recording is due: nothing is recorded. */
export const FixityNothingDueSchema = Strict({ entry: Type.Null() });

/** `GET /fixity/rounds`: the rounds, oldest first. */
export const FixityRoundListSchema = List(FixityRoundSchema);

/** `POST /fixity/run` (202), `GET /fixity/rounds/{id}`, a round's progress and done steps. */
export const FixityRoundEntrySchema = Entry(FixityRoundSchema);

/** One recording a round re-hashes, as the claim tells the worker. */
export const FixityOrderItemSchema = Strict({
  id: NodeId, name: Type.String(), size: Type.Number({ minimum: 0 }),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
});

/** `POST /fixity/rounds/{id}/claim`: the round and what to re-hash, at which rate. */
export const FixityClaimAnswerSchema = Strict({
  entry: FixityRoundSchema,
  order: Strict({ bytesPerHour: Type.Number({ minimum: 0 }),
    recordings: Type.Array(FixityOrderItemSchema) }),
});
/** What a worker is told to re-hash. */
export type FixityOrder = Static<typeof FixityClaimAnswerSchema>['order'];

/** Body of `POST /fixity/rounds/{id}/checks`: one re-hash (sha256 null: no bytes to read). */
export const FixityCheckRequestSchema = Strict({
  recordingId: NodeId,
  sha256: Nullable(Type.String({ pattern: '^[0-9a-f]{64}$' })),
  bytes: Type.Integer({ minimum: 0 }),
  busyMs: Type.Integer({ minimum: 0 }),
});

/** `POST /fixity/rounds/{id}/checks`: what the check found and the violation it proposed. */
export const FixityCheckEntrySchema = Entry(Strict({
  recordingId: NodeId,
  result: Type.Union(['ok', 'mismatch', 'missing', 'destroyed'].map((s) => Type.Literal(s))),
  violationId: Nullable(NodeId),
}));

