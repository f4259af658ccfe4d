/** GET /efr/fixity/rounds/{id}: one round: written once in webscripts/src/fixity/fixity.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { fixityRoundGet } from '../../../../webscripts/src/fixity/fixity.js';

runPortDefinition(fixityRoundGet);
