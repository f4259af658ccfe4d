/**
 * Disc benchmark of DESIGN.md "What the numbers must be" (issue 20): an image of 3 recordings
 * built by our writer (core/src/disc, in a child process: disc-child.ts) against the
 * like-for-like tool, `genisoimage -J -R -udf` (the one Debian tool here that writes the same
 * three trees: ISO 9660 + Joliet + Rock Ridge + a UDF bridge), on the same files in the same
 * run, as time and CPU ratios, plus the peak resident memory of each builder for two file sizes
 * (it must not grow with the size); `xorriso -as mkisofs` (no UDF) is a second reference. The
 * full evidence package is compared with `sha256sum -c` of the seals + the same genisoimage
 * (+ sync). Every timed image is read back (isoinfo, xorriso, 7-Zip) and its recordings
 * hashed, so a broken fast writer cannot win.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createReadStream, mkdirSync, readFileSync, rmSync, statSync, writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { bundleForNode } from '../../scripts/build-cli.mjs';
import { makeLargeFile, type GeneratedFile } from '../support/media.js';
import { ROOT, tempDir } from '../support/server-harness.js';

/** One builder of the comparison. */
interface Contender {
  /** Row label. */
  label: string;
  /** Whether its image must carry a UDF tree. */
  udf: boolean;
  /** The command line (argv) for an image at `out` of the folder `tree`. */
  argv(out: string, tree: string, jobs: Record<ChildMode, string>): string[];
  /** Whether it is our child (prints its own VmHWM as JSON). */
  ours: boolean;
  /** Label of the row it is compared with (time and CPU ratios). */
  reference: string;
}

type ChildMode = 'writer' | 'package' | 'seals' | 'bundle';

/** Volume label of every contender's image. */
const LABEL = 'EFR-BENCH-2026-001';

/** Row labels of the two references. */
const GENISOIMAGE = 'genisoimage -J -R -udf';
const HASH_AND_GENISOIMAGE = 'sha256sum -c + genisoimage -J -R -udf';

/**
 * The contenders' command lines. xorriso: ISO level 3 (as ours, multi-extent if ever needed),
 * Joliet, Rock Ridge; it has no UDF option. Under `-as mkisofs` it calls no fsync (checked
 * with strace: `-stdio_sync on` would fsync every 16 MiB, but is not the emulation's default).
 */
export const DISC_COMMANDS = {
  xorriso: `xorriso -as mkisofs -iso-level 3 -J -R -V ${LABEL} -o <image> <tree>`,
  genisoimage: `genisoimage -quiet -iso-level 3 -J -R -udf -V ${LABEL} -o <image> <tree>`,
  /** The package's reference: check every recording against its seal, then the image. */
  hashThenImage: 'sh -c "cd <tree> && sha256sum --quiet -c <seals> && genisoimage …"',
};

/** A command line of DISC_COMMANDS as argv (the temp paths hold no spaces). */
function argvOf(template: string, out: string, tree: string): string[] {
  return template.replace('<image>', out).replace('<tree>', tree).split(' ');
}

const node = [process.execPath, '--import', 'tsx', join(ROOT, 'test/bench/disc-child.ts')];

/**
 * The same child bundled as `npm run build` bundles the `efr` CLI (scripts/build-cli.mjs:
 * esbuild, one chunk per dynamic import, packages left to node_modules) and run by plain
 * Node, as `npx efr` runs once built. Through tsx (the development fallback of bin/efr.mjs)
 * start-up alone is ~0.3 s of CPU, most of our time at 3 × 100 MB. Written under dist/ of the
 * checkout (as dist/cli/), where its npm packages resolve from node_modules.
 */
function bundleChild(outdir: string): string {
  bundleForNode(['test/bench/disc-child.ts'], outdir);
  return join(outdir, 'disc-child.mjs');
}

/** Row labels of our contenders (the report checks the goals on them). */
export const OURS = {
  writer: 'ours: writer (built: plain node)',
  writerTsx: 'ours: writer through tsx (no build)',
  package: 'ours: evidence package (built: plain node)',
};

const CONTENDERS: Contender[] = [
  { label: OURS.writer, udf: true, ours: true, reference: GENISOIMAGE,
    argv: (_o, _t, jobs) => [process.execPath, jobs.bundle, jobs.writer] },
  { label: OURS.writerTsx, udf: true, ours: true, reference: GENISOIMAGE,
    argv: (_o, _t, jobs) => [...node, jobs.writer] },
  { label: GENISOIMAGE, udf: true, ours: false, reference: GENISOIMAGE,
    argv: (o, t) => argvOf(DISC_COMMANDS.genisoimage, o, t) },
  { label: 'xorriso -as mkisofs -J -R', udf: false, ours: false, reference: GENISOIMAGE,
    argv: (o, t) => argvOf(DISC_COMMANDS.xorriso, o, t) },
  { label: OURS.package, udf: true, ours: true, reference: HASH_AND_GENISOIMAGE,
    argv: (_o, _t, jobs) => [process.execPath, jobs.bundle, jobs.package] },
  { label: HASH_AND_GENISOIMAGE, udf: true, ours: false, reference: HASH_AND_GENISOIMAGE,
    argv: (o, t, jobs) => ['sh', '-c', `cd ${t}/data && sha256sum --quiet -c ${jobs.seals} && ` +
      argvOf(DISC_COMMANDS.genisoimage, o, t).join(' ')] },
];

