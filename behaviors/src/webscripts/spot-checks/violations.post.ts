/** POST /efr/violations: a supervisor's report (R29.1): written once in webscripts/src/violations/violation-reports.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { violationsPost } from '../../../../webscripts/src/violations/violation-reports.js';

runPortDefinition(violationsPost);
