/**
 * The reproducible spot-check draw (R28.1): a set proportion of recordings, chosen by a seeded
 * generator (see prng.ts) so that anyone can recompute the sample from (seed, population,
 * proportion) and compare.
 *
 * Algorithm (version 1):
 * 1. Population: sorted by id, then unit, then officer, in UTF-16 code-unit order; of items
 *    sharing an id the first in that order is kept. Input order never matters.
 * 2. Size k = ceil(proportion × N), computed as ceil(proportion × N − 1e-9) so that binary
 *    floating point (0.1 × 30 = 3.0000000000000004) does not add a recording; clamped to N.
 * 3. Strata: units sorted by name, officers within a unit sorted by name (an officer who
 *    recorded for two units is two strata).
 *    a. Units: when k ≥ number of units U, each unit in order gets one random officer
 *       stratum; otherwise k units are picked at random, each then gets one random officer.
 *       Each chosen officer stratum yields one random recording.
 *    b. Officers: the officer strata not covered yet, in order; when the remaining slots cover
 *       them all each yields one random recording, otherwise the slots go to officers picked at
 *       random. So every officer with recordings is represented when k ≥ number of officers.
 *    c. The remaining slots: a simple random sample of the recordings not yet drawn (sorted).
 * 4. The sample is returned sorted by id.
 * All draws come from one generator in the order above.
 */
import { pickDistinct, prngFromSeed } from './prng.js';
import type { Prng } from './prng.js';
import { allow, refuse } from './verdict.js';
import type { Verdict } from './verdict.js';
import { compareCodeUnits, isNonBlank, parseInstant } from './validation.js';

/** Version of the draw algorithm, stored with each campaign. */
export const DRAW_ALGORITHM = 'efr-draw-v1:fnv1a32-splitmix32';

/** One recording eligible for the draw. */
export interface DrawItem {
  /** Recording id. */
  id: string;
  /** Enforcement unit. */
  unit: string;
  /** Officer who recorded it. */
  officer: string;
}

/** Input of {@link drawSample}. */
export interface DrawInput {
  /** Seed text, stored with the campaign. */
  seed: string;
  /** Recordings of the period. */
  population: readonly DrawItem[];
  /** Proportion in (0, 1]. */
  proportion: number;
}

/** Number of recordings drawn for N and a proportion (see the module comment, step 2). */
export function sampleSize(n: number, proportion: number): number {
  if (!(proportion > 0 && proportion <= 1)) {
    throw new RangeError('proportion must be in (0, 1]: ' + proportion);
  }
  if (n === 0) return 0;
  return Math.min(n, Math.max(0, Math.ceil(proportion * n - 1e-9)));
}

interface Stratum {
  unit: string;
  officer: string;
  items: DrawItem[];
}

function buildStrata(sorted: readonly DrawItem[]): { units: string[]; byUnit: Stratum[][] } {
  const keys: Record<string, Stratum> = {};
  const list: Stratum[] = [];
  for (const item of sorted) {
    const key = '$' + item.unit + '\u0000' + item.officer;
    let s = keys[key];
    if (!s) {
      s = { unit: item.unit, officer: item.officer, items: [] };
      keys[key] = s;
      list.push(s);
    }
    s.items.push(item);
  }
  list.sort((a, b) => compareCodeUnits(a.unit, b.unit) || compareCodeUnits(a.officer, b.officer));
  const units: string[] = [];
  const byUnit: Stratum[][] = [];
  for (const s of list) {
    if (units.length === 0 || units[units.length - 1] !== s.unit) {
      units.push(s.unit);
      byUnit.push([]);
    }
    byUnit[byUnit.length - 1].push(s);
  }
  return { units, byUnit };
}

