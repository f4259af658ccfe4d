/** POST /efr/access-log/tree-heads: ask efr worker for a signed tree head: written once in webscripts/src/access-log/tree-heads.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { treeHeadsPost } from '../../../../webscripts/src/access-log/tree-heads.js';

runPortDefinition(treeHeadsPost);
