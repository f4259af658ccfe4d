// Precompresses the built app (issue 20): writes `<file>.br` (brotli, quality 11) and
// `<file>.gz` (gzip, level 9) beside every text file of dist/efr-app/browser, so that server/
// and nginx (`gzip_static`) send compressed bytes without compressing on each request.
// A variant is kept only when it is smaller than the file; one from an earlier build whose
// file changed is rewritten. app.config.json is left alone: deployments replace it. `node scripts/compress-app.mjs [dir]`; run by `npm run build`.
import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const dir = resolve(process.argv[2] ?? join(root, 'dist/efr-app/browser'));
/** Text types worth compressing (fonts and images are compressed already). */
const TEXT = /\.(html|js|mjs|css|json|svg|txt|map|ico|wasm)$/;
/**
 * Edited per deployment after the build (docker/app/Dockerfile copies its own over it): a
 * variant would go stale, and nginx's gzip_static does not compare dates.
 */
const DEPLOYMENT_FILES = new Set(['app.config.json']);
/** A variant carries its file's mtime; file systems and Date keep it to about a millisecond. */
const SAME_MS = 1000;
/** Below this, headers dominate and compression saves nothing worth a file. */
const MIN_BYTES = 256;
const br = promisify(brotliCompress);
const gz = promisify(gzip);

function* files(d) {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.isFile() && TEXT.test(e.name) && !DEPLOYMENT_FILES.has(e.name)) yield p;
  }
}

/** Writes one variant if it is smaller; its mtime is the file's, so servers can match them. */
async function variant(file, suffix, data, stats, compress) {
  const out = file + suffix;
  try {
    if (Math.abs(statSync(out).mtimeMs - stats.mtimeMs) < SAME_MS) return 0;
  } catch {
    // ENOENT: not written yet.
  }
  const packed = await compress(data);
  if (packed.length >= data.length) {
    rmSync(out, { force: true });
    return 0;
  }
  writeFileSync(out, packed);
  utimesSync(out, stats.atime, stats.mtime);
  return packed.length;
}

let raw = 0;
let brBytes = 0;
let gzBytes = 0;
let count = 0;
const started = Date.now();
const list = [...files(dir)];
// Two at a time: zlib runs in libuv's pool, and the build machine has two cores.
for (let i = 0; i < list.length; i += 2) {
  await Promise.all(list.slice(i, i + 2).map(async (file) => {
    const stats = statSync(file);
    if (stats.size < MIN_BYTES) return;
    const data = readFileSync(file);
    raw += data.length;
    count++;
    brBytes += await variant(file, '.br', data, stats, (d) => br(d, { params: {
      [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: d.length } }));
    gzBytes += await variant(file, '.gz', data, stats, (d) => gz(d, { level: 9 }));
  }));
}
const kB = (n) => `${(n / 1e3).toFixed(0)} kB`;
console.log(`compress-app: ${count} files, ${kB(raw)} → brotli ${kB(brBytes)}, gzip ` +
  `${kB(gzBytes)} (newly written) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
