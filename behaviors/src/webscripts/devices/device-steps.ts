/**
 * Registering a device and its steps inside ACS (R9.1, R12.1, R13.1, R15.1), as server/'s
 * device scripts do: core decides, then the check (on issue), the history event and the new
 * state are written in the web script's transaction (descriptor: `<transaction>required`).
 */
import {
  checkDeviceRegistration,
  checkPreUse,
  DEFAULT_PRE_USE_LIMITS,
  deviceEventKindOf,
  GROUP_EFR_OFFICERS,
  GROUP_EFR_UNIT_HEADS,
  parseInstant,
  refuse,
  transitionDevice,
  type DeviceAction,
  type PreUseCheck,
} from '../../../../core/src/index.js';
import { currentActor, groupsOf } from '../../lib/actor.js';
import { nowIso } from '../../lib/clock.js';
import { plainString } from '../../lib/java-values.js';
import { nodeProp } from '../../lib/model-names.js';
import {
  archiveFolder,
  enforce,
  fail,
  isUserInGroup,
  logStep,
  subFolder,
  type WsNode,
} from '../../lib/ws-runtime.js';
import { deviceState } from './device-json.js';

/** The devices folder of the archive. */
export const DEVICES_FOLDER = '执法记录仪';
/** The cases folder of the archive. */
export const CASES_FOLDER = '案件';
/** Sub-folder of device events and checks. */
export const HISTORY_FOLDER = '履历';

/**
 * Records a pre-use check (R15.1) in the device's history (efr:deviceCheck → efr:checkDevice)
 * in the caller's transaction, marked as a workflow step by the caller. Made at issue, and
 * when a handover declares the check made before the field work (issue 19, point 11).
 */
export function recordPreUseCheck(device: WsNode, k: PreUseCheck, at: Date, by: string): void {
  const serial = plainString(nodeProp(device, 'efr:deviceSerial')) || String(device.name);
  const history = subFolder(archiveFolder(DEVICES_FOLDER), HISTORY_FOLDER);
  const check = history.createNode(serial + '-check-' + suffix(at.toISOString()),
    'efr:deviceCheck', {
      'efr:deviceSerial': serial,
      'efr:deviceWorking': k.working,
      'efr:batteryPercent': k.batteryPercent,
      'efr:freeStorageMb': k.freeStorageMb,
      'efr:clockOffsetSeconds': k.clockOffsetSeconds,
      'efr:checkedAt': at,
      'efr:checkedBy': by,
    });
  check.createAssociation(device, 'efr:checkDevice');
}
/** The steps by URL segment. */
export const DEVICE_STEPS = ['issue', 'return', 'repair', 'repaired', 'lost', 'retire'];

const optText = (b: Record<string, unknown>, k: string): string => {
  const v = b[k];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string')
    fail(400, 'framework.exception.InvalidArgument', k + ' must be a string');
  return (v as string).trim();
};

/** A short unique suffix for entry names (time first). */
function suffix(now: string): string {
  return now.replace(/[-:TZ.]/g, '').substring(0, 17) + '-' + Math.floor(Math.random() * 1e6);
}

/** Registers a device (office only). */
export function registerDevice(b: Record<string, unknown>): WsNode {
  const actor = currentActor();
  const serial = optText(b, 'serial');
  const unitHead = optText(b, 'unitHead');
  const input = {
    serial,
    kind: String(b.kind === undefined ? '' : b.kind),
    unit: optText(b, 'unit'),
    unitHead,
    unitHeadIsUnitHead: unitHead !== '' && isUserInGroup(unitHead, GROUP_EFR_UNIT_HEADS, groupsOf),
  };
  const folder = archiveFolder(DEVICES_FOLDER);
  enforce(checkDeviceRegistration(input, actor), 'device.register', null);
  if (folder.childByNamePath(serial) !== null) {
    enforce(
      refuse(
        409,
        'efr.device.duplicateSerial',
        'R13.1',
        'Device ' + serial + ' is already registered.',
        '设备 ' + serial + ' 已登记。',
      ),
      'device.register',
      null,
    );
  }
  const props: Record<string, unknown> = {
    'efr:deviceSerial': serial,
    'efr:deviceKind': input.kind,
    'efr:unit': input.unit,
    'efr:unitHead': unitHead,
    'efr:custodian': actor.userName,
    'efr:deviceStatus': 'available',
  };
  if (optText(b, 'title') !== '') props['cm:title'] = optText(b, 'title');
  if (optText(b, 'model') !== '') props['efr:deviceModel'] = optText(b, 'model');
  const node = folder.createNode(serial, 'efr:device', props);
  logStep('device.register', node, { serial, unit: input.unit, by: actor.userName });
  return node;
}

