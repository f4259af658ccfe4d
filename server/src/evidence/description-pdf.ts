/**
 * The written description (R23.1) as PDF: pdfkit, Chinese text embedded as a subset of Noto
 * Sans CJK SC (Debian's fonts-noto-cjk). Rendered on a worker thread that keeps the parsed
 * font (description-pdf-worker.mjs): one per process, started on first use or by
 * `startDescriptionPdf()`, kept while the process lives (it does not keep the process alive),
 * so the font is parsed once per server rather than once per package (issue 20) and no
 * render blocks the server's event loop. Deterministic: the same package gives the same bytes.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { PackageDescription } from '../../../core/src/index.js';

/** The TTC face used, by PostScript name. */
const CJK_FONT = {
  file: process.env.EFR_CJK_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  face: process.env.EFR_CJK_FONT_FACE ?? 'NotoSansCJKsc-Regular',
};

/** Thrown when the CJK font is missing (a deployment fault, not a user error). */
export class MissingFontError extends Error {}

type Reply = { id: number; bytes: Uint8Array } | { id: number; error: string };

interface Renderer {
  worker: Worker;
  pending: Map<number, { resolve(b: Uint8Array): void; reject(e: Error): void }>;
}

let renderer: Renderer | undefined;
let nextId = 0;

function start(): Renderer {
  if (renderer) return renderer;
  // Beside this module in the sources, beside the chunks in the CLI bundle; plain JavaScript,
  // so without the parent's loader (tsx would compile pdfkit again on the worker: ~1 s).
  const worker = new Worker(new URL('./description-pdf-worker.mjs', import.meta.url),
    { workerData: CJK_FONT, execArgv: [] });
  const r: Renderer = { worker, pending: new Map() };
  const fail = (err: Error): void => {
    if (renderer === r) renderer = undefined; // the next render starts a new worker
    for (const p of r.pending.values()) p.reject(err);
    r.pending.clear();
  };
  worker.on('message', (m: Reply) => {
    const p = r.pending.get(m.id);
    r.pending.delete(m.id);
    if (r.pending.size === 0) worker.unref();
    if ('error' in m) p?.reject(new Error(`description PDF: ${m.error}`));
    else p?.resolve(m.bytes);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`description PDF worker exited (${code})`)));
  // After the listeners: adding a 'message' listener refs the worker again.
  worker.unref();
  return (renderer = r);
}

/**
 * Starts the renderer (loading pdfkit and the font) ahead of the first description, e.g.
 * while a package's facts are read over REST. Does nothing when the font is missing.
 */
export function startDescriptionPdf(): void {
  if (existsSync(CJK_FONT.file)) start();
}

/** Renders the description; `date` is the package's extraction time. */
export function descriptionPdf(d: PackageDescription, date: Date): Promise<Uint8Array> {
  return sectionsPdf(d, date, 'EFR evidence packager');
}

/**
 * Renders titled sections (the written description, the destruction register of issue 18)
 * with their signature lines at the end, in the document's one language; `creator` names the
 * producing part in the PDF info.
 */
export function sectionsPdf(d: PackageDescription, date: Date, creator: string):
  Promise<Uint8Array> {
  if (!existsSync(CJK_FONT.file)) {
    return Promise.reject(new MissingFontError(
      `CJK font ${CJK_FONT.file} is missing: install fonts-noto-cjk or set EFR_CJK_FONT`));
  }
  const r = start();
  const id = nextId++;
  return new Promise<Uint8Array>((resolve, reject) => {
    r.pending.set(id, { resolve, reject });
    r.worker.ref(); // a render under way keeps the process alive until it answers
    r.worker.postMessage({ id, description: d, date: date.getTime(), creator });
  });
}
