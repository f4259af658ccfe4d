import { STAGES } from '../shared/public-api';
import { DossierDocument, DossierRecording, StageGroup } from './cases.model';

/**
 * Where a field activity (R10.1) falls in the process (R3.2) when a recording carries no
 * stage of its own: inspections and complaints start procedures, evidence collection and
 * coercive measures (advance registration and preservation, seizure) belong to the
 * investigation, service of documents to service and execution. Other field work stays
 * unplaced rather than guessed.
 */
const ACTIVITY_STAGE: Readonly<Record<string, string>> = {
  routineInspection: 'initiation',
  complaintHandling: 'initiation',
  evidenceCollection: 'investigation',
  coerciveMeasure: 'investigation',
  documentService: 'execution',
};

/** `dossier.recordingStage`: the recording's own stage if it has one, else its activity's. */
export function recordingStage(ownStage: string, activityType: string): string {
  return ownStage || ACTIVITY_STAGE[activityType] || '';
}

/**
 * `dossier.byStage`: places text records and recordings in the five stages of R3.2, in process
 * order, every stage shown even when empty (a gap is what a reviewer looks for). Records with
 * no or an unknown stage go to a last group with stage '' so nothing linked is hidden.
 */
export function groupByStage(
  documents: readonly DossierDocument[],
  recordings: readonly DossierRecording[],
): StageGroup[] {
  const known = new Set<string>(STAGES);
  const groups: StageGroup[] = STAGES.map((stage) => ({
    stage,
    documents: documents.filter((d) => d.stage === stage),
    recordings: recordings.filter((r) => r.stage === stage),
  }));
  const rest: StageGroup = {
    stage: '',
    documents: documents.filter((d) => !known.has(d.stage)),
    recordings: recordings.filter((r) => !known.has(r.stage)),
  };
  if (rest.documents.length || rest.recordings.length) groups.push(rest);
  return groups;
}
