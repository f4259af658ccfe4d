/** POST /efr/fixity/rounds/{id}/done: a worker finishes a round: written once in webscripts/src/fixity/fixity.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { fixityRoundDonePost } from '../../../../webscripts/src/fixity/fixity.js';

runPortDefinition(fixityRoundDonePost);
