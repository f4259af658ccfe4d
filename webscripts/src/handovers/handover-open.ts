/**
 * Opening a handover (R21.1, R21.2, R15.1, R15.2, R16.1, R17.1), once for both hosts: core
 * checks the declared facts, the deadline is core's in the bureau's zone, and the efr:handover
 * folder is made with its efr:session children; the pre-use check also goes into the device's
 * history. Every refusal is decided before the first write.
 */
import {
  checkHandoverOpen, GROUP_EFR_CUSTODIANS, GROUP_EFR_OFFICERS, handoverDeadline, handoverUnit,
  isMember, localDateOf, parseInstant, refuse, type FieldError, type PreUseCheck,
  type SessionInput,
} from '../../../core/src/index.js';
import { recordPreUseCheck } from '../devices/devices.js';
import { DEVICES_FOLDER } from '../devices/device-json.js';
import {
  textProp, type PortNode, type PortValue, type RepositoryPort,
} from '../repository-port.js';
import { invalidArgument } from '../web-script.js';
import { archiveFolderOrFail, HANDOVERS_FOLDER } from './handover-json.js';

/** A declared session (R10.1, R16.1, R17.1). */
interface SessionBody extends SessionInput {
  segmentCount: number;
  interruptionNote: string;
}

/** The body of `POST /handovers` once its shape is checked. */
interface OpenBody {
  officer: string;
  coOfficer: string;
  deviceSerial: string;
  returnedAt: string;
  awayWork: boolean;
  title: string | null;
  preUseCheck: (PreUseCheck & { checkedAt: string | null }) | null;
  sessions: SessionBody[];
}

const STEP = 'openHandover';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !(v instanceof Array);
}

function isInteger(v: unknown): v is number {
  return typeof v === 'number' && isFinite(v) && Math.floor(v) === v;
}

function stringField(b: Record<string, unknown>, k: string, path: string): string {
  if (typeof b[k] !== 'string') throw invalidArgument(path + k + ' must be a string');
  return b[k] as string;
}

function sessionOf(x: unknown): SessionBody {
  if (!isObject(x)) throw invalidArgument('Each session must be an object');
  const p = 'sessions[].';
  if (typeof x.partyNotified !== 'boolean') {
    throw invalidArgument('sessions[].partyNotified must be a boolean');
  }
  const segments = x.segmentCount === undefined ? 1 : x.segmentCount;
  if (!isInteger(segments) || segments < 1) {
    throw invalidArgument('sessions[].segmentCount must be a positive integer');
  }
  const note = x.interruptionNote;
  if (note !== undefined && typeof note !== 'string') {
    throw invalidArgument('sessions[].interruptionNote must be a string');
  }
  return {
    activityType: stringField(x, 'activityType', p),
    place: stringField(x, 'place', p),
    startedAt: stringField(x, 'startedAt', p),
    endedAt: stringField(x, 'endedAt', p),
    noticeText: stringField(x, 'noticeText', p),
    partyNotified: x.partyNotified,
    segmentCount: segments,
    interruptionNote: typeof note === 'string' ? note : '',
  };
}

function preUseOf(p: unknown): OpenBody['preUseCheck'] {
  if (p === null || p === undefined) return null;
  if (!isObject(p) || typeof p.working !== 'boolean') {
    throw invalidArgument('preUseCheck.working must be a boolean');
  }
  for (const k of ['batteryPercent', 'freeStorageMb', 'clockOffsetSeconds']) {
    if (!isInteger(p[k])) throw invalidArgument('preUseCheck.' + k + ' must be an integer');
  }
  const at = p.checkedAt;
  if (at !== undefined && (typeof at !== 'string' || parseInstant(at) === null)) {
    throw invalidArgument('preUseCheck.checkedAt must be an ISO 8601 date-time with a zone');
  }
  return {
    working: p.working,
    batteryPercent: p.batteryPercent as number,
    freeStorageMb: p.freeStorageMb as number,
    clockOffsetSeconds: p.clockOffsetSeconds as number,
    checkedAt: typeof at === 'string' ? at : null,
  };
}

