/**
 * How violations enter the register (issue 8; R29.1), once for both hosts (issues 15/18):
 * - `POST /violations` a supervisor's report (proposed);
 * - `POST /violations/scan` proposes, as the system, what the access log and the handovers show:
 *   refused attempts to delete or change a recording (R29.1 (1), (5)) and handovers sealed late
 *   (R21.1/R21.2). Idempotent by source reference (`log:<seq>`, `handover:<id>`).
 * In ACS refused attempts never reach the `efr-access` audit application (their transaction is
 * rolled back; repository-port.ts `accessLog`), so the module's scan proposes late handovers
 * only: a difference ACS imposes (docs/api.md "In the ACS module").
 */
import { checkViolation, type ViolationKind } from '../../../core/src/index.js';
import { unitResolver } from '../recording-unit.js';
import { textProp, type PortNode, type RepositoryPort } from '../repository-port.js';
import { bodyText, requiredArchiveFolder, type WebScriptDefinition } from '../web-script.js';
import { VIOLATIONS_FOLDER, violationJson } from './violation-json.js';
import { requireSupervisor } from './violations.js';

const AREA = 'spot-checks';

/** A text property, '' when unset. */
const text = (n: PortNode, p: string): string => textProp(n, p) || '';

/** `违规-<compact time>-<six random digits>`: two entries in one millisecond stay distinct. */
function entryName(now: string): string {
  return '违规-' + now.replace(/[-:TZ.]/g, '').substring(0, 17) + '-' +
    String(1000000 + Math.floor(Math.random() * 1000000)).substring(1);
}

/** What a proposal is made of. */
interface Proposal {
  kind: string;
  officer: string;
  unit: string;
  description: string;
  sourceReference: string;
  subjectId: string | null;
  proposedBy: string;
}

/** Writes a proposed violation (core decided before) with its subject association. */
function propose(port: RepositoryPort, folder: PortNode, p: Proposal): PortNode {
  const now = port.now();
  const v = port.createNode(folder.id, {
    name: entryName(now),
    type: 'efr:violation',
    props: {
      'efr:violationKind': p.kind,
      'efr:violationStatus': 'proposed',
      'efr:violationDescription': p.description,
      'efr:sourceReference': p.sourceReference,
      'efr:proposedBy': p.proposedBy,
      'efr:proposedAt': now,
      'efr:officer': p.officer,
      'efr:unit': p.unit || '-',
    },
  });
  if (p.subjectId !== null) port.createAssociation(v.id, p.subjectId, 'efr:violationSubject');
  return v;
}

export const violationsPost: WebScriptDefinition = {
  id: 'violations', method: 'POST', path: '/violations', area: AREA,
  title: 'EFR violation report',
  handle(port, call) {
    requireSupervisor(port, 'reportViolation');
    const kind = bodyText(call.body, 'kind', 40);
    const officer = bodyText(call.body, 'officer', 100);
    const description = bodyText(call.body, 'description', 4000);
    port.enforce(checkViolation({ kind, subject: officer, description }), 'proposeViolation',
      null);
    const subjectId = bodyText(call.body, 'subjectId', 64);
    const subject = subjectId === '' ? null : port.node(subjectId);
    const v = propose(port, requiredArchiveFolder(port, VIOLATIONS_FOLDER), {
      kind, officer, unit: bodyText(call.body, 'unit', 100) || '-', description,
      sourceReference: 'report:' + port.now(),
      subjectId: subject === null ? null : subject.id, proposedBy: port.currentUser().userName,
    });
    port.logStep('violation.report', v.id, { kind, officer, requirement: 'R29.1' });
    return { status: 201, body: { entry: violationJson(port, v) } };
  },
};

/** Kind of a refused attempt on a recording: a deletion or an edit (R29.1 (1), (5)). */
function tamperKind(attempted: string): ViolationKind | null {
  if (attempted === 'delete') return 'deletedEvidence';
  if (['update', 'updateContent', 'move', 'removeAssoc'].indexOf(attempted) >= 0) {
    return 'falsifiedOrEdited';
  }
  return null;
}

export const violationsScanPost: WebScriptDefinition = {
  id: 'violations-scan', method: 'POST', path: '/violations/scan', area: AREA,
  title: 'EFR violation scan',
  handle(port) {
    requireSupervisor(port, 'scanViolations');
    const folder = requiredArchiveFolder(port, VIOLATIONS_FOLDER);
    const known: Record<string, boolean> = {};
    for (const v of port.children(folder.id, 'efr:violation')) {
      known['$' + text(v, 'efr:sourceReference')] = true;
    }
    const units = unitResolver(port);
    const made: PortNode[] = [];
    const once = (ref: string, p: () => Proposal | null): void => {
      if (known['$' + ref]) return;
      const proposal = p();
      if (proposal === null) return;
      known['$' + ref] = true;
      made.push(propose(port, folder, proposal));
    };
    for (const e of port.accessLog({ kind: 'refused' })) {
      const attempted = e.values.attempted || '';
      const kind = tamperKind(attempted);
      const rec = kind === null || e.nodeId === null ? null : port.node(e.nodeId);
      if (kind === null || rec === null || rec.type !== 'efr:recording') continue;
      once('log:' + e.seq, () => ({
        kind, officer: e.user, unit: units.ofRecording(rec), sourceReference: 'log:' + e.seq,
        subjectId: rec.id, proposedBy: 'system',
        description: 'Refused ' + attempted + ' of recording ' + rec.name + ' at ' + e.at +
          ' (' + (e.values.code || '') + '). / ' + e.at + ' 试图' +
          (attempted === 'delete' ? '删除' : '修改') + '录像 ' + rec.name + ' 被拒绝。',
      }));
    }
    for (const h of port.nodesOfType('efr:handover')) {
      if (h.props['efr:late'] !== true) continue;
      once('handover:' + h.id, () => ({
        kind: 'otherSerious', officer: text(h, 'efr:officer'), unit: units.ofHandover(h),
        sourceReference: 'handover:' + h.id, subjectId: h.id, proposedBy: 'system',
        description: 'Handover ' + h.name + ' sealed after its deadline (R21.1/R21.2). / ' +
          '移交 ' + h.name + ' 超过移交时限。',
      }));
    }
    port.logStep('violation.scan', null, { proposed: String(made.length),
      requirement: 'R29.1' });
    const entries = made.map((v) => violationJson(port, v));
    return { status: 200, body: { list: {
      pagination: { count: entries.length, hasMoreItems: false, totalItems: entries.length,
        skipCount: 0, maxItems: entries.length },
      entries: entries.map((entry) => ({ entry })),
    } } };
  },
};

/** How violations enter the register, written once. */
export const VIOLATION_REPORT_WEB_SCRIPTS: readonly WebScriptDefinition[] = [
  violationsPost, violationsScanPost,
];
