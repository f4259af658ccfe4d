/**
 * Handovers (issue 5: R21.1–R21.4, R15.1, R15.2, R16.1, R17.1): `/alfresco/s/efr/handovers`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { ACTIVITY_TYPES, HANDOVER_STATUSES } from '../core/src/enums.js';
import { Entry, Instant, List, NodeId, Nullable, OneOf, Strict, UserId } from './common.js';

/** Handover status (R21.4). */
export const HandoverStatusSchema = OneOf(HANDOVER_STATUSES);
/** Handover status (R21.4). */
export type HandoverStatus = Static<typeof HandoverStatusSchema>;

/** A `status` filter of the list: a status, `late` (sealed late or open past the deadline), all. */
export const HandoverListStatusSchema = OneOf([...HANDOVER_STATUSES, 'late', 'all'] as const);
/** A `status` of `GET /alfresco/s/efr/handovers`. */
export type HandoverListStatus = Static<typeof HandoverListStatusSchema>;

/** A file of a handover as the repository holds it. */
export const HandoverFileSchema = Strict({
  id: NodeId,
  name: Type.String(),
  /** SHA-256 the repository computed while the bytes streamed in. */
  sha256: Type.String(),
  sizeBytes: Type.Number({ minimum: 0 }),
  sessionId: Nullable(Type.String()),
  /** Whether the recording carries the seal facts (R21.4). */
  sealed: Type.Boolean(),
  /** Where it is now (the handover before sealing, the Recordings archive after). */
  parentId: Nullable(NodeId),
});
/** A file of a handover as the repository holds it. */
export type HandoverFile = Static<typeof HandoverFileSchema>;

/** A declared field session (R10.1, R16.1, R17.1). */
export const HandoverSessionSchema = Strict({
  id: NodeId,
  sessionId: Type.String(),
  activityType: Type.String(),
  place: Type.String(),
  startedAt: Nullable(Instant),
  endedAt: Nullable(Instant),
  segmentCount: Type.Number(),
  noticeText: Type.String(),
  interruptionNote: Nullable(Type.String()),
});
/** A declared field session (R10.1, R16.1, R17.1). */
export type HandoverSession = Static<typeof HandoverSessionSchema>;

/** The pre-use check recorded with a handover (R15.1). */
export const HandoverPreUseCheckSchema = Strict({
  working: Type.Boolean(),
  batteryPercent: Type.Number(),
  freeStorageMb: Type.Number(),
  clockOffsetSeconds: Type.Number(),
  checkedAt: Nullable(Instant),
  checkedBy: UserId,
});

/** One custodian's receipt (R21.4). */
export const HandoverReceiptSchema = Strict({ by: UserId, at: Nullable(Instant) });

/** The handover resource of `/alfresco/s/efr/handovers`. */
export const HandoverSchema = Strict({
  id: NodeId,
  name: Type.String(),
  officer: UserId,
  coOfficer: UserId,
  deviceSerial: Type.String(),
  unit: Nullable(Type.String()),
  returnedAt: Nullable(Instant),
  fieldWorkEnd: Nullable(Instant),
  awayWork: Type.Boolean(),
  deadline: Nullable(Instant),
  status: HandoverStatusSchema,
  /** Sealed after the deadline (R21.1, R21.2). */
  late: Type.Boolean(),
  /** Not sealed and the deadline has passed: late as soon as it is sealed. */
  overdue: Type.Boolean(),
  receipts: Type.Array(HandoverReceiptSchema),
  preUseCheck: Nullable(HandoverPreUseCheckSchema),
  sessions: Type.Array(HandoverSessionSchema),
  files: Type.Array(HandoverFileSchema),
  /** The violation opened for a late seal (R29.1), if any. */
  violationId: Nullable(NodeId),
  createdAt: Instant,
  createdBy: UserId,
});
/** The handover resource of `/alfresco/s/efr/handovers`. */
export type Handover = Static<typeof HandoverSchema>;

/** A session as declared when the handover is opened. */
export const HandoverSessionInputSchema = Strict({
  activityType: OneOf(ACTIVITY_TYPES),
  place: Type.String(),
  startedAt: Instant,
  endedAt: Instant,
  segmentCount: Type.Optional(Type.Integer({ minimum: 1 })),
  partyNotified: Type.Boolean(),
  /** The words told to the party: must hold the standard phrase (R16.1). */
  noticeText: Type.String(),
  interruptionNote: Type.Optional(Type.String()),
});
/** A session as declared when the handover is opened. */
export type HandoverSessionInput = Static<typeof HandoverSessionInputSchema>;

/** Body of `POST /alfresco/s/efr/handovers`. */
export const OpenHandoverRequestSchema = Strict({
  officer: UserId,
  coOfficer: UserId,
  deviceSerial: Type.String(),
  returnedAt: Instant,
  awayWork: Type.Boolean(),
  title: Type.Optional(Type.String()),
  preUseCheck: Type.Optional(Nullable(Strict({
    working: Type.Boolean(),
    batteryPercent: Type.Integer(),
    freeStorageMb: Type.Integer(),
    clockOffsetSeconds: Type.Integer(),
    checkedAt: Type.Optional(Instant),
  }))),
  sessions: Type.Array(HandoverSessionInputSchema, { maxItems: 50 }),
});
/** Body of `POST /alfresco/s/efr/handovers`. */
export type OpenHandoverRequest = Static<typeof OpenHandoverRequestSchema>;

/** Body of `POST /alfresco/s/efr/handovers/{id}/receipts`: bare hex or `sha256sum` lines. */
export const ReceiptRequestSchema = Strict({
  verifiedHashes: Type.Array(Type.String(), { maxItems: 10_000 }),
});
/** Body of `POST /alfresco/s/efr/handovers/{id}/receipts`. */
export type ReceiptRequest = Static<typeof ReceiptRequestSchema>;

/** One handover. */
export const HandoverEntrySchema = Entry(HandoverSchema);
/** The handover list. */
export const HandoverListSchema = List(HandoverSchema);
