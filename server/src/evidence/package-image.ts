/**
 * Builds the disc image of an evidence package (R23.1) from plain facts and content streams:
 * BagIt payload under data/, tag files (bag declaration, bag-info, manifests, the written
 * description as text and PDF, the access-log extract, verify.html), laid out by the disc
 * writer and streamed. Each recording is hashed while the writer reads it and compared with
 * its sealed SHA-256 at its end: a mismatch stops the image (FixityError names the file).
 * Shared by the server's web script and the `efr disc build` CLI.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import {
  ACCESS_LOG_EXTRACT, ACCESS_LOG_TREE_HEAD, BAG_INFO_TXT, BAGIT_TXT, MANIFEST_TXT, TAG_MANIFEST_TXT, VERIFY_HTML,
  accessLogExtractText, bagInfoTxt, bagitTxt, describePackage, descriptionText, manifestText,
  payloadManifest, placePayload, renamePayload, treeHeadFileText, verifyPageHtml,
} from '../../../core/src/index.js';
import type {
  LogExtractEntry, PackageFacts, PayloadEntry, RecordingFacts, SignedTreeHead,
} from '../../../core/src/index.js';
import {
  imageSize, layoutDisc, mediumBytes, planDiscs, writeDiscImage,
} from '../../../core/src/disc/index.js';
import type { DiscFile, DiscLayout, Medium } from '../../../core/src/disc/index.js';
import { bureauZone } from '../webscripts/port/bureau-zone.js';
import { descriptionPdf } from './description-pdf.js';
import { WorkerSha256 } from './hash-worker.js';

/** A recording with its content, as a package source provides it. */
export interface SourceRecording extends RecordingFacts {
  /** Opens the stored content (called once, when the writer reaches the file). */
  open(): ReadableStream<Uint8Array>;
}

/** Everything a package is made of. */
export interface PackageSource {
  readonly facts: PackageFacts;
  readonly recordings: readonly SourceRecording[];
  /** Access-log entries about the recordings (the extract keeps them as given). */
  readonly log: readonly LogExtractEntry[];
  /**
   * The signed tree head the entries' inclusion proofs lead to (issue 18), with the raw
   * Ed25519 public key that signed it; absent where the log keeps no tree.
   */
  readonly logTree?: { readonly head: SignedTreeHead; readonly publicKey: string };
}

/** A recording whose bytes differ from their sealed SHA-256 (R26.1): the package stops. */
export class FixityError extends Error {
  constructor(
    readonly path: string, readonly recordingId: string, readonly expected: string,
    readonly actual: string,
  ) {
    super(`${path}: SHA-256 ${actual} differs from the sealed ${expected} / ` +
      '文件哈希值与封存值不符');
    this.name = 'FixityError';
  }
}

/** The package does not fit the medium: refused before writing, with a proposed split. */
export class PackageTooLargeError extends Error {
  constructor(
    readonly medium: string, readonly imageBytes: number, readonly capacity: number,
    /** Proposed discs (recording ids per disc), or null when a single file is too big. */
    readonly split: { recordingIds: string[]; imageBytes: number }[] | null,
  ) {
    super(`The package needs ${imageBytes} bytes; ${medium} holds ${capacity} / ` +
      '超出光盘容量');
    this.name = 'PackageTooLargeError';
  }
}

/** A laid-out package, ready to stream. */
export interface PreparedPackage {
  readonly layout: DiscLayout<DiscFile>;
  /** Exact image size in bytes. */
  readonly size: number;
  readonly payload: readonly PayloadEntry[];
  /** manifest-sha256.txt as written. */
  readonly manifest: string;
  /** Streams the image; recordings are verified against their sealed hashes on the way. */
  stream(): ReadableStream<Uint8Array>;
}

const encoder = new TextEncoder();

/** A tag file held in memory (all are small: text, one PDF, one page). */
function bytesFile(path: string, bytes: Uint8Array, mtime: Date): DiscFile {
  return { path, size: bytes.length, mtime, open: () => new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(bytes);
      c.close();
    },
  }) };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

