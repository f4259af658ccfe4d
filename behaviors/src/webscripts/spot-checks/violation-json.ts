/**
 * Violation register nodes (R29.1, R30.1) as the web scripts answer them: the same JSON as
 * server/'s violation scripts (server/src/webscripts/violations/violation-records.ts).
 */
import type { MeasureEntry, Violation } from '../../../../contract/index.js';
import type { ViolationKind, ViolationState, ViolationStatus } from
  '../../../../core/src/index.js';
import { plainString } from '../../lib/java-values.js';
import { assocNodes, nodeProp } from '../../lib/model-names.js';
import { idOf, type WsNode } from '../devices/ws-runtime.js';

/** The register folder in the archive (server/src/webscripts/violations/). */
export const VIOLATIONS_FOLDER = '违规记录';

const text = (n: WsNode, p: string): string | null => plainString(nodeProp(n, p));

/** The violation as core's state machine sees it. */
export function violationState(n: WsNode): ViolationState {
  return {
    id: idOf(n),
    kind: (text(n, 'efr:violationKind') || 'otherSerious') as ViolationKind,
    status: (text(n, 'efr:violationStatus') || 'proposed') as ViolationStatus,
    subject: text(n, 'efr:officer') || '',
    reportedBy: text(n, 'efr:proposedBy') || '',
    decidedBy: text(n, 'efr:decidedBy'),
    decidedAt: text(n, 'efr:decidedAt'),
    decisionReason: text(n, 'efr:decisionReason'),
  };
}

/** A measure as JSON. */
export function measureJson(m: WsNode): MeasureEntry {
  const day = (p: string): string | null => {
    const v = text(m, p);
    return v === null ? null : v.substring(0, 10);
  };
  return {
    id: idOf(m),
    measure: text(m, 'efr:measure') || '',
    startDate: day('efr:startDate'),
    endDate: day('efr:endDate'),
    note: text(m, 'efr:measureNote'),
    recordedBy: text(m, 'efr:decidedBy') || '',
    recordedAt: text(m, 'efr:decidedAt'),
  };
}

/** A violation as JSON with its measures (sources of efr:accountabilityViolation). */
export function violationJson(n: WsNode): Violation {
  const s = violationState(n);
  const subjects = assocNodes(n.assocs, 'efr:violationSubject');
  const measures: MeasureEntry[] = [];
  for (const m of assocNodes(n.sourceAssocs, 'efr:accountabilityViolation')) {
    measures.push(measureJson(m as WsNode));
  }
  return {
    id: s.id,
    name: String(n.name),
    kind: s.kind,
    status: s.status,
    description: text(n, 'efr:violationDescription') || '',
    officer: s.subject,
    unit: text(n, 'efr:unit') || '-',
    sourceReference: text(n, 'efr:sourceReference'),
    subjectId: subjects.length > 0 ? idOf(subjects[0] as WsNode) : null,
    proposedBy: s.reportedBy,
    proposedAt: text(n, 'efr:proposedAt'),
    decidedBy: s.decidedBy,
    decidedAt: s.decidedAt,
    decisionReason: s.decisionReason,
    measures,
  };
}
