/** GET /efr/violations: the violation register (R29.1), paged: written once in webscripts/src/violations/violations.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { violationsGet } from '../../../../webscripts/src/violations/violations.js';

runPortDefinition(violationsGet);