let hasherScript: string | undefined;

/** hash-wasm's SHA-256 UMD build (MIT), inlined into verify.html. */
export function verifyPageHasher(): string {
  hasherScript ??= readFileSync(join(dirname(createRequire(import.meta.url).resolve('hash-wasm')),
    'sha256.umd.min.js'), 'utf8');
  return hasherScript;
}

let logCheckScript: string | undefined;

const LOG_CHECKER = join('core', 'src', 'evidence', 'access-log-extract.ts');

/**
 * core's extract check in this checkout: found upwards from this module, which runs from the
 * sources (server/src/evidence/) or from the CLI bundle (dist/cli/), at different depths.
 */
function logCheckerSource(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, LOG_CHECKER))) return join(dir, LOG_CHECKER);
    if (dirname(dir) === dir) throw new Error(`${LOG_CHECKER} not found above ${import.meta.url}`);
  }
}

/**
 * core's access-log extract check (evidence/access-log-extract.ts with the Merkle code it
 * uses) bundled by esbuild into one script defining `EFRLog`, inlined into verify.html: the
 * page proves the log with the same code as server/. The same esbuild gives the same bytes.
 */
export function verifyPageLogChecker(): string {
  logCheckScript ??= buildSync({
    entryPoints: [logCheckerSource()],
    bundle: true, format: 'iife', globalName: 'EFRLog', target: 'es2020', platform: 'neutral',
    minify: true, legalComments: 'none', write: false, logLevel: 'silent', charset: 'utf8',
  }).outputFiles[0].text;
  return logCheckScript;
}

/** Renders every tag file of a payload (no content is read). */
async function tagFiles(src: PackageSource, payload: readonly PayloadEntry[], date: Date):
  Promise<DiscFile[]> {
  // Always zh-CN (a formal document for the court, docs/api.md), times in the bureau's zone.
  const description = describePackage(src.facts, payload,
    { language: 'zh-CN', zone: bureauZone() });
  const manifest = payloadManifest(payload);
  // The PDF renders on its worker while this thread builds the rest (the verify page's
  // esbuild bundle of the log check above all): the first image byte waits for both.
  const pdf = descriptionPdf(description, date);
  pdf.catch(() => undefined); // awaited below; a throw before that must not leave it unhandled
  const verifyPage = encoder.encode(verifyPageHtml({ caseNumber: src.facts.caseNumber,
    label: src.facts.label, manifest: payload.map((p) => ({ sha256: p.recording.sha256,
      path: p.path })), hasherScript: verifyPageHasher(),
    logCheckScript: verifyPageLogChecker() }));
  const texts: [string, Uint8Array][] = [
    [BAGIT_TXT, encoder.encode(bagitTxt())],
    [BAG_INFO_TXT, encoder.encode(bagInfoTxt(src.facts, {
      payloadBytes: payload.reduce((n, p) => n + p.recording.size, 0),
      payloadFiles: payload.length, bagCount: '1 of 1' }))],
    [MANIFEST_TXT, encoder.encode(manifest)],
    ['description.txt', encoder.encode(descriptionText(description))],
    ['description.pdf', await pdf],
    [ACCESS_LOG_EXTRACT, encoder.encode(accessLogExtractText(src.log))],
    [VERIFY_HTML, verifyPage],
  ];
  if (src.logTree) {
    texts.push([ACCESS_LOG_TREE_HEAD, encoder.encode(treeHeadFileText(src.logTree.head,
      src.logTree.publicKey))]);
  }
  const tagManifest = manifestText(texts.map(([path, b]) => ({ sha256: sha256(b), path })));
  texts.push([TAG_MANIFEST_TXT, encoder.encode(tagManifest)]);
  return texts.map(([path, b]) => bytesFile(path, b, date));
}