/** Shape checks only (400): the rules themselves are core's (422). */
function parseOpen(b: Record<string, unknown>): OpenBody {
  const officer = stringField(b, 'officer', '');
  const coOfficer = stringField(b, 'coOfficer', '');
  const deviceSerial = stringField(b, 'deviceSerial', '');
  const returnedAt = stringField(b, 'returnedAt', '');
  if (typeof b.awayWork !== 'boolean') throw invalidArgument('awayWork must be a boolean');
  if (b.title !== undefined && typeof b.title !== 'string') {
    throw invalidArgument('title must be a string');
  }
  if (!(b.sessions instanceof Array) || b.sessions.length > 50) {
    throw invalidArgument('sessions must be an array of at most 50 sessions');
  }
  return {
    officer, coOfficer, deviceSerial, returnedAt,
    awayWork: b.awayWork,
    title: typeof b.title === 'string' ? b.title : null,
    preUseCheck: preUseOf(b.preUseCheck),
    sessions: (b.sessions as unknown[]).map(sessionOf),
  };
}

/** Core's field errors as one 422 refusal naming every field (the ACS error has one summary). */
function refuseFields(port: RepositoryPort, errors: readonly FieldError[]): void {
  if (errors.length === 0) return;
  const en: string[] = [];
  const zh: string[] = [];
  for (const e of errors) {
    en.push(e.path + ': ' + e.message);
    zh.push(e.path + '：' + e.messageZh);
  }
  port.enforce({ allowed: false, status: 422, code: errors[0].code,
    requirement: errors[0].requirement, message: en.join(' '), messageZh: zh.join(' ') },
  STEP, null);
}

/** The efr:device registered under a serial (R13.1), or null. */
function deviceBySerial(port: RepositoryPort, serial: string): PortNode | null {
  const folder = port.archiveFolder(DEVICES_FOLDER);
  if (folder === null || serial === '') return null;
  for (const d of port.children(folder.id, 'efr:device')) {
    if (textProp(d, 'efr:deviceSerial') === serial) return d;
  }
  return null;
}

/** ISO 8601 UTC of a date-time core has already accepted. */
function iso(text: string): string {
  return new Date(parseInstant(text) as number).toISOString();
}

const pad = (n: number): string => (n < 10 ? '0' : '') + n;

/**
 * Opens a handover from the request body and answers the new efr:handover node. The caller is
 * one of the two officers of the act, or a custodian on their behalf.
 */
