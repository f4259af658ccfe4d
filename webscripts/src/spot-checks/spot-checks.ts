/**
 * The spot-check web scripts (issue 8; R28.1, R28.2, R19.1, R20.1), once for both hosts:
 * - `POST /spot-checks` opens a campaign and draws its sample; `GET /spot-checks` lists;
 * - `GET /spot-checks/{id}` the campaign with its progress;
 * - `GET /spot-checks/{id}/sample` its findings, one per drawn recording;
 * - `POST /spot-checks/{id}/findings` a reviewer's finding (done or skipped with a reason); a
 *   failed item proposes a violation of the kind the supervisor chose (R29.1);
 * - `POST /spot-checks/{id}/close` (refused while findings are pending);
 * - `GET /spot-checks/{id}/results` pass rates per officer and unit;
 * - `GET /spot-checks/{id}/verify-draw` re-runs the draw from what the campaign stored;
 * - `GET /spot-checks/{id}/findings/{key}` (key = finding id or recording id) one finding with
 *   the automatic evidence of its three items (./finding-evidence.ts, over the port's access
 *   log).
 *
 * The draw's inputs (seed, period, units, proportion, the population itself and the sample) go
 * into the host's step log (server/'s hash chain), so that anyone can recompute the sample.
 */
import type { DrawVerification, RecordedFinding } from '../../../contract/index.js';
import {
  checkCampaign, checkCloseCampaign, checkFinding, DRAW_ALGORITHM, drawSample, findingFailed,
  findingViolation, formatInstant, isOneOf, parseInstant, qualityReport, refuse, verifyDraw,
  VIOLATION_KINDS, type DrawItem, type FindingFact,
} from '../../../core/src/index.js';
import { listBody } from '../paging.js';
import { unitResolver } from '../recording-unit.js';
import {
  textProp, type PortNode, type PortValue, type RepositoryPort,
} from '../repository-port.js';
import { entrySuffix, planViolation } from '../violations/violation-proposal.js';
import { requireSupervisor } from '../violations/violations.js';
import {
  bodyText, invalidArgument, type WebScriptCall, type WebScriptDefinition,
} from '../web-script.js';
import {
  campaignById, campaignJson, campaignsFolder, findingIn, findingJson, findingOf, findingsOf,
  findingState, ITEM_PROPS, listCampaigns, recordingOf,
} from './campaign-json.js';
import { population, scopeOf, type Member } from './campaign-scope.js';
import { evidenceFor } from './finding-evidence.js';

const AREA = 'spot-checks';

/** The three items as the request names them (`itemRecorded`, `notes.recorded`). */
const ITEMS = ['Recorded', 'Continuous', 'Handled'];

/** A trimmed optional text of a body, or null when absent or blank (400 when not text). */
function optText(body: Record<string, unknown>, key: string, max: number): string | null {
  const t = bodyText(body, key, max);
  return t === '' ? null : t;
}

/** The campaign's units: distinct, trimmed, sorted (400 unless a list of unit names). */
function unitsOf(b: Record<string, unknown>): string[] {
  const v = b.units;
  if (v === undefined || v === null) return [];
  const out: string[] = [];
  if (!Array.isArray(v)) throw invalidArgument('units must be a list of unit names');
  for (const u of v as unknown[]) {
    if (typeof u !== 'string' || u.replace(/\s+/g, '') === '' || u.length > 100) {
      throw invalidArgument('units must be a list of unit names');
    }
    const t = u.replace(/^\s+|\s+$/g, '');
    if (out.indexOf(t) < 0) out.push(t);
  }
  return out.sort();
}

/** `0001`, `0002`…: finding names sort in the draw's order. */
function fourDigits(n: number): string {
  const s = '000' + n;
  return s.substring(s.length - 4);
}

/** The whole list in one page (`maxItems` = `count`): the screens read every entry. */
function wholeList<T>(all: T[]): unknown {
  return listBody(all, { skipCount: 0, maxItems: all.length }, all.length);
}

/** Refuses (409) a step on a closed campaign. */
function refuseClosed(port: RepositoryPort, campaign: PortNode, step: string): void {
  if (textProp(campaign, 'efr:spotCheckStatus') !== 'closed') return;
  port.enforce(refuse(409, 'efr.spotCheck.closed', 'R28.1', 'The spot check is closed.',
    '该抽查已结束。'), step, campaign.id);
}

