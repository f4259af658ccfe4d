// The description PDF's renderer (R23.1), on a worker thread (issue 20). Plain JavaScript: it
// runs on a worker without a loader, from the sources (server/, `npx efr` through tsx) and
// from the CLI bundle (scripts/build-cli.mjs emits it beside the chunks).
//
// Opening the CJK collection (19 MB) with fontkit and decoding the tables a render touches
// (cmap, GSUB/GPOS, the CFF index of 65 000 glyphs) costs ~0.15 s of CPU, loading pdfkit
// ~0.1 s; a render with a font already decoded ~25 ms. The worker loads both and decodes the
// font when it starts, then renders every description with that one font object (pdfkit takes
// a fontkit font as well as a file; each document still embeds its own subset, and the bytes
// are the same as with a freshly opened font). The server keeps the worker for its lifetime;
// `efr disc build` starts it before its REST reads, so the loading overlaps them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import PDFDocument from 'pdfkit';

// The fontkit that pdfkit itself depends on (pdfkit opens fonts with it), from pdfkit's place.
const fontkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'))('fontkit');

/** @type {{ file: string, face: string }} */
const { file, face } = workerData;
let font;
let failure;
try {
  font = fontkit.create(readFileSync(file), face);
  // Decode now what every render reads: Latin, digits and common Hanzi through the layout.
  font.layout('制作人签名 Producer signature：案件编号 0123456789 执法记录仪 提取人 ABCxyz');
} catch (err) {
  failure = err instanceof Error ? err.message : String(err);
}

/**
 * Renders titled sections with their signature lines at the end: `d` is core's
 * PackageDescription (the written description of R23.1, or the destruction register of
 * issue 18), `date` the document's date in ms, `creator` the producing part in the PDF info.
 * Deterministic: the creation date and the file ID come from the document (pdfkit derives the
 * ID and the subset tag from the info dictionary and the font).
 */
function render(d, date, creator) {
  const when = new Date(date);
  const doc = new PDFDocument({
    size: 'A4', margin: 56, lang: d.language,
    info: { Title: d.title, Producer: 'EFR', Creator: creator,
      CreationDate: when, ModDate: when },
  });
  const chunks = [];
  const done = new Promise((resolve, reject) => {
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const sep = d.language === 'zh-CN' ? '：' : ': ';
  doc.registerFont('cjk', font);
  doc.font('cjk');
  doc.fontSize(16).text(d.title);
  doc.moveDown(0.5);
  for (const s of d.sections) {
    doc.moveDown(0.5);
    doc.fontSize(12).fillColor('#0d47a1').text(s.heading);
    doc.fillColor('#000000').fontSize(9.5);
    for (const r of s.rows) doc.text(`${r.label}${sep}${r.value}`, { lineGap: 1 });
  }
  doc.moveDown(1);
  doc.fontSize(9.5);
  for (const line of d.statement) doc.text(line, { paragraphGap: 2 });
  doc.moveDown(2);
  doc.fontSize(11);
  d.signatures.forEach((line, i) => {
    if (i > 0) doc.moveDown(1);
    doc.text(line);
  });
  doc.end();
  return done;
}

parentPort.on('message', async ({ id, description, date, creator }) => {
  if (failure) {
    parentPort.postMessage({ id, error: `CJK font ${file} (${face}): ${failure}` });
    return;
  }
  try {
    const pdf = await render(description, date, creator);
    const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.length);
    parentPort.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
