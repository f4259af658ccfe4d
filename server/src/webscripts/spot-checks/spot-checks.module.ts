import { findingFailed, qualityReport } from '../../../../core/src/index.js';
import type { WebScriptModule } from '../web-script-host.js';
import { evidenceFor } from './spot-check-evidence.js';
import {
  campaignById, campaignJson, findingJson, findingsOf, findingState, listCampaigns, scopeOf,
} from './spot-check-records.js';
import {
  closeCampaign, findingIn, openCampaign, recordFinding, verifyCampaignDraw,
} from './spot-check-steps.js';
import { text, UnitResolver } from './spot-check-population.js';

/**
 * The spot-check web scripts (issue 8; R28.1, R28.2, R19.1, R20.1):
 * - `POST /spot-checks` opens a campaign and draws its sample; `GET /spot-checks` lists;
 * - `GET /spot-checks/{id}` the campaign with its progress;
 * - `GET /spot-checks/{id}/sample` its findings, one per drawn recording;
 * - `GET /spot-checks/{id}/findings/{key}` one finding with its automatic evidence
 *   (key = finding id or recording id);
 * - `POST /spot-checks/{id}/findings` a reviewer's finding (done or skipped with a reason);
 * - `POST /spot-checks/{id}/close` (refused while findings are pending);
 * - `GET /spot-checks/{id}/results` pass rates per officer and unit;
 * - `GET /spot-checks/{id}/verify-draw` re-runs the draw from the logged seed and population.
 */
export const spotChecksModule: WebScriptModule = (ws, repo) => {
  ws.post('/spot-checks', (req) => ({
    status: 201,
    body: { entry: campaignJson(repo, openCampaign(repo, req.caller, req.body)) },
  }));

  ws.get('/spot-checks', (req) => {
    const all = listCampaigns(repo, req.caller).map((n) => campaignJson(repo, n));
    return { body: { list: {
      pagination: { count: all.length, hasMoreItems: false, totalItems: all.length,
        skipCount: 0, maxItems: all.length },
      entries: all.map((entry) => ({ entry })),
    } } };
  });

  ws.get('/spot-checks/{id}', (req) => ({
    body: { entry: campaignJson(repo, campaignById(repo, req.caller, req.params.id)) },
  }));

  ws.get('/spot-checks/{id}/sample', (req) => {
    const c = campaignById(repo, req.caller, req.params.id);
    const all = findingsOf(repo, c).map((f) => findingJson(repo, f));
    return { body: { list: {
      pagination: { count: all.length, hasMoreItems: false, totalItems: all.length,
        skipCount: 0, maxItems: all.length },
      entries: all.map((entry) => ({ entry })),
    } } };
  });

  ws.get('/spot-checks/{id}/findings/{key}', (req) => {
    const c = campaignById(repo, req.caller, req.params.id);
    const f = findingIn(repo, c, req.params.key);
    const rec = repo.rows.get(findingState(repo, f).recordingId);
    return { body: { entry: {
      ...findingJson(repo, f),
      evidence: rec ? evidenceFor(repo, scopeOf(c), rec) : null,
    } } };
  });

  ws.post('/spot-checks/{id}/findings', (req) => {
    const r = recordFinding(repo, req.caller, req.params.id, req.body);
    return { body: { entry: { ...findingJson(repo, r.finding), violationId: r.violationId } } };
  });

  ws.post('/spot-checks/{id}/close', (req) => ({
    body: { entry: campaignJson(repo, closeCampaign(repo, req.caller, req.params.id)) },
  }));

  ws.get('/spot-checks/{id}/results', (req) => {
    const c = campaignById(repo, req.caller, req.params.id);
    const units = new UnitResolver(repo);
    const findings = findingsOf(repo, c).flatMap((f) => {
      const st = findingState(repo, f);
      const rec = repo.rows.get(st.recordingId);
      if (st.status !== 'done' || !rec) return [];
      return [{ officer: text(rec, 'efr:officer'), unit: units.ofRecording(rec),
        at: new Date(c.createdAt).toISOString(), passed: !findingFailed(st) }];
    });
    const at = new Date(c.createdAt).toISOString();
    const report = qualityReport({ from: at, to: new Date(c.createdAt + 1).toISOString(),
      acts: [], sessions: [], handovers: [], findings, violations: [] });
    return { body: { entry: { campaign: campaignJson(repo, c), report } } };
  });

  ws.get('/spot-checks/{id}/verify-draw', (req) => ({
    body: { entry: verifyCampaignDraw(repo, req.caller, req.params.id) },
  }));
};
