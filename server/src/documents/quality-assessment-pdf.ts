import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { QualityFigures } from '../../../core/src/index.js';
import type { Assessment } from '../../../contract/index.js';
import {
  percent as pct, violationOfficer, type ReportWords,
} from '../../../webscripts/src/quality/quality-csv.js';

/**
 * The assessment as PDF (pdfkit with Noto Sans CJK, as the evidence description does), in the
 * reader's one language, with the words the CSV uses (webscripts/src/quality/quality-csv.ts,
 * written once for both hosts).
 */

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
    doc.text(`${violationOfficer(v, w)}${unit}${w.value('efr:violationKindList', v.kind)}${sep}` +
      `${m.join(list) || w.text('quality.none')}`);
  }
  doc.end();
  return done;
}
