/**
 * Bench (a) of issue 3 / DESIGN.md "What the numbers must be": ingest of a generated file
 * through the HTTP multipart upload of server/ (stream, hash, store durably) against
 * `sha256sum f && cp f dst && sync` on the same file in the same run, as a throughput ratio,
 * plus the server process's peak resident memory (VmHWM) for two file sizes, which must not
 * grow with the size.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AcsHttp, basicAuth } from '../support/acs-http.js';
import { brokenFileNodes } from '../support/data-dir.js';
import { makeLargeFile } from '../support/media.js';
import { CORE, startChild, tempDir } from '../support/server-harness.js';

/** Result for one file size. */
export interface IngestResult {
  /** File size in bytes. */
  bytes: number;
  /** Best baseline time (sha256sum + cp + sync), seconds. */
  baselineSeconds: number;
  /** Best server upload time with curl as the client (request start to 201), seconds. */
  serverSeconds: number;
  /** Best server upload time with Node's fetch (undici FormData) as the client, seconds. */
  fetchSeconds: number;
  /** Server throughput / baseline throughput. */
  ratio: number;
  /** Peak RSS of the server process after the uploads, MiB. */
  serverPeakMiB: number;
  /** Peak RSS of the idle server right after start-up, MiB. */
  idlePeakMiB: number;
  /** Every run, for the record. */
  runs: { baseline: number[]; server: number[]; fetch: number[] };
}

/** Peak resident set size (VmHWM) of a process, in MiB. */
export function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Flushes dirty pages so that neither contender pays for the other's writes. */
function sync(): void {
  spawnSync('sync');
}

function baseline(file: string, dst: string): number {
  sync();
  const start = process.hrtime.bigint();
  const r = spawnSync('sh', ['-c', 'sha256sum "$1" >/dev/null && cp "$1" "$2" && sync', 'sh',
    file, dst]);
  const elapsed = seconds(start);
  if (r.status !== 0) throw new Error(`baseline failed: ${r.stderr.toString()}`);
  rmSync(dst, { force: true });
  return elapsed;
}

/**
 * One multipart upload by curl (`-F filedata=@file`), the way a native client sends it; the
 * process is spawned asynchronously so the event loop of this process stays free.
 */
async function curlUpload(url: string, parentId: string, file: string, name: string)
  : Promise<number> {
  const start = process.hrtime.bigint();
  const child = spawn('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '-u', 'admin:admin',
    '-F', `filedata=@${file};filename=${name}`, '-F', `name=${name}`,
    `${url}${CORE}/nodes/${parentId}/children`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((res, rej) => {
    child.on('error', rej);
    child.on('close', res);
  });
  const elapsed = seconds(start);
  if (code !== 0 || out.trim() !== '201') throw new Error(`curl upload: exit ${code}, ${out}`);
  return elapsed;
}

/**
 * Runs the ingest comparison for one size: `reps` interleaved runs of each contender, on a
 * fresh server (so that its VmHWM belongs to this size alone). Best-of times are compared,
 * which removes most of the noise of a shared machine.
 */
export async function benchIngest(bytes: number, reps: number, log: (s: string) => void)
  : Promise<IngestResult> {
  const work = tempDir('bench-ingest');
  const server = await startChild({ demo: false, dataDir: join(work, 'data'), timeoutMs: 60_000 });
  try {
    const idlePeakMiB = peakRssMiB(server.pid);
    const file = await makeLargeFile(join(work, 'source.bin'), bytes, 7);
    const http = new AcsHttp(server.url, basicAuth('admin', 'admin'));
    const folder = await http.post<{ entry: { id: string } }>(`${CORE}/nodes/-root-/children`,
      { name: 'bench-ingest', nodeType: 'cm:folder' });
    if (folder.status !== 201) throw new Error(`folder: ${folder.status} ${folder.text}`);
    const runs = { baseline: [] as number[], server: [] as number[], fetch: [] as number[] };
    for (let rep = 0; rep < reps; rep++) {
      runs.baseline.push(baseline(file.path, join(work, 'copy.bin')));
      log(`  ${mib(bytes)} baseline run ${rep + 1}: ${runs.baseline.at(-1)?.toFixed(2)} s`);
      sync();
      // Same bytes each time: the store keeps one copy (content addressing), but each upload
      // still streams, hashes, fsyncs and links the whole file before its 201.
      runs.server.push(await curlUpload(server.url, folder.body.entry.id, file.path,
        `run-${rep}.bin`));
      log(`  ${mib(bytes)} server (curl) run ${rep + 1}: ${runs.server.at(-1)?.toFixed(2)} s`);
      sync();
      const start = process.hrtime.bigint();
      const res = await http.upload(folder.body.entry.id, file.path, `fetch-${rep}.bin`);
      runs.fetch.push(seconds(start));
      if (res.status !== 201) throw new Error(`upload: ${res.status} ${res.text.slice(0, 300)}`);
      log(`  ${mib(bytes)} server (Node fetch) run ${rep + 1}: ` +
        `${runs.fetch.at(-1)?.toFixed(2)} s`);
    }
    const serverPeakMiB = peakRssMiB(server.pid);
    const broken = await brokenFileNodes(server.dataDir ?? '', folder.body.entry.id);
    if (broken.length) throw new Error(`stored content differs: ${JSON.stringify(broken)}`);
    const baselineSeconds = Math.min(...runs.baseline);
    const serverSeconds = Math.min(...runs.server);
    const fetchSeconds = Math.min(...runs.fetch);
    return { bytes, baselineSeconds, serverSeconds, fetchSeconds,
      ratio: baselineSeconds / serverSeconds,
      serverPeakMiB, idlePeakMiB, runs };
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Bytes as MiB/GiB text. */
export function mib(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${bytes / 1024 ** 3} GiB` : `${bytes / 1024 ** 2} MiB`;
}
