/**
 * Child process of the disc benchmark (disc-bench.ts): builds one image with our writer and
 * reports its own peak resident memory, so that the VmHWM it prints belongs to the writer
 * alone. Bundled as `npm run build` bundles the CLI and run by plain Node, as a built `npx efr`
 * runs (`node <bundle>/disc-child.mjs <job.json>`), or through tsx as `npx efr` runs without a
 * build (`node --import tsx test/bench/disc-child.ts <job.json>`). Two modes:
 *
 * - `writer`: `layoutDisc` + `writeDiscImage` over the files, with the evidence disc's volume
 *   options (label, extraction date, UTC+8, publisher), image written by the specs' adapter;
 * - `package`: the product path of `efr disc build` minus the REST source: `preparePackage`
 *   (BagIt tag files, description PDF, per-recording fixity SHA-256 while streaming) and
 *   `writeImageFile` (image SHA-256, fsync, rename).
 *
 * Each mode loads only its own modules (dynamic imports, as bin/efr-cli.ts does per command).
 * Prints one JSON line: `{ idleKiB, peakKiB, seconds, bytes }` (VmHWM before the mode's
 * modules are loaded and at the end; seconds from loading them to the closed file).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { SourceRecording } from '../../server/src/evidence/package-image.js';
import { fileFromDisk, writeToFile } from '../disc/support.js';

/** What the parent asks for. */
export interface DiscJob {
  /** Which of our two paths to time. */
  mode: 'writer' | 'package';
  /** Output image path. */
  out: string;
  /** Input recordings: path on disk and their SHA-256 (the "sealed" hash of the package). */
  files: { path: string; sha256: string }[];
}

/** The process's VmHWM in KiB. */
function peakKiB(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
}

const LABEL = 'EFR-BENCH-2026-001';
const DATE = new Date('2026-11-26T10:00:00Z');

async function writerOnly(job: DiscJob): Promise<number> {
  const { imageSize, layoutDisc, writeDiscImage } = await import('../../core/src/disc/index.js');
  const files = await Promise.all(job.files.map((f) =>
    fileFromDisk(f.path, `data/${basename(f.path)}`)));
  const layout = layoutDisc(files, { label: LABEL, date: DATE, utcOffsetMinutes: 480,
    publisher: 'EFR benchmark' });
  await writeToFile(writeDiscImage(layout), job.out);
  return imageSize(layout);
}

async function fullPackage(job: DiscJob): Promise<number> {
  // As `efr disc build` does before its REST reads (there are none here).
  const { startDescriptionPdf } = await import('../../server/src/evidence/description-pdf.js');
  startDescriptionPdf();
  const { writeImageFile } = await import('../../server/src/evidence/disc-cli.js');
  const { preparePackage } = await import('../../server/src/evidence/package-image.js');
  const recordings: SourceRecording[] = await Promise.all(job.files.map(async (f, i) => {
    const disk = await fileFromDisk(f.path);
    return { id: `bench-${i}`, name: basename(f.path), size: disk.size, sha256: f.sha256,
      recordingStart: '2026-11-24T01:30:00.000Z', recordingEnd: '2026-11-24T02:05:00.000Z',
      officer: 'officer1', coOfficer: 'officer2', deviceSerial: 'BWC-2026-001',
      activityType: 'routineInspection', location: '丹东市', source: 'bodyCamera',
      sealedAt: '2026-11-24T06:00:00.000Z', sealedBy1: 'custodian1', sealedBy2: 'custodian2',
      open: () => disk.open() };
  }));
  const prepared = await preparePackage({
    facts: { caseId: 'bench', caseNumber: '丹民罚〔2026〕99号', caseTitle: '基准测试案',
      producer: 'custodian1', extractor: 'legal1', extractionTime: DATE.toISOString(),
      medium: 'dvd5', label: LABEL, source: 'EFR benchmark' },
    recordings, log: [],
  });
  const written = await writeImageFile(prepared.stream(), job.out);
  return written.size;
}

const job = JSON.parse(readFileSync(process.argv[2], 'utf8')) as DiscJob;
const idleKiB = peakKiB();
const start = process.hrtime.bigint();
const bytes = job.mode === 'writer' ? await writerOnly(job) : await fullPackage(job);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ idleKiB, peakKiB: peakKiB(), seconds, bytes }));
