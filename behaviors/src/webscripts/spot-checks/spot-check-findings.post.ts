/**
 * POST /efr/spot-checks/{id}/findings: a supervisor's finding on one drawn recording (R28.2;
 * R19.1, R20.1 as observations), done with the three items or skipped with a reason; a failed
 * item proposes a violation in the register (R29.1). Same body and JSON as server/: the finding
 * as the sample lists it, with `violationId`.
 */
import type { RecordedFinding } from '../../../../contract/index.js';
import {
  checkFinding, checkViolation, findingViolation, isOneOf, refuse, VIOLATION_KINDS,
  type ViolationKind,
} from '../../../../core/src/index.js';
import { currentActor } from '../../lib/actor.js';
import { nowIso } from '../../lib/clock.js';
import { plainString } from '../../lib/java-values.js';
import { nodeProp } from '../../lib/model-names.js';
import {
  archiveFolder, childrenOfType, enforce, fail, idOf, jsonBody, logStep, nodeOfType, respond,
  runWebScript, templateArg,
} from '../devices/ws-runtime.js';
import { findingJson, reread } from './campaign-json.js';
import { findingOf, readerOf, recordingOf } from './finding-state.js';
import { requireSupervisor } from './supervisor.js';
import { VIOLATIONS_FOLDER } from '../../../../webscripts/src/violations/violation-json.js';

runWebScript(() => {
  requireSupervisor('recordFinding');
  const b = jsonBody();
  const status = b.status;
  if (status !== 'done' && status !== 'skipped') {
    fail(400, 'framework.exception.InvalidArgument', 'status must be done or skipped');
  }
  const str = (o: Record<string, unknown>, k: string): string | null =>
    typeof o[k] === 'string' && (o[k] as string).trim() !== '' ? (o[k] as string).trim() : null;
  const chosenKind = b.violationKind === undefined || b.violationKind === null
    ? null : b.violationKind;
  if (chosenKind !== null && !isOneOf(VIOLATION_KINDS, chosenKind)) {
    fail(400, 'framework.exception.InvalidArgument',
      'violationKind must be one of ' + VIOLATION_KINDS.join(', '));
  }
  const campaign = nodeOfType(templateArg('id'), 'efr:spotCheck');
  if (plainString(nodeProp(campaign, 'efr:spotCheckStatus')) === 'closed') {
    enforce(refuse(409, 'efr.spotCheck.closed', 'R28.1', 'The spot check is closed.',
      '该抽查已结束。'), 'recordFinding', String(campaign.nodeRef));
  }
  const key = str(b, 'findingId') || str(b, 'recordingId') || '';
  let node = null;
  for (const f of childrenOfType(campaign, 'efr:finding')) {
    const rec = recordingOf(f);
    if (idOf(f) === key || (rec !== null && idOf(rec) === key)) node = f;
  }
  if (node === null) {
    return fail(400, 'framework.exception.InvalidArgument',
      key + ' is not in the sample of this spot check');
  }
  const notes = (b.notes !== null && typeof b.notes === 'object' ? b.notes : {}) as
    Record<string, unknown>;
  const draft: Record<string, unknown> = { 'efr:findingStatus': status };
  const items = ['Recorded', 'Continuous', 'Handled'];
  for (const item of items) {
    const v = b['item' + item];
    draft['efr:item' + item] = status === 'done' && typeof v === 'string' ? v : null;
    draft['efr:item' + item + 'Note'] = str(notes, item.toLowerCase());
  }
  draft['efr:placementObservation'] = str(b, 'placementObservation');
  draft['efr:conductObservation'] = str(b, 'conductObservation');
  draft['efr:skipReason'] = status === 'skipped' ? str(b, 'skipReason') : null;
  const state = findingOf(node, readerOf(node, draft));
  enforce(checkFinding(state), 'recordFinding', String(node.nodeRef));
  // Every refusal is decided before the first write: in ACS an answer set after a write commits
  // that write (Surf renders the status; only a throw rolls back), issue 14 finding 6.
  let violation: { kind: ViolationKind; officer: string; description: string } | null = null;
  let violationsFolder = null;
  // core decides the kind (the supervisor's choice, else its default) and the facts.
  const proposal = findingViolation(state, chosenKind as string | null);
  if (proposal !== null) {
    const rec = recordingOf(node);
    const officer = rec ? plainString(nodeProp(rec, 'efr:officer')) || '' : '';
    enforce(checkViolation({ kind: proposal.kind, subject: officer,
      description: proposal.description }), 'proposeViolation', null);
    violationsFolder = archiveFolder(VIOLATIONS_FOLDER);
    violation = { kind: proposal.kind, officer, description: proposal.description };
  }
  for (const k of Object.keys(draft)) node.properties[k] = draft[k];
  node.save();
  logStep('spotCheck.finding.' + String(status), node, { campaign: idOf(campaign),
    recording: state.recordingId, by: currentActor().userName });
  let violationId: string | null = null;
  if (violation !== null && violationsFolder !== null) {
    const now = nowIso();
    const v = violationsFolder.createNode(
      '违规-' + now.replace(/[-:.TZ]/g, '') + '-' + idOf(node).substring(0, 6), 'efr:violation', {
        'efr:violationKind': violation.kind, 'efr:violationStatus': 'proposed',
        'efr:violationDescription': violation.description,
        'efr:sourceReference': 'finding:' + idOf(node),
        'efr:proposedBy': currentActor().userName, 'efr:proposedAt': new Date(now),
        'efr:officer': violation.officer, 'efr:unit': '-',
      });
    v.createAssociation(node, 'efr:violationSubject');
    violationId = idOf(v);
  }
  // The finding as GET …/sample lists it (the screen puts it back in its list), as server/.
  const entry = findingJson(reread(node)) as RecordedFinding;
  entry.violationId = violationId;
  respond(200, { entry });
});
