import {
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
  type Zone,
} from '../../../../core/src/index.js';
import { badRequest, notFound } from '../../http/errors.js';
import { formatAcsDate } from '../../model/property-values.js';
import { createNode } from '../../repo/node-writes.js';
import { updateNode } from '../../repo/node-updates.js';
import { toInstant } from '../../rules/recording-state.js';
import { recordPreUseCheck } from '../../../../webscripts/src/devices/devices.js';
import { serverPort } from '../port/server-port.js';
import { elevated, textOf } from '../devices/record-writes.js';
import { inWorkflowStep } from '../devices/workflow-guard.js';
import type { NodeRow } from '../../repo/node-rows.js';
import { RuleRefusal, type Caller, type Repository } from '../../repo/repository.js';

/** A declared session in the request body (R10.1, R16.1, R17.1). */
interface SessionBody extends SessionInput {
  segmentCount?: number;
  interruptionNote?: string;
}

/** The body of `POST /alfresco/s/efr/handovers`. */
export interface OpenHandoverBody {
  officer: string;
  coOfficer: string;
  deviceSerial: string;
  returnedAt: string;
  awayWork: boolean;
  preUseCheck: PreUseCheck & { checkedAt?: string };
  sessions: SessionBody[];
  title?: string;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Shape checks only (400): the rules themselves are core's (422). */
function parseBody(body: unknown): OpenHandoverBody {
  if (!isObj(body)) throw badRequest('The request body must be a JSON object');
  for (const k of ['officer', 'coOfficer', 'deviceSerial', 'returnedAt']) {
    if (typeof body[k] !== 'string') throw badRequest(`${k} must be a string`);
  }
  if (typeof body.awayWork !== 'boolean') throw badRequest('awayWork must be a boolean');
  if (body.title !== undefined && typeof body.title !== 'string')
    throw badRequest('title must be a string');
  if (!Array.isArray(body.sessions) || body.sessions.length > 50) {
    throw badRequest('sessions must be an array of at most 50 sessions');
  }
  for (const s of body.sessions as unknown[]) {
    if (!isObj(s)) throw badRequest('Each session must be an object');
    for (const k of ['activityType', 'place', 'startedAt', 'endedAt', 'noticeText']) {
      if (typeof s[k] !== 'string') throw badRequest(`sessions[].${k} must be a string`);
    }
    if (typeof s.partyNotified !== 'boolean')
      throw badRequest('sessions[].partyNotified must be a boolean');
    if (
      s.segmentCount !== undefined &&
      !(Number.isInteger(s.segmentCount) && Number(s.segmentCount) >= 1)
    ) {
      throw badRequest('sessions[].segmentCount must be a positive integer');
    }
    if (s.interruptionNote !== undefined && typeof s.interruptionNote !== 'string') {
      throw badRequest('sessions[].interruptionNote must be a string');
    }
  }
  const pre = body.preUseCheck;
  if (pre !== null && pre !== undefined) {
    if (!isObj(pre) || typeof pre.working !== 'boolean')
      throw badRequest('preUseCheck.working must be a boolean');
    for (const k of ['batteryPercent', 'freeStorageMb', 'clockOffsetSeconds']) {
      if (typeof pre[k] !== 'number' || !Number.isInteger(pre[k])) {
        throw badRequest(`preUseCheck.${k} must be an integer`);
      }
    }
    if (pre.checkedAt !== undefined && typeof pre.checkedAt !== 'string') {
      throw badRequest('preUseCheck.checkedAt must be a string');
    }
  }
  return body as unknown as OpenHandoverBody;
}

/** Core's field errors as one 422 refusal naming every field (the ACS error has one summary). */
function refuseFields(
  c: Caller,
  errors: readonly FieldError[],
  nodeId: string | null,
): RuleRefusal {
  const first = errors[0];
  return new RuleRefusal(
    {
      allowed: false,
      status: 422,
      code: first.code,
      requirement: first.requirement,
      message: errors.map((e) => `${e.path}: ${e.message}`).join(' '),
      messageZh: errors.map((e) => `${e.path}：${e.messageZh}`).join(' '),
    },
    'openHandover',
    c.userId,
    nodeId,
  );
}

/** The efr:device registered under a serial (R13.1), or undefined. */
export function deviceBySerial(repo: Repository, serial: string): NodeRow | undefined {
  const r = repo.db
    .prepare(
      `SELECT n.id FROM nodes n JOIN node_props p ON p.node_id = n.id
    WHERE n.type = 'efr:device' AND p.qname = 'efr:deviceSerial' AND p.v_text = ? LIMIT 1`,
    )
    .get(serial) as { id: string } | undefined;
  return r ? repo.rows.get(r.id) : undefined;
}

/**
 * The pre-use check declared with a handover (R15.1) goes into the device's history as well,
 * and is its 最近检查 when it is the latest: an issued device showed "—" and no history
 * although the check had been made (issue 19, point 11).
 */
function recordDeviceCheck(
  repo: Repository,
  c: Caller,
  device: NodeRow,
  pre: PreUseCheck & { checkedAt?: string },
  officer: string,
): void {
  const at = pre.checkedAt ? Date.parse(pre.checkedAt) : c.rule.now;
  const sys = elevated(repo, c);
  inWorkflowStep(() =>
    repo.db.transaction(() => {
      recordPreUseCheck(serverPort(repo, sys), device.id,
        textOf(device, 'efr:deviceSerial') ?? device.name, pre, new Date(at).toISOString(), officer);
      const last = toInstant(device.props['efr:lastCheckAt']);
      if (last === null || Date.parse(last) < at) {
        updateNode(repo, sys, repo.rows.get(device.id) ?? device, {
          properties: { 'efr:lastCheckAt': formatAcsDate(at) },
        });
      }
    })(),
  );
}

/** The Handovers folder of the archive (`EFR 执法记录/移交记录`). */
export function handoversFolder(repo: Repository, c: Caller): NodeRow {
  const id = repo.meta('efr_folder_handovers');
  if (!id) throw notFound('The archive has no Handovers folder (efr_folder_handovers)');
  return repo.getReadable(c, id);
}

/**
 * Opens a handover (R21.1, R21.2, R15.1, R15.2, R16.1, R17.1): checks the declared facts with
 * core, computes the deadline in the bureau's zone, creates the efr:handover folder with its
 * efr:session children. The caller is one of the two officers, or a custodian on their behalf.
 */
export async function openHandover(
  repo: Repository,
  c: Caller,
  raw: unknown,
  zone: Zone,
): Promise<NodeRow> {
  const body = parseBody(raw);
  const actor = { userName: c.userId, groups: c.rule.groups };
  const onBehalf = isMember(actor, GROUP_EFR_CUSTODIANS);
  const isOfficerOfAct =
    isMember(actor, GROUP_EFR_OFFICERS) &&
    (body.officer === c.userId || body.coOfficer === c.userId);
  if (!onBehalf && !isOfficerOfAct) {
    throw new RuleRefusal(
      {
        allowed: false,
        status: 403,
        code: 'efr.handover.notOfficerOrCustodian',
        requirement: 'R21.1',
        message: 'A handover is opened by an officer of the act or by a custodian.',
        messageZh: '移交须由本次执法人员或保管人登记。',
      },
      'openHandover',
      c.userId,
      null,
    );
  }
  const now = new Date(c.rule.now).toISOString();
  const pre = body.preUseCheck ?? null;
  const errors = checkHandoverOpen({
    officer: body.officer,
    coOfficer: body.coOfficer,
    returnedAt: body.returnedAt,
    awayWork: body.awayWork,
    sessions: body.sessions,
    preUseCheck: pre,
    now,
  });
  for (const k of ['officer', 'coOfficer'] as const) {
    const id = body[k];
    if (id.trim() !== '' && !repo.auth.groupsOf(id).includes(GROUP_EFR_OFFICERS)) {
      errors.push({
        path: k,
        code: 'efr.handover.notAnOfficer',
        requirement: 'R15.2',
        message: `${id} is not an enforcement officer.`,
        messageZh: `${id} 不是执法人员。`,
      });
    }
  }
  const device = deviceBySerial(repo, body.deviceSerial);
  if (!device) {
    errors.push({
      path: 'deviceSerial',
      code: 'efr.handover.unknownDevice',
      requirement: 'R13.1',
      message: `No device is registered with serial ${body.deviceSerial}.`,
      messageZh: `未登记序列号为 ${body.deviceSerial} 的执法记录仪。`,
    });
  }
  if (errors.length > 0) throw refuseFields(c, errors, null);
  const fieldWorkEnd = body.sessions
    .map((s) => Date.parse(s.endedAt))
    .reduce((a, b) => Math.max(a, b));
  const deadline = handoverDeadline({
    fieldWorkEnd: new Date(fieldWorkEnd).toISOString(),
    returnedAt: body.returnedAt,
    awayWork: body.awayWork,
    zone,
  });
  const day = localDateOf(fieldWorkEnd, zone);
  const ymd = `${day.year}${String(day.month).padStart(2, '0')}${String(day.day).padStart(2, '0')}`;
  const organization = repo.auth.person(body.officer)?.props.organization;
  const deviceUnit = device?.props['efr:unit'];
  const unit = handoverUnit({
    officerUnit: typeof organization === 'string' ? organization : null,
    deviceUnit: typeof deviceUnit === 'string' ? deviceUnit : null,
  });
  const handover = await createNode(repo, c, handoversFolder(repo, c), {
    name: `移交-${ymd}-${body.officer}`,
    nodeType: 'efr:handover',
    autoRename: true,
    fromText: false,
    aspectNames: ['efr:preUseCheck', 'efr:owningUnit'],
    properties: {
      'cm:title': body.title ?? `${body.officer} / ${body.coOfficer} ${ymd}`,
      'efr:officer': body.officer,
      'efr:coOfficer': body.coOfficer,
      'efr:deviceSerial': body.deviceSerial,
      'efr:unit': unit,
      'efr:returnedAt': formatAcsDate(Date.parse(body.returnedAt)),
      'efr:awayWork': body.awayWork,
      'efr:fieldWorkEnd': formatAcsDate(fieldWorkEnd),
      'efr:deadline': formatAcsDate(Date.parse(deadline)),
      'efr:handoverStatus': 'open',
      'efr:late': false,
      'efr:deviceWorking': pre?.working,
      'efr:batteryPercent': pre?.batteryPercent,
      'efr:freeStorageMb': pre?.freeStorageMb,
      'efr:clockOffsetSeconds': pre?.clockOffsetSeconds,
      'efr:checkedAt': formatAcsDate(pre?.checkedAt ? Date.parse(pre.checkedAt) : c.rule.now),
      'efr:checkedBy': body.officer,
    },
  });
  try {
    for (const [i, s] of body.sessions.entries()) {
      await createNode(repo, c, handover, {
        name: `会话-${i + 1}`,
        nodeType: 'efr:session',
        autoRename: false,
        fromText: false,
        aspectNames: ['cm:titled'],
        properties: {
          // efr:session has no notice property: the words used (R16.1) go to cm:description.
          'cm:description': s.noticeText,
          'efr:sessionId': `${handover.id}#${i + 1}`,
          'efr:activityType': s.activityType,
          'efr:location': s.place,
          'efr:sessionStart': formatAcsDate(Date.parse(s.startedAt)),
          'efr:sessionEnd': formatAcsDate(Date.parse(s.endedAt)),
          'efr:segmentCount': s.segmentCount ?? 1,
          ...(s.interruptionNote ? { 'efr:interruptionNote': s.interruptionNote } : {}),
        },
      });
    }
    if (pre && device) recordDeviceCheck(repo, c, device, pre, body.officer);
  } catch (err) {
    // createNode commits each node on its own: undo the half-made handover so a refused
    // session leaves nothing behind (no recording can be in it yet).
    repo.db.transaction(() => repo.rows.deleteTree(handover.id))();
    throw err;
  }
  repo.log({
    user: c.userId,
    action: 'openHandover',
    nodeId: handover.id,
    values: { deadline, officer: body.officer, coOfficer: body.coOfficer, requirement: 'R21.1' },
  });
  return repo.rows.get(handover.id) as NodeRow;
}