export function openHandover(port: RepositoryPort, raw: Record<string, unknown>): PortNode {
  const b = parseOpen(raw);
  const user = port.currentUser();
  const ofAct = isMember(user, GROUP_EFR_OFFICERS) &&
    (b.officer === user.userName || b.coOfficer === user.userName);
  if (!ofAct && !isMember(user, GROUP_EFR_CUSTODIANS)) {
    port.enforce(refuse(403, 'efr.handover.notOfficerOrCustodian', 'R21.1',
      'A handover is opened by an officer of the act or by a custodian.',
      '移交须由本次执法人员或保管人登记。'), STEP, null);
  }
  const now = port.now();
  const pre = b.preUseCheck;
  const errors = checkHandoverOpen({ officer: b.officer, coOfficer: b.coOfficer,
    returnedAt: b.returnedAt, awayWork: b.awayWork, sessions: b.sessions, preUseCheck: pre,
    now });
  for (const k of ['officer', 'coOfficer'] as const) {
    const id = b[k];
    if (id.replace(/\s+/g, '') !== '' && port.groupsOf(id).indexOf(GROUP_EFR_OFFICERS) < 0) {
      errors.push({ path: k, code: 'efr.handover.notAnOfficer', requirement: 'R15.2',
        message: id + ' is not an enforcement officer.', messageZh: id + ' 不是执法人员。' });
    }
  }
  const device = deviceBySerial(port, b.deviceSerial);
  if (device === null) {
    errors.push({ path: 'deviceSerial', code: 'efr.handover.unknownDevice', requirement: 'R13.1',
      message: 'No device is registered with serial ' + b.deviceSerial + '.',
      messageZh: '未登记序列号为 ' + b.deviceSerial + ' 的执法记录仪。' });
  }
  refuseFields(port, errors);
  const dev = device as PortNode;
  const check = pre as NonNullable<OpenBody['preUseCheck']>;
  const folder = archiveFolderOrFail(port, HANDOVERS_FOLDER);

  // Decided: from here on the call writes.
  let end = 0;
  for (const s of b.sessions) end = Math.max(end, parseInstant(s.endedAt) as number);
  const fieldWorkEnd = new Date(end).toISOString();
  const zone = port.zone();
  const deadline = handoverDeadline({ fieldWorkEnd, returnedAt: b.returnedAt,
    awayWork: b.awayWork, zone });
  const day = localDateOf(end, zone);
  const ymd = day.year + pad(day.month) + pad(day.day);
  const taken: Record<string, boolean> = {};
  for (const n of port.children(folder.id, 'efr:handover')) taken['$' + n.name] = true;
  const base = '移交-' + ymd + '-' + b.officer;
  let name = base;
  for (let i = 1; taken['$' + name] === true; i++) name = base + '-' + i;
  const checkedAt = check.checkedAt === null ? now : iso(check.checkedAt);
  // The unit (执法部门): the officer's as the directory holds it, else the device's (issue 19,
  // point 4); sealing gives it to every recording of the handover.
  const unit = handoverUnit({ officerUnit: port.organizationOf(b.officer),
    deviceUnit: textProp(dev, 'efr:unit') });
  const h = port.createNode(folder.id, {
    name,
    type: 'efr:handover',
    aspects: ['efr:preUseCheck', 'efr:owningUnit'],
    props: {
      'cm:title': b.title === null ? b.officer + ' / ' + b.coOfficer + ' ' + ymd : b.title,
      'efr:officer': b.officer,
      'efr:coOfficer': b.coOfficer,
      'efr:deviceSerial': b.deviceSerial,
      'efr:unit': unit,
      'efr:returnedAt': iso(b.returnedAt),
      'efr:awayWork': b.awayWork,
      'efr:fieldWorkEnd': fieldWorkEnd,
      'efr:deadline': deadline,
      'efr:handoverStatus': 'open',
      'efr:late': false,
      'efr:deviceWorking': check.working,
      'efr:batteryPercent': check.batteryPercent,
      'efr:freeStorageMb': check.freeStorageMb,
      'efr:clockOffsetSeconds': check.clockOffsetSeconds,
      'efr:checkedAt': checkedAt,
      'efr:checkedBy': b.officer,
    },
  });
  for (let i = 0; i < b.sessions.length; i++) {
    const s = b.sessions[i];
    const props: Record<string, PortValue> = {
      // efr:session has no notice property: the words told to the party (R16.1) go to
      // cm:description.
      'cm:description': s.noticeText,
      'efr:sessionId': h.id + '#' + (i + 1),
      'efr:activityType': s.activityType,
      'efr:location': s.place,
      'efr:sessionStart': iso(s.startedAt),
      'efr:sessionEnd': iso(s.endedAt),
      'efr:segmentCount': s.segmentCount,
    };
    if (s.interruptionNote !== '') props['efr:interruptionNote'] = s.interruptionNote;
    port.createNode(h.id, { name: '会话-' + (i + 1), type: 'efr:session', props,
      aspects: ['cm:titled'] });
  }
  // The check made before the field work goes into the device's history too, and is its
  // 最近检查 when it is the latest (R15.1; issue 19, point 11).
  const serial = textProp(dev, 'efr:deviceSerial') || dev.name;
  recordPreUseCheck(port, dev.id, serial, check, checkedAt, b.officer);
  const last = textProp(dev, 'efr:lastCheckAt');
  if (last === null || Date.parse(last) < Date.parse(checkedAt)) {
    port.updateNode(dev.id, { 'efr:lastCheckAt': checkedAt });
  }
  port.logStep(STEP, h.id, { deadline, officer: b.officer, coOfficer: b.coOfficer, unit,
    requirement: 'R21.1' });
  return h;
}
