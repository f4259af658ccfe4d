/** Spot checks (issue 8: R28.1, R28.2): `/alfresco/s/efr/spot-checks`. */
import { Type, type Static } from '@sinclair/typebox';
import {
  FINDING_STATUSES, ITEM_RESULTS, SPOT_CHECK_STATUSES, VIOLATION_KINDS,
} from '../core/src/enums.js';
import { Entry, Instant, List, NodeId, Nullable, OneOf, Strict, UserId } from './common.js';
import { QualityReportSchema } from './quality.js';

/** Result of one R28.2 item. */
export const ItemResultSchema = OneOf(ITEM_RESULTS);
/** Result of one R28.2 item. */
export type ItemResult = Static<typeof ItemResultSchema>;

/** Progress of a campaign (core's `CampaignProgress`, R28.1). */
export const ProgressSchema = Strict({
  total: Type.Integer({ minimum: 0 }),
  pending: Type.Integer({ minimum: 0 }),
  done: Type.Integer({ minimum: 0 }),
  skipped: Type.Integer({ minimum: 0 }),
  failed: Type.Integer({ minimum: 0 }),
});
/** Progress of a campaign. */
export type Progress = Static<typeof ProgressSchema>;

/** A spot-check campaign (R28.1). */
export const CampaignSchema = Strict({
  id: NodeId,
  name: Type.String(),
  title: Type.String(),
  status: OneOf(SPOT_CHECK_STATUSES),
  from: Nullable(Instant),
  to: Nullable(Instant),
  units: Type.Array(Type.String()),
  proportion: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
  seed: Type.String(),
  populationSize: Type.Integer({ minimum: 0 }),
  sampleSize: Type.Integer({ minimum: 0 }),
  createdBy: UserId,
  createdAt: Instant,
  closedAt: Nullable(Instant),
  progress: ProgressSchema,
});
/** A spot-check campaign. */
export type Campaign = Static<typeof CampaignSchema>;

const findingProperties = {
  id: NodeId,
  recordingId: Nullable(NodeId),
  recordingName: Nullable(Type.String()),
  officer: Nullable(UserId),
  status: OneOf(FINDING_STATUSES),
  itemRecorded: Nullable(ItemResultSchema),
  itemContinuous: Nullable(ItemResultSchema),
  itemHandled: Nullable(ItemResultSchema),
  notes: Strict({
    recorded: Nullable(Type.String()),
    continuous: Nullable(Type.String()),
    handled: Nullable(Type.String()),
  }),
  placementObservation: Nullable(Type.String()),
  conductObservation: Nullable(Type.String()),
  skipReason: Nullable(Type.String()),
  reviewedBy: Nullable(UserId),
  reviewedAt: Nullable(Instant),
};

/** A finding on one drawn recording (R28.2), as `sample` lists it. */
export const FindingSchema = Strict(findingProperties);
/** A finding on one drawn recording. */
export type Finding = Static<typeof FindingSchema>;

/** The answer of `POST …/findings`: the finding and the violation a failed item proposed. */
export const RecordedFindingSchema = Strict({
  ...findingProperties,
  violationId: Nullable(NodeId),
});
/** The answer of `POST …/findings`. */
export type RecordedFinding = Static<typeof RecordedFindingSchema>;

/** One access-log entry quoted as evidence. */
export const LogEvidenceSchema = Strict({
  seq: Type.Integer(),
  at: Instant,
  user: UserId,
  action: Type.String(),
  values: Type.Record(Type.String(), Type.String()),
});

/** The automatic evidence of the three items of R28.2 for one recording. */
export const EvidenceSchema = Strict({
  /** Item 1: the officer's acts of the period without recording nor exemption record. */
  recorded: Strict({
    officer: UserId,
    unrecordedActs: Type.Array(Strict({
      sessionId: Type.String(),
      handoverId: NodeId,
      activityType: Type.String(),
      location: Type.String(),
      startedAt: Nullable(Instant),
      endedAt: Nullable(Instant),
    })),
    exemptions: Type.Integer({ minimum: 0 }),
  }),
  /** Item 2: gaps between segments, segments missing, clock offset of the pre-use check. */
  continuous: Strict({
    sessionId: Type.String(),
    segmentsDeclared: Nullable(Type.Integer()),
    segmentsFound: Type.Integer({ minimum: 0 }),
    gaps: Type.Array(Strict({ afterSegment: Type.Integer(), seconds: Type.Number() })),
    clockOffsetSeconds: Nullable(Type.Number()),
  }),
  /** Item 3: late handover, reads without a registered request, refusals. */
  handled: Strict({
    handoverId: Nullable(NodeId),
    handoverLate: Type.Boolean(),
    deadline: Nullable(Instant),
    sealedAt: Nullable(Instant),
    unregisteredAccess: Type.Array(LogEvidenceSchema),
    refusals: Type.Array(LogEvidenceSchema),
  }),
});
/** The automatic evidence of the three items. */
export type Evidence = Static<typeof EvidenceSchema>;

