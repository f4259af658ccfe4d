/**
 * Viewing requests, the register, viewing events, holds and the access-log verification
 * (issue 6: R14.1, R14.2, R24.1, R24.2, R25.1, R26.2, R27.1).
 */
import { Type, type Static } from '@sinclair/typebox';
import { PURPOSES, REQUEST_STATUSES } from '../core/src/enums.js';
import { Entry, Instant, List, NodeId, Nullable, OneOf, Strict, UserId } from './common.js';

/** Status of a request (efr:requestStatus, R24). */
export const RequestStatusSchema = OneOf(REQUEST_STATUSES);
/** Status of a request. */
export type RequestStatusKey = Static<typeof RequestStatusSchema>;
/** Purpose of a request (efr:purpose, R24, R25, R26.2). */
export const PurposeSchema = OneOf(PURPOSES);
/** Purpose of a request. */
export type PurposeKey = Static<typeof PurposeSchema>;

/** The queues of `GET /access-requests?queue=…`: whose turn it is (R24.1, R24.2). */
export const QUEUES = ['mine', 'review', 'approve', 'register', 'registry', 'viewing', 'all'] as const;
/** One queue. */
export type Queue = (typeof QUEUES)[number];

/** The steps of `POST /access-requests/{id}/{step}` (core's state machine). */
export const REQUEST_STEPS = ['review', 'approve', 'register', 'reject', 'close'] as const;
/** One step. */
export type RequestStep = (typeof REQUEST_STEPS)[number];

/** The events of a viewing session in the player (R24.2). */
export const VIEWING_EVENTS = ['start', 'seek', 'pause', 'end'] as const;
/** One viewing event. */
export type ViewingEvent = (typeof VIEWING_EVENTS)[number];

/** One requested recording as the screens show it (player, register, queues). */
export const RequestedRecordingSchema = Strict({
  id: NodeId,
  name: Type.String(),
  title: Nullable(Type.String()),
  mimeType: Nullable(Type.String()),
  secrecyLevel: Type.String(),
  durationSeconds: Nullable(Type.Number()),
});
/** One requested recording as the screens show it. */
export type RequestedRecordingJson = Static<typeof RequestedRecordingSchema>;

/** A viewing request as the web scripts answer it (dates ISO 8601 UTC). */
export const AccessRequestSchema = Strict({
  id: NodeId,
  /** Request number shown on the register and in the player's watermark (the node name). */
  number: Type.String(),
  status: RequestStatusSchema,
  requester: UserId,
  purpose: PurposeSchema,
  reason: Type.String(),
  recordingIds: Type.Array(NodeId),
  recordings: Type.Array(RequestedRecordingSchema),
  caseId: Nullable(NodeId),
  submittedAt: Instant,
  requestedFrom: Nullable(Instant),
  requestedTo: Nullable(Instant),
  reviewedBy: Nullable(UserId),
  reviewedAt: Nullable(Instant),
  /** 审核意见: the office director's opinion at review, if one was given (R24.1). */
  reviewOpinion: Type.Optional(Nullable(Type.String())),
  approvedBy: Nullable(UserId),
  approvedAt: Nullable(Instant),
  /** 批准意见: the leader's opinion at approval, if one was given (R24.1). */
  approvalOpinion: Type.Optional(Nullable(Type.String())),
  registeredBy: Nullable(UserId),
  registeredAt: Nullable(Instant),
  viewer: Nullable(UserId),
  viewingReason: Nullable(Type.String()),
  viewingFrom: Nullable(Instant),
  viewingUntil: Nullable(Instant),
  rejectedBy: Nullable(UserId),
  rejectedAt: Nullable(Instant),
  rejectionReason: Nullable(Type.String()),
  closedBy: Nullable(UserId),
  closedAt: Nullable(Instant),
  /** Leaders who may approve (R24.1); null when no recording is linked to a case. */
  approvers: Nullable(Type.Array(UserId)),
  /** Whether the viewing window is open now for the registered viewer. */
  windowOpen: Type.Boolean(),
  /** Whether a registered window has ended (access is over, R24.2). */
  expired: Type.Boolean(),
  /** Whether the purpose permits downloading a copy (R26.2). */
  downloadAllowed: Type.Boolean(),
});
/** A viewing request as the web scripts answer it. */
export type AccessRequestJson = Static<typeof AccessRequestSchema>;

