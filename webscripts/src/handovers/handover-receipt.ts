/**
 * A custodian's receipt of a handover (R21.4, R26.1, R22.1, R29.1), once for both hosts. Core's
 * checkReceipt decides; the stored bytes of every file must still hash to its efr:sha256; the
 * first receipt leaves the handover pending, the second (a different custodian, the same files
 * the first saw) seals it: each recording gets its retention, the handover's unit and the seal
 * facts, and is filed under the Recordings archive; a seal after the deadline opens a violation.
 * Every refusal is decided before the first write (ACS commits what a web script wrote before it
 * answers an error).
 */
import {
  checkReceipt, checkViolation, computeRetention, GROUP_EFR_CUSTODIANS, isLate, isMember,
  refuse, UNKNOWN_UNIT, type HandoverFile, type LinkedCaseRetention, type Retention,
  type ViolationKind,
} from '../../../core/src/index.js';
import { textProp, type PortNode, type RepositoryPort } from '../repository-port.js';
import { invalidArgument, readableOfType } from '../web-script.js';
import {
  archiveFolderOrFail, handoverRecordings, handoverStatus, notSetUp, RECORDINGS_FOLDER,
  violationIdOf,
} from './handover-json.js';

const STEP = 'receipt';
const text = textProp;

/**
 * The R29.1 kind of a late handover. R29.1 lists (1) deleting evidence … (7) losing or damaging
 * recordings by poor storage and (8) other serious breaches. A late handover breaks R21.1/R21.2
 * and leaves footage outside the archive, but it is not "(3) not recording as required" (the
 * footage exists) nor yet a loss (7); so the register receives it as (8) `otherSerious`, status
 * `proposed`: the supervisor decides whether it is serious (confirm) or dismisses it with a
 * reason (core's transitionViolation).
 */
export const LATE_HANDOVER_KIND: ViolationKind = 'otherSerious';

/** Who reports automatic violations (core's ViolationState.reportedBy). */
export const SYSTEM_REPORTER = 'system';

/**
 * The verified hashes of a receipt body: bare hex or `sha256sum` lines (`<hex>  <name>`), of
 * which the hash is kept; core checks each is a SHA-256 (400 for a bad shape).
 */
function verifiedHashes(body: Record<string, unknown>): string[] {
  const v = body.verifiedHashes;
  if (!(v instanceof Array) || v.length > 10000) {
    throw invalidArgument('verifiedHashes must be an array of SHA-256 values');
  }
  const out: string[] = [];
  for (const h of v as unknown[]) {
    if (typeof h !== 'string') throw invalidArgument('Not a SHA-256 value');
    out.push(h.replace(/^\s+/, '').split(/\s+/)[0]);
  }
  return out;
}

/** The cases a recording is linked to, as retention input (R22.2). */
function linkedCases(port: RepositoryPort, r: PortNode): LinkedCaseRetention[] {
  return port.sources(r.id, 'efr:caseRecordings').map((k) => {
    const years = k.props['efr:retentionYears'];
    return {
      retentionYears: typeof years === 'number' ? years : null,
      retentionPermanent: k.props['efr:retentionPermanent'] === true,
      closedAt: text(k, 'efr:caseStatus') === 'closed' ? text(k, 'efr:closedAt') : null,
    };
  });
}

/**
 * efr:retainUntil is a d:date: the instant rounded up to the next UTC midnight, so the stored
 * day never ends before core's retention does (R22.1: never shorter than a year).
 */
export function retainUntilDate(instant: string): string {
  const day = Math.ceil(Date.parse(instant) / 86400000) * 86400000;
  return new Date(day).toISOString().substring(0, 10);
}

/** The folder of the Recordings archive where a handover's sealed files go (made when absent). */
export function recordingsFolderFor(port: RepositoryPort, handoverName: string): PortNode {
  return port.folder(archiveFolderOrFail(port, RECORDINGS_FOLDER).id, handoverName);
}

/**
 * R26.1: the bytes the repository holds for each file still hash to the efr:sha256 (and count
 * to the efr:sizeBytes) the receipt is about to confirm. Both hosts fixed efr:sha256 from the
 * bytes at ingest; this catches content replaced since (ACS lets a script or client write new
 * content to a recording that is not sealed yet) or lost from the store.
 */
