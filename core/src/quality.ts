/**
 * Enforcement quality figures for a period (R28.1): per officer and per unit, from plain facts
 * the caller gathered. Every rate is a fraction in [0, 1], or null when there is nothing to
 * count (no acts, no sessions…), so that "no data" never reads as 0 % or 100 %.
 */
import { compareCodeUnits, parseInstant, requireInstant } from './validation.js';

/** Who and when, common to every fact. */
interface Fact {
  /** Officer concerned. */
  officer: string;
  /** Officer's unit. */
  unit: string;
  /** When it happened (ISO date-time), used to keep the facts of the period. */
  at: string;
}

/** A field act (R10.1). */
export interface ActFact extends Fact {
  /** Whether it had to be recorded (false for approved exemptions, R11.1). */
  needsRecording: boolean;
  /** Whether it was recorded. */
  recorded: boolean;
}

/** A recorded session (R17.1). */
export interface SessionFact extends Fact {
  /** Whether the recording has gaps. */
  hasGap: boolean;
}

/** A sealed handover (R21.1, R21.2). */
export interface HandoverFact extends Fact {
  /** Whether it missed its deadline. */
  late: boolean;
}

/** A completed spot-check finding (R28.2). */
export interface FindingFact extends Fact {
  /** Whether no item failed. */
  passed: boolean;
}

/** Input of {@link qualityReport}. */
export interface QualityInput {
  /** Period start, inclusive (ISO date-time). */
  from: string;
  /** Period end, exclusive (ISO date-time). */
  to: string;
  /** Field acts. */
  acts: readonly ActFact[];
  /** Recorded sessions. */
  sessions: readonly SessionFact[];
  /** Handovers. */
  handovers: readonly HandoverFact[];
  /** Spot-check findings. */
  findings: readonly FindingFact[];
  /** Confirmed violations (R29.1). */
  violations: readonly Fact[];
}

/** Figures for one officer or one unit. */
export interface QualityFigures {
  /** Unit. */
  unit: string;
  /** Officer, or null for a unit line. */
  officer: string | null;
  /** Recorded acts / acts needing recording. */
  recordingRate: number | null;
  /** Sessions without gaps / sessions. */
  continuity: number | null;
  /** Handovers on time / handovers. */
  timelyHandoverRate: number | null;
  /** Findings passed / findings. */
  findingsPassRate: number | null;
  /** Confirmed violations. */
  violations: number;
}

/** Figures per officer and per unit, each sorted by unit then officer. */
export interface QualityReport {
  /** One line per officer. */
  officers: QualityFigures[];
  /** One line per unit. */
  units: QualityFigures[];
}

interface Counter {
  unit: string;
  officer: string | null;
  acts: number; recorded: number;
  sessions: number; continuous: number;
  handovers: number; timely: number;
  findings: number; passed: number;
  violations: number;
}

function ratio(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

/** Computes the quality figures of a period (R28.1). */
export function qualityReport(input: QualityInput): QualityReport {
  const from = requireInstant(input.from, 'from');
  const to = requireInstant(input.to, 'to');
  const table: Record<string, Counter> = {};
  const keys: string[] = [];
  const counters = (f: Fact): Counter[] => {
    const out: Counter[] = [];
    // A violation nobody is found responsible for yet (to be determined) counts for its unit only.
    const pairs: [string, string | null][] = f.officer === ''
      ? [[f.unit, null]] : [[f.unit, f.officer], [f.unit, null]];
    for (const [unit, officer] of pairs) {
      const key = '$' + unit + '\u0000' + (officer === null ? '' : '@' + officer);
      let c = table[key];
      if (!c) {
        c = { unit, officer, acts: 0, recorded: 0, sessions: 0, continuous: 0, handovers: 0,
          timely: 0, findings: 0, passed: 0, violations: 0 };
        table[key] = c;
        keys.push(key);
      }
      out.push(c);
    }
    return out;
  };
  const inPeriod = (f: Fact): boolean => {
    const t = parseInstant(f.at);
    return t !== null && t >= from && t < to;
  };
  for (const a of input.acts.filter(inPeriod)) {
    if (!a.needsRecording) continue;
    for (const c of counters(a)) { c.acts++; if (a.recorded) c.recorded++; }
  }
  for (const s of input.sessions.filter(inPeriod)) {
    for (const c of counters(s)) { c.sessions++; if (!s.hasGap) c.continuous++; }
  }
  for (const h of input.handovers.filter(inPeriod)) {
    for (const c of counters(h)) { c.handovers++; if (!h.late) c.timely++; }
  }
  for (const f of input.findings.filter(inPeriod)) {
    for (const c of counters(f)) { c.findings++; if (f.passed) c.passed++; }
  }
  for (const v of input.violations.filter(inPeriod)) {
    for (const c of counters(v)) c.violations++;
  }
  const lines = keys.map((k) => figures(table[k]));
  lines.sort((a, b) => compareCodeUnits(a.unit, b.unit) ||
    compareCodeUnits(a.officer || '', b.officer || ''));
  return {
    officers: lines.filter((l) => l.officer !== null),
    units: lines.filter((l) => l.officer === null),
  };
}

function figures(c: Counter): QualityFigures {
  return {
    unit: c.unit,
    officer: c.officer,
    recordingRate: ratio(c.recorded, c.acts),
    continuity: ratio(c.continuous, c.sessions),
    timelyHandoverRate: ratio(c.timely, c.handovers),
    findingsPassRate: ratio(c.passed, c.findings),
    violations: c.violations,
  };
}

/**
 * The file name of the assessment of the period `from`–`to` (ISO instants as the web script
 * normalises them, `…Z`) as `extension` (`csv`, `pdf`): server/ sends it in
 * Content-Disposition, the screen in its links' `download` attribute (in ACS a declarative web
 * script cannot name the file: docs/api.md "In the ACS module").
 */
export function qualityFileName(period: { from: string; to: string }, extension: string): string {
  return 'efr-quality-' + period.from.slice(0, 10) + '-' + period.to.slice(0, 10) + '.' +
    extension;
}
