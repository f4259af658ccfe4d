/** POST /efr/fixity/rounds/{id}/checks: a worker reports one check: written once in webscripts/src/fixity/fixity.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { fixityRoundChecksPost } from '../../../../webscripts/src/fixity/fixity.js';

runPortDefinition(fixityRoundChecksPost);
