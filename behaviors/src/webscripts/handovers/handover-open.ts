/**
 * Opening a handover inside ACS (R21.1, R21.2, R15.1, R15.2, R16.1, R17.1), as server/'s
 * handover-open.ts: core checks the facts, the deadline is core's in the bureau's zone
 * (Asia/Shanghai, a fixed UTC+8 since 1992), and the efr:handover folder with its efr:session
 * children is created in the web script's transaction (descriptor `<transaction>required`).
 */
import {
  ASIA_SHANGHAI,
  checkHandoverOpen,
  GROUP_EFR_CUSTODIANS,
  GROUP_EFR_OFFICERS,
  handoverDeadline,
  handoverUnit,
  isMember,
  localDateOf,
  type FieldError,
  type PreUseCheck,
  type SessionInput,
} from '../../../../core/src/index.js';
import { scriptPeople } from '../../lib/acs-api.js';
import { currentActor, groupsOf } from '../../lib/actor.js';
import { nowIso } from '../../lib/clock.js';
import { plainString } from '../../lib/java-values.js';
import { nodeProp } from '../../lib/model-names.js';
import { archiveFolder, enforce, fail, logStep, type WsNode } from '../../lib/ws-runtime.js';
import { markWorkflowStep } from '../../lib/workflow-step.js';
import { recordPreUseCheck } from '../../../../webscripts/src/devices/devices.js';
import { acsPort } from '../../lib/acs-port.js';
import { HANDOVERS_FOLDER } from './handover-ws.js';

const bad = (msg: string): never => fail(400, 'framework.exception.InvalidArgument', msg);

function strField(b: Record<string, unknown>, k: string): string {
  if (typeof b[k] !== 'string') bad(k + ' must be a string');
  return b[k] as string;
}

/** Shape checks (400); the rules are core's (422). */
function sessionsOf(b: Record<string, unknown>): (SessionInput & { segmentCount: number })[] {
  const raw = b.sessions;
  if (!Array.isArray(raw) || raw.length > 50)
    bad('sessions must be an array of at most 50 sessions');
  return (raw as unknown[]).map((x) => {
    if (x === null || typeof x !== 'object' || Array.isArray(x))
      bad('Each session must be an object');
    const s = x as Record<string, unknown>;
    for (const k of ['activityType', 'place', 'startedAt', 'endedAt', 'noticeText']) strField(s, k);
    if (typeof s.partyNotified !== 'boolean') bad('sessions[].partyNotified must be a boolean');
    const seg = s.segmentCount === undefined ? 1 : s.segmentCount;
    if (typeof seg !== 'number' || seg < 1 || Math.floor(seg) !== seg) {
      bad('sessions[].segmentCount must be a positive integer');
    }
    return {
      activityType: s.activityType as string,
      place: s.place as string,
      startedAt: s.startedAt as string,
      endedAt: s.endedAt as string,
      partyNotified: s.partyNotified as boolean,
      noticeText: s.noticeText as string,
      segmentCount: seg as number,
    };
  });
}

function preUseOf(b: Record<string, unknown>): PreUseCheck | null {
  const p = b.preUseCheck;
  if (p === null || p === undefined) return null;
  if (typeof p !== 'object' || typeof (p as Record<string, unknown>).working !== 'boolean') {
    bad('preUseCheck.working must be a boolean');
  }
  const q = p as Record<string, unknown>;
  for (const k of ['batteryPercent', 'freeStorageMb', 'clockOffsetSeconds']) {
    if (typeof q[k] !== 'number') bad('preUseCheck.' + k + ' must be an integer');
  }
  return {
    working: q.working as boolean,
    batteryPercent: q.batteryPercent as number,
    freeStorageMb: q.freeStorageMb as number,
    clockOffsetSeconds: q.clockOffsetSeconds as number,
  };
}

function refuseFields(errors: FieldError[]): void {
  if (errors.length === 0) return;
  const en: string[] = [];
  const zh: string[] = [];
  for (const e of errors) {
    en.push(e.path + ': ' + e.message);
    zh.push(e.path + '：' + e.messageZh);
  }
  enforce(
    {
      allowed: false,
      status: 422,
      code: errors[0].code,
      requirement: errors[0].requirement,
      message: en.join(' '),
      messageZh: zh.join(' '),
    },
    'handover.open',
    null,
  );
}

const pad = (n: number): string => (n < 10 ? '0' : '') + n;

