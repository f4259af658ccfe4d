/** GET /efr/violations/{id}: one violation with its measures (R29.1, R30.1): written once in webscripts/src/violations/violations.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { violationGet } from '../../../../webscripts/src/violations/violations.js';

runPortDefinition(violationGet);