/** Best-of numbers of one contender for one file size. */
export interface DiscRow {
  /** Contender label. */
  label: string;
  /** Best time from start to exit, seconds. */
  exitSeconds: number;
  /** Best time from start to exit plus a following `sync`, seconds. */
  syncedSeconds: number;
  /** Peak resident memory of the builder process (VmHWM / ru_maxrss), MiB, largest run. */
  peakMiB: number;
  /** Our child only: VmHWM before its writer modules were loaded, MiB. */
  idleMiB?: number;
  /** Our child only: best time inside the process (load of the modules to closed file). */
  innerSeconds?: number;
  /** Least CPU time (user + system) of a run, seconds. */
  cpuSeconds: number;
  /** Label of the reference row. */
  reference: string;
  /** Per round: the reference's time over this row's, with sync (same round, so same load). */
  roundRatios: number[];
  /** Image size in bytes. */
  imageBytes: number;
  /** Whether the image was checked to carry a UDF tree with the recordings. */
  udf: boolean;
  /** Every run (exit, synced, CPU, user CPU, system CPU), for the record. */
  runs: [number, number, number, number, number][];
}

/** Result for one recording size. */
export interface DiscResult {
  /** Size of each of the 3 recordings, bytes. */
  fileBytes: number;
  rows: DiscRow[];
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function run(argv: string[], what: string): string {
  const r = spawnSync(argv[0], argv.slice(1), { cwd: ROOT, encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } });
  if (r.status !== 0) throw new Error(`${what}: exit ${r.status}\n${r.stderr}`);
  return r.stdout;
}

