import { badRequest } from '../http/errors.js';
import { parseIsoDate } from '../model/property-values.js';

const UNIT = /^(YEAR|MONTH|DAY|DATE|HOUR|MINUTE|SECOND|MILLI|MILLISECOND)S?$/;

/**
 * AFTS date maths, as Solr's DateMathParser reads it and ACS passes it on: an anchor (`NOW`,
 * `TODAY`, or an ISO date) followed by any number of `/UNIT` (round down to the unit),
 * `+nUNIT(S)` and `-nUNIT(S)`, units YEAR, MONTH, DAY (or DATE), HOUR, MINUTE, SECOND, MILLI.
 * ADF's Recent Files sends `cm:modified:[NOW/DAY-30DAYS TO NOW/DAY+1DAY]`
 * (@alfresco/adf-content-services 9.0.0, CustomResourcesService.getRecentFiles). Computed in
 * UTC, as Solr does without a TZ parameter. Returns epoch milliseconds, or undefined when the
 * text is no date expression at all; a malformed one is a 400.
 */
export function evalDateMath(text: string, now = Date.now()): number | undefined {
  const m = /^(NOW|TODAY|\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)((?:[/+-].*)?)$/
    .exec(text);
  if (!m) return undefined;
  let ms: number;
  if (m[1] === 'NOW') ms = now;
  else if (m[1] === 'TODAY') ms = Date.UTC(new Date(now).getUTCFullYear(),
    new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  else {
    const parsed = parseIsoDate(m[1]);
    if (parsed === undefined) return undefined;
    ms = parsed;
  }
  if (m[2] === '') return ms;
  const ops = m[2].match(/[/+-][^/+-]*/g) ?? [];
  const d = new Date(ms);
  for (const op of ops) {
    const sign = op[0];
    const rest = op.slice(1);
    const hit = /^(\d*)([A-Z]+)$/.exec(rest);
    const unit = hit ? UNIT.exec(hit[2])?.[1] : undefined;
    if (!hit || !unit || (sign === '/' ? hit[1] !== '' : hit[1] === '')) {
      throw badRequest(`Invalid date maths in query: ${text}`);
    }
    if (sign === '/') roundDown(d, unit);
    else add(d, unit, (sign === '-' ? -1 : 1) * Number(hit[1]));
  }
  return d.getTime();
}

function roundDown(d: Date, unit: string): void {
  switch (unit) {
    case 'YEAR': d.setUTCMonth(0, 1); d.setUTCHours(0, 0, 0, 0); break;
    case 'MONTH': d.setUTCDate(1); d.setUTCHours(0, 0, 0, 0); break;
    case 'DAY': case 'DATE': d.setUTCHours(0, 0, 0, 0); break;
    case 'HOUR': d.setUTCMinutes(0, 0, 0); break;
    case 'MINUTE': d.setUTCSeconds(0, 0); break;
    case 'SECOND': d.setUTCMilliseconds(0); break;
    default: break; // MILLI: already whole milliseconds
  }
}

function add(d: Date, unit: string, n: number): void {
  switch (unit) {
    case 'YEAR': addMonths(d, 12 * n); break;
    case 'MONTH': addMonths(d, n); break;
    case 'DAY': case 'DATE': d.setUTCDate(d.getUTCDate() + n); break;
    case 'HOUR': d.setTime(d.getTime() + n * 3_600_000); break;
    case 'MINUTE': d.setTime(d.getTime() + n * 60_000); break;
    case 'SECOND': d.setTime(d.getTime() + n * 1000); break;
    default: d.setTime(d.getTime() + n); break;
  }
}

/** Months added as java.util.Calendar.add does (Solr): the day kept, or clamped to month end. */
function addMonths(d: Date, n: number): void {
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + n);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
}