/** The campaign of a call's `{id}`, as it stands. */
function campaignOf(port: RepositoryPort, call: WebScriptCall): PortNode {
  return campaignById(port, call.params.id);
}

export const spotChecksPost: WebScriptDefinition = {
  id: 'spot-checks', method: 'POST', path: '/spot-checks', area: AREA,
  title: 'EFR spot checks: open and draw',
  handle(port, call) {
    const b = call.body;
    const given = optText(b, 'seed', 200);
    const title = optText(b, 'title', 200);
    const units = unitsOf(b);
    requireSupervisor(port, 'openSpotCheck');
    // No seed given: 128 bits of the host's cryptographic source, stored and logged (no person
    // chose it, and nobody could foresee it).
    const seed = given !== null ? given : port.randomHex(16);
    const input = { seed, proportion: b.proportion as number,
      from: typeof b.from === 'string' ? b.from : '', to: typeof b.to === 'string' ? b.to : '' };
    port.enforce(checkCampaign(input), 'openSpotCheck', null);
    const folder = campaignsFolder(port);
    const scope = { from: parseInstant(input.from) as number, to: parseInstant(input.to) as number,
      units };
    const pop = population(port, scope).map((m) => m.item);
    const sample = drawSample({ seed, population: pop, proportion: input.proportion });
    const name = '抽查-' + entrySuffix(port);
    const campaign = port.createNode(folder.id, {
      name, type: 'efr:spotCheck', aspects: ['cm:titled'],
      props: {
        'cm:title': title !== null ? title : name,
        'efr:periodFrom': formatInstant(scope.from),
        'efr:periodTo': formatInstant(scope.to),
        'efr:units': units.length > 0 ? units : null,
        'efr:proportion': input.proportion,
        'efr:seed': seed,
        'efr:populationSize': pop.length,
        'efr:sampleSize': sample.length,
        'efr:spotCheckStatus': 'open',
      },
    });
    for (let i = 0; i < sample.length; i++) {
      const f = port.createNode(campaign.id, { name: fourDigits(i + 1), type: 'efr:finding',
        props: { 'efr:findingStatus': 'pending' } });
      port.createAssociation(f.id, sample[i], 'efr:findingRecording');
    }
    port.logStep('spotCheck.draw', campaign.id, {
      algorithm: DRAW_ALGORITHM, seed, proportion: String(input.proportion),
      from: formatInstant(scope.from), to: formatInstant(scope.to), units: JSON.stringify(units),
      population: JSON.stringify(pop), sample: JSON.stringify(sample), requirement: 'R28.1',
    });
    const made = port.node(campaign.id);
    return { status: 201,
      body: { entry: campaignJson(port, made !== null ? made : campaign) } };
  },
};

export const spotChecksGet: WebScriptDefinition = {
  id: 'spot-checks', method: 'GET', path: '/spot-checks', area: AREA,
  title: 'EFR spot checks: list',
  handle(port) {
    // No role gate: whoever reads the campaigns folder (every EFR group reads the archive).
    return { status: 200, body: wholeList(listCampaigns(port).map((n) => campaignJson(port, n))) };
  },
};

export const spotCheckGet: WebScriptDefinition = {
  id: 'spot-check', method: 'GET', path: '/spot-checks/{id}', area: AREA,
  title: 'EFR spot checks: one campaign',
  handle(port, call) {
    return { status: 200, body: { entry: campaignJson(port, campaignOf(port, call)) } };
  },
};

export const spotCheckSampleGet: WebScriptDefinition = {
  id: 'spot-check-sample', method: 'GET', path: '/spot-checks/{id}/sample', area: AREA,
  title: 'EFR spot checks: sample',
  handle(port, call) {
    const c = campaignOf(port, call);
    return { status: 200, body: wholeList(findingsOf(port, c).map((f) => findingJson(port, f))) };
  },
};

