/** Shapes of the evidence-disc screen (R23.1). */

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

/** A package as the web script answers it. */
export interface EvidencePackage {
  id: string;
  name: string;
  caseId: string | null;
  caseNumber: string | null;
  producer: string | null;
  extractor: string | null;
  extractionTime: string | null;
  medium: string | null;
  label: string | null;
  imageSha256: string | null;
  imageSize: number;
  recordingIds: string[];
  createdAt: string;
  createdBy: string;
  /**
   * The build by efr worker (issue 15): `requested`, `building` with its progress, `built`, or
   * `failed` with the EFR code. Absent on discs read through the node API.
   */
  job?: DiscJob;
}

/** A disc's build job as the evidence-packages web script answers it. */
export interface DiscJob {
  state: 'requested' | 'building' | 'built' | 'failed';
  bytesDone: number;
  bytesTotal: number;
  percent: number;
  error: { code: string; message: string } | null;
}

/** A proposed disc of a split (422 efr.evidence.exceedsMedium). */
export interface ProposedDisc {
  recordingIds: string[];
  imageBytes: number;
}
