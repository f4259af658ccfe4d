/** GET /efr/quality/reports/{id}: the quality assessment as the PDF efr worker stored (R28.1), 202 while it renders. Written once in webscripts/src/quality/quality-reports.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { qualityReportGet } from '../../../../webscripts/src/quality/quality-reports.js';

runPortDefinition(qualityReportGet);
