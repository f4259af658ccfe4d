/** POST /efr/fixity/run: ask for a round now: written once in webscripts/src/fixity/fixity.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { fixityRunPost } from '../../../../webscripts/src/fixity/fixity.js';

runPortDefinition(fixityRunPost);
