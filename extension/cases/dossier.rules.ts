import { STAGES } from '../shared/public-api';
import { DossierDocument, DossierRecording, StageGroup } from './cases.model';

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