/** `GET …/findings/{key}`: the finding with its evidence (null: the recording is gone). */
export const FindingEvidenceSchema = Strict({
  ...findingProperties,
  evidence: Nullable(EvidenceSchema),
});
/** A finding with its evidence. */
export type FindingWithEvidence = Static<typeof FindingEvidenceSchema>;

/** `GET …/{id}/results`: the campaign and core's quality report of its findings. */
export const CampaignResultsSchema = Strict({ campaign: CampaignSchema, report: QualityReportSchema });
/** The results of a campaign. */
export type CampaignResults = Static<typeof CampaignResultsSchema>;

/** `GET …/{id}/verify-draw`: the draw re-run from the logged seed and population. */
export const DrawVerificationSchema = Strict({
  algorithm: Type.String(),
  seed: Type.String(),
  proportion: Type.Number(),
  populationSize: Type.Integer({ minimum: 0 }),
  /** The sample recomputed from the logged population. */
  recomputed: Type.Array(NodeId),
  /** The sample stored as findings. */
  stored: Type.Array(NodeId),
  check: Type.Union([
    Strict({ ok: Type.Literal(true) }),
    Strict({ ok: Type.Literal(false), missing: Type.Array(NodeId), extra: Type.Array(NodeId) }),
  ]),
  /** Whether the repository's recordings of the scope are still the logged population. */
  populationUnchanged: Type.Boolean(),
});
/** The draw's verification. */
export type DrawVerification = Static<typeof DrawVerificationSchema>;

/** Body of `POST /spot-checks`: open a campaign and draw (R28.1). */
export const OpenCampaignRequestSchema = Strict({
  title: Type.Optional(Type.String()),
  from: Instant,
  to: Instant,
  units: Type.Optional(Nullable(Type.Array(Type.String()))),
  proportion: Type.Number(),
  /** Optional: the server then draws 128 random bits (hex). */
  seed: Type.Optional(Type.String()),
});
/** Body of `POST /spot-checks`. */
export type OpenCampaignRequest = Static<typeof OpenCampaignRequestSchema>;

/** Body of `POST /spot-checks/{id}/findings` (R28.2): the finding by its id or its recording. */
export const FindingRequestSchema = Strict({
  findingId: Type.Optional(NodeId),
  recordingId: Type.Optional(NodeId),
  status: OneOf(['done', 'skipped'] as const),
  itemRecorded: Type.Optional(Nullable(ItemResultSchema)),
  itemContinuous: Type.Optional(Nullable(ItemResultSchema)),
  itemHandled: Type.Optional(Nullable(ItemResultSchema)),
  notes: Type.Optional(Strict({
    recorded: Type.Optional(Nullable(Type.String())),
    continuous: Type.Optional(Nullable(Type.String())),
    handled: Type.Optional(Nullable(Type.String())),
  })),
  placementObservation: Type.Optional(Type.String()),
  conductObservation: Type.Optional(Type.String()),
  skipReason: Type.Optional(Type.String()),
  violationKind: Type.Optional(OneOf(VIOLATION_KINDS)),
});
/** Body of `POST /spot-checks/{id}/findings`. */
export type FindingRequest = Static<typeof FindingRequestSchema>;

/** One campaign. */
export const CampaignEntrySchema = Entry(CampaignSchema);
/** The campaigns. */
export const CampaignListSchema = List(CampaignSchema);
/** The sample: one finding per drawn recording. */
export const FindingListSchema = List(FindingSchema);
/** A recorded finding. */
export const RecordedFindingEntrySchema = Entry(RecordedFindingSchema);
/** A finding with its evidence. */
export const FindingEvidenceEntrySchema = Entry(FindingEvidenceSchema);
/** The results of a campaign. */
export const CampaignResultsEntrySchema = Entry(CampaignResultsSchema);
/** The draw's verification. */
export const DrawVerificationEntrySchema = Entry(DrawVerificationSchema);
