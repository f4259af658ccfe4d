/**
 * The quality assessment as CSV (issue 8, issue 19), written once for both hosts: server/
 * answers it from its route, the module from the same definition through the descriptor's
 * `csv` template (docs/api.md "In the ACS module"). UTF-8 with a BOM so that spreadsheet
 * programs on Chinese Windows read the headers right; RFC 4180 quoting (a field with a comma,
 * a quote or a line break is quoted, quotes doubled), records ended by `\n`.
 *
 * Coded values are named by their labels in the reader's one language from core's document
 * texts (`violationKind.*`, `measure.*`), which test/documents/list-labels.spec.ts holds equal
 * to the model bundle value by value: the module reads no bundle at run time without Java.
 */
import {
  ASIA_SHANGHAI, documentText, formatZoneTime, type DocumentLanguage, type DocumentWordKey,
  type QualityFigures, type Zone,
} from '../../../core/src/index.js';
import type { Assessment } from '../../../contract/index.js';

/**
 * How a report names people, coded values and times, in the one language of the report
 * (issue 19): a person by name, never by login id, a violation kind or measure by the model's
 * label in that language, never by its code, a time in the bureau's zone.
 */
export interface ReportWords {
  /** The report's language. */
  readonly language: DocumentLanguage;
  /** The display name of a user id. */
  person(id: string): string;
  /** The label of a value of a LIST constraint (`efr:violationKindList`, `efr:measureList`). */
  value(constraint: string, code: string): string;
  /** A document text (core/src/document-words.ts). */
  text(key: DocumentWordKey, args?: Record<string, string>): string;
  /** An instant as the bureau's wall-clock time. */
  time(iso: string | null | undefined): string;
}

/** The document-text prefix of the labels of each LIST constraint a report names. */
const LIST_WORDS: { readonly [constraint: string]: string } = {
  'efr:violationKindList': 'violationKind', 'efr:measureList': 'measure',
};

/** Report words in `language` for people (`person`: user id → display name) in `zone`. */
export function reportWords(person: (id: string) => string, language: DocumentLanguage = 'zh-CN',
  zone: Zone = ASIA_SHANGHAI): ReportWords {
  return {
    language,
    person: (id) => (id ? person(id) : ''),
    value: (constraint, code) => {
      const prefix = LIST_WORDS[constraint];
      return (prefix && documentText(language, prefix + '.' + code)) || code;
    },
    text: (key, args) => documentText(language, key, args),
    time: (iso) => formatZoneTime(iso, zone),
  };
}

/** One CSV field, quoted when it must be. */
function field(s: string): string {
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** CSV records, each ended by `\n`. */
function records(rows: readonly (readonly string[])[]): string {
  let out = '';
  for (let i = 0; i < rows.length; i++) out += rows[i].map(field).join(',') + '\n';
  return out;
}

const COLUMNS: readonly DocumentWordKey[] = ['quality.level', 'quality.unit', 'quality.officer',
  'quality.recordingRate', 'quality.continuity', 'quality.timelyHandover',
  'quality.findingsPassed', 'quality.violations'];

const REGISTER_COLUMNS: readonly DocumentWordKey[] = ['quality.officer', 'quality.unit',
  'quality.kind', 'quality.confirmedAt', 'quality.measure', 'quality.start', 'quality.end'];

/** A rate as a percentage with one decimal, empty when there is none. */
export function percent(v: number | null): string {
  return v === null ? '' : (v * 100).toFixed(1);
}

function rowOf(level: string, f: QualityFigures, w: ReportWords): string[] {
  return [level, f.unit, w.person(f.officer || ''), percent(f.recordingRate),
    percent(f.continuity), percent(f.timelyHandoverRate), percent(f.findingsPassRate),
    String(f.violations)];
}

/** The officer of a violation by name, or the words for "to be determined" while nobody is. */
export function violationOfficer(v: { officer: string }, w: ReportWords): string {
  return v.officer === '' ? w.text('quality.officerUndetermined') : w.person(v.officer);
}

/** The assessment as CSV text: units first, then officers, then the violations listed. */
export function assessmentCsv(a: Assessment, w: ReportWords): string {
  const table: string[][] = [COLUMNS.map((k) => w.text(k))];
  for (const f of a.report.units) table.push(rowOf(w.text('quality.unit'), f, w));
  for (const f of a.report.officers) table.push(rowOf(w.text('quality.officer'), f, w));
  const register: string[][] = [REGISTER_COLUMNS.map((k) => w.text(k))];
  for (const v of a.violations) {
    const head = [violationOfficer(v, w), v.unit, w.value('efr:violationKindList', v.kind),
      w.time(v.decidedAt)];
    if (v.measures.length === 0) register.push(head.concat(['', '', '']));
    for (const m of v.measures) {
      register.push(head.concat([w.value('efr:measureList', m.measure), m.startDate || '',
        m.endDate || '']));
    }
  }
  return '\ufeff' + records(table) + '\r\n' + records(register);
}
