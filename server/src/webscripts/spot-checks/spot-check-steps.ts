import type { DrawVerification } from '../../../../contract/index.js';
import { randomBytes } from 'node:crypto';
import {
  checkCampaign, checkCloseCampaign, checkFinding, DRAW_ALGORITHM, drawSample, findingFailed,
  findingViolation, isOneOf, parseInstant, VIOLATION_KINDS, verifyDraw,
  type DrawCheck, type DrawItem, type ViolationKind,
} from '../../../../core/src/index.js';
import { badRequest } from '../../http/errors.js';
import { formatAcsDate } from '../../model/property-values.js';
import type { NodeRow } from '../../repo/node-rows.js';
import { updateNode } from '../../repo/node-updates.js';
import type { Caller, Repository } from '../../repo/repository.js';
import {
  archiveFolder, bodyOf, elevated, entrySuffix, insertRecord, optText,
} from '../devices/record-writes.js';
import { proposeViolation } from '../violations/violation-records.js';
import { requireSupervisor } from '../violations/violation-steps.js';
import { population, text, UnitResolver } from './spot-check-population.js';
import { campaignById, findingsOf, findingState, scopeOf } from './spot-check-records.js';

/**
 * The steps of a spot check (R28.1, R28.2): draw, record a finding, close, verify the draw.
 * The draw's inputs (seed, period, units, proportion, the population itself and the sample)
 * go into the hash-chained access log, so that anyone can recompute the sample from what was
 * stored, even after recordings of the period arrive late.
 */

const ITEMS = ['Recorded', 'Continuous', 'Handled'] as const;

function units(b: Record<string, unknown>): string[] {
  const v = b.units;
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((u) => typeof u !== 'string' || u.trim() === '' ||
    u.length > 100)) {
    throw badRequest('units must be a list of unit names');
  }
  return [...new Set((v as string[]).map((u) => u.trim()))].sort();
}

/** POST /spot-checks: opens a campaign and draws its sample (R28.1). */
export function openCampaign(repo: Repository, c: Caller, raw: unknown): NodeRow {
  const b = bodyOf(raw);
  // The server draws the seed when none is given: 128 random bits, stored and logged.
  const seed = optText(b, 'seed', 200) ?? randomBytes(16).toString('hex');
  const input = { seed, proportion: b.proportion as number, from: String(b.from ?? ''),
    to: String(b.to ?? '') };
  const scopeUnits = units(b);
  const title = optText(b, 'title', 200);
  return repo.db.transaction(() => {
    requireSupervisor(repo, c, 'openSpotCheck');
    repo.enforce(c, checkCampaign(input), 'openSpotCheck', null);
    const scope = { from: parseInstant(input.from) as number, to: parseInstant(input.to) as number,
      units: scopeUnits };
    const pop = population(repo, scope);
    const sample = drawSample({ seed, population: pop, proportion: input.proportion });
    const now = c.rule.now;
    const name = `抽查-${entrySuffix(now)}`;
    const row = insertRecord(repo, c, archiveFolder(repo, 'spotChecks'), {
      type: 'efr:spotCheck', name, aspects: ['cm:titled'],
      props: {
        'cm:title': title ?? name,
        'efr:periodFrom': formatAcsDate(scope.from),
        'efr:periodTo': formatAcsDate(scope.to),
        'efr:units': scopeUnits.length > 0 ? scopeUnits : null,
        'efr:proportion': input.proportion,
        'efr:seed': seed,
        'efr:populationSize': pop.length,
        'efr:sampleSize': sample.length,
        'efr:spotCheckStatus': 'open',
      },
    });
    // efr:spotCheck derives from cm:folder; insertRecord writes plain entries.
    const campaign = { ...row, isFolder: true };
    repo.rows.update(campaign);
    sample.forEach((id, i) => {
      insertRecord(repo, c, campaign, {
        type: 'efr:finding', name: `${String(i + 1).padStart(4, '0')}`,
        props: { 'efr:findingStatus': 'pending' },
        targets: [{ targetId: id, assocType: 'efr:findingRecording' }],
      });
    });
    repo.log({ user: c.userId, action: 'spotCheck.draw', nodeId: campaign.id, values: {
      algorithm: DRAW_ALGORITHM, seed, proportion: String(input.proportion),
      from: new Date(scope.from).toISOString(), to: new Date(scope.to).toISOString(),
      units: JSON.stringify(scopeUnits), population: JSON.stringify(pop),
      sample: JSON.stringify(sample), requirement: 'R28.1',
    } });
    return repo.rows.get(campaign.id) as NodeRow;
  })();
}

/** The finding of `recordingId` (or of id `findingId`) in a campaign. */
export function findingIn(repo: Repository, campaign: NodeRow, key: string): NodeRow {
  const f = findingsOf(repo, campaign).find(
    (n) => n.id === key || findingState(repo, n).recordingId === key,
  );
  if (!f) throw badRequest(`${key} is not in the sample of this spot check`);
  return f;
}

function refuseClosed(repo: Repository, c: Caller, campaign: NodeRow, step: string): void {
  if (text(campaign, 'efr:spotCheckStatus') !== 'closed') return;
  repo.enforce(c, { allowed: false, status: 409, code: 'efr.spotCheck.closed',
    requirement: 'R28.1', message: 'The spot check is closed.', messageZh: '该抽查已结束。' },
  step, campaign);
}

/**
 * POST /spot-checks/{id}/findings: a reviewer's answer on one drawn recording (R28.2, R19.1
 * and R20.1 as observations). A failed item proposes a violation for a supervisor to decide.
 */
