/**
 * Proposing a violation in the register (R29.1), once for both hosts: a failed spot-check
 * finding's proposal (webscripts/src/spot-checks/), and server/'s report, scan and fixity alert
 * (server/src/webscripts/violations/violation-records.ts runs this over its port). Proposals are
 * idempotent by source reference; core's checkViolation decides first.
 */
import { checkViolation, localStamp, type ViolationKind } from '../../../core/src/index.js';
import { textProp, type PortNode, type RepositoryPort } from '../repository-port.js';
import { WebScriptError } from '../web-script.js';
import { VIOLATIONS_FOLDER } from './violation-json.js';

/** What a proposal is made of. */
export interface Proposal {
  kind: ViolationKind | string;
  /**
   * The officer concerned; null when nobody is found responsible yet (a fixity alert): the
   * property stays empty and the screens and documents say 待查明 / to be determined.
   */
  officer: string | null;
  coOfficer?: string | null;
  unit: string;
  description: string;
  /** `finding:<id>`, `handover:<id>`, `log:<seq>`, `report:<stamp>`, `fixity:<id>:<hash>`. */
  sourceReference: string;
  /** The node the violation is about (finding, handover, recording), if any. */
  subjectId?: string;
  /** Who proposes: a user name or `system`. */
  proposedBy: string;
}

/**
 * A unique suffix for entry names: the call's time in the bureau's zone (names sort by time and
 * read as the screens show times), then six random hex digits.
 */
export function entrySuffix(port: RepositoryPort): string {
  return localStamp(Date.parse(port.now()), port.zone()) + '-' + port.randomHex(3);
}

/** The violation already proposed for a source reference, or null. */
function proposedFor(port: RepositoryPort, p: Proposal): PortNode | null {
  let candidates: PortNode[];
  if (p.subjectId !== undefined && p.subjectId !== '') {
    candidates = port.sources(p.subjectId, 'efr:violationSubject');
  } else {
    const register = port.archiveFolder(VIOLATIONS_FOLDER);
    candidates = register === null ? [] : port.children(register.id, 'efr:violation');
  }
  for (const v of candidates) {
    if (v.type === 'efr:violation' && textProp(v, 'efr:sourceReference') === p.sourceReference) {
      return v;
    }
  }
  return null;
}

/**
 * Decides a proposal without writing: the violation already proposed for its source, or core's
 * verdict enforced and the register found (503 when the archive has none). Answers the write,
 * for handlers that must decide everything before their first write (ACS commits what a web
 * script wrote before it answers an error).
 */
export function planViolation(port: RepositoryPort, p: Proposal): () => PortNode {
  const known = proposedFor(port, p);
  if (known !== null) return () => known;
  port.enforce(checkViolation({ kind: p.kind, subject: p.officer,
    description: p.description }), 'proposeViolation', null);
  const register = port.archiveFolder(VIOLATIONS_FOLDER);
  if (register === null) {
    throw new WebScriptError(503, 'efr.archive.notSetUp',
      'The archive folder ' + VIOLATIONS_FOLDER + ' is not set up');
  }
  return () => {
    const v = port.createNode(register.id, {
      name: '违规-' + entrySuffix(port),
      type: 'efr:violation',
      props: {
        'efr:violationKind': p.kind,
        'efr:violationStatus': 'proposed',
        'efr:violationDescription': p.description.replace(/^\s+|\s+$/g, ''),
        'efr:sourceReference': p.sourceReference,
        'efr:proposedBy': p.proposedBy,
        'efr:proposedAt': port.now(),
        'efr:officer': p.officer === null ? '' : p.officer,
        'efr:coOfficer': p.coOfficer || null,
        'efr:unit': p.unit || '-',
      },
    });
    if (p.subjectId !== undefined && p.subjectId !== '') {
      port.createAssociation(v.id, p.subjectId, 'efr:violationSubject');
    }
    return v;
  };
}

/** Proposes a violation (status `proposed`), or answers the one of its source. */
export function proposeViolation(port: RepositoryPort, p: Proposal): PortNode {
  return planViolation(port, p)();
}
