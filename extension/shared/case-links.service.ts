import { Injectable, inject } from '@angular/core';
import { EFR_ASPECT, EFR_ASSOC_CASE_RECORDINGS, EFR_PROP } from './efr-model';
import { EfrApiService } from './efr-api.service';

/**
 * Links recordings to cases (peer association efr:caseRecordings, case → recording) and marks
 * them as evidence (aspect efr:evidence), through the public nodes API. Shared by the
 * recordings and cases features, which must not import each other.
 */
@Injectable({ providedIn: 'root' })
export class CaseLinksService {
  private readonly efrApi = inject(EfrApiService);

  /** Links `recordingId` to `caseId`. */
  async linkRecording(caseId: string, recordingId: string): Promise<void> {
    await this.efrApi.nodes.createAssociation(caseId, {
      targetId: recordingId,
      assocType: EFR_ASSOC_CASE_RECORDINGS,
    });
  }

  /** Removes the link between `caseId` and `recordingId` (the recording itself stays). */
  async unlinkRecording(caseId: string, recordingId: string): Promise<void> {
    await this.efrApi.nodes.deleteAssociation(caseId, recordingId, {
      assocType: EFR_ASSOC_CASE_RECORDINGS,
    });
  }

  /**
   * Marks a recording as evidence: adds the efr:evidence aspect with who marked it and when
   * (both mandatory in the model), keeping its other aspects (the nodes API replaces the
   * whole aspect list).
   */
  async markEvidence(recordingId: string, markedBy: string, at = new Date()): Promise<void> {
    const node = await this.efrApi.nodes.getNode(recordingId, { include: ['aspectNames'] });
    const aspects = node.entry.aspectNames ?? [];
    if (aspects.includes(EFR_ASPECT.evidence)) return;
    await this.efrApi.nodes.updateNode(recordingId, {
      aspectNames: [...aspects, EFR_ASPECT.evidence],
      properties: {
        [EFR_PROP.evidenceMarkedBy]: markedBy,
        [EFR_PROP.evidenceMarkedAt]: at.toISOString(),
      },
    });
  }
}
