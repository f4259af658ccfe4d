/** POST /efr/exemptions: an officer writes the record of an act not recorded (R11.1, R11.2): written once in webscripts/src/exemptions/exemptions.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { exemptionsPost } from '../../../../webscripts/src/exemptions/exemptions.js';

runPortDefinition(exemptionsPost);
