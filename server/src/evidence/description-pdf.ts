/**
 * Renders the written description (R23.1) as PDF with pdfkit, Chinese text embedded as a
 * subset of Noto Sans CJK SC (Debian's fonts-noto-cjk). Deterministic: the creation date and
 * the file ID come from the package (pdfkit derives the ID and the subset tag from the info
 * dictionary and the font), so the same package gives the same PDF bytes.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { PackageDescription } from '../../../core/src/index.js';

/** The TTC face used, by PostScript name. */
const CJK_FONT = {
  file: process.env.EFR_CJK_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  face: process.env.EFR_CJK_FONT_FACE ?? 'NotoSansCJKsc-Regular',
};

/** Thrown when the CJK font is missing (a deployment fault, not a user error). */
export class MissingFontError extends Error {}

/** Renders the description; `date` is the package's extraction time. */
export function descriptionPdf(d: PackageDescription, date: Date): Promise<Uint8Array> {
  return sectionsPdf(d, date, 'EFR evidence packager', [
    '制作人签名 Producer signature：____________________',
    '提取人签名 Extractor signature：____________________',
  ]);
}

/**
 * Renders titled sections (the written description, the destruction register of issue 18)
 * with the signature lines at the end; `creator` names the producing part in the PDF info.
 */
export function sectionsPdf(d: PackageDescription, date: Date, creator: string,
  signatures: readonly string[]): Promise<Uint8Array> {
  if (!existsSync(CJK_FONT.file)) {
    return Promise.reject(new MissingFontError(
      `CJK font ${CJK_FONT.file} is missing: install fonts-noto-cjk or set EFR_CJK_FONT`));
  }
  const doc = new PDFDocument({
    size: 'A4', margin: 56, lang: 'zh-CN',
    info: { Title: d.title, Producer: 'EFR', Creator: creator,
      CreationDate: date, ModDate: date },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', CJK_FONT.file, CJK_FONT.face);
  doc.font('cjk');
  doc.fontSize(16).text(d.title);
  doc.moveDown(0.5);
  for (const s of d.sections) {
    doc.moveDown(0.5);
    doc.fontSize(12).fillColor('#0d47a1').text(s.heading);
    doc.fillColor('#000000').fontSize(9.5);
    for (const r of s.rows) doc.text(`${r.label}：${r.value}`, { lineGap: 1 });
  }
  doc.moveDown(1);
  doc.fontSize(9.5);
  for (const line of d.statement) doc.text(line, { paragraphGap: 2 });
  doc.moveDown(2);
  doc.fontSize(11);
  signatures.forEach((line, i) => {
    if (i > 0) doc.moveDown(1);
    doc.text(line);
  });
  doc.end();
  return done;
}