export function recordFinding(repo: Repository, c: Caller, id: string, raw: unknown):
  { finding: NodeRow; violationId: string | null } {
  const b = bodyOf(raw);
  const status = b.status;
  if (status !== 'done' && status !== 'skipped') throw badRequest('status must be done or skipped');
  const key = optText(b, 'findingId', 64) ?? optText(b, 'recordingId', 64) ?? '';
  const notes = (b.notes ?? {}) as Record<string, unknown>;
  if (typeof notes !== 'object' || Array.isArray(notes)) {
    throw badRequest('notes must be an object');
  }
  const kind = optText(b, 'violationKind', 40);
  if (kind !== undefined && !isOneOf(VIOLATION_KINDS, kind)) {
    throw badRequest(`violationKind must be one of ${VIOLATION_KINDS.join(', ')}`);
  }
  return repo.db.transaction(() => {
    requireSupervisor(repo, c, 'recordFinding');
    const campaign = campaignById(repo, c, id);
    refuseClosed(repo, c, campaign, 'recordFinding');
    const node = findingIn(repo, campaign, key);
    const props: Record<string, unknown> = { 'efr:findingStatus': status };
    for (const item of ITEMS) {
      const low = item.toLowerCase();
      props[`efr:item${item}`] = status === 'done' ? (b[`item${item}`] ?? null) : null;
      props[`efr:item${item}Note`] = optText(notes, low) ?? null;
    }
    props['efr:placementObservation'] = optText(b, 'placementObservation') ?? null;
    props['efr:conductObservation'] = optText(b, 'conductObservation') ?? null;
    props['efr:skipReason'] = status === 'skipped' ? (optText(b, 'skipReason') ?? null) : null;
    const draft: NodeRow = { ...node, props: { ...node.props, ...props } as NodeRow['props'] };
    const state = findingState(repo, draft);
    // core checks the raw values first, so a bad item gets core's 422 rather than the model's.
    repo.enforce(c, checkFinding(state), 'recordFinding', node);
    const saved = updateNode(repo, elevated(repo, c), node, { properties: props });
    repo.log({ user: c.userId, action: `spotCheck.finding.${status}`, nodeId: node.id, values: {
      campaignId: campaign.id, recordingId: state.recordingId,
      items: ITEMS.map((i) => String(props[`efr:item${i}`] ?? '-')).join(','),
      ...(status === 'skipped' ? { skipReason: String(props['efr:skipReason']) } : {}),
      requirement: 'R28.2',
    } });
    let violationId: string | null = null;
    // core decides the kind (the supervisor's choice, else its default) and the facts.
    const proposal = findingViolation(state, kind);
    if (proposal) {
      const rec = repo.rows.get(state.recordingId);
      const officer = rec ? text(rec, 'efr:officer') : '';
      const v = proposeViolation(repo, c, {
        kind: proposal.kind,
        officer, coOfficer: rec ? text(rec, 'efr:coOfficer') || null : null,
        unit: rec ? new UnitResolver(repo).ofRecording(rec) : '-',
        description: proposal.description,
        sourceReference: `finding:${node.id}`, subjectId: node.id, proposedBy: c.userId,
      });
      violationId = v.id;
    }
    return { finding: saved, violationId };
  })();
}

/** POST /spot-checks/{id}/close: refused while findings are pending (R28.1). */
export function closeCampaign(repo: Repository, c: Caller, id: string): NodeRow {
  return repo.db.transaction(() => {
    requireSupervisor(repo, c, 'closeSpotCheck');
    const campaign = campaignById(repo, c, id);
    refuseClosed(repo, c, campaign, 'closeSpotCheck');
    const findings = findingsOf(repo, campaign).map((f) => findingState(repo, f));
    repo.enforce(c, checkCloseCampaign(findings), 'closeSpotCheck', campaign);
    const closed = updateNode(repo, c, campaign, {
      aspectNames: [...new Set([...campaign.aspects, 'efr:closed'])],
      properties: { 'efr:spotCheckStatus': 'closed', 'efr:closedAt': formatAcsDate(c.rule.now) },
    });
    repo.log({ user: c.userId, action: 'spotCheck.close', nodeId: id, values: {
      findings: String(findings.length),
      failed: String(findings.filter(findingFailed).length), requirement: 'R28.1' } });
    return closed;
  })();
}

/** Re-runs the draw from the stored seed and population and compares (R28.1). */
export function verifyCampaignDraw(repo: Repository, c: Caller, id: string): DrawVerification {
  const campaign = campaignById(repo, c, id);
  const row = repo.db
    .prepare(`SELECT entry_json FROM access_log WHERE node_id = ? AND action = 'spotCheck.draw'
      ORDER BY id LIMIT 1`)
    .get(campaign.id) as { entry_json: string } | undefined;
  if (!row) throw badRequest('This spot check has no logged draw');
  const v = (JSON.parse(row.entry_json) as { values: Record<string, string> }).values;
  const pop = JSON.parse(v.population) as DrawItem[];
  const proportion = Number(v.proportion);
  const recomputed = drawSample({ seed: v.seed, population: pop, proportion });
  const stored = findingsOf(repo, campaign).map((f) => findingState(repo, f).recordingId);
  const key = (items: DrawItem[]): string =>
    JSON.stringify(items.map((i) => `${i.id}|${i.unit}|${i.officer}`).sort());
  return {
    algorithm: v.algorithm, seed: v.seed, proportion, populationSize: pop.length,
    recomputed, stored: [...stored].sort(), check: verifyDraw(stored, recomputed),
    populationUnchanged: key(population(repo, scopeOf(campaign))) === key(pop),
  };
}
