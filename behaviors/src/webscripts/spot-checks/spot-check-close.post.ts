/** POST /efr/spot-checks/{id}/close: refused while findings are pending (R28.1): written once in webscripts/src/spot-checks/spot-checks.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { spotCheckClosePost } from '../../../../webscripts/src/spot-checks/spot-checks.js';

runPortDefinition(spotCheckClosePost);
