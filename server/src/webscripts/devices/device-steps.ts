import {
  checkPreUse,
  DEFAULT_PRE_USE_LIMITS,
  deviceEventKindOf,
  GROUP_EFR_OFFICERS,
  parseInstant,
  refuse,
  transitionDevice,
  type DeviceAction,
  type PreUseCheck,
} from '../../../../core/src/index.js';
import { appendAccessLog } from '../../access-log/access-log.js';
import { badRequest } from '../../http/errors.js';
import type { NodeRow } from '../../repo/node-rows.js';
import { updateNode } from '../../repo/node-updates.js';
import type { Caller, Repository } from '../../repo/repository.js';
import { deviceState } from './device-records.js';
import { inWorkflowStep } from './workflow-guard.js';
import {
  actorOf,
  archiveFolder,
  elevated,
  entrySuffix,
  insertRecord,
  isUserInGroup,
  nowAcs,
  optText,
  subFolder,
  textOf,
} from './record-writes.js';
import { formatAcsDate } from '../../model/property-values.js';

/** The folder under the register that holds device events and pre-use checks. */
export const HISTORY_FOLDER = '履历';

/** The steps the web scripts offer, by URL segment. */
export const DEVICE_STEPS = ['issue', 'return', 'repair', 'repaired', 'lost', 'retire'] as const;
/** One of DEVICE_STEPS. */
export type DeviceStep = (typeof DEVICE_STEPS)[number];

/**
 * Records a pre-use check (R15.1) in the device's history (efr:deviceCheck → efr:checkDevice)
 * inside the caller's transaction and workflow step; returns its id. Made at issue, and when a
 * handover declares the check made before the field work (issue 19, point 11).
 */
export function insertPreUseCheck(
  repo: Repository,
  sys: Caller,
  device: NodeRow,
  k: { working: boolean; batteryPercent: number; freeStorageMb: number;
    clockOffsetSeconds: number },
  by: string,
  at: number,
): string {
  const serial = textOf(device, 'efr:deviceSerial') ?? device.name;
  const history = subFolder(repo, archiveFolder(repo, 'devices'), HISTORY_FOLDER, at);
  return insertRecord(repo, sys, history, {
    type: 'efr:deviceCheck',
    name: `${serial}-check-${entrySuffix(at)}`,
    targets: [{ targetId: device.id, assocType: 'efr:checkDevice' }],
    props: {
      'efr:deviceSerial': serial,
      'efr:deviceWorking': k.working,
      'efr:batteryPercent': k.batteryPercent,
      'efr:freeStorageMb': k.freeStorageMb,
      'efr:clockOffsetSeconds': k.clockOffsetSeconds,
      'efr:checkedAt': formatAcsDate(at),
      'efr:checkedBy': by,
    },
  }).id;
}

/**
 * Reads the pre-use check of an issue body (R15.1). The clock offset is measured against the
 * server: a `deviceTime` read off the device's screen gives offset = deviceTime − server now;
 * otherwise `clockOffsetSeconds` is taken as entered.
 */
export function readCheck(raw: unknown, now: number): PreUseCheck | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw badRequest('check must be an object');
  const b = raw as Record<string, unknown>;
  const num = (k: string): number => {
    const v = b[k];
    if (typeof v !== 'number') throw badRequest(`check.${k} must be a number`);
    return v;
  };
  if (typeof b.working !== 'boolean') throw badRequest('check.working must be true or false');
  let offset: number;
  if (b.deviceTime !== undefined) {
    const t = parseInstant(b.deviceTime);
    if (t === null) throw badRequest('check.deviceTime must be an ISO 8601 date-time with a zone');
    offset = Math.round((t - now) / 1000);
  } else offset = num('clockOffsetSeconds');
  return {
    working: b.working,
    batteryPercent: num('batteryPercent'),
    freeStorageMb: num('freeStorageMb'),
    clockOffsetSeconds: offset,
  };
}

