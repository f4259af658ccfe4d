/** GET /efr/fixity/rounds: the rounds: written once in webscripts/src/fixity/fixity.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { fixityRoundsGet } from '../../../../webscripts/src/fixity/fixity.js';

runPortDefinition(fixityRoundsGet);