export const spotCheckFindingsPost: WebScriptDefinition = {
  id: 'spot-check-findings', method: 'POST', path: '/spot-checks/{id}/findings', area: AREA,
  title: 'EFR spot checks: record a finding',
  handle(port, call) {
    const b = call.body;
    const status = b.status;
    if (status !== 'done' && status !== 'skipped') {
      throw invalidArgument('status must be done or skipped');
    }
    const key = optText(b, 'findingId', 64) || optText(b, 'recordingId', 64) || '';
    const rawNotes = b.notes === undefined || b.notes === null ? {} : b.notes;
    if (typeof rawNotes !== 'object' || Array.isArray(rawNotes)) {
      throw invalidArgument('notes must be an object');
    }
    const notes = rawNotes as Record<string, unknown>;
    const kind = optText(b, 'violationKind', 40);
    if (kind !== null && !isOneOf(VIOLATION_KINDS, kind)) {
      throw invalidArgument('violationKind must be one of ' + VIOLATION_KINDS.join(', '));
    }
    const draft: Record<string, PortValue> = { 'efr:findingStatus': status };
    for (const item of ITEMS) {
      const v = b['item' + item];
      draft['efr:item' + item] = status === 'done' && typeof v === 'string' ? v : null;
      draft['efr:item' + item + 'Note'] = optText(notes, item.toLowerCase(), 2000);
    }
    draft['efr:placementObservation'] = optText(b, 'placementObservation', 2000);
    draft['efr:conductObservation'] = optText(b, 'conductObservation', 2000);
    draft['efr:skipReason'] = status === 'skipped' ? optText(b, 'skipReason', 2000) : null;

    requireSupervisor(port, 'recordFinding');
    const campaign = campaignOf(port, call);
    refuseClosed(port, campaign, 'recordFinding');
    const node = findingIn(port, campaign, key);
    const rec = recordingOf(port, node);
    const props: Record<string, PortValue> = {};
    for (const k of Object.keys(node.props)) props[k] = node.props[k];
    for (const k of Object.keys(draft)) props[k] = draft[k];
    const state = findingOf({ id: node.id, type: node.type, name: node.name, props,
      aspects: node.aspects }, rec === null ? '' : rec.id);
    port.enforce(checkFinding(state), 'recordFinding', node.id);
    // core decides the kind (the supervisor's choice, else its default) and the facts; the
    // proposal is decided here too, before the first write.
    const proposal = findingViolation(state, kind);
    const propose = proposal === null ? null : planViolation(port, {
      kind: proposal.kind,
      officer: rec === null ? '' : textProp(rec, 'efr:officer') || '',
      coOfficer: rec === null ? null : textProp(rec, 'efr:coOfficer'),
      unit: rec === null ? '-' : unitResolver(port).ofRecording(rec),
      description: proposal.description,
      sourceReference: 'finding:' + node.id, subjectId: node.id,
      proposedBy: port.currentUser().userName,
    });

    port.updateNode(node.id, draft);
    const logged: Record<string, string> = {
      campaignId: campaign.id, recordingId: state.recordingId,
      items: ITEMS.map((i) => String(draft['efr:item' + i] || '-')).join(','),
    };
    if (status === 'skipped') logged.skipReason = String(draft['efr:skipReason']);
    logged.requirement = 'R28.2';
    port.logStep('spotCheck.finding.' + status, node.id, logged);
    const violation = propose === null ? null : propose();
    // The finding as `sample` lists it (the screen puts it back in its list), read afresh: who
    // reviewed it and when are the repository's own.
    const saved = port.node(node.id);
    // No object spread: its lowering needs Object.getOwnPropertySymbols, which Rhino lacks.
    const json = findingJson(port, saved !== null ? saved : node);
    const entry = json as RecordedFinding;
    entry.violationId = violation === null ? null : violation.id;
    return { status: 200, body: { entry } };
  },
};

export const spotCheckClosePost: WebScriptDefinition = {
  id: 'spot-check-close', method: 'POST', path: '/spot-checks/{id}/close', area: AREA,
  title: 'EFR spot checks: close',
  handle(port, call) {
    requireSupervisor(port, 'closeSpotCheck');
    const campaign = campaignOf(port, call);
    refuseClosed(port, campaign, 'closeSpotCheck');
    const findings = findingsOf(port, campaign).map((f) => findingOf(f, ''));
    port.enforce(checkCloseCampaign(findings), 'closeSpotCheck', campaign.id);
    const closed = port.updateNode(campaign.id, { 'efr:spotCheckStatus': 'closed',
      'efr:closedAt': port.now() }, ['efr:closed']);
    port.logStep('spotCheck.close', campaign.id, { findings: String(findings.length),
      failed: String(findings.filter(findingFailed).length), requirement: 'R28.1' });
    return { status: 200, body: { entry: campaignJson(port, closed) } };
  },
};

