/** GET /efr/quality: the quality assessment (R28.1, R29.1, R30.1) as JSON: written once in webscripts/src/quality/quality.ts for both hosts (and as CSV; the PDF is a generated document: quality-reports.post). */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { qualityGet } from '../../../../webscripts/src/quality/quality.js';

runPortDefinition(qualityGet);
