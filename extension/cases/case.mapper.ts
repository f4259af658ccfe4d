import {
  EFR_ASPECT,
  EFR_PROP,
  HasProperties,
  boolProp,
  dateProp,
  numberProp,
  textProp,
} from '../shared/public-api';
import { CaseRetention, CaseSummary, DossierDocument, DossierRecording } from './cases.model';
import { recordingStage } from './dossier.rules';

/** The node fields the mappers read. */
export interface CaseNodeLike extends HasProperties {
  id: string;
  name: string;
  nodeType?: string;
  isFolder?: boolean;
  aspectNames?: string[];
  createdAt?: Date | string;
}

/** A list row from a case node. */
export function toCaseSummary(node: CaseNodeLike): CaseSummary {
  // The day the case was opened (efr:openedAt) is what staff mean; creation is the fallback.
  const opened = dateProp(node, EFR_PROP.openedAt);
  const created = opened ?? (node.createdAt ? new Date(node.createdAt) : null);
  return {
    id: node.id,
    caseNumber: textProp(node, EFR_PROP.caseNumber) || node.name,
    title: textProp(node, EFR_PROP.caseTitle) || node.name,
    actType: textProp(node, EFR_PROP.actType),
    status: textProp(node, EFR_PROP.caseStatus),
    handler: textProp(node, EFR_PROP.handler),
    leader: textProp(node, EFR_PROP.leader),
    createdAt: created && !Number.isNaN(created.getTime()) ? created : null,
  };
}

/** A case's retention: permanent, a number of years, or unknown (null years). */
export function toRetention(node: CaseNodeLike): CaseRetention {
  return {
    permanent: boolProp(node, EFR_PROP.retentionPermanent),
    years: numberProp(node, EFR_PROP.retentionYears),
  };
}

/** A text record from a child node of the case folder. */
export function toDossierDocument(node: CaseNodeLike): DossierDocument {
  return {
    id: node.id,
    name: node.name,
    kind: textProp(node, EFR_PROP.documentKind),
    stage: textProp(node, EFR_PROP.stage),
  };
}

/** A linked recording from an association target node. */
export function toDossierRecording(node: CaseNodeLike): DossierRecording {
  return {
    id: node.id,
    name: node.name,
    stage: recordingStage(textProp(node, EFR_PROP.stage), textProp(node, EFR_PROP.activityType)),
    activityType: textProp(node, EFR_PROP.activityType),
    startedAt: dateProp(node, EFR_PROP.startedAt),
    sha256: textProp(node, EFR_PROP.sha256),
    isEvidence: (node.aspectNames ?? []).includes(EFR_ASPECT.evidence),
  };
}
