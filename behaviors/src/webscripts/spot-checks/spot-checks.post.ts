/** POST /efr/spot-checks: a supervisor opens a campaign and draws its sample (R28.1): written once in webscripts/src/spot-checks/spot-checks.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { spotChecksPost } from '../../../../webscripts/src/spot-checks/spot-checks.js';

runPortDefinition(spotChecksPost);