function actionOf(step: DeviceStep, body: Record<string, unknown>, now: number): DeviceAction {
  const reason = optText(body, 'reason') ?? '';
  switch (step) {
    case 'issue':
      return {
        type: 'issue',
        to: optText(body, 'holder', 100) ?? '',
        check: readCheck(body.check, now) as PreUseCheck,
      };
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

/**
 * One server-authoritative step of a device (R13.1, R15.1, R12.1): core decides, then, in one
 * transaction, the pre-use check (on issue), the history event, the device's new state and
 * the access-log entry are written. A refusal writes nothing but its log entry; a failed
 * check also logs the facts found so that the office sees why the device stayed in.
 */
export function runDeviceStep(
  repo: Repository,
  c: Caller,
  device: NodeRow,
  step: DeviceStep,
  body: Record<string, unknown>,
): NodeRow {
  const now = c.rule.now;
  const action = actionOf(step, body, now);
  const before = deviceState(device);
  const t = transitionDevice(before, action, actorOf(c), DEFAULT_PRE_USE_LIMITS);
  if (
    action.type === 'issue' &&
    action.check &&
    !t.verdict.allowed &&
    t.verdict.code.startsWith('efr.preUse.')
  ) {
    const k = action.check;
    repo.log({
      user: c.userId,
      action: 'device.checkFailed',
      nodeId: device.id,
      values: {
        serial: before.serial,
        holder: action.to,
        requirement: 'R15.1',
        failed: checkPreUse(k, DEFAULT_PRE_USE_LIMITS, 'check')
          .map((f) => f.code)
          .join(','),
        working: String(k.working),
        batteryPercent: String(k.batteryPercent),
        freeStorageMb: String(k.freeStorageMb),
        clockOffsetSeconds: String(k.clockOffsetSeconds),
      },
    });
  }
  repo.enforce(c, t.verdict, `device.${step}`, device);
  if (action.type === 'issue' && !isUserInGroup(repo, action.to, GROUP_EFR_OFFICERS)) {
    repo.enforce(
      c,
      refuse(
        422,
        'efr.device.holderNotOfficer',
        'R12.1',
        'A device is issued to an enforcement officer.',
        '执法记录仪只能发放给执法人员。',
      ),
      'device.issue',
      device,
    );
  }
  const next = t.next ?? before;
  const sys = elevated(repo, c);
  return inWorkflowStep(() =>
    repo.db.transaction(() => {
      const history = subFolder(repo, archiveFolder(repo, 'devices'), HISTORY_FOLDER, now);
      const at = nowAcs(c);
      const deviceTarget = (assocType: string) => [{ targetId: device.id, assocType }];
      const checkId = action.type === 'issue'
        ? insertPreUseCheck(repo, sys, device, action.check, c.userId, now) : '';
      const kind = deviceEventKindOf(action);
      const note = optText(body, 'reason') ?? optText(body, 'note');
      const event = insertRecord(repo, sys, history, {
        type: 'efr:deviceEvent',
        name: `${before.serial}-${kind}-${entrySuffix(now)}`,
        targets: deviceTarget('efr:eventDevice'),
        props: {
          'efr:deviceSerial': before.serial,
          'efr:deviceEventKind': kind,
          'efr:eventAt': at,
          'efr:eventBy': c.userId,
          'efr:eventHolder': next.holder ?? before.holder,
          ...(note ? { 'efr:eventNote': note } : {}),
        },
      });
      const changes: Record<string, unknown> = {
        'efr:deviceStatus': next.status,
        'efr:holder': next.holder,
      };
      if (action.type === 'issue') {
        changes['efr:issuedAt'] = at;
        changes['efr:lastCheckAt'] = at;
      }
      const updated = updateNode(repo, sys, device, { properties: changes });
      appendAccessLog(repo.db, {
        user: c.userId,
        action: `device.${step}`,
        nodeId: device.id,
        values: {
          serial: before.serial,
          from: before.status,
          to: next.status,
          holder: next.holder ?? before.holder ?? '',
          eventId: event.id,
          requirement: 'R13.1',
          ...(checkId ? { checkId } : {}),
          ...(note ? { note } : {}),
        },
      });
      return updated;
    })(),
  );
}
