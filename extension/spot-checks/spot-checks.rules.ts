import { defaultViolationKind, type ViolationKind } from '../../core/src/index';
import { EfrRole, EfrUser, hasAnyRole } from '../shared/public-api';
import {
  Campaign,
  CampaignFilter,
  CampaignForm,
  CHECK_ITEMS,
  FindingForm,
  Finding,
  Violation,
} from './spot-checks.model';

/**
 * Pure rules of the spot-check screens. The server decides (core's checkCampaign,
 * checkFinding, transitionViolation, checkMeasure); these only keep the forms honest and
 * shape what is shown.
 */

/** `spotChecks.mayRun`: supervisors run spot checks and keep the register (R28.1, R29.1). */
export function mayRunSpotChecks(user: EfrUser | null): boolean {
  return hasAnyRole(user, [EfrRole.Supervisor]);
}

/** `spotChecks.mayAssess`: supervisors and unit heads read the assessment (R28.1). */
export function mayReadAssessment(user: EfrUser | null): boolean {
  return hasAnyRole(user, [EfrRole.Supervisor, EfrRole.UnitHead]);
}

/**
 * `spotChecks.campaignFilterFromParam`: the campaigns list's `?findings=` parameter (a dashboard
 * tile, a shared link): `pending` lists the campaigns with findings still due; else all.
 */
export function campaignFilterFromParam(raw: string | null | undefined): CampaignFilter {
  return raw === 'pending' ? 'pending' : 'all';
}

/** `spotChecks.campaignFilterToParams`: the query parameters that reproduce a filter. */
export function campaignFilterToParams(filter: CampaignFilter): Record<string, string> {
  return filter === 'pending' ? { findings: 'pending' } : {};
}

/** `spotChecks.campaignsShown`: the campaigns a filter lists, in the order given. */
export function campaignsShown(campaigns: readonly Campaign[], filter: CampaignFilter): Campaign[] {
  return filter === 'pending' ? campaigns.filter((c) => c.progress.pending > 0) : [...campaigns];
}

/** `spotChecks.pendingFindings`: the drawn recordings still to assess in these campaigns. */
export function pendingFindings(campaigns: readonly Campaign[]): number {
  return campaigns.reduce((sum, c) => sum + c.progress.pending, 0);
}

/** The instant a bureau day starts (UTC+8), as ISO 8601 with the zone. */
export function dayStart(day: string): string {
  return `${day}T00:00:00+08:00`;
}

