/**
 * `efr disc build` and `efr disc verify` (issue 7). Build reads a case through the REST API
 * (server/ or any ACS), streams the image to a file while checking every recording against
 * its sealed SHA-256, and removes the partial file on any failure. Verify re-reads an image
 * with our own Joliet reader and checks the bag. Exit codes: 0 ok, 1 failed check or refusal,
 * 2 usage.
 */
import { open, rename, rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { MEDIA, isOneOf } from '../../../core/src/index.js';
import { startDescriptionPdf } from './description-pdf.js';
import { WorkerSha256 } from './hash-worker.js';
import { verifyDiscImage } from './image-verify.js';
import { FixityError, PackageTooLargeError, preparePackage } from './package-image.js';
import { RestError, restPackageSource } from './rest-source.js';

/**
 * Writes a stream to `path` through a temp name, returning the SHA-256 of what was written.
 * The image is hashed on a worker thread while the main thread writes (issue 20).
 */
export async function writeImageFile(stream: ReadableStream<Uint8Array>, path: string):
  Promise<{ sha256: string; size: number }> {
  const temp = `${path}.part`;
  const handle = await open(temp, 'w');
  const hash = new WorkerSha256();
  let size = 0;
  try {
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const hashed = hash.update('image', value);
      size += value.length;
      await handle.write(value);
      await hashed;
    }
    const sha256 = await hash.digest('image');
    await handle.sync();
    await handle.close();
    await rename(temp, path);
    return { sha256, size };
  } catch (err) {
    await handle.close().catch(() => undefined); // already closed after a failed rename
    await rm(temp, { force: true });
    throw err;
  } finally {
    await hash.close();
  }
}

const USAGE = 'usage: efr disc build --case <caseNumber> --out <file.iso> [--url <repository>] ' +
  '[--medium dvd5] [--label <label>] [--producer <name>] [--extractor <name>] ' +
  '[--extraction-time <ISO>] [--recording <id>]... [--user <u> --password <p>]';

/** `efr disc build …`; resolves to the exit code. */
export async function discBuild(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: {
    case: { type: 'string' }, out: { type: 'string' }, url: { type: 'string' },
    medium: { type: 'string' }, label: { type: 'string' }, producer: { type: 'string' },
    extractor: { type: 'string' }, 'extraction-time': { type: 'string' },
    recording: { type: 'string', multiple: true }, user: { type: 'string' },
    password: { type: 'string' } } });
  const user = values.user ?? process.env.EFR_USER;
  const password = values.password ?? process.env.EFR_PASSWORD;
  if (!values.case || !values.out || !user || !password) {
    console.error(USAGE);
    return 2;
  }
  const medium = values.medium ?? 'dvd5';
  if (!isOneOf(MEDIA, medium)) {
    console.error(`unknown medium ${medium}: one of ${MEDIA.join(', ')}`);
    return 2;
  }
  const extractionTime = values['extraction-time'] ?? new Date().toISOString();
  if (isNaN(Date.parse(extractionTime))) {
    console.error(`--extraction-time must be an ISO 8601 date-time: ${extractionTime}`);
    return 2;
  }
  try {
    // pdfkit and the CJK font load on their worker while the case is read over REST.
    startDescriptionPdf();
    const source = await restPackageSource(
      { url: values.url ?? process.env.EFR_URL ?? 'http://localhost:8080', user, password },
      { caseNumber: values.case, producer: values.producer ?? user,
        extractor: values.extractor ?? user,
        extractionTime: new Date(extractionTime).toISOString(), medium,
        label: (values.label ?? values.case).slice(0, 32), recordingIds: values.recording });
    const prepared = await preparePackage(source);
    console.log(`${values.case}: ${prepared.payload.length} recordings, image ${prepared.size} ` +
      `bytes (${medium})`);
    const written = await writeImageFile(prepared.stream(), values.out);
    console.log(`wrote ${values.out}  sha256 ${written.sha256}`);
    return 0;
  } catch (err) {
    if (err instanceof FixityError) {
      console.error(`STOPPED: ${err.path} does not match its sealed SHA-256 ` +
        `(expected ${err.expected}, read ${err.actual}); no image written`);
      return 1;
    }
    if (err instanceof PackageTooLargeError) {
      console.error(err.message);
      for (const [i, d] of (err.split ?? []).entries()) {
        console.error(`  disc ${i + 1}: ${d.imageBytes} bytes, ` +
          `recordings ${d.recordingIds.join(' ')}`);
      }
      return 1;
    }
    if (err instanceof RestError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}

/** `efr disc verify <file.iso>`; resolves to the exit code. */
export async function discVerify(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) {
    console.error('usage: efr disc verify <file.iso>');
    return 2;
  }
  const result = await verifyDiscImage(positionals[0]);
  if (result.ok) {
    console.log(`disc ${result.label} intact: ${result.payloadFiles} payload files ` +
      `(${result.payloadBytes} bytes) and ${result.tagFiles} tag files match the bag`);
    return 0;
  }
  console.error(`disc BROKEN at ${result.path}: ${result.reason}`);
  return 1;
}