function payloadFiles(payload: readonly PayloadEntry[], src: PackageSource): DiscFile[] {
  return payload.map((p) => {
    const rec = src.recordings.find((r) => r.id === p.recording.id) as SourceRecording;
    const mtime = p.recording.recordingStart ? new Date(p.recording.recordingStart) : undefined;
    return { path: p.path, size: p.recording.size, mtime: mtime && !isNaN(mtime.getTime())
      ? mtime : undefined, open: () => rec.open() };
  });
}

/** Proposes a split of the payload across discs of the medium, tag files on each. */
function proposeSplit(files: DiscFile[], tags: DiscFile[], payload: readonly PayloadEntry[],
  medium: Medium): PackageTooLargeError['split'] {
  const plan = planDiscs(files, medium, { reserve: tags });
  if (!plan.ok) return null;
  const idOf = new Map(payload.map((p) => [p.path, p.recording.id]));
  return plan.discs.map((d) => ({ recordingIds: d.files.map((f) => idOf.get(f.path) ?? f.path),
    imageBytes: d.imageBytes }));
}

/**
 * Lays out the package. Payload names the writer would shorten for Joliet (64 UCS-2 units)
 * are renamed to the writer's Joliet name and laid out again, so the manifest names what
 * every reader (Joliet, UDF, Rock Ridge) shows; the description keeps the original name.
 * Throws PackageTooLargeError before any content is read.
 */
export async function preparePackage(src: PackageSource): Promise<PreparedPackage> {
  const date = new Date(src.facts.extractionTime);
  const volume = { label: src.facts.label, date, utcOffsetMinutes: 480,
    publisher: src.facts.source.slice(0, 100) };
  let payload = placePayload(src.recordings);
  for (let round = 0; ; round++) {
    const tags = await tagFiles(src, payload, date);
    const files = payloadFiles(payload, src);
    const layout = layoutDisc([...files, ...tags], volume);
    const shortened = layout.names.filter((n) => !n.isDirectory && n.path.startsWith('data/') &&
      n.altered.some((t) => t !== 'iso9660'));
    if (shortened.length > 0 && round === 0) {
      for (const n of shortened) payload = renamePayload(payload, n.path, n.jolietName);
      continue;
    }
    const size = imageSize(layout);
    const medium = src.facts.medium as Medium;
    const capacity = mediumBytes(medium);
    if (size > capacity) {
      throw new PackageTooLargeError(medium, size, capacity, proposeSplit(files, tags, payload,
        medium));
    }
    const finalPayload = payload;
    return { layout, size, payload: finalPayload, manifest: payloadManifest(finalPayload),
      stream: () => streamVerified(layout, finalPayload) };
  }
}

/**
 * Streams the image, hashing each payload file and checking it at its end (R26.1). The
 * hashing runs on a worker thread, in parallel with whoever consumes the stream (issue 20);
 * the worker stops when the stream ends, fails or is cancelled.
 */
function streamVerified(layout: DiscLayout<DiscFile>, payload: readonly PayloadEntry[]):
  ReadableStream<Uint8Array> {
  const expected = new Map(payload.map((p) => [p.path, p]));
  let hasher: WorkerSha256 | undefined;
  const image = writeDiscImage(layout, {
    onFileChunk(file, chunk) {
      if (!expected.has(file.path)) return;
      hasher ??= new WorkerSha256();
      return hasher.update(file.path, chunk);
    },
    async onFileEnd(file) {
      const p = expected.get(file.path);
      if (!p) return;
      const actual = hasher ? await hasher.digest(file.path)
        : createHash('sha256').digest('hex');
      if (actual !== p.recording.sha256) {
        throw new FixityError(file.path, p.recording.id, p.recording.sha256, actual);
      }
    },
  });
  const reader = image.getReader();
  const stop = async (): Promise<void> => {
    await hasher?.close();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await reader.read();
        if (next.done) {
          await stop();
          controller.close();
        } else controller.enqueue(next.value);
      } catch (err) {
        // The writer failed (fixity, size, source): stop the worker, pass the error on.
        await stop();
        throw err;
      }
    },
    async cancel(reason) {
      await stop();
      await reader.cancel(reason);
    },
  }, { highWaterMark: 0 });
}
