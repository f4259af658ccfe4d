/**
 * The device register's web scripts (R9.1, R12.1, R13.1, R15.1), once for both hosts:
 * - `GET  /devices` (?unit, ?status, paged): the register, by serial;
 * - `POST /devices`: register a device (office only);
 * - `GET  /devices/compliance`: per unit, serviceable devices and R9.1 compliance;
 * - `GET  /devices/{id}`: a device with its history and pre-use checks;
 * - `POST /devices/{id}/{step}`: issue | return | repair | repaired | lost | retire.
 */
import {
  checkDeviceRegistration, checkPreUse, DEFAULT_PRE_USE_LIMITS, deviceEventKindOf,
  GROUP_EFR_OFFICERS, GROUP_EFR_UNIT_HEADS, parseInstant, refuse, transitionDevice,
  unitCompliance, type DeviceAction, type DeviceRegistration, type DeviceStatus,
  type PreUseCheck,
} from '../../../core/src/index.js';
import { listBody, pagedList } from '../paging.js';
import type { PortNode, PortValue, RepositoryPort } from '../repository-port.js';
import {
  bodyText, invalidArgument, notFound, readableOfType, WebScriptError,
  type WebScriptDefinition,
} from '../web-script.js';
import {
  DEVICES_FOLDER, deviceJson, deviceState, deviceWithHistory, HISTORY_FOLDER,
} from './device-json.js';

const AREA = 'devices';

/** The steps by URL segment. */
export const DEVICE_STEPS = ['issue', 'return', 'repair', 'repaired', 'lost', 'retire'];

function registerFolder(port: RepositoryPort): PortNode {
  const f = port.archiveFolder(DEVICES_FOLDER);
  if (f === null) {
    throw new WebScriptError(503, 'efr.archive.notSetUp',
      'The archive folder ' + DEVICES_FOLDER + ' is not set up');
  }
  return f;
}

/** Whether a person exists and belongs to `group`. */
function isPersonIn(port: RepositoryPort, userName: string, group: string): boolean {
  return port.personExists(userName) && port.groupsOf(userName).indexOf(group) >= 0;
}

/** Six random digits for entry names (two entries in one millisecond keep distinct names). */
function suffix(now: string): string {
  return now.replace(/[-:TZ.]/g, '').substring(0, 17) + '-' +
    String(1000000 + Math.floor(Math.random() * 1000000)).substring(1);
}

/**
 * Records a pre-use check (R15.1) in the device's history (`efr:deviceCheck` →
 * `efr:checkDevice`) in the call's transaction; answers its id. Made at issue, and when a
 * handover declares the check made before the field work (issue 19, point 11): one function for
 * the device steps, both hosts' handover opening and server/'s demo seed.
 */
export function recordPreUseCheck(port: RepositoryPort, deviceId: string, serial: string,
  k: { working: boolean; batteryPercent: number; freeStorageMb: number;
    clockOffsetSeconds: number }, at: string, by: string): string {
  const history = port.folder(registerFolder(port).id, HISTORY_FOLDER);
  const id = port.createNode(history.id, {
    // Named with the glossary's term for a pre-use check: the access log shows it (issue 19).
    name: serial + '-使用前检查-' + suffix(at), type: 'efr:deviceCheck',
    props: { 'efr:deviceSerial': serial, 'efr:deviceWorking': k.working,
      'efr:batteryPercent': k.batteryPercent, 'efr:freeStorageMb': k.freeStorageMb,
      'efr:clockOffsetSeconds': k.clockOffsetSeconds, 'efr:checkedAt': at,
      'efr:checkedBy': by },
  }).id;
  port.createAssociation(id, deviceId, 'efr:checkDevice');
  return id;
}

/**
 * Records an event in the device's history (`efr:deviceEvent` -> `efr:eventDevice`, R13.1) in
 * the call's transaction; answers its id. One function for the device steps and server/'s demo
 * seed (an issued demo device has its issue in the history, issue 19, point 11).
 */
export function recordDeviceEvent(port: RepositoryPort, deviceId: string, serial: string,
  e: { kind: string; at: string; by: string; holder: string; note: string }): string {
  const history = port.folder(registerFolder(port).id, HISTORY_FOLDER);
  const props: Record<string, PortValue> = {
    'efr:deviceSerial': serial,
    'efr:deviceEventKind': e.kind,
    'efr:eventAt': e.at,
    'efr:eventBy': e.by,
    'efr:eventHolder': e.holder,
  };
  if (e.note !== '') props['efr:eventNote'] = e.note;
  // Named in the glossary's word for the history, not the kind's code ("issue"): the access
  // log and the Content App show the name to Chinese readers (issue 19).
  const event = port.createNode(history.id, { name: serial + '-履历-' + suffix(e.at),
    type: 'efr:deviceEvent', props });
  port.createAssociation(event.id, deviceId, 'efr:eventDevice');
  return event.id;
}