/** The bureau day (UTC+8) `offset` days from today, YYYY-MM-DD. */
export function bureauDay(offset: number, now = Date.now()): string {
  return new Date(now + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A campaign's period as the bureau days it covers, the last one included: the period ends
 * at the start of the day after (exclusive), so a campaign "to 12-07" ends 12-08 00:00 and is
 * shown as 12-07 (issue 19, point 11). '—' where a bound is missing.
 */
export function campaignDays(c: Pick<Campaign, 'from' | 'to'>): { first: string; last: string } {
  const day = (iso: string | null, shift: number): string => {
    const ms = iso ? Date.parse(iso) : NaN;
    return Number.isNaN(ms) ? '—' : bureauDay(0, ms + shift);
  };
  return { first: day(c.from, 0), last: day(c.to, -1) };
}

/** The day after `day` (YYYY-MM-DD), calendar-correct. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The request body of a campaign form, or the i18n key of what is missing. */
export function campaignBody(f: CampaignForm):
  { ok: true; body: Record<string, unknown> } | { ok: false; key: string } {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!day.test(f.fromDay) || !day.test(f.toDay) || f.toDay < f.fromDay) {
    return { ok: false, key: 'EFR_SPOT_CHECKS.FORM.BAD_PERIOD' };
  }
  if (f.percent === null || !(f.percent > 0 && f.percent <= 100)) {
    return { ok: false, key: 'EFR_SPOT_CHECKS.FORM.BAD_PERCENT' };
  }
  return { ok: true, body: {
    title: f.title.trim() || undefined,
    from: dayStart(f.fromDay),
    to: dayStart(nextDay(f.toDay)),
    // Percent to a proportion without binary noise (10 % → 0.1 exactly as typed).
    proportion: Number((f.percent / 100).toFixed(6)),
    ...(f.seed.trim() ? { seed: f.seed.trim() } : {}),
  } };
}

/** An empty form for a finding, or the stored answers. */
export function findingFormOf(f: Finding): FindingForm {
  return {
    status: f.status === 'skipped' ? 'skipped' : 'done',
    items: { Recorded: f.itemRecorded, Continuous: f.itemContinuous, Handled: f.itemHandled },
    notes: { Recorded: f.notes.recorded ?? '', Continuous: f.notes.continuous ?? '',
      Handled: f.notes.handled ?? '' },
    placementObservation: f.placementObservation ?? '',
    conductObservation: f.conductObservation ?? '',
    skipReason: f.skipReason ?? '',
    violationKind: null,
  };
}

/**
 * The kind of violation the form proposes (R29.1): none while no item fails; the
 * supervisor's choice, else core's default for the failed items (issue 19, point 6).
 */
export function proposedViolationKind(f: FindingForm): ViolationKind | null {
  if (f.status !== 'done' || !CHECK_ITEMS.some((i) => f.items[i] === 'fail')) return null;
  return f.violationKind ?? defaultViolationKind({ recordingId: '', status: 'done',
    itemRecorded: f.items.Recorded, itemContinuous: f.items.Continuous,
    itemHandled: f.items.Handled, note: null, skipReason: null });
}

/**
 * What still blocks saving a finding, as i18n keys (empty = can save): the same checks as
 * core's checkFinding, so the reviewer sees them before the server refuses.
 */
export function findingProblems(f: FindingForm): string[] {
  if (f.status === 'skipped') {
    return f.skipReason.trim() ? [] : ['EFR_SPOT_CHECKS.REVIEW.NEED_SKIP_REASON'];
  }
  const out: string[] = [];
  for (const item of CHECK_ITEMS) {
    if (f.items[item] === null) out.push(`EFR_SPOT_CHECKS.REVIEW.NEED_ITEM.${item}`);
    else if (f.items[item] === 'fail' && !f.notes[item].trim()) {
      out.push(`EFR_SPOT_CHECKS.REVIEW.NEED_NOTE.${item}`);
    }
  }
  return out;
}

/** The request body of a finding form. */
export function findingBody(findingId: string, f: FindingForm): Record<string, unknown> {
  if (f.status === 'skipped') {
    return { findingId, status: 'skipped', skipReason: f.skipReason.trim() };
  }
  return {
    findingId, status: 'done',
    itemRecorded: f.items.Recorded, itemContinuous: f.items.Continuous,
    itemHandled: f.items.Handled,
    notes: { recorded: f.notes.Recorded, continuous: f.notes.Continuous,
      handled: f.notes.Handled },
    placementObservation: f.placementObservation, conductObservation: f.conductObservation,
    ...(proposedViolationKind(f) ? { violationKind: proposedViolationKind(f) } : {}),
  };
}

/** A rate as a percentage text, or `—` when there is nothing to count. */
export function percentText(v: number | null): string {
  return v === null ? '—' : `${(v * 100).toFixed(1)} %`;
}

/** Width of a chart bar in percent (0 when no data). */
export function barWidth(v: number | null): number {
  return v === null ? 0 : Math.round(Math.max(0, Math.min(1, v)) * 1000) / 10;
}

/** What {@link supervisionRequestFor} needs of an access request. */
export interface ViewingRequest {
  id: string;
  status: string;
  purpose: string;
  viewer: string | null;
  recordingIds: string[];
  viewingFrom: string | null;
  viewingUntil: string | null;
}

/**
 * `spotChecks.supervisionRequest`: the request under which the reviewer may play a drawn
 * recording now (R25.1 via R24: registered for them, naming it, for supervision, window open),
 * or null: the screen then offers to file one.
 */
export function supervisionRequestFor<T extends ViewingRequest>(requests: readonly T[],
  recordingId: string, userId: string, now: number): T | null {
  return requests.find((r) => r.status === 'registered' && r.purpose === 'supervision' &&
    r.viewer === userId && r.recordingIds.includes(recordingId) && r.viewingFrom !== null &&
    r.viewingUntil !== null && Date.parse(r.viewingFrom) <= now &&
    now < Date.parse(r.viewingUntil)) ?? null;
}

/** The server's bilingual refusal message in the user's language (shared/refusal.ts). */
export { refusalText } from '../shared/public-api';

/** Where a violation came from, as the key of EFR_SPOT_CHECKS.VIOLATIONS.SOURCE. */
export type ViolationSource = 'finding' | 'handover' | 'refusal' | 'fixity' | 'other';

/**
 * The source of a violation, from its source reference (`finding:…`, `handover:…`, `log:…`,
 * `fixity:…`: a fixity alert, not "entered by hand").
 */
export function violationSource(v: Pick<Violation, 'sourceReference'>): ViolationSource {
  const prefix = (v.sourceReference ?? '').split(':')[0];
  if (prefix === 'finding' || prefix === 'handover' || prefix === 'fixity') return prefix;
  return prefix === 'log' ? 'refusal' : 'other';
}

/**
 * The facts of a violation in the reader's language, said once (issue 19, point 6). A spot
 * check's are the reviewer's own words, shown as written. The repository writes its own
 * (a late handover, a refused change, a fixity alert) as "English / 中文", as it writes
 * refusals; so did spot
 * checks before ("Spot check 抽查-…: … / 抽查 … 不合格：…"): the reader's half is shown.
 */
export function violationFacts(v: Pick<Violation, 'description' | 'sourceReference'>,
  language: string): string {
  const legacy = v.description.startsWith('Spot check ');
  const source = violationSource(v);
  if (!legacy && source !== 'handover' && source !== 'refusal' && source !== 'fixity') {
    return v.description;
  }
  const at = v.description.indexOf(legacy ? ' / 抽查 ' : ' / ');
  if (at < 0) return v.description;
  return language.toLowerCase().startsWith('zh')
    ? v.description.slice(at + 3)
    : v.description.slice(0, at);
}
