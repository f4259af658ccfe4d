/** POST /efr/violations/{id}/decision: confirm or dismiss (R29.1): written once in webscripts/src/violations/violations.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { violationDecisionPost } from '../../../../webscripts/src/violations/violations.js';

runPortDefinition(violationDecisionPost);