/** Opens a handover from the request body; returns the new node. */
export function openHandover(b: Record<string, unknown>): WsNode {
  const actor = currentActor();
  const officer = strField(b, 'officer');
  const coOfficer = strField(b, 'coOfficer');
  const deviceSerial = strField(b, 'deviceSerial');
  const returnedAt = strField(b, 'returnedAt');
  if (typeof b.awayWork !== 'boolean') bad('awayWork must be a boolean');
  const awayWork = b.awayWork as boolean;
  const sessions = sessionsOf(b);
  const pre = preUseOf(b);
  const ofAct =
    isMember(actor, GROUP_EFR_OFFICERS) &&
    (officer === actor.userName || coOfficer === actor.userName);
  if (!ofAct && !isMember(actor, GROUP_EFR_CUSTODIANS)) {
    enforce(
      {
        allowed: false,
        status: 403,
        code: 'efr.handover.notOfficerOrCustodian',
        requirement: 'R21.1',
        message: 'A handover is opened by an officer of the act or by a custodian.',
        messageZh: '移交须由本次执法人员或保管人登记。',
      },
      'handover.open',
      null,
    );
  }
  const now = nowIso();
  const errors = checkHandoverOpen({
    officer,
    coOfficer,
    returnedAt,
    awayWork,
    sessions,
    preUseCheck: pre,
    now,
  });
  for (const who of [
    ['officer', officer],
    ['coOfficer', coOfficer],
  ]) {
    if (who[1].replace(/\s+/g, '') !== '' && groupsOf(who[1]).indexOf(GROUP_EFR_OFFICERS) < 0) {
      errors.push({
        path: who[0],
        code: 'efr.handover.notAnOfficer',
        requirement: 'R15.2',
        message: who[1] + ' is not an enforcement officer.',
        messageZh: who[1] + ' 不是执法人员。',
      });
    }
  }
  const devices = archiveFolder('执法记录仪');
  const device = deviceSerial === '' ? null : devices.childByNamePath(deviceSerial);
  if (device === null || device === undefined) {
    errors.push({
      path: 'deviceSerial',
      code: 'efr.handover.unknownDevice',
      requirement: 'R13.1',
      message: 'No device is registered with serial ' + deviceSerial + '.',
      messageZh: '未登记序列号为 ' + deviceSerial + ' 的执法记录仪。',
    });
  }
  refuseFields(errors);
  let end = 0;
  for (const s of sessions) end = Math.max(end, Date.parse(s.endedAt));
  const fieldWorkEnd = new Date(end).toISOString();
  const deadline = handoverDeadline({ fieldWorkEnd, returnedAt, awayWork, zone: ASIA_SHANGHAI });
  const day = localDateOf(end, ASIA_SHANGHAI);
  const ymd = day.year + pad(day.month) + pad(day.day);
  const folder = archiveFolder(HANDOVERS_FOLDER);
  let name = '移交-' + ymd + '-' + officer;
  for (let i = 1; folder.childByNamePath(name) !== null; i++)
    name = '移交-' + ymd + '-' + officer + '-' + i;
  // The officer's unit is his person's cm:organization (ACS's People API shows it as
  // company.organization: remote-api/.../rest/api/model/Person.java:162, 23.1.1.12).
  const person = scriptPeople().getPerson(officer);
  const unit = handoverUnit({
    officerUnit: person ? plainString(nodeProp(person, 'cm:organization')) : null,
    deviceUnit: plainString(nodeProp(device as WsNode, 'efr:unit')),
  });
  const h = folder.createNode(name, 'efr:handover', {
    'cm:title': officer + ' / ' + coOfficer + ' ' + ymd,
    'efr:officer': officer,
    'efr:coOfficer': coOfficer,
    'efr:deviceSerial': deviceSerial,
    'efr:returnedAt': new Date(Date.parse(returnedAt)),
    'efr:awayWork': awayWork,
    'efr:fieldWorkEnd': new Date(end),
    'efr:deadline': new Date(Date.parse(deadline)),
    'efr:handoverStatus': 'open',
    'efr:late': false,
  });
  if (h.addAspect && pre !== null) {
    h.addAspect('efr:preUseCheck', {
      'efr:deviceWorking': pre.working,
      'efr:batteryPercent': pre.batteryPercent,
      'efr:freeStorageMb': pre.freeStorageMb,
      'efr:clockOffsetSeconds': pre.clockOffsetSeconds,
      'efr:checkedAt': new Date(Date.parse(now)),
      'efr:checkedBy': officer,
    });
  }
  if (h.addAspect) h.addAspect('efr:owningUnit', { 'efr:unit': unit });
  for (let i = 0; i < sessions.length; i++) {
    const s = sessions[i];
    const node = h.createNode('会话-' + (i + 1), 'efr:session', {
      'efr:sessionId': String(h.id) + '#' + (i + 1),
      'efr:activityType': s.activityType,
      'efr:location': s.place,
      'efr:sessionStart': new Date(Date.parse(s.startedAt)),
      'efr:sessionEnd': new Date(Date.parse(s.endedAt)),
      'efr:segmentCount': s.segmentCount,
    });
    // efr:session has no notice property: the words told to the party (R16.1) go to cm:description.
    if (node.addAspect) node.addAspect('cm:titled', { 'cm:description': s.noticeText });
  }
  if (pre !== null) {
    // The check made before the field work goes into the device's history too, and is its
    // 最近检查 when it is the latest (R15.1; issue 19, point 11), as server/ does.
    markWorkflowStep();
    const at = new Date(Date.parse(now));
    recordPreUseCheck(acsPort(), String((device as WsNode).id),
      plainString(nodeProp(device as WsNode, 'efr:deviceSerial')) || String((device as WsNode).name),
      pre, at.toISOString(), officer);
    const last = plainString(nodeProp(device as WsNode, 'efr:lastCheckAt'));
    if (last === null || Date.parse(last) < at.getTime()) {
      (device as WsNode).properties['efr:lastCheckAt'] = at;
      (device as WsNode).save();
    }
  }
  logStep('handover.open', h, { deadline, officer, coOfficer, by: actor.userName });
  return h;
}
