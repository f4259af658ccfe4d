/** GET /efr/fixity: coverage, last mismatch, throughput: written once in webscripts/src/fixity/fixity.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { fixityGet } from '../../../../webscripts/src/fixity/fixity.js';

runPortDefinition(fixityGet);