async function sha256Range(path: string, start: number, size: number): Promise<string> {
  const hash = createHash('sha256');
  if (size > 0) {
    for await (const chunk of createReadStream(path, { start, end: start + size - 1,
      highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/**
 * Reads an image back with independent tools: isoinfo (volume size, Joliet and Rock Ridge
 * present, Joliet names and sizes), xorriso (the Rock Ridge tree with each file's first block;
 * the recording's bytes at that block are hashed and compared with the source), 7-Zip's UDF
 * reader (names and sizes) when the contender writes UDF. Throws on the first difference.
 */
export async function verifyImage(image: string, files: GeneratedFile[], names: string[],
  udf: boolean): Promise<void> {
  const fail = (msg: string): never => {
    throw new Error(`${image}: ${msg}`);
  };
  const pvd = run(['isoinfo', '-d', '-i', image], 'isoinfo -d');
  const blocks = Number(/Volume size is:\s*(\d+)/.exec(pvd)?.[1]);
  if (blocks * 2048 !== statSync(image).size) fail(`volume size ${blocks} blocks vs file size`);
  if (!/Joliet/.test(pvd) || !/Rock Ridge signatures/.test(pvd)) fail('no Joliet or Rock Ridge');
  const joliet = run(['isoinfo', '-J', '-l', '-i', image], 'isoinfo -J -l');
  const lba = run(['xorriso', '-indev', image, '-find', '/data', '-type', 'f', '-exec',
    'report_lba', '--'], 'xorriso report_lba');
  const udfList = udf ? run(['7z', 'l', '-tudf', image], '7z l -tudf') : '';
  for (const [i, f] of files.entries()) {
    const name = names[i];
    const pat = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (!new RegExp(`\\s${f.size}\\s.*\\]\\s+${pat}(;1)?\\s*$`, 'm').test(joliet)) {
      fail(`Joliet tree lacks ${name} of ${f.size} bytes`);
    }
    // "File data lba:  0 , <start> , <blocks> , <size> , '/data/<name>'"
    const m = new RegExp(`lba:\\s*0\\s*,\\s*(\\d+)\\s*,\\s*\\d+\\s*,\\s*(\\d+)\\s*,` +
      `\\s*'/data/${pat}'`).exec(lba);
    if (!m || Number(m[2]) !== f.size) fail(`Rock Ridge tree lacks /data/${name} of ${f.size}`);
    const sha = await sha256Range(image, Number(m?.[1]) * 2048, f.size);
    if (sha !== f.sha256) fail(`/data/${name} content differs from its source`);
    if (udf && !new RegExp(`\\s${f.size}\\s+\\d+\\s+data/${pat}\\s*$`, 'm').test(udfList)) {
      fail(`UDF tree lacks data/${name} of ${f.size} bytes`);
    }
  }
}

/** Peak RSS (MiB) and CPU seconds (user + system) written by `/usr/bin/time -f '%M %U %S'`. */
function timeUsage(file: string):
  { peakMiB: number; cpuSeconds: number; user: number; sys: number } {
  const [kib, user, sys] = (readFileSync(file, 'utf8').trim().split('\n').at(-1) ?? '')
    .split(' ').map(Number);
  return { peakMiB: kib / 1024, cpuSeconds: user + sys, user, sys };
}

/**
 * Runs the comparison for 3 recordings of `fileBytes` each: `reps` rounds, each running every
 * contender once (the order rotates per round), `sync` before each run (untimed) and after it
 * (timed separately), image verified and removed after each run. Best-of times are compared.
 */
export async function benchDisc(fileBytes: number, reps: number, log: (s: string) => void)
  : Promise<DiscResult> {
  const work = tempDir('bench-disc');
  try {
    const tree = join(work, 'tree');
    mkdirSync(join(tree, 'data'), { recursive: true });
    const names = ['20261124_093000_BWC-2026-001.mp4', '20261124_101500_BWC-2026-002.mp4',
      '20261124_134500_BWC-2026-003.mp4'];
    const files: GeneratedFile[] = [];
    for (const [i, name] of names.entries()) {
      files.push(await makeLargeFile(join(tree, 'data', name), fileBytes, 11 + i));
    }
    const image = join(work, 'image.iso');
    rmSync(join(ROOT, 'dist/bench'), { recursive: true, force: true });
    const jobs = { writer: join(work, 'writer.json'), package: join(work, 'package.json'),
      seals: join(work, 'seals.sha256'), bundle: bundleChild(join(ROOT, 'dist/bench')) };
    writeFileSync(jobs.seals, files.map((f, i) => `${f.sha256}  ${names[i]}\n`).join(''));
    for (const mode of ['writer', 'package'] as const) {
      writeFileSync(jobs[mode], JSON.stringify({ mode, out: image,
        files: files.map((f) => ({ path: f.path, sha256: f.sha256 })) }));
    }
    const rows: DiscRow[] = CONTENDERS.map((c) => ({ label: c.label, exitSeconds: Infinity,
      syncedSeconds: Infinity, peakMiB: 0, cpuSeconds: Infinity, imageBytes: 0, udf: c.udf,
      runs: [], reference: c.reference, roundRatios: [] }));
    const rssFile = join(work, 'rss.txt');
    for (let rep = 0; rep < reps; rep++) {
      for (let k = 0; k < CONTENDERS.length; k++) {
        const index = (k + rep) % CONTENDERS.length;
        const c = CONTENDERS[index];
        const row = rows[index];
        rmSync(image, { force: true });
        spawnSync('sync');
        const argv = ['/usr/bin/time', '-f', '%M %U %S', '-o', rssFile,
          ...c.argv(image, tree, jobs)];
        const start = process.hrtime.bigint();
        const out = run(argv, c.label);
        const exit = seconds(start);
        spawnSync('sync');
        const synced = seconds(start);
        const usage = timeUsage(rssFile);
        row.runs.push([exit, synced, usage.cpuSeconds, usage.user, usage.sys]);
        row.exitSeconds = Math.min(row.exitSeconds, exit);
        row.syncedSeconds = Math.min(row.syncedSeconds, synced);
        if (c.ours) {
          // Our child's own VmHWM, read by itself at its end (ru_maxrss says the same).
          const child = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as
            { idleKiB: number; peakKiB: number; seconds: number };
          row.peakMiB = Math.max(row.peakMiB, child.peakKiB / 1024);
          row.idleMiB = Math.max(row.idleMiB ?? 0, child.idleKiB / 1024);
          row.innerSeconds = Math.min(row.innerSeconds ?? Infinity, child.seconds);
        }
        if (!c.ours) row.peakMiB = Math.max(row.peakMiB, usage.peakMiB);
        row.cpuSeconds = Math.min(row.cpuSeconds, usage.cpuSeconds);
        row.imageBytes = statSync(image).size;
        await verifyImage(image, files, names, c.udf);
        log(`  3 × ${fileBytes / 1e6} MB ${c.label} run ${rep + 1}: ${exit.toFixed(2)} s ` +
          `(+ sync ${synced.toFixed(2)} s), CPU ${usage.cpuSeconds.toFixed(2)} s, ` +
          `${row.peakMiB.toFixed(0)} MiB, image verified`);
      }
      for (const row of rows) {
        const ref = rows.find((r) => r.label === row.reference)!;
        row.roundRatios.push(ref.runs[rep][1] / row.runs[rep][1]);
      }
    }
    return { fileBytes, rows };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
