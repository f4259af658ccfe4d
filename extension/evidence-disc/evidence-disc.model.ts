/** Shapes of the evidence-disc screen (R23.1). */
export type { DiscJob, EvidencePackage, ProposedDisc } from '../../contract/index';

/** A case to package from. */
export interface DiscCase {
  id: string;
  caseNumber: string;
  title: string;
}

/** A recording of the case, as the screen lists it. */
export interface DiscRecording {
  id: string;
  name: string;
  title: string;
  size: number;
  sha256: string;
  sealed: boolean;
  startedAt: string | null;
}

/** What the user fills in. */
export interface DiscForm {
  recordingIds: readonly string[];
  producer: string;
  extractor: string;
  medium: string;
  label: string;
}
