/** GET /efr/disposition/batches/{id}/register: the destruction register as the PDF efr worker stored (R22.1), 202 while it renders. Written once in webscripts/src/disposition/disposition.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { dispositionRegisterGet } from '../../../../webscripts/src/disposition/disposition.js';

runPortDefinition(dispositionRegisterGet);
