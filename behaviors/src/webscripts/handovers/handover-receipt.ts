/**
 * A custodian's receipt inside ACS (R21.4, R26.1, R22.1, R29.1), as server/'s
 * handover-receipt.ts: core's checkReceipt decides; the first leaves the handover pending, the
 * second seals it. Sealing writes the handover first, then seals each recording (the module's
 * behaviours accept the seal facts because the handover names the same two custodians) and
 * then files it under the Recordings archive, and, after the deadline, opens a violation.
 * Everything runs in the web script's transaction: a refusal leaves nothing.
 */
import {
  checkReceipt,
  computeRetention,
  GROUP_EFR_CUSTODIANS,
  isLate,
  isMember,
  isSha256HexAnyCase,
  checkViolation,
  UNKNOWN_UNIT,
  type HandoverStatus,
  type LinkedCaseRetention,
} from '../../../../core/src/index.js';
import { currentActor } from '../../lib/actor.js';
import { nowIso } from '../../lib/clock.js';
import { plainBoolean, plainNumber, plainString, plainStrings } from '../../lib/java-values.js';
import { assocNodes, nodeProp } from '../../lib/model-names.js';
import {
  archiveFolder,
  enforce,
  fail,
  logStep,
  subFolder,
  type WsNode,
} from '../../lib/ws-runtime.js';
import {
  handoverFiles,
  handoverRecordings,
  HANDOVERS_FOLDER,
  RECORDINGS_FOLDER,
  statusOf,
  violationIdOf,
  VIOLATIONS_FOLDER,
} from './handover-ws.js';

/** A ScriptNode that can move (ScriptNode#move). */
interface MovableNode extends WsNode {
  move(destination: WsNode): boolean;
}

const text = (n: WsNode, p: string): string | null => plainString(nodeProp(n, p));

function verifiedHashes(b: Record<string, unknown>): string[] {
  const v = b.verifiedHashes;
  if (!Array.isArray(v) || v.length > 10000) {
    fail(
      400,
      'framework.exception.InvalidArgument',
      'verifiedHashes must be an array of SHA-256 values',
    );
  }
  const out: string[] = [];
  for (const h of v as unknown[]) {
    if (typeof h !== 'string')
      fail(400, 'framework.exception.InvalidArgument', 'Not a SHA-256 value');
    out.push((h as string).replace(/^\s+/, '').split(/\s+/)[0]);
  }
  return out;
}

function linkedCases(r: WsNode): LinkedCaseRetention[] {
  return (assocNodes(r.sourceAssocs, 'efr:caseRecordings') as WsNode[]).map((k) => ({
    retentionYears: plainNumber(nodeProp(k, 'efr:retentionYears')),
    retentionPermanent: plainBoolean(nodeProp(k, 'efr:retentionPermanent')) === true,
    closedAt: text(k, 'efr:caseStatus') === 'closed' ? text(k, 'efr:closedAt') : null,
  }));
}

/** efr:retainUntil is a d:date: the next UTC midnight, so it never ends before core's end. */
function retainUntilDay(instant: string): Date {
  return new Date(Math.ceil(Date.parse(instant) / 86400000) * 86400000);
}

function seal(h: WsNode, recordings: WsNode[], now: string, by2: string): void {
  const by1 = text(h, 'efr:receipt1By') || '';
  const folder = subFolder(archiveFolder(RECORDINGS_FOLDER), String(h.name));
  for (const r of recordings) {
    const end = text(r, 'efr:recordingEnd');
    if (end === null)
      fail(422, 'efr.handover.recordingEnd', 'Recording ' + String(r.name) + ' has no end time');
    const retention = computeRetention({
      recordingEnd: end as string,
      linkedCases: linkedCases(r),
    });
    // The handover's unit, decided by core when it was opened (issue 19, point 4). First:
    // ScriptNode#addAspect resets the node's cached properties (repository/.../jscript/
    // ScriptNode.java:2388-2392, 23.1.1.12), so the changes below must come after it.
    const unit = text(h, 'efr:unit') || UNKNOWN_UNIT;
    if (r.addAspect) r.addAspect('efr:owningUnit', { 'efr:unit': unit });
    r.properties['efr:retainUntil'] =
      retention.retainUntil === null ? null : retainUntilDay(retention.retainUntil);
    r.properties['efr:retentionPermanent'] = retention.permanent;
    r.save();
    r.properties['efr:sealedAt'] = new Date(Date.parse(now));
    r.properties['efr:sealedBy1'] = by1;
    r.properties['efr:sealedBy2'] = by2;
    r.save();
    // Sealed first, filed after, as server/ does: the module's move rule counts the archive
    // root `EFR 执法记录` and all below it as the archive (lib/archive-location.ts), so the
    // sealed recording's move into 录像档案 passes, and the move is checked as a sealed one.
    (r as MovableNode).move(folder);
    logStep('handover.seal', r, {
      sha256: text(r, 'efr:sha256') || '',
      sealedBy1: by1,
      sealedBy2: by2,
      handoverId: String(h.id),
    });
  }
}