/** Draws the sample of a spot check (R28.1); deterministic, see the module comment. */
export function drawSample(input: DrawInput): string[] {
  const all = input.population.slice();
  all.sort((a, b) => compareCodeUnits(a.id, b.id) || compareCodeUnits(a.unit, b.unit) ||
    compareCodeUnits(a.officer, b.officer));
  const sorted: DrawItem[] = [];
  for (const item of all) {
    if (sorted.length === 0 || sorted[sorted.length - 1].id !== item.id) sorted.push(item);
  }
  let remaining = sampleSize(sorted.length, input.proportion);
  if (remaining === 0) return [];
  const prng = prngFromSeed(input.seed);
  const { byUnit } = buildStrata(sorted);
  const drawn: Record<string, boolean> = {};
  const out: string[] = [];
  const take = (s: Stratum, r: Prng): void => {
    const item = s.items[r.nextBelow(s.items.length)];
    drawn['$' + item.id] = true;
    out.push(item.id);
    remaining--;
  };
  // a. one officer stratum per unit (or per randomly chosen unit).
  const covered: Stratum[] = [];
  const unitIdx: number[] = byUnit.map((_, i) => i);
  const unitsChosen = remaining >= byUnit.length
    ? unitIdx : pickDistinct(unitIdx, remaining, prng).sort((a, b) => a - b);
  for (const u of unitsChosen) {
    const strata = byUnit[u];
    const s = strata[prng.nextBelow(strata.length)];
    covered.push(s);
    take(s, prng);
  }
  // b. the officers not covered yet.
  const uncovered: Stratum[] = [];
  for (const strata of byUnit) {
    for (const s of strata) if (covered.indexOf(s) < 0) uncovered.push(s);
  }
  const officers = remaining >= uncovered.length
    ? uncovered : pickDistinct(uncovered, remaining, prng);
  for (const s of officers) take(s, prng);
  // c. simple random sample of the rest.
  if (remaining > 0) {
    const rest = sorted.filter((item) => drawn['$' + item.id] !== true);
    for (const item of pickDistinct(rest, remaining, prng)) out.push(item.id);
  }
  return out.sort(compareCodeUnits);
}

/** Result of {@link verifyDraw}. */
export type DrawCheck =
  | { ok: true }
  | { ok: false; missing: string[]; extra: string[] };

/**
 * Compares a stored sample with a recomputed one, as sets: `missing` are recomputed ids not
 * stored, `extra` stored ids not recomputed (R28.1).
 */
export function verifyDraw(stored: readonly string[], recomputed: readonly string[]): DrawCheck {
  const inStored: Record<string, boolean> = {};
  const inRecomputed: Record<string, boolean> = {};
  for (const id of stored) inStored['$' + id] = true;
  for (const id of recomputed) inRecomputed['$' + id] = true;
  const missing = recomputed.filter((id) => inStored['$' + id] !== true);
  const extra = stored.filter((id) => inRecomputed['$' + id] !== true);
  if (missing.length === 0 && extra.length === 0) return { ok: true };
  return { ok: false, missing, extra };
}

/** A spot-check campaign as set up by supervisors. */
export interface CampaignInput {
  /** Seed text (any non-blank text; stored so that anyone can redraw). */
  seed: string;
  /** Proportion of the period's recordings to check, in (0, 1]. */
  proportion: number;
  /** Period start, inclusive (ISO date-time). */
  from: string;
  /** Period end, exclusive (ISO date-time). */
  to: string;
}

/** Validates a new campaign before its sample is drawn (R28.1). */
export function checkCampaign(input: CampaignInput): Verdict {
  if (!isNonBlank(input.seed)) {
    return refuse(422, 'efr.spotCheck.seed', 'R28.1',
      'A seed is needed so that the draw can be reproduced.', '须填写随机种子，以便复核抽样。');
  }
  if (!(typeof input.proportion === 'number' && input.proportion > 0 && input.proportion <= 1)) {
    return refuse(422, 'efr.spotCheck.proportion', 'R28.1',
      'The proportion must be more than 0 and at most 100 %.', '抽查比例须大于 0 且不超过 100%。');
  }
  const from = parseInstant(input.from);
  const to = parseInstant(input.to);
  if (from === null || to === null || !(from < to)) {
    return refuse(422, 'efr.spotCheck.period', 'R28.1',
      'The period must end after it starts.', '抽查期间的结束时间须晚于开始时间。');
  }
  return allow();
}
