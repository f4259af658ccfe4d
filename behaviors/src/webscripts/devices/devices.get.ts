/** GET /efr/devices[?unit=&status=]: the register (R13.1). */
import {
  childrenOfType,
  archiveFolder,
  listJson,
  queryArg,
  respond,
  runWebScript,
} from '../../lib/ws-runtime.js';
import { DEVICES_FOLDER } from './device-steps.js';
import { deviceJson } from './device-json.js';

runWebScript(() => {
  const unit = queryArg('unit');
  const status = queryArg('status');
  const all = childrenOfType(archiveFolder(DEVICES_FOLDER), 'efr:device')
    .map(deviceJson)
    .filter((d) => (unit === null || d.unit === unit) && (status === null || d.status === status))
    .sort((a, b) => (String(a.serial) < String(b.serial) ? -1 : 1));
  respond(200, listJson(all));
});
