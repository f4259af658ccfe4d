/** POST /efr/spot-checks/{id}/findings: a finding; a failed item proposes a violation (R28.2, R29.1): written once in webscripts/src/spot-checks/spot-checks.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { spotCheckFindingsPost } from '../../../../webscripts/src/spot-checks/spot-checks.js';

runPortDefinition(spotCheckFindingsPost);
