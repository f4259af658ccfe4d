/**
 * Seek benchmark of DESIGN.md "What the numbers must be": in the player screen (Chromium), a
 * seek in a ~2 GB recording must get its first frame from one HTTP Range request. The
 * recording is generated with ffmpeg (a 60 s 720p H.264 + AAC clip encoded once, then looped
 * with `-c copy` and `-movflags +faststart`, so the index is at the start), uploaded to a
 * server/ child as a sealed efr:recording, linked to a case and made playable for officer1 by
 * the viewing-request steps (submit, review, approve, register: R24.1, R24.2). officer1 opens
 * /playback/{request}, plays, and seeks to the middle, then to other points (seek-pass.ts), in
 * three passes: a regular profile (disk cache), a fresh context (memory cache, as incognito),
 * and with the HTTP cache disabled. Content requests are counted twice: as Chromium's media
 * element sends them and as the server answers them (access-log `range` entries).
 */
import { execFile } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { AcsHttp, basicAuth } from '../support/acs-http.js';
import {
  CORE, DEMO_PASSWORD, startChild, tempDir, type ChildServer,
} from '../support/server-harness.js';
import { recordingProps } from '../../server/src/testing/temp-repository.js';
import { APP_DIR, launchChromium, snapshotApp } from '../e2e/support/e2e-app.js';
import { CACHE_MODES, seekPass, type OpeningRequests, type SeekRow } from './seek-pass.js';

const run = promisify(execFile);
const EFR = '/alfresco/s/efr';

/** Result of the seek benchmark. */
export interface SeekResult {
  /** Recording size, bytes. */
  bytes: number;
  /** Duration, seconds. */
  durationSeconds: number;
  /** Size of the `moov` index at the head of the file, bytes. */
  moovBytes: number;
  /** Chromium's version string. */
  browser: string;
  opening: OpeningRequests[];
  rows: SeekRow[];
}

/** Encodes the clip once and loops it to at least `bytes` bytes (stream copy, faststart). */
export async function makeLongRecording(dir: string, bytes: number): Promise<string> {
  const clip = join(dir, 'clip.mp4');
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25:duration=60',
    '-f', 'lavfi', '-i', 'sine=frequency=1000:duration=60',
    // Temporal noise keeps the encoder near a body camera's 8 Mbit/s (a test pattern alone
    // compresses to almost nothing); a keyframe every 2 s, as such cameras write.
    '-vf', 'noise=alls=12:allf=t', '-c:v', 'libx264', '-preset', 'ultrafast',
    '-b:v', '8M', '-maxrate', '8M', '-bufsize', '16M', '-g', '50', '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-b:a', '64k', '-shortest', clip]);
  const loops = Math.max(0, Math.ceil(bytes / statSync(clip).size) - 1);
  const out = join(dir, '20261124_093000_BWC-2026-001.mp4');
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-stream_loop', String(loops),
    '-i', clip, '-c', 'copy', '-movflags', '+faststart', out]);
  rmSync(clip);
  return out;
}

async function durationOf(path: string): Promise<number> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration',
    '-of', 'csv=p=0', path]);
  return Number(stdout.trim());
}

/** Size of the top-level `moov` box if it comes right after `ftyp` (faststart), else 0. */
function moovSize(path: string): number {
  const head = Buffer.alloc(64);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 64, 0);
  } finally {
    closeSync(fd);
  }
  const ftyp = head.readUInt32BE(0);
  return head.toString('latin1', ftyp + 4, ftyp + 8) === 'moov' ? head.readUInt32BE(ftyp) : 0;
}

/** Uploads the recording as a sealed efr:recording (curl streams the 2 GB from disk). */
async function uploadRecording(server: ChildServer, http: AcsHttp, path: string,
  duration: number): Promise<string> {
  const folder = await http.get<{ entry: { id: string } }>(
    `${CORE}/nodes/-root-?relativePath=${encodeURIComponent('EFR 执法记录/录像档案')}`);
  if (folder.status !== 200) throw new Error(`recordings folder: ${folder.status}`);
  const start = Date.UTC(2026, 10, 24, 1, 30, 0);
  const props = recordingProps(true, { 'efr:durationSeconds': Math.round(duration),
    'efr:recordingEnd': new Date(start + duration * 1000).toISOString().replace('Z', '+0000'),
    'efr:recordingStart': new Date(start).toISOString().replace('Z', '+0000') });
  const name = path.split('/').at(-1) ?? 'recording.mp4';
  const fields = [['name', name], ['nodeType', 'efr:recording'],
    ...Object.entries(props).map(([k, v]) => [k, String(v)])]
    .flatMap(([k, v]) => ['-F', `${k}=${v}`]);
  const { stdout } = await run('curl', ['-sS', '-u', 'admin:admin', ...fields,
    '-F', `filedata=@${path};type=video/mp4`,
    `${server.url}${CORE}/nodes/${folder.body.entry.id}/children`],
  { maxBuffer: 16 * 1024 * 1024 });
  const id = (JSON.parse(stdout) as { entry?: { id: string } }).entry?.id;
  if (!id) throw new Error(`upload: ${stdout.slice(0, 500)}`);
  return id;
}

