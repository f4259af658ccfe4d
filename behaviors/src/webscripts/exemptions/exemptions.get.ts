/** GET /efr/exemptions: records with reminders (R11.2), paged: written once in webscripts/src/exemptions/exemptions.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { exemptionsGet } from '../../../../webscripts/src/exemptions/exemptions.js';

runPortDefinition(exemptionsGet);
