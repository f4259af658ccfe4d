/** GET /efr/devices/compliance: R9.1 per unit (core unitCompliance). */
import { unitCompliance, type DeviceStatus } from '../../../../core/src/index.js';
import { plainString } from '../../lib/java-values.js';
import { nodeProp } from '../../lib/model-names.js';
import { archiveFolder, childrenOfType, listJson, respond, runWebScript } from '../../lib/ws-runtime.js';
import { CASES_FOLDER, DEVICES_FOLDER } from './device-steps.js';
import { deviceJson } from './device-json.js';

runWebScript(() => {
  const devices = childrenOfType(archiveFolder(DEVICES_FOLDER), 'efr:device')
    .map(deviceJson)
    .map((d) => ({ unit: String(d.unit), status: d.status as DeviceStatus }));
  // Units with field duties: those holding a case, as on server/ (plus those holding a device).
  const units: string[] = [];
  for (const c of childrenOfType(archiveFolder(CASES_FOLDER), 'efr:case')) {
    const u = plainString(nodeProp(c, 'efr:unit'));
    if (u !== null && units.indexOf(u) < 0) units.push(u);
  }
  respond(200, listJson(unitCompliance(devices, units)));
});