function checkStoredContent(port: RepositoryPort, h: PortNode, recordings: PortNode[]): void {
  for (const r of recordings) {
    const declared = (text(r, 'efr:sha256') || '').toLowerCase();
    const size = r.props['efr:sizeBytes'];
    const d = port.contentDigest(r.id);
    if (d === null || d.sha256 !== declared || (typeof size === 'number' && size !== d.size)) {
      port.enforce(refuse(422, 'efr.handover.contentMismatch', 'R26.1',
        'The stored bytes of ' + r.name + ' do not match its efr:sha256 ' + declared +
        (d === null ? ' (no content)' : ' (' + d.sha256 + ', ' + d.size + ' bytes)') +
        ': the file must be uploaded again before it is received.',
        '文件 ' + r.name + ' 的存储内容与其哈希值不符，须重新上传后再接收。'), STEP, h.id);
    }
  }
}

/** What sealing will write, decided before anything is written. */
interface SealPlan {
  folder: PortNode;
  retention: Retention[];
  late: boolean;
  /** The late violation's description when one is to be opened, else null. */
  violation: { register: PortNode; description: string } | null;
}

function planSeal(port: RepositoryPort, h: PortNode, recordings: PortNode[],
  now: string): SealPlan {
  const archive = archiveFolderOrFail(port, RECORDINGS_FOLDER);
  const retention: Retention[] = [];
  for (const r of recordings) {
    const end = text(r, 'efr:recordingEnd');
    if (end === null) {
      port.enforce(refuse(422, 'efr.handover.recordingEnd', 'R22.1',
        'Recording ' + r.name + ' has no end time: its retention cannot be computed.',
        '录像 ' + r.name + ' 缺少结束时间，无法计算保存期限。'), STEP, h.id);
    }
    retention.push(computeRetention({ recordingEnd: end as string,
      linkedCases: linkedCases(port, r) }));
  }
  const late = isLate(text(h, 'efr:deadline') || now, now);
  let violation: SealPlan['violation'] = null;
  if (late && violationIdOf(port, h) === null) {
    const deadline = text(h, 'efr:deadline') || '';
    const description = 'Handover ' + h.name + ' sealed at ' + now + ', after its deadline ' +
      deadline + ' (R21.1/R21.2). / 移交 ' + h.name + ' 于 ' + now + ' 封存，超过移交时限 ' +
      deadline + '。';
    port.enforce(checkViolation({ kind: LATE_HANDOVER_KIND,
      subject: text(h, 'efr:officer') || '', description }), 'lateHandover', h.id);
    const register = port.violationRegister();
    if (register === null) throw notSetUp('违规记录');
    violation = { register, description };
  }
  return { folder: archive, retention, late, violation };
}

/**
 * Seals every recording (R21.4, R26.1, R22.1): retention from core and the handover's unit
 * (issue 19, point 4) first, then the seal facts (the hosts' rules accept them as the
 * repository's act because the handover names the same two custodians), then the move into
 * `录像档案/<handover name>/`, checked as a sealed recording's move.
 */
function seal(port: RepositoryPort, h: PortNode, recordings: PortNode[], plan: SealPlan,
  by2: string, now: string): void {
  const by1 = text(h, 'efr:receipt1By') || '';
  const unit = text(h, 'efr:unit') || UNKNOWN_UNIT;
  const folder = port.folder(plan.folder.id, h.name);
  for (let i = 0; i < recordings.length; i++) {
    const r = recordings[i];
    const retention = plan.retention[i];
    port.updateNode(r.id, {
      'efr:retainUntil': retention.retainUntil === null ? null
        : retainUntilDate(retention.retainUntil),
      'efr:retentionPermanent': retention.permanent,
      'efr:unit': unit,
    }, ['efr:owningUnit']);
    port.updateNode(r.id, { 'efr:sealedAt': now, 'efr:sealedBy1': by1, 'efr:sealedBy2': by2 });
    port.moveNode(r.id, folder.id);
    port.logStep('seal', r.id, {
      sha256: text(r, 'efr:sha256') || '',
      sealedBy1: by1,
      sealedBy2: by2,
      handoverId: h.id,
      retainUntil: retention.retainUntil || (retention.permanent ? 'permanent' : 'held'),
      requirement: 'R21.4',
    });
  }
}

