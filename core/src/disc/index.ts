/**
 * Public API of the evidence-disc writer (R23.1): ISO 9660 + Joliet + Rock Ridge + UDF 1.02
 * bridge images, laid out from names and sizes, then streamed.
 */
export { DiscError } from './types.js';
export type {
  DiscErrorCode,
  DiscFile,
  DiscFileSpec,
  DiscLayout,
  FilePlacement,
  MetadataRegion,
  NameMapping,
  VolumeInfo,
  VolumeLabels,
} from './types.js';
export { imageSize, layoutDisc } from './layout.js';
export { writeDiscImage } from './writer.js';
export type { WriteHooks } from './writer.js';
export { MEDIA, mediumBytes } from './media.js';
export type { Medium, MediumFacts } from './media.js';
export { planDiscs } from './plan.js';
export type { DiscPlan, PlanOptions, PlannedDisc } from './plan.js';
