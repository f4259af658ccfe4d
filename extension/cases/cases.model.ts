/** One row of the cases list. */
export interface CaseSummary {
  id: string;
  caseNumber: string;
  title: string;
  actType: string;
  status: string;
  handler: string;
  leader: string;
  createdAt: Date | null;
}

/** A text record (R3.1) in a dossier. */
export interface DossierDocument {
  id: string;
  name: string;
  kind: string;
  stage: string;
}

/** A recording linked to a dossier. */
export interface DossierRecording {
  id: string;
  name: string;
  /** Its own stage, or the one its activity belongs to (dossier.recordingStage). */
  stage: string;
  /** Field activity (R10.1). */
  activityType: string;
  startedAt: Date | null;
  sha256: string;
  isEvidence: boolean;
}

/** The records of one process stage (R3.2); `stage` is '' for records without one. */
export interface StageGroup {
  stage: string;
  documents: DossierDocument[];
  recordings: DossierRecording[];
}

/** Retention of a case, inherited by its evidence (R22.2). */
export interface CaseRetention {
  permanent: boolean;
  years: number | null;
}

/** The dossier page's data. */
export interface CaseDossier extends CaseSummary {
  retention: CaseRetention;
  /** Stages the case has gone through (efr:stages). */
  stagesReached: string[];
  stages: StageGroup[];
  /** Every linked recording, whatever its stage. */
  recordingCount: number;
}
