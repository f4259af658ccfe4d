/**
 * `npm run bench` (scripts/bench.mjs runs this file through tsx): the benchmarks of DESIGN.md
 * "What the numbers must be" (ingest and listing of issue 3, the evidence disc image, seeking
 * in the player), printed as tables and written to docs/benchmarks.md with the command and
 * the machine they ran on. Not part of `npm test`: numbers are reported, not asserted.
 * Environment: EFR_BENCH_INGEST_MIB (default "256,1024"), EFR_BENCH_REPS (default 2),
 * EFR_BENCH_LISTING_SIZES (recordings per listing run, default "100000"; the older
 * EFR_BENCH_RECORDINGS is one size), EFR_BENCH_REQUESTS (default 60),
 * EFR_BENCH_DISC_MB (size of each of the 3 recordings, default "100,700"),
 * EFR_BENCH_SEEK_MB (default 2000),
 * EFR_BENCH_HASH_MIB (browser hashing file, default 1024), EFR_BENCH_HASH_CHUNKS_MIB (worker
 * chunk sizes, default "4,8,16,32"),
 * EFR_BENCH_ONLY=ingest|listing|disc|seek|firstload|plugin|hashing|archive|fuzz (comma-separated),
 * EFR_BENCH_FUZZ (requests of the security fuzz, default 20 000),
 * EFR_BENCH_FIXITY_MIB (size of each of 4 recordings of the fixity run, default 256),
 * EFR_BENCH_MERKLE_ENTRIES (default 1 000 000); `archive` is issue 18's part.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchIngest, mib, type IngestResult } from './ingest-bench.js';
import { benchListing, type ListingRun } from './listing-bench.js';
import { listingBody, listingTable } from './listing-report.js';
import { benchDisc, type DiscResult } from './disc-bench.js';
import { assertAppBuilt, benchSeek, type SeekResult } from './seek-bench.js';
import { ROOT } from '../support/server-harness.js';
import { discBody, discTable, seekBody, seekTables } from './disc-seek-report.js';
import { table } from './markdown.js';
import { benchFirstLoad, type FirstLoadResult } from './firstload-bench.js';
import { firstLoadBody, firstLoadTable } from './firstload-report.js';
import { benchPlugin, pluginBody, type PluginBench } from './plugin-bench.js';
import { benchHashing, type HashingResult } from './hashing-bench.js';
import { hashingBody, hashingTable } from './hashing-report.js';
import {
  benchFixity, benchMerkle, type FixityBench, type MerkleBench,
} from './archive-bench.js';

const sizes = (process.env.EFR_BENCH_INGEST_MIB ?? '256,1024').split(',').map(Number);
const reps = Number(process.env.EFR_BENCH_REPS ?? 2);
const listingSizes = (process.env.EFR_BENCH_LISTING_SIZES ??
  process.env.EFR_BENCH_RECORDINGS ?? '100000').split(',').map(Number);
const requests = Number(process.env.EFR_BENCH_REQUESTS ?? 60);
const discSizes = (process.env.EFR_BENCH_DISC_MB ?? '100,700').split(',').map(Number);
const seekBytes = Number(process.env.EFR_BENCH_SEEK_MB ?? 2000) * 1e6;
/** Seek targets as fractions of the duration: the middle first, then spread out. */
const SEEKS = [0.5, 0.25, 0.75, 0.1, 0.9, 0.4, 0.6];
const hashBytes = Number(process.env.EFR_BENCH_HASH_MIB ?? 1024) * 1024 * 1024;
const hashChunks = (process.env.EFR_BENCH_HASH_CHUNKS_MIB ?? '4,8,16,32').split(',').map(Number);
const parts = (process.env.EFR_BENCH_ONLY ??
  'ingest,listing,disc,seek,firstload,plugin,hashing,archive,fuzz')
  .split(',');
const log = (s: string) => console.log(s);
/** A logger that also samples the 1-min load average at each progress line of a part. */
const sampling = (loads: number[]) => (s: string) => {
  loads.push(loadavg()[0]);
  log(s);
};

