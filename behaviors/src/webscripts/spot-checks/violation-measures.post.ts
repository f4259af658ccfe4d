/** POST /efr/violations/{id}/measures: an accountability measure (R30.1): written once in webscripts/src/violations/violations.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { violationMeasuresPost } from '../../../../webscripts/src/violations/violations.js';

runPortDefinition(violationMeasuresPost);
