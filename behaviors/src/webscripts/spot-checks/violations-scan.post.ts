/** POST /efr/violations/scan: proposes refused tampering and late handovers (R29.1): written once in webscripts/src/violations/violation-reports.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { violationsScanPost } from '../../../../webscripts/src/violations/violation-reports.js';

runPortDefinition(violationsScanPost);