if (['seek', 'firstload', 'hashing'].some((p) => parts.includes(p))) assertAppBuilt();
// Other work on the shared machine slows both contenders unevenly: record how busy it was.
const loadBefore = loadavg()[0].toFixed(1);
const ingest: IngestResult[] = [];
if (parts.includes('ingest')) {
  log(`ingest: sizes ${sizes.join(', ')} MiB, ${reps} interleaved runs each (best of)`);
  for (const size of sizes) ingest.push(await benchIngest(size * 1024 * 1024, reps, log));
}
const listing: ListingRun[] = [];
if (parts.includes('listing')) {
  for (const count of listingSizes) {
    log(`listing: ${count} recordings, ${requests} timed requests per row (+5 warm-up)`);
    listing.push(await benchListing(count, requests, log));
  }
}
const disc: DiscResult[] = [];
const discLoads: number[] = [];
if (parts.includes('disc')) {
  log(`disc: 3 recordings of ${discSizes.join(', ')} MB, ${reps} interleaved runs each (best of)`);
  for (const size of discSizes) disc.push(await benchDisc(size * 1e6, reps, sampling(discLoads)));
}
let seek: SeekResult | undefined;
const seekLoads: number[] = [];
if (parts.includes('seek')) {
  log(`seek: a ~${seekBytes / 1e9} GB recording, ${SEEKS.length} seeks per pass`);
  seek = await benchSeek(seekBytes, SEEKS, sampling(seekLoads));
}
let firstLoad: FirstLoadResult | undefined;
const firstLoadLoads: number[] = [];
if (parts.includes('firstload')) {
  log('firstload: the login page in Chromium, first load and reload');
  firstLoad = await benchFirstLoad(sampling(firstLoadLoads));
}
let plugin: PluginBench | undefined;
if (parts.includes('plugin')) {
  log('plugin: what the EFR plugin adds to the Content App\'s first load');
  plugin = benchPlugin(log);
}
let hashing: HashingResult | undefined;
const hashingLoads: number[] = [];
if (parts.includes('hashing')) {
  log(`hashing: ${hashBytes / 1024 ** 2} MiB in Chromium through the wizard's worker, ` +
    `chunks ${hashChunks.join(', ')} MiB, ${reps} interleaved runs each (best of)`);
  hashing = await benchHashing(hashBytes, hashChunks, reps, sampling(hashingLoads));
}

let fixity: FixityBench | undefined;
let merkle: MerkleBench | undefined;
const archiveLoads: number[] = [];
if (parts.includes('archive')) {
  const mibEach = Number(process.env.EFR_BENCH_FIXITY_MIB ?? 256);
  log(`archive: fixity round over 4 sealed recordings of ${mibEach} MiB vs sha256sum, ` +
    `${reps} interleaved runs (best of)`);
  fixity = await benchFixity(4, mibEach * 1024 * 1024, reps, sampling(archiveLoads));
  const n = Number(process.env.EFR_BENCH_MERKLE_ENTRIES ?? 1_000_000);
  log(`archive: Merkle tree of ${n} access-log entries`);
  merkle = benchMerkle(n, sampling(archiveLoads));
}

if (parts.includes('fuzz')) {
  // The security fuzz of `npm test` (test/security/fuzz.spec.ts, 2400 requests), longer: no 5xx,
  // no reset, nothing stored (issue 16). Its verdict is the spec's; it writes no table.
  const count = Number(process.env.EFR_BENCH_FUZZ ?? 20_000);
  log(`fuzz: ${count} generated bad requests across every endpoint`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/run-jasmine.mjs',
    'bench-fuzz', 'test/security/fuzz.spec.ts'], { cwd: ROOT, stdio: 'inherit',
    env: { ...process.env, EFR_FUZZ_COUNT: String(count) } });
  if (run.status !== 0) {
    console.error('fuzz: FAILED (see above)');
    process.exitCode = 1;
  }
}

const ingestTable = table(
  ['file', 'sha256sum+cp+sync s', 'server upload (curl) s', 'MB/s baseline', 'MB/s server',
    'ratio', 'server VmHWM MiB (idle)', 'Node fetch client s'],
  ingest.map((r) => [mib(r.bytes), r.baselineSeconds.toFixed(2), r.serverSeconds.toFixed(2),
    (r.bytes / 1e6 / r.baselineSeconds).toFixed(0), (r.bytes / 1e6 / r.serverSeconds).toFixed(0),
    `${r.ratio.toFixed(2)}×`, `${r.serverPeakMiB.toFixed(0)} (${r.idlePeakMiB.toFixed(0)})`,
    r.fetchSeconds.toFixed(2)]));
