/** GET /efr/exemptions/{id}: one record (R11.2): written once in webscripts/src/exemptions/exemptions.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { exemptionGet } from '../../../../webscripts/src/exemptions/exemptions.js';

runPortDefinition(exemptionGet);
