/** POST /efr/quality/reports: requests the quality assessment as PDF (R28.1), computed now in the caller's context and stored for efr worker to render. Written once in webscripts/src/quality/quality-reports.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { qualityReportsPost } from '../../../../webscripts/src/quality/quality-reports.js';

runPortDefinition(qualityReportsPost);
