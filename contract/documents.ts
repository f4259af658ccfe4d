/**
 * Generated documents (issue 15): the PDFs that Rhino cannot render (the destruction register,
 * issue 18) are recorded as a `cm:content` node with a job (`efr:packageJob`) when the step
 * that makes them commits; efr worker renders each beside either host and uploads it with
 * `PUT /nodes/{id}/content`, over the same job lease as the evidence discs.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Entry, List, NodeId, Strict } from './common.js';
import { DiscJobSchema } from './evidence-packages.js';

/** The kinds of generated document. */
export const DOCUMENT_KINDS = ['destructionRegister', 'qualityReport'] as const;
/** A kind of generated document. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A generated document with its job. */
export const GeneratedDocumentSchema = Strict({
  id: NodeId,
  name: Type.String(),
  kind: Type.Union(DOCUMENT_KINDS.map((k) => Type.Literal(k))),
  /**
   * The node the document is of: the disposition batch of a register, the reports folder
   * (`质量考评报告`) of a quality report.
   */
  subjectId: NodeId,
  job: DiscJobSchema,
});
/** A generated document. */
export type GeneratedDocument = Static<typeof GeneratedDocumentSchema>;

/** One document. */
export const GeneratedDocumentEntrySchema = Entry(GeneratedDocumentSchema);
/** Documents waiting for (or in) a job. */
export const GeneratedDocumentListSchema = List(GeneratedDocumentSchema);

/**
 * What a worker is told to render when it claims a document: its kind and name, and for a
 * destruction register the register as the execution signed it (core's RegisterInput), for a
 * quality report the assessment as its requester could read it when asking (QualityReportInput).
 */
export const DocumentOrderSchema = Strict({
  kind: Type.Union(DOCUMENT_KINDS.map((k) => Type.Literal(k))),
  name: Type.String(),
  register: Type.Optional(Type.Unknown({ description: "core's RegisterInput (efr:registerRecord)" })),
  quality: Type.Optional(Type.Unknown({ description: 'QualityReportInput (contract/quality.ts)' })),
});
/** What a worker renders. */
export type DocumentOrder = Static<typeof DocumentOrderSchema>;

/** Answer of `POST /documents/{id}/claim`: the document and what to render. */
export const DocumentClaimAnswerSchema = Strict({
  entry: GeneratedDocumentSchema, order: DocumentOrderSchema,
});
