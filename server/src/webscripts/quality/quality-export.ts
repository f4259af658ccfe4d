import { existsSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import PDFDocument from 'pdfkit';
import type { QualityFigures } from '../../../../core/src/index.js';
import type { Assessment } from '../../../../contract/index.js';
import {
  listValueLabelKey, loadLabels, type LabelBundle,
} from '../../../../content-model/src/label-bundle.js';
import { MESSAGES_DIR } from '../../../../content-model/src/model-set.js';

/**
 * How a report names people and coded values: a person by name, never by login id (issue 19,
 * point 2), a violation kind or measure by the model's Chinese label, never by its code.
 */
export interface ReportWords {
  /** The display name of a user id. */
  person(id: string): string;
  /** The label of a value of a LIST constraint (`efr:violationKindList`, `efr:measureList`). */
  value(constraint: string, code: string): string;
}

let zhLabels: LabelBundle | null = null;

/** Report words from the people directory and the model's zh_CN bundle. */
export function reportWords(person: (id: string) => string): ReportWords {
  zhLabels ??= loadLabels(MESSAGES_DIR, 'efr-model', 'zh_CN');
  const labels = zhLabels;
  return {
    person: (id) => (id ? person(id) : ''),
    value: (constraint, code) => labels[listValueLabelKey(constraint, code)] ?? code,
  };
}

/**
 * The assessment as CSV (csv-stringify, UTF-8 with a BOM so that spreadsheet programs on
 * Chinese Windows read the headers right) and as PDF (pdfkit with Noto Sans CJK, as the
 * evidence description does).
 */

const HEADERS = ['级别 level', '部门 unit', '执法人员 officer', '记录率 recording rate',
  '连续性 continuity', '按时移交率 timely handover', '抽查合格率 findings passed',
  '违规 confirmed violations'];

const pct = (v: number | null): string => (v === null ? '' : (v * 100).toFixed(1));

function rowOf(level: string, f: QualityFigures, w: ReportWords): string[] {
  return [level, f.unit, w.person(f.officer ?? ''), pct(f.recordingRate), pct(f.continuity),
    pct(f.timelyHandoverRate), pct(f.findingsPassRate), String(f.violations)];
}

/** The assessment as CSV text: units first, then officers, then the violations listed. */
export function assessmentCsv(a: Assessment, w: ReportWords): string {
  const rows: string[][] = [
    ...a.report.units.map((f) => rowOf('部门', f, w)),
    ...a.report.officers.map((f) => rowOf('执法人员', f, w)),
  ];
  const table = stringify([HEADERS, ...rows]);
  const measures = a.violations.flatMap((v) =>
    (v.measures.length > 0 ? v.measures : [null]).map((m) => [w.person(v.officer), v.unit,
      w.value('efr:violationKindList', v.kind), v.decidedAt ?? '',
      m ? w.value('efr:measureList', m.measure) : '', m?.startDate ?? '', m?.endDate ?? '']));
  const register = stringify([
    ['执法人员 officer', '部门 unit', '违规情形 kind', '认定时间 confirmed at',
      '问责措施 measure', '开始 start', '结束 end'],
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
  const doc = new PDFDocument({ size: 'A4', margin: 48, lang: 'zh-CN',
    info: { Title: '执法质量考评 Enforcement quality assessment', Producer: 'EFR' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', CJK_FONT, CJK_FACE);
  doc.font('cjk').fontSize(15).text('执法质量考评 Enforcement quality assessment');
  doc.fontSize(9).text(`${a.from} — ${a.to}`);
  const section = (title: string, lines: QualityFigures[]): void => {
    doc.moveDown(0.8).fontSize(12).fillColor('#0d47a1').text(title).fillColor('#000000');
    for (const f of lines) {
      doc.moveDown(0.3).fontSize(10)
        .text(f.officer ? `${f.unit} / ${w.person(f.officer)}` : f.unit);
      doc.fontSize(8.5);
      doc.text(`记录率 recording     ${bar(f.recordingRate)}`);
      doc.text(`连续性 continuity    ${bar(f.continuity)}`);
      doc.text(`按时移交 handover    ${bar(f.timelyHandoverRate)}`);
      doc.text(`抽查合格 findings    ${bar(f.findingsPassRate)}`);
      doc.text(`违规 violations      ${f.violations}`);
    }
  };
  section('部门 Units', a.report.units);
  section('执法人员 Officers', a.report.officers);
  doc.moveDown(0.8).fontSize(12).fillColor('#0d47a1').text('违规与问责 Violations and measures')
    .fillColor('#000000').fontSize(9);
  for (const v of a.violations) {
    const m = v.measures.map((x) =>
      `${w.value('efr:measureList', x.measure)} ${x.startDate ?? ''}–${x.endDate ?? ''}`);
    doc.text(`${w.person(v.officer)}（${v.unit}）${w.value('efr:violationKindList', v.kind)}：` +
      `${m.join('；') || '—'}`);
  }
  doc.end();
  return done;
}
