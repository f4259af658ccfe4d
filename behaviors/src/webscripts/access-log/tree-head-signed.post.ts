/** POST /efr/access-log/tree-heads/{id}/head: efr worker hands in a signed tree head: written once in webscripts/src/access-log/tree-heads.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { treeHeadSignedPost } from '../../../../webscripts/src/access-log/tree-heads.js';

runPortDefinition(treeHeadSignedPost);
