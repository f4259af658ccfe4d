/**
 * GET /efr/spot-checks/{id}/results: pass rates of the campaign's done findings per officer and
 * unit (R28.1 quality assessment), core's qualityReport over the findings alone, dated at the
 * campaign's creation, as server/ computes them. Skipped and pending findings do not count.
 */
import { findingFailed, parseInstant, qualityReport } from '../../../../core/src/index.js';
import { plainString } from '../../lib/java-values.js';
import { nodeProp } from '../../lib/model-names.js';
import { respond, runWebScript, templateArg, type WsNode } from '../../lib/ws-runtime.js';
import { campaignById, campaignJson, findingsOf } from './campaign-json.js';
import { unitResolver } from './campaign-scope.js';
import { findingOf, readerOf, recordingOf } from './finding-state.js';

runWebScript(() => {
  const campaign = campaignById(templateArg('id'));
  const json = campaignJson(campaign);
  // ACS keeps cm:created on every node (cm:auditable); server/ dates the findings the same way.
  const at = String(json.createdAt);
  const start = parseInstant(at);
  if (start === null) throw new Error('efr:spotCheck without cm:created: ' + at);
  const unitOf = unitResolver();
  const findings: { officer: string; unit: string; at: string; passed: boolean }[] = [];
  for (const f of findingsOf(campaign)) {
    const st = findingOf(f, readerOf(f, {}));
    const rec = recordingOf(f) as WsNode | null;
    if (st.status !== 'done' || rec === null) continue;
    findings.push({ officer: plainString(nodeProp(rec, 'efr:officer')) || '', unit: unitOf(rec),
      at, passed: !findingFailed(st) });
  }
  const report = qualityReport({ from: at, to: new Date(start + 1).toISOString(), acts: [],
    sessions: [], handovers: [], findings, violations: [] });
  respond(200, { entry: { campaign: json, report } });
});