/**
 * Reads the pre-use check of an issue body (R15.1). A `deviceTime` read off the device's screen
 * gives offset = deviceTime − now; otherwise `clockOffsetSeconds` is taken as entered.
 */
export function readCheck(raw: unknown, nowMs: number): PreUseCheck | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'object' || raw instanceof Array) throw invalidArgument('check must be an object');
  const b = raw as Record<string, unknown>;
  const num = (k: string): number => {
    const v = b[k];
    if (typeof v !== 'number') throw invalidArgument('check.' + k + ' must be a number');
    return v;
  };
  if (typeof b.working !== 'boolean') throw invalidArgument('check.working must be true or false');
  let offset: number;
  if (b.deviceTime !== undefined) {
    const t = parseInstant(b.deviceTime);
    if (t === null) {
      throw invalidArgument('check.deviceTime must be an ISO 8601 date-time with a zone');
    }
    offset = Math.round((t - nowMs) / 1000);
  } else offset = num('clockOffsetSeconds');
  return { working: b.working, batteryPercent: num('batteryPercent'),
    freeStorageMb: num('freeStorageMb'), clockOffsetSeconds: offset };
}

function actionOf(step: string, body: Record<string, unknown>, nowMs: number): DeviceAction {
  const reason = bodyText(body, 'reason', 2000);
  switch (step) {
    case 'issue':
      return { type: 'issue', to: bodyText(body, 'holder', 100),
        check: readCheck(body.check, nowMs) as PreUseCheck };
    case 'return':
      return { type: 'return' };
    case 'repair':
      return { type: 'repair', reason };
    case 'repaired':
      return { type: 'repaired' };
    case 'lost':
      return { type: 'lose', reason };
    default:
      return { type: 'retire', reason };
  }
}

export const devicesGet: WebScriptDefinition = {
  id: 'devices', method: 'GET', path: '/devices', area: AREA, title: 'EFR device register',
  handle(port, call) {
    const unit = call.query.unit;
    const status = call.query.status;
    const all = port.children(registerFolder(port).id, 'efr:device').map(deviceJson)
      .filter((d) => (unit === undefined || d.unit === unit) &&
        (status === undefined || d.status === status));
    return { status: 200, body: pagedList(all, call.query) };
  },
};

export const deviceComplianceGet: WebScriptDefinition = {
  id: 'device-compliance', method: 'GET', path: '/devices/compliance', area: AREA,
  title: 'EFR device compliance per unit',
  handle(port) {
    const devices = port.children(registerFolder(port).id, 'efr:device').map(deviceJson)
      .map((d) => ({ unit: d.unit, status: d.status as DeviceStatus }));
    // Units with field duties (R9.1): the fieldUnits setting (comma or 、 separated), those
    // holding a case and those holding a device (a unit without devices left still shows).
    const units: string[] = [];
    const add = (u: unknown): void => {
      const t = typeof u === 'string' ? u.replace(/^\s+|\s+$/g, '') : '';
      if (t !== '' && units.indexOf(t) < 0) units.push(t);
    };
    // Comma, full-width comma or enumeration comma (escaped: the emitted script stays ASCII).
    for (const u of (port.setting('fieldUnits') || '').split(/[,\uFF0C\u3001]/)) add(u);
    for (const c of port.nodesOfType('efr:case')) add(c.props['efr:unit']);
    const all = unitCompliance(devices, units);
    return { status: 200,
      body: listBody(all, { skipCount: 0, maxItems: Math.max(all.length, 1) }, all.length) };
  },
};