/** Opens the late handover's violation in the supervisors' register (R21.1, R21.2, R29.1). */
function openLateViolation(port: RepositoryPort, h: PortNode,
  v: NonNullable<SealPlan['violation']>, now: string): void {
  const made = port.createNode(v.register.id, {
    name: '逾期移交-' + h.name,
    type: 'efr:violation',
    props: {
      'efr:violationKind': LATE_HANDOVER_KIND,
      'efr:violationStatus': 'proposed',
      'efr:violationDescription': v.description,
      'efr:sourceReference': 'handover:' + h.id,
      'efr:proposedBy': SYSTEM_REPORTER,
      'efr:proposedAt': now,
      'efr:officer': text(h, 'efr:officer') || '',
      'efr:coOfficer': text(h, 'efr:coOfficer'),
      'efr:unit': text(h, 'efr:unit') || UNKNOWN_UNIT,
    },
  });
  port.createAssociation(made.id, h.id, 'efr:violationSubject');
  port.logStep('lateHandover', h.id, { violationId: made.id, kind: LATE_HANDOVER_KIND,
    deadline: text(h, 'efr:deadline') || '', sealedAt: now, reportedBy: SYSTEM_REPORTER,
    requirement: 'R29.1' });
}

/**
 * Records the caller's receipt of handover `id` (R21.4) and answers the handover after it.
 */
export function recordReceipt(port: RepositoryPort, id: string,
  body: Record<string, unknown>): PortNode {
  const hashes = verifiedHashes(body);
  const h = readableOfType(port, id, 'efr:handover');
  const user = port.currentUser();
  const now = port.now();
  const status = handoverStatus(h);
  const recordings = handoverRecordings(port, h);
  const files: HandoverFile[] = recordings.map((r) => ({
    recordingId: r.id, name: r.name, sha256: text(r, 'efr:sha256') || '',
  }));
  const receivedBy: string[] = [];
  for (const p of ['efr:receipt1By', 'efr:receipt2By']) {
    const by = text(h, p);
    if (by !== null) receivedBy.push(by);
  }
  const result = checkReceipt(
    { id: h.id, status, officer: text(h, 'efr:officer') || '',
      coOfficer: text(h, 'efr:coOfficer') || '', receivedBy, files },
    { custodian: user.userName, isCustodian: isMember(user, GROUP_EFR_CUSTODIANS),
      verifiedHashes: hashes },
    now);
  port.enforce(result.verdict, STEP, h.id);
  if (status === 'pending') {
    // The second custodian confirms the batch the first one saw: a file added since is refused.
    const first = h.props['efr:receipt1Hashes'];
    const seen = (first instanceof Array ? first : typeof first === 'string' ? [first] : [])
      .map((l) => String(l).substring(0, 64)).sort().join(',');
    if (seen !== files.map((f) => f.sha256).sort().join(',')) {
      port.enforce(refuse(409, 'efr.handover.filesChanged', 'R21.4',
        'Files changed after the first receipt: the first custodian must confirm again.',
        '第一次确认后文件有变动，须由第一名保管人重新确认。'), STEP, h.id);
    }
  }
  const next = result.next === 'sealed' ? 'sealed' : 'pending';
  const plan = next === 'sealed' ? planSeal(port, h, recordings, now) : null;
  // Last of the checks: it reads every byte of the batch in the module.
  checkStoredContent(port, h, recordings);

  // Decided: from here on the call writes.
  const linked: Record<string, boolean> = {};
  for (const r of port.targets(h.id, 'efr:handoverRecordings')) linked['$' + r.id] = true;
  for (const r of recordings) {
    if (linked['$' + r.id] !== true) port.createAssociation(h.id, r.id, 'efr:handoverRecordings');
  }
  const n = receivedBy.length + 1;
  const props: Record<string, string | boolean | string[]> = {};
  props['efr:receipt' + n + 'By'] = user.userName;
  props['efr:receipt' + n + 'At'] = now;
  props['efr:receipt' + n + 'Hashes'] = files.map((f) => f.sha256 + '  ' + f.name);
  props['efr:handoverStatus'] = next;
  if (plan !== null) props['efr:late'] = plan.late;
  const after = port.updateNode(h.id, props);
  port.logStep(STEP, h.id, { status: next, files: String(files.length), requirement: 'R21.4' });
  if (plan !== null) {
    seal(port, after, recordings, plan, user.userName, now);
    if (plan.violation !== null) openLateViolation(port, after, plan.violation, now);
  }
  return port.node(h.id) || after;
}