/** A case led by leader1 holding the recording, and a request registered for officer1. */
async function registerViewing(server: ChildServer, http: AcsHttp, recId: string)
  : Promise<string> {
  const cases = await http.get<{ entry: { id: string } }>(
    `${CORE}/nodes/-root-?relativePath=${encodeURIComponent('EFR 执法记录/案件')}`);
  const kase = await http.post<{ entry: { id: string } }>(
    `${CORE}/nodes/${cases.body.entry.id}/children`, {
      name: 'EFR-2026-9901', nodeType: 'efr:case', properties: {
        'cm:title': '回放基准测试案', 'efr:caseNumber': 'EFR-2026-9901', 'efr:actType': 'penalty',
        'efr:stages': ['initiation'], 'efr:caseStatus': 'open', 'efr:handler': 'officer1',
        'efr:leaderInCharge': 'leader1', 'efr:unit': '社会事务科', 'efr:retentionYears': 10,
        'efr:openedAt': '2026-11-01T00:00:00.000+0000' } });
  if (kase.status !== 201) throw new Error(`case: ${kase.status} ${kase.text}`);
  const link = await http.post(`${CORE}/nodes/${kase.body.entry.id}/targets`,
    { targetId: recId, assocType: 'efr:caseRecordings' });
  if (link.status !== 201) throw new Error(`link: ${link.status} ${link.text}`);
  const as = (user: string) => new AcsHttp(server.url, basicAuth(user, DEMO_PASSWORD));
  const filed = await as('officer1').post<{ entry: { id: string } }>(`${EFR}/access-requests`,
    { recordingIds: [recId], purpose: 'work', reason: '回放性能测试' });
  if (filed.status !== 201) throw new Error(`request: ${filed.status} ${filed.text}`);
  const id = filed.body.entry.id;
  const steps: [string, string, unknown][] = [['director1', 'review', {}],
    ['leader1', 'approve', {}], ['custodian1', 'register', { viewer: 'officer1',
      reason: '回放性能测试', viewingUntil: new Date(Date.now() + 2 * 3_600_000).toISOString() }]];
  for (const [user, step, body] of steps) {
    const r = await as(user).post(`${EFR}/access-requests/${id}/${step}`, body);
    if (r.status !== 200) throw new Error(`${step}: ${r.status} ${r.text}`);
  }
  return id;
}

/** Throws unless the app is built (checked before any part runs: the seek part comes last). */
export function assertAppBuilt(): void {
  if (!existsSync(join(APP_DIR, 'index.html'))) {
    throw new Error(`the app is not built: run \`npx ng build\` (missing ${APP_DIR}/index.html)`);
  }
}

/**
 * Generates, uploads and plays the recording, and measures seeks to `fractions` of its
 * duration in each pass of CACHE_MODES. The server is a child process with the demo users;
 * the app is a copy of dist/ (build it first with `npx ng build`).
 */
export async function benchSeek(bytes: number, fractions: number[], log: (s: string) => void)
  : Promise<SeekResult> {
  assertAppBuilt();
  const work = tempDir('bench-seek');
  let server: ChildServer | undefined;
  let browser: Browser | undefined;
  try {
    const media = join(work, 'media');
    mkdirSync(media);
    log(`  generating a ~${(bytes / 1e9).toFixed(1)} GB recording with ffmpeg`);
    const file = await makeLongRecording(media, bytes);
    const size = statSync(file).size;
    const durationSeconds = await durationOf(file);
    const moovBytes = moovSize(file);
    snapshotApp(join(work, 'app'));
    process.env.EFR_APP_DIR = join(work, 'app');
    server = await startChild({ demo: true, dataDir: join(work, 'data'), timeoutMs: 180_000 });
    const http = new AcsHttp(server.url, basicAuth('admin', 'admin'));
    log(`  uploading ${size} bytes (${durationSeconds.toFixed(0)} s) to ${server.url}`);
    const recId = await uploadRecording(server, http, file, durationSeconds);
    rmSync(media, { recursive: true, force: true });
    const requestId = await registerViewing(server, http, recId);
    browser = await launchChromium();
    const opening: OpeningRequests[] = [];
    const rows: SeekRow[] = [];
    for (const mode of CACHE_MODES) {
      const pass = await seekPass({ browser, profileDir: join(work, 'profile'),
        server, recId, requestId }, mode, fractions, log);
      opening.push(pass.opening);
      rows.push(...pass.rows);
    }
    return { bytes: size, durationSeconds, moovBytes, browser: `Chromium ${browser.version()}`,
      opening, rows };
  } finally {
    await browser?.close();
    await server?.close();
    delete process.env.EFR_APP_DIR;
    rmSync(work, { recursive: true, force: true });
  }
}
