/** GET /efr/access-log/entries: a node's log entries as hashed, with proofs: written once in webscripts/src/access-log/proofs.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { accessLogEntriesGet } from '../../../../webscripts/src/access-log/proofs.js';

runPortDefinition(accessLogEntriesGet);
