import { DEVICE_WEB_SCRIPTS } from '../../../../webscripts/src/devices/devices.js';
import { portWebScripts } from '../port/port-routes.js';
import type { WebScriptModule } from '../web-script-host.js';

/**
 * The device register's web scripts (R9.1, R12.1, R13.1, R15.1), under /alfresco/s/efr:
 * written once for both hosts in webscripts/src/devices/devices.ts (register, list,
 * compliance, read with history, steps). The records stay readable through the standard REST
 * API (efr:device nodes in the archive's devices folder; efr:deviceEvent / efr:deviceCheck
 * under its 履历 sub-folder).
 */
export const devicesModule: WebScriptModule = portWebScripts(DEVICE_WEB_SCRIPTS);
