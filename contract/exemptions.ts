/** Exemption records (issue 9: R11.1, R11.2): `/alfresco/s/efr/exemptions`. */
import { Type, type Static } from '@sinclair/typebox';
import { ACTIVITY_TYPES, EXEMPTION_GROUNDS, EXEMPTION_STATUSES } from '../core/src/enums.js';
import { Entry, Instant, List, NodeId, Nullable, OneOf, Strict, UserId } from './common.js';

/** Status of a record (R11.2): written → acknowledged → filed. */
export const ExemptionStatusSchema = OneOf(EXEMPTION_STATUSES);
/** Status of a record. */
export type ExemptionStatusKey = Static<typeof ExemptionStatusSchema>;

/** The two steps after writing: `POST /exemptions/{id}/{step}`, no body. */
export const EXEMPTION_STEPS = ['acknowledge', 'file'] as const;
/** One step. */
export type ExemptionStep = (typeof EXEMPTION_STEPS)[number];

/** Who is awaited and whether the reminder time has passed (core's `exemptionReminder`). */
export const ExemptionReminderSchema = Strict({
  waitingFor: Nullable(OneOf(['leader', 'office'] as const)),
  dueAt: Nullable(Instant),
  overdue: Type.Boolean(),
});

/** An act not recorded and its work record (R11.1, R11.2). Dates are ISO 8601 UTC. */
export const ExemptionSchema = Strict({
  id: NodeId,
  name: Type.String(),
  status: ExemptionStatusSchema,
  author: UserId,
  coOfficer: Nullable(UserId),
  leader: UserId,
  actAt: Nullable(Instant),
  activityType: Type.String(),
  location: Type.String(),
  ground: Type.String(),
  basis: Type.String(),
  writtenAt: Nullable(Instant),
  acknowledgedAt: Nullable(Instant),
  filedBy: Nullable(UserId),
  filedAt: Nullable(Instant),
  caseId: Nullable(NodeId),
  caseNumber: Nullable(Type.String()),
  reminder: ExemptionReminderSchema,
});
/** An exemption record. */
export type Exemption = Static<typeof ExemptionSchema>;

/** Body of `POST /exemptions` (officers, after the act). */
export const NewExemptionRequestSchema = Strict({
  actAt: Instant,
  activityType: OneOf(ACTIVITY_TYPES),
  location: Type.String(),
  ground: OneOf(EXEMPTION_GROUNDS),
  basis: Type.String(),
  /** The leader it is reported to; with `caseId`, the case's leader in charge instead. */
  leader: Type.Optional(UserId),
  coOfficer: Type.Optional(UserId),
  caseId: Type.Optional(NodeId),
  title: Type.Optional(Type.String()),
});
/** Body of `POST /exemptions`. */
export type NewExemptionRequest = Static<typeof NewExemptionRequestSchema>;

/** One record. */
export const ExemptionEntrySchema = Entry(ExemptionSchema);
/** The list with reminders. */
export const ExemptionListSchema = List(ExemptionSchema);