/** The pre-use check of an issue body; the clock is measured against this server (R15.1). */
function readCheck(raw: unknown): PreUseCheck | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'object')
    fail(400, 'framework.exception.InvalidArgument', 'check must be an object');
  const b = raw as Record<string, unknown>;
  const num = (k: string): number => {
    if (typeof b[k] !== 'number')
      fail(400, 'framework.exception.InvalidArgument', 'check.' + k + ' must be a number');
    return b[k] as number;
  };
  if (typeof b.working !== 'boolean')
    fail(400, 'framework.exception.InvalidArgument', 'check.working must be true or false');
  let offset: number;
  if (b.deviceTime !== undefined) {
    const t = parseInstant(b.deviceTime);
    if (t === null)
      fail(
        400,
        'framework.exception.InvalidArgument',
        'check.deviceTime must be an ISO 8601 date-time',
      );
    offset = Math.round(((t as number) - new Date().getTime()) / 1000);
  } else offset = num('clockOffsetSeconds');
  return {
    working: b.working as boolean,
    batteryPercent: num('batteryPercent'),
    freeStorageMb: num('freeStorageMb'),
    clockOffsetSeconds: offset,
  };
}

function actionOf(step: string, b: Record<string, unknown>): DeviceAction {
  const reason = optText(b, 'reason');
  if (step === 'issue')
    return { type: 'issue', to: optText(b, 'holder'), check: readCheck(b.check) as PreUseCheck };
  if (step === 'return') return { type: 'return' };
  if (step === 'repair') return { type: 'repair', reason };
  if (step === 'repaired') return { type: 'repaired' };
  if (step === 'lost') return { type: 'lose', reason };
  return { type: 'retire', reason };
}

/** One step of a device; answers are set by the caller from the returned node. */
export function runDeviceStep(device: WsNode, step: string, b: Record<string, unknown>): WsNode {
  if (DEVICE_STEPS.indexOf(step) < 0)
    fail(404, 'framework.exception.EntityNotFound', 'Unknown step ' + step);
  const actor = currentActor();
  const action = actionOf(step, b);
  const before = deviceState(device);
  const t = transitionDevice(before, action, actor, DEFAULT_PRE_USE_LIMITS);
  if (
    action.type === 'issue' &&
    action.check &&
    !t.verdict.allowed &&
    t.verdict.code.indexOf('efr.preUse.') === 0
  ) {
    const failed = checkPreUse(action.check, DEFAULT_PRE_USE_LIMITS, 'check').map((f) => f.code);
    logStep('device.checkFailed', device, { serial: before.serial, failed: failed.join(',') });
  }
  enforce(t.verdict, 'device.' + step, String(device.nodeRef));
  if (action.type === 'issue' && !isUserInGroup(action.to, GROUP_EFR_OFFICERS, groupsOf)) {
    enforce(
      refuse(
        422,
        'efr.device.holderNotOfficer',
        'R12.1',
        'A device is issued to an enforcement officer.',
        '执法记录仪只能发放给执法人员。',
      ),
      'device.issue',
      String(device.nodeRef),
    );
  }
  const next = t.next || before;
  const now = new Date(nowIso());
  const history = subFolder(archiveFolder(DEVICES_FOLDER), HISTORY_FOLDER);
  if (action.type === 'issue') recordPreUseCheck(device, action.check, now, actor.userName);
  const kind = deviceEventKindOf(action);
  const note = optText(b, 'reason') || optText(b, 'note');
  const eventProps: Record<string, unknown> = {
    'efr:deviceSerial': before.serial,
    'efr:deviceEventKind': kind,
    'efr:eventAt': now,
    'efr:eventBy': actor.userName,
    'efr:eventHolder': next.holder || before.holder,
  };
  if (note !== '') eventProps['efr:eventNote'] = note;
  const event = history.createNode(
    before.serial + '-' + kind + '-' + suffix(nowIso()),
    'efr:deviceEvent',
    eventProps,
  );
  event.createAssociation(device, 'efr:eventDevice');
  device.properties['efr:deviceStatus'] = next.status;
  device.properties['efr:holder'] = next.holder;
  if (action.type === 'issue') {
    device.properties['efr:issuedAt'] = now;
    device.properties['efr:lastCheckAt'] = now;
  }
  device.save();
  logStep('device.' + step, device, {
    serial: before.serial,
    from: before.status,
    to: next.status,
    by: actor.userName,
  });
  return device;
}
