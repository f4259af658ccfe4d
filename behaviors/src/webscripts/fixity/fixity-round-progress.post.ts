/** POST /efr/fixity/rounds/{id}/progress: a round's progress: written once in webscripts/src/fixity/fixity.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { fixityRoundProgressPost } from '../../../../webscripts/src/fixity/fixity.js';

runPortDefinition(fixityRoundProgressPost);
