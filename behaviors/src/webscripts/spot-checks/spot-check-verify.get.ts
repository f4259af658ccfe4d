/**
 * GET /efr/spot-checks/{id}/verify-draw: re-runs the draw from the stored seed, proportion and
 * period over the archive's recordings and compares with the stored sample (R28.1). In ACS the
 * population is recomputed (server/ also keeps it in its hash-chained log):
 * `populationUnchanged` says whether it still has the stored size.
 */
import {
  DRAW_ALGORITHM, drawSample, verifyDraw,
} from '../../../../core/src/index.js';
import { plainNumber, plainString } from '../../lib/java-values.js';
import { assocNodes, nodeProp } from '../../lib/model-names.js';
import {
  childrenOfType, idOf, nodeOfType, respond, runWebScript, templateArg, type WsNode,
} from '../devices/ws-runtime.js';
import { population, scopeOf } from './campaign-scope.js';

runWebScript(() => {
  const campaign = nodeOfType(templateArg('id'), 'efr:spotCheck');
  const get = function (this: unknown): unknown {
    return this;
  };
  const home = (get() as { companyhome: WsNode }).companyhome;
  const seed = plainString(nodeProp(campaign, 'efr:seed')) || '';
  const proportion = plainNumber(nodeProp(campaign, 'efr:proportion')) || 0;
  const pop = population(scopeOf(campaign), home);
  const recomputed = drawSample({ seed, population: pop.items, proportion });
  const stored: string[] = [];
  for (const f of childrenOfType(campaign, 'efr:finding')) {
    const recs = assocNodes(f.assocs, 'efr:findingRecording');
    if (recs.length > 0) stored.push(idOf(recs[0] as WsNode));
  }
  stored.sort();
  respond(200, { entry: {
    algorithm: DRAW_ALGORITHM, seed, proportion, populationSize: pop.items.length, recomputed,
    stored, check: verifyDraw(stored, recomputed),
    populationUnchanged: pop.items.length === plainNumber(nodeProp(campaign, 'efr:populationSize')),
  } });
});
