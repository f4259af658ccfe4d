/** GET /efr/access-log/tree-heads: the signed tree heads of the access log: written once in webscripts/src/access-log/tree-heads.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { treeHeadsGet } from '../../../../webscripts/src/access-log/tree-heads.js';

runPortDefinition(treeHeadsGet);