export const spotCheckResultsGet: WebScriptDefinition = {
  id: 'spot-check-results', method: 'GET', path: '/spot-checks/{id}/results', area: AREA,
  title: 'EFR spot checks: results',
  handle(port, call) {
    const c = campaignOf(port, call);
    const json = campaignJson(port, c);
    // The findings are dated at the campaign's creation (cm:created, kept by both hosts).
    const at = json.createdAt;
    const start = parseInstant(at);
    if (start === null) throw new Error('efr:spotCheck without cm:created: ' + at);
    const units = unitResolver(port);
    const findings: FindingFact[] = [];
    for (const f of findingsOf(port, c)) {
      const st = findingState(port, f);
      const rec = recordingOf(port, f);
      if (st.status !== 'done' || rec === null) continue;
      findings.push({ officer: textProp(rec, 'efr:officer') || '', unit: units.ofRecording(rec),
        at, passed: !findingFailed(st) });
    }
    const report = qualityReport({ from: at, to: formatInstant(start + 1), acts: [],
      sessions: [], handovers: [], findings, violations: [] });
    return { status: 200, body: { entry: { campaign: json, report } } };
  },
};

/** `id|unit|officer` of each item, sorted: two populations compare as sets. */
function populationKey(items: readonly DrawItem[]): string {
  return JSON.stringify(items.map((i) => i.id + '|' + i.unit + '|' + i.officer).sort());
}

export const spotCheckVerifyGet: WebScriptDefinition = {
  id: 'spot-check-verify', method: 'GET', path: '/spot-checks/{id}/verify-draw', area: AREA,
  title: 'EFR spot checks: verify the draw',
  handle(port, call) {
    const campaign = campaignOf(port, call);
    const seed = textProp(campaign, 'efr:seed') || '';
    const proportion = Number(campaign.props['efr:proportion'] || 0);
    const drawnAt = textProp(campaign, 'cm:created') || '';
    // The population as the draw saw it: the scope's recordings already archived when the
    // campaign was made (recordings never change after ingest, R26.1); late ones are left out.
    const now: Member[] = population(port, scopeOf(campaign));
    const then = now.filter((m) => (textProp(m.recording, 'cm:created') || '') <= drawnAt)
      .map((m) => m.item);
    const recomputed = drawSample({ seed, population: then, proportion });
    const stored: string[] = [];
    for (const f of findingsOf(port, campaign)) {
      const rec = recordingOf(port, f);
      if (rec !== null) stored.push(rec.id);
    }
    stored.sort();
    const entry: DrawVerification = {
      algorithm: DRAW_ALGORITHM, seed, proportion, populationSize: then.length, recomputed,
      stored, check: verifyDraw(stored, recomputed),
      populationUnchanged: then.length === Number(campaign.props['efr:populationSize'] || 0) &&
        populationKey(then) === populationKey(now.map((m) => m.item)),
    };
    return { status: 200, body: { entry } };
  },
};

export const spotCheckFindingGet: WebScriptDefinition = {
  id: 'spot-check-finding', method: 'GET', path: '/spot-checks/{id}/findings/{key}', area: AREA,
  title: 'EFR spot checks: a finding with its evidence',
  handle(port, call) {
    const c = campaignOf(port, call);
    const f = findingIn(port, c, call.params.key);
    const id = findingState(port, f).recordingId;
    // The drawn recording as the caller reads it (null: gone or not readable); the log's
    // entries about it are read by the port as the repository, after the campaign's gate.
    const rec = id === '' ? null : port.node(id);
    const evidence = rec !== null && rec.type === 'efr:recording'
      ? evidenceFor(port, scopeOf(c), rec) : null;
    // Assigned, not spread: ES5 spreads need Object.getOwnPropertySymbols, which Rhino lacks.
    const entry = findingJson(port, f) as ReturnType<typeof findingJson> &
      { evidence: typeof evidence };
    entry.evidence = evidence;
    return { status: 200, body: { entry } };
  },
};

/** The spot-check web scripts, written once. */
export const SPOT_CHECK_WEB_SCRIPTS: readonly WebScriptDefinition[] = [
  spotChecksPost, spotChecksGet, spotCheckGet, spotCheckSampleGet, spotCheckFindingsPost,
  spotCheckClosePost, spotCheckResultsGet, spotCheckVerifyGet, spotCheckFindingGet,
];
