/** POST /efr/fixity/rounds/{id}/claim: a worker claims a round: written once in webscripts/src/fixity/fixity.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { fixityRoundClaimPost } from '../../../../webscripts/src/fixity/fixity.js';

runPortDefinition(fixityRoundClaimPost);