/** Body of `POST /access-requests`: recordings, or every recording of a case. */
export const NewAccessRequestSchema = Strict({
  recordingIds: Type.Optional(Type.Array(NodeId)),
  caseId: Type.Optional(Nullable(NodeId)),
  purpose: PurposeSchema,
  reason: Type.String(),
  requestedFrom: Type.Optional(Nullable(Instant)),
  requestedTo: Type.Optional(Nullable(Instant)),
});
/** Body of `POST /access-requests`. */
export type NewAccessRequest = Static<typeof NewAccessRequestSchema>;

/**
 * Body of `POST /access-requests/{id}/{step}`: `register` names the viewer, reason and window
 * (R24.2), `reject` and `close` give a reason; `review` and `approve` take none.
 */
export const AccessRequestStepSchema = Strict({
  viewer: Type.Optional(UserId),
  reason: Type.Optional(Type.String()),
  viewingFrom: Type.Optional(Instant),
  viewingUntil: Type.Optional(Instant),
});
/** Body of `POST /access-requests/{id}/{step}`. */
export type AccessRequestStep = Static<typeof AccessRequestStepSchema>;

/** Body of `POST /access-requests/{id}/viewing-events`. */
export const ViewingEventRequestSchema = Strict({
  event: OneOf(VIEWING_EVENTS),
  recordingId: Type.Optional(NodeId),
  sessionId: Type.Optional(Type.String()),
  positionSeconds: Type.Optional(Type.Number({ minimum: 0 })),
});
/** Body of `POST /access-requests/{id}/viewing-events`. */
export type ViewingEventRequest = Static<typeof ViewingEventRequestSchema>;

/** The logged viewing event (its access-log values). */
export const ViewingEventSchema = Strict({
  action: Type.String(),
  requestId: NodeId,
  request: Type.String(),
  sessionId: Type.String(),
  requirement: Type.String(),
  positionSeconds: Type.Optional(Type.String({ description: 'seconds, three decimals' })),
});
/** The logged viewing event. */
export type ViewingEventJson = Static<typeof ViewingEventSchema>;

/** Body of `POST /holds` (R14.2). */
export const HoldRequestSchema = Strict({
  recordingIds: Type.Array(NodeId, { minItems: 1, maxItems: 500 }),
  reason: Type.String(),
  reference: Type.Optional(Type.String()),
});
/** Body of `POST /holds`. */
export type HoldRequest = Static<typeof HoldRequestSchema>;

/** What `POST /holds` did: newly held, and already held (they keep their first hold). */
export const HoldResultSchema = Strict({
  held: Type.Array(NodeId),
  alreadyHeld: Type.Array(NodeId),
});
/** What `POST /holds` did. */
export type HoldResult = Static<typeof HoldResultSchema>;

/** Body of `POST /holds/release`: the recordings whose hold ends, and why (R14.2). */
export const HoldReleaseRequestSchema = Strict({
  recordingIds: Type.Array(NodeId, { minItems: 1, maxItems: 500 }),
  reason: Type.String(),
});
/** Body of `POST /holds/release`. */
export type HoldReleaseRequest = Static<typeof HoldReleaseRequestSchema>;

/** What `POST /holds/release` did: holds lifted, and recordings that held none. */
export const HoldReleaseResultSchema = Strict({
  released: Type.Array(NodeId),
  notHeld: Type.Array(NodeId),
});
/** What `POST /holds/release` did. */
export type HoldReleaseResult = Static<typeof HoldReleaseResultSchema>;

/** The access log's hash-chain verification (`GET /access-log/verify`). */
export const ChainVerificationSchema = Type.Union([
  Strict({ ok: Type.Literal(true), count: Type.Integer({ minimum: 0 }), verifiedAt: Instant }),
  Strict({
    ok: Type.Literal(false),
    index: Type.Integer({ minimum: 0 }),
    id: Type.Integer(),
    reason: Type.String(),
    verifiedAt: Instant,
  }),
]);
/** The access log's hash-chain verification. */
export type ChainVerification = Static<typeof ChainVerificationSchema>;

/** One request. */
export const AccessRequestEntrySchema = Entry(AccessRequestSchema);
/** A queue. */
export const AccessRequestListSchema = List(AccessRequestSchema);
