import { existsSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import PDFDocument from 'pdfkit';
import {
  ASIA_SHANGHAI, documentText, formatZoneTime, type DocumentLanguage, type DocumentWordKey,
  type QualityFigures, type Zone,
} from '../../../../core/src/index.js';
import type { Assessment } from '../../../../contract/index.js';
import {
  listValueLabelKey, loadLabels, type LabelBundle,
} from '../../../../content-model/src/label-bundle.js';
import { MESSAGES_DIR } from '../../../../content-model/src/model-set.js';

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

const labelBundles = new Map<DocumentLanguage, LabelBundle>();

/**
 * Report words in `language` from the people directory, the model's label bundle of that
 * language (the i18n source of the model's coded values, as ACS reads it) and the bureau's
 * zone.
 */
export function reportWords(person: (id: string) => string, language: DocumentLanguage = 'zh-CN',
  zone: Zone = ASIA_SHANGHAI): ReportWords {
  let labels = labelBundles.get(language);
  if (labels === undefined) {
    labels = loadLabels(MESSAGES_DIR, 'efr-model', language === 'zh-CN' ? 'zh_CN' : undefined);
    labelBundles.set(language, labels);
  }
  const bundle = labels;
  return {
    language,
    person: (id) => (id ? person(id) : ''),
    value: (constraint, code) => bundle[listValueLabelKey(constraint, code)] ?? code,
    text: (key, args) => documentText(language, key, args),
    time: (iso) => formatZoneTime(iso, zone),
  };
}

/**
 * The assessment as CSV (csv-stringify, UTF-8 with a BOM so that spreadsheet programs on
 * Chinese Windows read the headers right) and as PDF (pdfkit with Noto Sans CJK, as the
 * evidence description does), each in the reader's one language.
 */

const COLUMNS: readonly DocumentWordKey[] = ['quality.level', 'quality.unit', 'quality.officer',
  'quality.recordingRate', 'quality.continuity', 'quality.timelyHandover',
  'quality.findingsPassed', 'quality.violations'];

const pct = (v: number | null): string => (v === null ? '' : (v * 100).toFixed(1));

function rowOf(level: string, f: QualityFigures, w: ReportWords): string[] {
  return [level, f.unit, w.person(f.officer ?? ''), pct(f.recordingRate), pct(f.continuity),
    pct(f.timelyHandoverRate), pct(f.findingsPassRate), String(f.violations)];
}

/** The officer of a violation by name, or 待查明 when nobody is found responsible yet. */
function officerOf(v: { officer: string }, w: ReportWords): string {
  return v.officer === '' ? w.text('quality.officerUndetermined') : w.person(v.officer);
}

/** The assessment as CSV text: units first, then officers, then the violations listed. */
export function assessmentCsv(a: Assessment, w: ReportWords): string {
  const rows: string[][] = [
    ...a.report.units.map((f) => rowOf(w.text('quality.unit'), f, w)),
    ...a.report.officers.map((f) => rowOf(w.text('quality.officer'), f, w)),
  ];
  const table = stringify([COLUMNS.map((k) => w.text(k)), ...rows]);
  const measures = a.violations.flatMap((v) =>
    (v.measures.length > 0 ? v.measures : [null]).map((m) => [officerOf(v, w), v.unit,
      w.value('efr:violationKindList', v.kind), w.time(v.decidedAt),
      m ? w.value('efr:measureList', m.measure) : '', m?.startDate ?? '', m?.endDate ?? '']));
  const register = stringify([
    (['quality.officer', 'quality.unit', 'quality.kind', 'quality.confirmedAt', 'quality.measure',
      'quality.start', 'quality.end'] as const).map((k) => w.text(k)),
    ...measures,
  ]);
  return `\ufeff${table}\r\n${register}`;
}

const CJK_FONT = process.env.EFR_CJK_FONT ??
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const CJK_FACE = process.env.EFR_CJK_FONT_FACE ?? 'NotoSansCJKsc-Regular';

/** A text bar of a rate (pdfkit's typings here cover text only). */
function bar(v: number | null): string {
  if (v === null) return '—';
  const n = Math.round(v * 20);
  return `${'█'.repeat(n)}${'░'.repeat(20 - n)} ${pct(v)}%`;
}

/** The assessment as a PDF report. */
export function assessmentPdf(a: Assessment, w: ReportWords): Promise<Buffer> {
  if (!existsSync(CJK_FONT)) return Promise.reject(new Error(`CJK font ${CJK_FONT} is missing`));
  const title = w.text('quality.title');
  const doc = new PDFDocument({ size: 'A4', margin: 48, lang: w.language,
    info: { Title: title, Producer: 'EFR' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', CJK_FONT, CJK_FACE);
  doc.font('cjk').fontSize(15).text(title);
  doc.fontSize(9).text(w.text('quality.period', { from: w.time(a.from), to: w.time(a.to) }));
  const sep = w.language === 'zh-CN' ? '：' : ': ';
  const section = (heading: string, lines: QualityFigures[]): void => {
    doc.moveDown(0.8).fontSize(12).fillColor('#0d47a1').text(heading).fillColor('#000000');
    for (const f of lines) {
      doc.moveDown(0.3).fontSize(10)
        .text(f.officer ? `${f.unit} / ${w.person(f.officer)}` : f.unit);
      doc.fontSize(8.5);
      doc.text(`${w.text('quality.bar.recordingRate')}${sep}${bar(f.recordingRate)}`);
      doc.text(`${w.text('quality.bar.continuity')}${sep}${bar(f.continuity)}`);
      doc.text(`${w.text('quality.bar.timelyHandover')}${sep}${bar(f.timelyHandoverRate)}`);
      doc.text(`${w.text('quality.bar.findingsPassed')}${sep}${bar(f.findingsPassRate)}`);
      doc.text(`${w.text('quality.bar.violations')}${sep}${f.violations}`);
    }
  };
  section(w.text('quality.units'), a.report.units);
  section(w.text('quality.officers'), a.report.officers);
  doc.moveDown(0.8).fontSize(12).fillColor('#0d47a1').text(w.text('quality.register'))
    .fillColor('#000000').fontSize(9);
  const list = w.language === 'zh-CN' ? '；' : '; ';
  for (const v of a.violations) {
    const m = v.measures.map((x) =>
      `${w.value('efr:measureList', x.measure)} ${x.startDate ?? ''}–${x.endDate ?? ''}`);
    const unit = w.language === 'zh-CN' ? `（${v.unit}）` : ` (${v.unit}) `;
    doc.text(`${officerOf(v, w)}${unit}${w.value('efr:violationKindList', v.kind)}${sep}` +
      `${m.join(list) || w.text('quality.none')}`);
  }
  doc.end();
  return done;
}