export const devicesPost: WebScriptDefinition = {
  id: 'devices', method: 'POST', path: '/devices', area: AREA, title: 'EFR device: register',
  handle(port, call) {
    const b = call.body;
    const user = port.currentUser();
    const serial = typeof b.serial === 'string' ? b.serial.replace(/^\s+|\s+$/g, '') : '';
    const input: DeviceRegistration = {
      serial,
      kind: b.kind === undefined || b.kind === null ? '' : String(b.kind),
      unit: bodyText(b, 'unit', 200),
      unitHead: bodyText(b, 'unitHead', 100),
      unitHeadIsUnitHead: false,
    };
    input.unitHeadIsUnitHead = input.unitHead !== '' &&
      isPersonIn(port, input.unitHead, GROUP_EFR_UNIT_HEADS);
    const folder = registerFolder(port);
    port.enforce(checkDeviceRegistration(input, user), 'device.register', folder.id);
    if (port.children(folder.id, 'efr:device').some((d) => d.name === serial)) {
      port.enforce(refuse(409, 'efr.device.duplicateSerial', 'R13.1',
        'Device ' + serial + ' is already registered.', '设备 ' + serial + ' 已登记。'),
      'device.register', folder.id);
    }
    const title = bodyText(b, 'title', 200);
    const model = bodyText(b, 'model', 200);
    const props: Record<string, PortValue> = {
      'efr:deviceSerial': serial,
      'efr:deviceKind': input.kind,
      'efr:unit': input.unit,
      'efr:unitHead': input.unitHead,
      'efr:custodian': user.userName,
      'efr:deviceStatus': 'available',
    };
    if (title !== '') props['cm:title'] = title;
    if (model !== '') props['efr:deviceModel'] = model;
    const node = port.createNode(folder.id, { name: serial, type: 'efr:device', props });
    port.logStep('device.register', node.id, { serial, unit: input.unit,
      unitHead: input.unitHead, kind: input.kind, requirement: 'R13.1' });
    return { status: 201, body: { entry: deviceJson(node) } };
  },
};

export const deviceGet: WebScriptDefinition = {
  id: 'device', method: 'GET', path: '/devices/{id}', area: AREA, title: 'EFR device',
  handle(port, call) {
    const n = readableOfType(port, call.params.id, 'efr:device');
    return { status: 200, body: { entry: deviceWithHistory(port, n) } };
  },
};

export const deviceStepPost: WebScriptDefinition = {
  id: 'device-step', method: 'POST', path: '/devices/{id}/{step}', area: AREA,
  title: 'EFR device: one step',
  handle(port, call) {
    const step = call.params.step;
    if (DEVICE_STEPS.indexOf(step) < 0) throw notFound(step);
    const device = readableOfType(port, call.params.id, 'efr:device');
    const b = call.body;
    if (b.holder !== undefined && step !== 'issue') {
      throw invalidArgument('holder is only given on issue');
    }
    const user = port.currentUser();
    const now = port.now();
    const action = actionOf(step, b, Date.parse(now));
    const before = deviceState(device);
    const t = transitionDevice(before, action, user, DEFAULT_PRE_USE_LIMITS);
    if (action.type === 'issue' && action.check && !t.verdict.allowed &&
      t.verdict.code.indexOf('efr.preUse.') === 0) {
      const k = action.check;
      port.logAttempt('device.checkFailed', device.id, {
        serial: before.serial, holder: action.to, requirement: 'R15.1',
        failed: checkPreUse(k, DEFAULT_PRE_USE_LIMITS, 'check').map((f) => f.code).join(','),
        working: String(k.working), batteryPercent: String(k.batteryPercent),
        freeStorageMb: String(k.freeStorageMb), clockOffsetSeconds: String(k.clockOffsetSeconds),
      });
    }
    port.enforce(t.verdict, 'device.' + step, device.id);
    if (action.type === 'issue' && !isPersonIn(port, action.to, GROUP_EFR_OFFICERS)) {
      port.enforce(refuse(422, 'efr.device.holderNotOfficer', 'R12.1',
        'A device is issued to an enforcement officer.', '执法记录仪只能发放给执法人员。'),
      'device.issue', device.id);
    }
    const next = t.next || before;
    let checkId = '';
    if (action.type === 'issue') {
      checkId = recordPreUseCheck(port, device.id, before.serial, action.check, now,
        user.userName);
    }
    const note = bodyText(b, 'reason', 2000) || bodyText(b, 'note', 2000);
    const eventId = recordDeviceEvent(port, device.id, before.serial, {
      kind: deviceEventKindOf(action), at: now, by: user.userName,
      holder: next.holder || before.holder || '', note });
    const changes: Record<string, PortValue> = { 'efr:deviceStatus': next.status,
      'efr:holder': next.holder };
    if (action.type === 'issue') {
      changes['efr:issuedAt'] = now;
      changes['efr:lastCheckAt'] = now;
    }
    const updated = port.updateNode(device.id, changes);
    const values: Record<string, string> = { serial: before.serial, from: before.status,
      to: next.status, holder: next.holder || before.holder || '', eventId,
      requirement: 'R13.1' };
    if (checkId !== '') values.checkId = checkId;
    if (note !== '') values.note = note;
    port.logStep('device.' + step, device.id, values);
    return { status: 200, body: { entry: deviceWithHistory(port, updated) } };
  },
};

/** The device register's web scripts written once. */
export const DEVICE_WEB_SCRIPTS: readonly WebScriptDefinition[] = [
  deviceComplianceGet, devicesGet, devicesPost, deviceGet, deviceStepPost,
];