if (ingest.length) console.log('\n' + ingestTable);
for (const run of listing) console.log(`\n${run.count}:\n${listingTable(run.rows)}`);
if (disc.length) console.log('\n' + discTable(disc));
if (seek) console.log('\n' + seekTables(seek));
if (firstLoad) console.log('\n' + firstLoadTable(firstLoad));
if (hashing) console.log('\n' + hashingTable(hashing));
const archiveTables = fixity && merkle ? table(
  ['files', 'sha256sum s', 'fixity round s', 'MB/s sha256sum', 'MB/s fixity', 'ratio'],
  [[`${fixity.files} × ${mib(fixity.bytes / fixity.files)}`, fixity.sha256sumSeconds.toFixed(2),
    fixity.fixitySeconds.toFixed(2), (fixity.bytes / 1e6 / fixity.sha256sumSeconds).toFixed(0),
    (fixity.bytes / 1e6 / fixity.fixitySeconds).toFixed(0), `${fixity.ratio.toFixed(2)}×`]]) +
  '\n\n' + table(
  ['entries', 'append µs/entry', 'tree rows/entry', 'stored bytes/entry', 'inclusion proof',
    'inclusion proof µs', 'consistency proof (n/3 → n)', 'consistency proof µs', 'root µs'],
  [[String(merkle.entries), merkle.appendMicros.toFixed(1), merkle.nodesPerEntry.toFixed(2),
    merkle.bytesPerEntry.toFixed(0), `${merkle.inclusionProofHashes} hashes = ` +
    `${merkle.inclusionProofBytes} B`, merkle.inclusionProofMicros.toFixed(0),
    `${merkle.consistencyProofHashes} hashes = ${merkle.consistencyProofBytes} B`,
    merkle.consistencyProofMicros.toFixed(0), merkle.rootMicros.toFixed(0)]]) : '';