function openViolation(h: WsNode, now: string): void {
  if (violationIdOf(h) !== null) return;
  const officer = text(h, 'efr:officer') || '';
  const deadline = text(h, 'efr:deadline') || '';
  const description =
    'Handover ' +
    String(h.name) +
    ' sealed at ' +
    now +
    ', after its deadline ' +
    deadline +
    ' (R21.1/R21.2). / 移交 ' +
    String(h.name) +
    ' 于 ' +
    now +
    ' 封存，超过移交时限 ' +
    deadline +
    '。';
  // R29.1 (8) `otherSerious`: see server/src/webscripts/handovers/handover-violation.ts.
  enforce(
    checkViolation({ kind: 'otherSerious', subject: officer, description }),
    'handover.late',
    null,
  );
  const register = subFolder(archiveFolder(HANDOVERS_FOLDER).parent as WsNode, VIOLATIONS_FOLDER);
  const v = register.createNode('逾期移交-' + String(h.name), 'efr:violation', {
    'efr:violationKind': 'otherSerious',
    'efr:violationStatus': 'proposed',
    'efr:violationDescription': description,
    'efr:sourceReference': 'handover:' + String(h.id),
    'efr:proposedBy': 'system',
    'efr:proposedAt': new Date(Date.parse(now)),
    'efr:officer': officer,
    'efr:coOfficer': text(h, 'efr:coOfficer'),
    'efr:unit': text(h, 'efr:unit') || '-',
  });
  v.createAssociation(h, 'efr:violationSubject');
  logStep('handover.late', h, { violation: String(v.id), deadline, sealedAt: now });
}

/** Records the caller's receipt of handover `h`; returns the status after it. */
export function recordReceipt(h: WsNode, b: Record<string, unknown>): HandoverStatus {
  const actor = currentActor();
  const hashes = verifiedHashes(b);
  const now = nowIso();
  const status = statusOf(h);
  const recordings = handoverRecordings(h);
  const files = handoverFiles(h);
  const receivedBy: string[] = [];
  for (const p of ['efr:receipt1By', 'efr:receipt2By']) {
    const by = text(h, p);
    if (by !== null) receivedBy.push(by);
  }
  const result = checkReceipt(
    {
      id: String(h.id),
      status,
      officer: text(h, 'efr:officer') || '',
      coOfficer: text(h, 'efr:coOfficer') || '',
      receivedBy,
      files,
    },
    {
      custodian: actor.userName,
      isCustodian: isMember(actor, GROUP_EFR_CUSTODIANS),
      verifiedHashes: hashes,
    },
    now,
  );
  enforce(result.verdict, 'handover.receipt', String(h.nodeRef));
  if (status === 'pending') {
    const first = plainStrings(nodeProp(h, 'efr:receipt1Hashes'))
      .map((l) => l.substring(0, 64))
      .sort()
      .join(',');
    if (
      first !==
      files
        .map((f) => f.sha256)
        .sort()
        .join(',')
    ) {
      enforce(
        {
          allowed: false,
          status: 409,
          code: 'efr.handover.filesChanged',
          requirement: 'R21.4',
          message: 'Files changed after the first receipt: the first custodian must confirm again.',
          messageZh: '第一次确认后文件有变动，须由第一名保管人重新确认。',
        },
        'handover.receipt',
        String(h.nodeRef),
      );
    }
  }
  for (const x of hashes) {
    if (!isSha256HexAnyCase(x))
      fail(400, 'framework.exception.InvalidArgument', 'Not a SHA-256 value');
  }
  const linked: Record<string, boolean> = {};
  for (const r of assocNodes(h.assocs, 'efr:handoverRecordings')) linked['$' + String(r.id)] = true;
  for (const r of recordings)
    if (linked['$' + String(r.id)] !== true) h.createAssociation(r, 'efr:handoverRecordings');
  const n = receivedBy.length + 1;
  const next = result.next as HandoverStatus;
  const late = next === 'sealed' && isLate(text(h, 'efr:deadline') || now, now);
  h.properties['efr:receipt' + n + 'By'] = actor.userName;
  h.properties['efr:receipt' + n + 'At'] = new Date(Date.parse(now));
  h.properties['efr:receipt' + n + 'Hashes'] = files.map((f) => f.sha256 + '  ' + f.name);
  h.properties['efr:handoverStatus'] = next;
  if (next === 'sealed') h.properties['efr:late'] = late;
  h.save();
  logStep('handover.receipt', h, { status: next, files: String(files.length), by: actor.userName });
  if (next === 'sealed') {
    seal(h, recordings, now, actor.userName);
    if (late) openViolation(h, now);
  }
  return next;
}
