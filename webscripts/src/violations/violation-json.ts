/**
 * Violation register nodes (R29.1) and accountability measures (R30.1) as both hosts answer
 * them, read through the repository port.
 */
import type { MeasureEntry, Violation } from '../../../contract/index.js';
import type {
  ViolationKind, ViolationState, ViolationStatus,
} from '../../../core/src/index.js';
import { textProp, type PortNode, type RepositoryPort } from '../repository-port.js';

/** The register folder in the archive (server/'s registerFolder, the module's setup). */
export const VIOLATIONS_FOLDER = '违规记录';

/** A violation as the web scripts answer it (contract/violations.ts). */
export type ViolationJson = Violation;

/** An accountability measure as the web scripts answer it (contract/violations.ts). */
export type MeasureJson = MeasureEntry;

/** A text property, or null. */
const textOf = textProp;

/** The violation as core's state machine sees it. */
export function violationState(n: PortNode): ViolationState {
  return {
    id: n.id,
    kind: (textOf(n, 'efr:violationKind') || 'otherSerious') as ViolationKind,
    status: (textOf(n, 'efr:violationStatus') || 'proposed') as ViolationStatus,
    subject: textOf(n, 'efr:officer') || '',
    reportedBy: textOf(n, 'efr:proposedBy') || textOf(n, 'cm:creator') || '',
    decidedBy: textOf(n, 'efr:decidedBy'),
    decidedAt: textOf(n, 'efr:decidedAt'),
    decisionReason: textOf(n, 'efr:decisionReason'),
  };
}

/** Oldest first by `cm:created`, then id (a stable order in both hosts). */
export function byCreated(a: PortNode, b: PortNode): number {
  const ca = textOf(a, 'cm:created') || '';
  const cb = textOf(b, 'cm:created') || '';
  if (ca !== cb) return ca < cb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A measure as JSON. */
export function measureJson(m: PortNode): MeasureJson {
  const day = (p: string): string | null => {
    const v = textOf(m, p);
    return v === null ? null : v.substring(0, 10);
  };
  return {
    id: m.id,
    measure: textOf(m, 'efr:measure') || '',
    startDate: day('efr:startDate'),
    endDate: day('efr:endDate'),
    note: textOf(m, 'efr:measureNote'),
    recordedBy: textOf(m, 'efr:decidedBy') || textOf(m, 'cm:creator') || '',
    recordedAt: textOf(m, 'efr:decidedAt'),
  };
}

/** A violation as JSON, with its measures (sources of efr:accountabilityViolation). */
export function violationJson(port: RepositoryPort, n: PortNode): ViolationJson {
  const s = violationState(n);
  const subjects = port.targets(n.id, 'efr:violationSubject');
  return {
    id: n.id,
    name: n.name,
    kind: s.kind,
    status: s.status,
    description: textOf(n, 'efr:violationDescription') || '',
    officer: s.subject,
    unit: textOf(n, 'efr:unit') || '-',
    sourceReference: textOf(n, 'efr:sourceReference'),
    subjectId: subjects.length > 0 ? subjects[0].id : null,
    proposedBy: s.reportedBy,
    proposedAt: textOf(n, 'efr:proposedAt'),
    decidedBy: s.decidedBy,
    decidedAt: s.decidedAt,
    decisionReason: s.decisionReason,
    measures: port.sources(n.id, 'efr:accountabilityViolation').sort(byCreated).map(measureJson),
  };
}
