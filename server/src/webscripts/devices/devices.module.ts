import {
  checkDeviceRegistration,
  GROUP_EFR_UNIT_HEADS,
  refuse,
  type DeviceRegistration,
} from '../../../../core/src/index.js';
import { appendAccessLog } from '../../access-log/access-log.js';
import { badRequest } from '../../http/errors.js';
import { listBody, pageOf, parsePaging } from '../../http/paging.js';
import type { WebScriptModule } from '../web-script-host.js';
import {
  complianceOf,
  deviceChecks,
  deviceEvents,
  deviceJson,
  listDevices,
} from './device-records.js';
import { DEVICE_STEPS } from '../../../../contract/index.js';
import { runDeviceStep } from './device-steps.js';
import { inWorkflowStep } from './workflow-guard.js';
import {
  actorOf,
  archiveFolder,
  bodyOf,
  elevated,
  insertRecord,
  isUserInGroup,
  optText,
  readableOfType,
} from './record-writes.js';

/**
 * The device register's web scripts (R9.1, R12.1, R13.1, R15.1), under /alfresco/s/efr:
 *
 * - `GET  /devices` (?unit, ?status): the register;
 * - `POST /devices`: register a device (office only);
 * - `GET  /devices/compliance`: per unit, serviceable devices and R9.1 compliance;
 * - `GET  /devices/{id}`: a device with its history and pre-use checks;
 * - `POST /devices/{id}/{issue|return|repair|repaired|lost|retire}`: one step.
 *
 * The records themselves stay readable through the standard REST API (efr:device nodes in the
 * archive's devices folder; efr:deviceEvent / efr:deviceCheck under its 履历 sub-folder).
 */
export const devicesModule: WebScriptModule = (ws, repo) => {
  ws.get('/devices', (req) => {
    const paging = parsePaging(req.query);
    const unit = typeof req.query.unit === 'string' ? req.query.unit : undefined;
    const status = typeof req.query.status === 'string' ? req.query.status : undefined;
    const all = listDevices(repo, req.caller)
      .map(deviceJson)
      .filter(
        (d) =>
          (unit === undefined || d.unit === unit) && (status === undefined || d.status === status),
      );
    return { body: listBody(pageOf(all, paging), paging, all.length) };
  });

  ws.get('/devices/compliance', (req) => {
    repo.getReadable(req.caller, archiveFolder(repo, 'devices').id);
    const all = complianceOf(repo);
    return { body: listBody(all, { skipCount: 0, maxItems: Math.max(all.length, 1) }, all.length) };
  });

  ws.post('/devices', (req) => {
    const c = req.caller;
    const b = bodyOf(req.body);
    const serial = typeof b.serial === 'string' ? b.serial.trim() : '';
    const input: DeviceRegistration = {
      serial,
      kind: String(b.kind ?? ''),
      unit: optText(b, 'unit', 200) ?? '',
      unitHead: optText(b, 'unitHead', 100) ?? '',
      unitHeadIsUnitHead: false,
    };
    input.unitHeadIsUnitHead =
      input.unitHead !== '' && isUserInGroup(repo, input.unitHead, GROUP_EFR_UNIT_HEADS);
    const folder = archiveFolder(repo, 'devices');
    repo.enforce(c, checkDeviceRegistration(input, actorOf(c)), 'device.register', folder);
    if (repo.rows.childByName(folder.id, serial)) {
      repo.enforce(
        c,
        refuse(
          409,
          'efr.device.duplicateSerial',
          'R13.1',
          `Device ${serial} is already registered.`,
          `设备 ${serial} 已登记。`,
        ),
        'device.register',
        folder,
      );
    }
    const title = optText(b, 'title', 200);
    const model = optText(b, 'model', 200);
    const node = inWorkflowStep(() =>
      repo.db.transaction(() => {
        const created = insertRecord(repo, elevated(repo, c), folder, {
          type: 'efr:device',
          name: serial,
          props: {
            'efr:deviceSerial': serial,
            'efr:deviceKind': input.kind,
            'efr:unit': input.unit,
            'efr:unitHead': input.unitHead,
            'efr:custodian': c.userId,
            'efr:deviceStatus': 'available',
            ...(title ? { 'cm:title': title } : {}),
            ...(model ? { 'efr:deviceModel': model } : {}),
          },
        });
        appendAccessLog(repo.db, {
          user: c.userId,
          action: 'device.register',
          nodeId: created.id,
          values: {
            serial,
            unit: input.unit,
            unitHead: input.unitHead,
            kind: input.kind,
            requirement: 'R13.1',
          },
        });
        return created;
      })(),
    );
    return { status: 201, body: { entry: deviceJson(node) } };
  });

  ws.get('/devices/{id}', (req) => {
    const node = readableOfType(repo, req.caller, req.params.id, 'efr:device');
    return {
      body: {
        entry: {
          ...deviceJson(node),
          events: deviceEvents(repo, node.id),
          checks: deviceChecks(repo, node.id),
        },
      },
    };
  });

  for (const step of DEVICE_STEPS) {
    ws.post(`/devices/{id}/${step}`, (req) => {
      const node = readableOfType(repo, req.caller, req.params.id, 'efr:device');
      const b = bodyOf(req.body);
      if (b.holder !== undefined && step !== 'issue')
        throw badRequest('holder is only given on issue');
      const updated = runDeviceStep(repo, req.caller, node, step, b);
      return {
        body: {
          entry: {
            ...deviceJson(updated),
            events: deviceEvents(repo, updated.id),
            checks: deviceChecks(repo, updated.id),
          },
        },
      };
    });
  }
};