if (archiveTables) console.log('\n' + archiveTables);

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ` +
  `${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Node ${process.version}, 1-min load ` +
  `average ${loadBefore} at start and ${loadavg()[0].toFixed(1)} at end`;
const measured = `Measured on ${new Date().toISOString()}, ${machine}.`;

const INGEST = '## Ingest (target: ≥ 0.9× of sha256sum + cp + sync, memory independent of size)';
const LISTING = '## Listing and filtering (target: p95 < 50 ms per page)';
const DISC = '## Disc image of 3 recordings (target: at least as fast as genisoimage -J -R ' +
  '-udf with sync at ≤ 1.5× its CPU, memory independent of size; the package ≥ 0.9× of ' +
  'sha256sum + genisoimage + sync)';
const SEEK = '## Seeking in a 2 GB recording in the player (target: first frame after a seek ' +
  'from one Range request)';
const FIRST_LOAD = '## First load of the app (target: login page ≤ 700 kB transferred, ' +
  'a reload ≤ 50 kB)';
const PLUGIN = '## The EFR plugin in the Content App (issue 17; target: at most 150 kB gzip ' +
  'added to the first load, every EFR screen lazy)';
const HASHING = '## Hashing in the browser (target: ≥ 400 MiB/s in a Web Worker, ' +
  'no main-thread task over 50 ms)';
const ARCHIVE = '## Fixity audits and the access log\'s Merkle tree (issue 18; target: ' +
  'fixity ≥ 0.9× of sha256sum on the same files)';
const FINDINGS = '## Findings';
const path = join(ROOT, 'docs/benchmarks.md');
const old = existsSync(path) ? readFileSync(path, 'utf8') : '';
/** The body of a section of the previous docs/benchmarks.md (a part not run this time). */
function previous(heading: string): string | undefined {
  const start = old.indexOf(`${heading}\n`);
  if (start < 0) return undefined;
  const rest = old.slice(start + heading.length + 1);
  const end = rest.search(/^## /m);
  const body = end < 0 ? rest : rest.slice(0, end);
  return body.split(/^Re-run: /m)[0].trim();
}

const ingestBody = ingest.length ? `${measured}

Each size runs on a fresh server/ child process. One file of random-ish bytes is generated, then
${reps} interleaved runs of \`sha256sum f && cp f dst && sync\`, of a multipart
\`POST nodes/{id}/children\` sent by curl (\`-F filedata=@f\`, streamed from disk; hashed,
fsynced and linked by the server before its 201) and of the same upload sent by Node's fetch
(undici FormData over \`fs.openAsBlob\`, the client of the specs); best-of times are compared.
The ratio uses the curl client: a browser or ADF client runs on another machine, while both
clients here share the server's 2 cores, and undici's FormData streaming costs more CPU than
the server itself (the last column). VmHWM is the server process's peak resident memory after
all its uploads (in parentheses: right after start-up).

${ingestTable}` : previous(INGEST) ?? '_not run yet_';

const listingSection = listing.length ? listingBody(listing, measured,
  Number(process.env.EFR_BENCH_ROW_BUDGET_MS ?? 45_000) / 1000) : previous(LISTING) ?? '_not run yet_';

const discSection = disc.length ? discBody(disc, measured, reps, discLoads)
  : previous(DISC) ?? '_not run yet_';
const firstLoadSection = firstLoad ? firstLoadBody(firstLoad, measured, firstLoadLoads)
  : previous(FIRST_LOAD) ?? '_not run yet_';
const pluginSection = plugin ? pluginBody(plugin, measured)
  : previous(PLUGIN) ?? '_not run yet_';
const hashingSection = hashing ? hashingBody(hashing, measured, reps, hashingLoads)
  : previous(HASHING) ?? '_not run yet_';
const archiveSection = archiveTables ? `${measured} 1-min load during the part: ${
  archiveLoads.length ? `${Math.min(...archiveLoads).toFixed(1)}–${Math.max(...archiveLoads)
    .toFixed(1)}` : '-'}.

A fixity round as efr worker runs it in both hosts (over server/'s REST API, worker and server
in one process here; unpaced: the bytes-per-hour limit is a setting) re-hashes the sealed
recordings (4 large ones and the demo's few small ones) through \`GET /nodes/{id}/content\`
(SHA-256 on a worker thread, WorkerSha256, while the event loop moves the bytes),
each check recorded by the web script (access log, \`efr:fixityAudited\`), against
\`sha256sum\` over the same store files; the page cache is warmed
first, ${reps} interleaved runs, best of. The tree: ${merkle?.entries} synthetic entries
appended through server/'s \`appendToTree\` (canonical JSON, leaf hash, the completed subtrees
into \`access_log_tree\`) in transactions of 10 000; stored bytes are the database growth after a
WAL checkpoint; proofs are read from SQLite (RFC 9162: one 32-byte hash per level), times
are means of 200 proofs (inclusion of the first, a middle and the last entry; consistency from
1, n/3 and n − 1 entries to n).

${archiveTables}` : previous(ARCHIVE) ?? '_not run yet_';
const seekSection = seek ? seekBody(seek, measured, seekLoads) : previous(SEEK) ?? '_not run yet_';

const doc = `# Benchmarks (issue 3 and DESIGN.md "What the numbers must be")

Produced by \`npm run bench\` (scripts/bench.mjs → test/bench/run-bench.ts). Each part says
when and on what machine it was measured; a part not run keeps its previous numbers.
Absolute times on this shared machine are noise; the ratios and the shape of the numbers are
what count (DESIGN.md "What the numbers must be").

${INGEST}

${ingestBody}

${LISTING}

${listingSection}

${DISC}

${discSection}

${SEEK}

${seekSection}

${FIRST_LOAD}

${firstLoadSection}

${PLUGIN}

${pluginSection}

${HASHING}

${hashingSection}

${ARCHIVE}

${archiveSection}

Re-run: \`npm run bench\` (about 20 min idle, up to 35 min on a loaded machine); one part
only: \`EFR_BENCH_ONLY=ingest npm run bench\` (or \`listing\`, \`disc\`, \`seek\`,
\`firstload\`, \`plugin\`, \`hashing\`, \`archive\`, or a comma-separated list). The seek,
first-load, plugin and hashing parts need the built app (\`npm run build\`); the plugin part
builds the Content App once more without plugins (about a minute).
The listing curve: \`EFR_BENCH_ONLY=listing EFR_BENCH_LISTING_SIZES=10000,100000,1000000 npm
run bench\` (about 25 min; the million needs ~11 GB free in the temp dir, deleted after).

${FINDINGS}

${previous(FINDINGS) ?? '_(written by hand after a run)_'}
`;
writeFileSync(path, doc);
console.log('\nwritten: docs/benchmarks.md');
