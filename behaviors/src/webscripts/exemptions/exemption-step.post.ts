/** POST /efr/exemptions/{id}/{acknowledge|file}: the leader acknowledges, the office files (R11.2): written once in webscripts/src/exemptions/exemptions.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { exemptionStepPost } from '../../../../webscripts/src/exemptions/exemptions.js';

runPortDefinition(exemptionStepPost);
