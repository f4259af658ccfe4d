/**
 * POST /efr/spot-checks: a supervisor opens a campaign and draws its sample with core's
 * stratified, reproducible draw (R28.1); one pending efr:finding per drawn recording.
 */
import {
  checkCampaign, DRAW_ALGORITHM, drawSample, formatInstant, parseInstant,
} from '../../../../core/src/index.js';
import { nowIso } from '../../lib/clock.js';
import {
  archiveFolder, enforce, fail, jsonBody, logStep, respond, runWebScript, type WsNode,
} from '../devices/ws-runtime.js';
import { campaignJson, reread } from './campaign-json.js';
import { population, SPOT_CHECKS_FOLDER } from './campaign-scope.js';
import { requireSupervisor } from './supervisor.js';

/** The root scope's Company Home (as ws-runtime reads its scope). */
function companyhome(): WsNode {
  const get = function (this: unknown): unknown {
    return this;
  };
  return (get() as { companyhome: WsNode }).companyhome;
}

/**
 * A seed when none is given: 32 hex digits. Math.random is not a cryptographic source, but
 * the seed is published with the campaign anyway; what matters is that no person chose it.
 */
function drawnSeed(): string {
  let s = '';
  for (let i = 0; i < 32; i++) s += Math.floor(Math.random() * 16).toString(16);
  return s;
}

function fourDigits(n: number): string {
  const s = '000' + n;
  return s.substring(s.length - 4);
}

runWebScript(() => {
  requireSupervisor('openSpotCheck');
  const b = jsonBody();
  const seed = typeof b.seed === 'string' && b.seed.trim() !== '' ? b.seed.trim() : drawnSeed();
  const input = { seed, proportion: b.proportion as number, from: String(b.from || ''),
    to: String(b.to || '') };
  enforce(checkCampaign(input), 'openSpotCheck', null);
  const units: string[] = [];
  if (b.units !== undefined && b.units !== null) {
    if (!Array.isArray(b.units)) {
      fail(400, 'framework.exception.InvalidArgument', 'units must be a list');
    }
    for (const u of b.units as unknown[]) {
      if (typeof u === 'string' && u.trim() !== '') units.push(u.trim());
    }
  }
  units.sort();
  const scope = { from: parseInstant(input.from) as number, to: parseInstant(input.to) as number,
    units };
  const pop = population(scope, companyhome());
  const sample = drawSample({ seed, population: pop.items, proportion: input.proportion });
  const now = nowIso();
  const name = '抽查-' + now.replace(/[-:.TZ]/g, '') + '-' + drawnSeed().substring(0, 6);
  const title = typeof b.title === 'string' && b.title.trim() !== '' ? b.title.trim() : name;
  const campaign = archiveFolder(SPOT_CHECKS_FOLDER).createNode(name, 'efr:spotCheck', {
    'cm:title': title,
    'efr:periodFrom': new Date(scope.from),
    'efr:periodTo': new Date(scope.to),
    'efr:units': units.length > 0 ? units : null,
    'efr:proportion': input.proportion,
    'efr:seed': seed,
    'efr:populationSize': pop.items.length,
    'efr:sampleSize': sample.length,
    'efr:spotCheckStatus': 'open',
  });
  for (let i = 0; i < sample.length; i++) {
    const f = campaign.createNode(fourDigits(i + 1), 'efr:finding',
      { 'efr:findingStatus': 'pending' });
    f.createAssociation(pop.byId['$' + sample[i]], 'efr:findingRecording');
  }
  // The inputs of the draw go to the log (and the audit trail records the nodes), so that
  // anyone can redraw from them.
  logStep('spotCheck.draw', campaign, { algorithm: DRAW_ALGORITHM, seed,
    proportion: String(input.proportion), from: formatInstant(scope.from),
    to: formatInstant(scope.to), population: JSON.stringify(pop.items),
    sample: JSON.stringify(sample) });
  // The campaign as GET /spot-checks/{id} answers it (contract/spot-checks.ts), read afresh so
  // that cm:creator and cm:created are ACS's own.
  respond(201, { entry: campaignJson(reread(campaign)) });
});
