import { EXEMPTION_WEB_SCRIPTS } from '../../../../webscripts/src/exemptions/exemptions.js';
import { portWebScripts } from '../port/port-routes.js';
import type { WebScriptModule } from '../web-script-host.js';

/**
 * Exemption records (R11.1, R11.2), under /alfresco/s/efr: written once for both hosts in
 * webscripts/src/exemptions/exemptions.ts (list with reminders, write, read, acknowledge, file).
 */
export const exemptionsModule: WebScriptModule = portWebScripts(EXEMPTION_WEB_SCRIPTS);
