/**
 * Bench (b) of issue 3 / DESIGN.md "listing and filtering 100 000 recordings in server/: p95
 * under 50 ms per page". The recordings are bulk-seeded through server/'s own persistence layer
 * (`openDatabase` + `NodeRows.insert`, the code every create goes through, minus HTTP and rule
 * checks), all sharing one stored file, into a data dir that server/ bootstrapped itself; then
 * server/ is started on it and pages are timed over HTTP, as the screens would ask for them.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { AcsHttp, basicAuth } from '../support/acs-http.js';
import { seededRandom } from '../support/seeded-random.js';
import { CORE, SEARCH, startChild, tempDir } from '../support/server-harness.js';
import { openDatabase } from '../../server/src/db/database.js';
import { NodeRows, type NodeRow } from '../../server/src/repo/node-rows.js';
import { ContentStore } from '../../server/src/store/content-store.js';
import { formatAcsDate } from '../../server/src/model/property-values.js';
import { bulkLoad } from './bulk-load.js';
import { Authorities } from '../../server/src/repo/authorities.js';
import { setLocalAces } from '../../server/src/repo/permissions.js';

/** Latency summary of one kind of request. */
export interface LatencyRow {
  /** What was asked. */
  label: string;
  /** Number of timed requests. */
  requests: number;
  /** Median, ms. */
  p50: number;
  /** 95th percentile, ms. */
  p95: number;
  /** Items per page actually returned (first request), for the record. */
  pageSize: number;
  /** totalItems reported by the server (first request). */
  totalItems: number;
  /**
   * Mean CPU time of the server process per timed request, ms (/proc ticks read around each
   * request, so 10 ms steps averaged over the row): what a page costs on an idle machine,
   * where p95 of wall time on the shared 2 cores mostly measures the other work.
   */
  cpuMs: number;
}

const SOURCES = ['bodyCamera', 'handheldCamera', 'voiceRecorder', 'fixedOfficeCamera'];
const ACTIVITIES = ['routineInspection', 'complaintHandling', 'evidenceCollection',
  'documentService', 'coerciveMeasure', 'otherFieldWork'];
const YEAR_START = Date.UTC(2026, 0, 1);
const BUDGET_MS = Number(process.env.EFR_BENCH_ROW_BUDGET_MS ?? 45_000);

/** Percentile by nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** How a seeding went, for the report. */
export interface SeedStats {
  /** Wall time of the whole seeding, s (rows plus index rebuild). */
  seconds: number;
  /** Of which rebuilding the indexes and statistics, s. */
  rebuildSeconds: number;
  /** Size of repository.sqlite afterwards, bytes. */
  dbBytes: number;
}

/** Recordings per transaction of the bulk load. */
const BATCH = 50_000;

/** The non-administrator of the bench: Consumer on the bench folder, not on the hidden one. */
export const READER = 'benchreader';

/**
 * Inserts `count` sealed recordings under a new folder of Company Home, and a tenth as many
 * under a second folder that only administrators read (inheritance off, no entries), so that
 * the read filter of a non-administrator hides `count / 10` recordings: a list up to 200 000
 * recordings, a per-row condition beyond (SEARCH_LIMITS.exclusion). Rows are written by
 * NodeRows.insert through bulk-load.ts (indexes and triggers rebuilt after); returns the
 * first folder's id.
 */
export async function seed(dataDir: string, count: number,
  log: (s: string) => void): Promise<{ folderId: string; stats: SeedStats }> {
  const db = openDatabase(dataDir);
  const store = new ContentStore(dataDir);
  const blob = await store.put(Readable.from([Buffer.from('bench recording bytes')]));
  const rows = new NodeRows(db);
  new Authorities(db).createPerson({ id: READER, firstName: 'Bench', email: 'bench@example.org',
    password: READER });
  const home = (db.prepare("SELECT value FROM meta WHERE key = 'company_home'").get() as
    { value: string }).value;
  const random = seededRandom(100_000);
  const now = Date.now();
  const folderId = randomUUID();
  const hiddenId = randomUUID();
  const aspects = ['cm:auditable', 'sys:referenceable', 'cm:titled', 'efr:captureFacts',
    'efr:sealed', 'efr:retention', 'efr:secrecy', 'efr:sessionBound', 'efr:accessLogged',
    'efr:fieldAct', 'efr:officers'];
  const folder = (id: string, name: string, inherit: boolean): NodeRow => ({ id,
    type: 'cm:folder', parentId: home, name, isFolder: true, isFile: false, createdAt: now,
    createdBy: 'admin', modifiedAt: now, modifiedBy: 'admin', props: {},
    aspects: ['cm:auditable', 'sys:referenceable'], content: null, inherit, aclLocal: true,
    lock: null });
  const recording = (i: number, parentId: string): NodeRow => {
    const start = YEAR_START + random.int(0, 364) * 86_400_000 + random.int(0, 86_399) * 1000;
    const seconds = random.int(30, 3600);
    return {
      id: randomUUID(), type: 'efr:recording', parentId,
      name: `REC-${String(i).padStart(7, '0')}.mp4`, isFolder: false, isFile: true,
      createdAt: now, createdBy: 'custodian1', modifiedAt: now, modifiedBy: 'custodian1',
      props: {
        'cm:title': `执法记录 ${i}`, 'efr:handoverId': `H-${Math.floor(i / 20)}`,
        'efr:segmentIndex': i % 20, 'efr:recorder': `officer${1 + (i % 2)}`,
        'efr:recordingStart': formatAcsDate(start),
        'efr:recordingEnd': formatAcsDate(start + seconds * 1000),
        'efr:durationSeconds': seconds, 'efr:partyNotified': true,
        'efr:source': SOURCES[random.int(0, SOURCES.length - 1)],
        'efr:activityType': ACTIVITIES[random.int(0, ACTIVITIES.length - 1)],
        'efr:location': `辖区 ${i % 50}`, 'efr:officer': 'officer1', 'efr:coOfficer': 'officer2',
        'efr:sha256': blob.sha256, 'efr:sizeBytes': blob.size, 'efr:secrecyLevel': 'none',
        'efr:sessionId': `S-${Math.floor(i / 5)}`,
      },
      aspects, content: { sha256: blob.sha256, size: blob.size, mimeType: 'video/mp4',
        encoding: 'UTF-8' },
      inherit: true, aclLocal: false, lock: null,
    };
  };
  const hidden = Math.floor(count / 10);
  const started = Date.now();
  const { rebuildMs } = bulkLoad(db, (commit) => {
    rows.insert(folder(folderId, 'bench-recordings', true));
    setLocalAces(db, folderId, [{ authorityId: READER, name: 'Consumer', accessStatus: 'ALLOWED' }]);
    rows.insert(folder(hiddenId, 'bench-hidden', false));
    for (let i = 0; i < count + hidden; i++) {
      if (i > 0 && i % BATCH === 0) {
        commit();
        if (i % (BATCH * 4) === 0) {
          log(`  ${i} recordings in ${((Date.now() - started) / 1000).toFixed(0)} s`);
        }
      }
      rows.insert(i < count ? recording(i, folderId) : recording(i, hiddenId));
    }
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const stats = { seconds: (Date.now() - started) / 1000, rebuildSeconds: rebuildMs / 1000,
    dbBytes: statSync(join(dataDir, 'repository.sqlite')).size };
  log(`  seeded ${count} + ${hidden} recordings in ${stats.seconds.toFixed(1)} s ` +
    `(${Math.round((count + hidden) / stats.seconds)}/s; index rebuild ` +
    `${stats.rebuildSeconds.toFixed(1)} s), repository.sqlite ` +
    `${(stats.dbBytes / 1e9).toFixed(2)} GB`);
  return { folderId, stats };
}

/** Requests slower than this are abandoned and reported as timed out. */
const TIMEOUT_MS = Number(process.env.EFR_BENCH_TIMEOUT_MS ?? 60_000);

/** CPU seconds (user + system) of a live process. */
function processCpuSeconds(pid: number): number {
  const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / TICKS;
}

const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

async function timeRequests(pid: number, label: string, n: number,
  send: (signal: AbortSignal) => Promise<{ status: number; body: unknown }>,
  log: (s: string) => void, before?: () => Promise<void>): Promise<LatencyRow> {
  const times: number[] = [];
  let cpu = 0;
  let first: { count?: number; totalItems?: number } = {};
  let timedOut = false;
  // A slow query must not stall the whole bench: stop after BUDGET_MS once 5 pages are timed.
  const started = Date.now();
  for (let i = -5; i < n; i++) {
    if (times.length >= 5 && Date.now() - started > BUDGET_MS) break;
    await before?.(); // not timed
    const cpuStart = processCpuSeconds(pid);
    const start = process.hrtime.bigint();
    let res: { status: number; body: unknown };
    try {
      res = await send(AbortSignal.timeout(TIMEOUT_MS));
    } catch (err) {
      // TimeoutError from the abort signal: this query is too slow to measure; report it so.
      if ((err as Error).name !== 'TimeoutError') throw err;
      timedOut = true;
      break;
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (i >= 0) cpu += processCpuSeconds(pid) - cpuStart;
    if (res.status !== 200) throw new Error(`${label}: ${res.status} ${JSON.stringify(res.body)}`);
    if (i === 0) {
      first = (res.body as { list: { pagination: typeof first } }).list.pagination;
    }
    if (i >= 0) times.push(ms); // the first five are warm-up
  }
  const row = timedOut
    ? { label, requests: times.length, p50: Infinity, p95: Infinity, pageSize: 0, totalItems: 0,
      cpuMs: Infinity }
    : { label, requests: times.length, p50: percentile(times, 50), p95: percentile(times, 95),
      pageSize: first.count ?? 0, totalItems: first.totalItems ?? 0,
      cpuMs: (cpu * 1000) / Math.max(1, times.length) };
  log(`  ${label}: p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms, ` +
    `server CPU ${row.cpuMs.toFixed(1)} ms/request` +
    (timedOut ? ` (a request exceeded ${TIMEOUT_MS / 1000} s)` : ''));
  return row;
}

/** The rows of one size, how it was seeded, and the 1-min load averages seen meanwhile. */
export interface ListingRun {
  /** Recordings in the listed folder. */
  count: number;
  rows: LatencyRow[];
  seeding: SeedStats;
  loads: number[];
}

/** Seeds `count` recordings, starts server/ and times pages of children and of search. */
export async function benchListing(count: number, requests: number, log: (s: string) => void)
  : Promise<ListingRun> {
  const loads: number[] = [];
  const logged = (s: string) => {
    loads.push(loadavg()[0]);
    log(s);
  };
  const { rows, seeding } = await benchSize(count, requests, logged);
  return { count, rows, seeding, loads };
}

async function benchSize(count: number, requests: number, log: (s: string) => void)
  : Promise<{ rows: LatencyRow[]; seeding: SeedStats }> {
  const work = tempDir('bench-list');
  const dataDir = join(work, 'data');
  try {
    const boot = await startChild({ demo: false, dataDir, timeoutMs: 60_000 });
    await boot.close();
    const { folderId: folder, stats: seeding } = await seed(dataDir, count, log);
    const server = await startChild({ demo: false, dataDir, timeoutMs: 120_000 });
    try {
      const http = new AcsHttp(server.url, basicAuth('admin', 'admin'));
      const random = seededRandom(42);
      const skip = () => random.int(0, count - 100);
      const rows: LatencyRow[] = [];
      const children = `${CORE}/nodes/${folder}/children`;
      rows.push(await timeRequests(server.pid, 'children, default order, 100/page', requests,
        (signal) => http.get(`${children}?skipCount=${skip()}&maxItems=100`, { signal }), log));
      rows.push(await timeRequests(server.pid, 'children, orderBy name DESC + properties', requests,
        (signal) => http.get(`${children}?skipCount=${skip()}&maxItems=100` +
          '&orderBy=name%20DESC&include=properties', { signal }), log));
      rows.push(await timeRequests(server.pid, 'children, where (isFile=true), 25/page', requests,
        (signal) => http.get(`${children}?skipCount=${skip()}&maxItems=25&where=` +
          encodeURIComponent('(isFile=true)'), { signal }), log));
      // A write between two requests (untimed) makes the next one cold: server/ keeps a
      // search's ordered matches and counts only until the data changes.
      const scratch = await http.post<{ entry: { id: string } }>(`${CORE}/nodes/-root-/children`,
        { name: 'bench-writes', nodeType: 'cm:folder' });
      const write = async () => {
        const r = await http.post(`${CORE}/nodes/${scratch.body.entry.id}/children`,
          { name: randomUUID(), nodeType: 'cm:folder' });
        if (r.status !== 201) throw new Error(`write: ${r.status}`);
      };
      const activityQuery = (a: string) => ({ language: 'afts', query:
        `TYPE:"efr:recording" AND =efr:activityType:"${a}" AND NOT =efr:source:"voiceRecorder"` });
      const monthQuery = (m: string) => ({ language: 'afts', query: 'TYPE:"efr:recording" AND ' +
        `=efr:source:"bodyCamera" AND efr:recordingStart:["2026-${m}-01T00:00:00" TO ` +
        `"2026-${m}-28T23:59:59"]` });
      const byStart = [{ type: 'FIELD', field: 'efr:recordingStart', ascending: false }];
      const month = () => String(random.int(1, 11)).padStart(2, '0');
      const activity = () => ACTIVITIES[random.int(0, 5)];
      for (const [cold, when] of [[true, 'first page after a write'],
        [false, 'next pages']] as const) {
        rows.push(await timeRequests(server.pid, `search TYPE + activity AND NOT source, ${when}`, requests,
          (signal) => http.post(`${SEARCH}/search`, {
            query: activityQuery(cold ? activity() : ACTIVITIES[1]),
            paging: { maxItems: 100, skipCount: random.int(0, Math.floor(count / 20)) },
          }, { signal }), log, cold ? write : undefined));
        rows.push(await timeRequests(server.pid, `search TYPE + source + month, sorted, ${when}`, requests,
          (signal) => http.post(`${SEARCH}/search`, {
            query: monthQuery(cold ? month() : '05'), sort: byStart,
            paging: { maxItems: 100, skipCount: random.int(0, Math.floor(count / 500)) },
            include: ['properties'],
          }, { signal }), log, cold ? write : undefined));
      }
      // The recordings screen as it opens: every recording, newest start first, 25 a page.
      rows.push(await timeRequests(server.pid, 'search TYPE sorted by start (screen), pages 1–200, ' +
        'after a write', requests, (signal) => http.post(`${SEARCH}/search`, {
        query: { language: 'afts', query: 'TYPE:"efr:recording"' }, sort: byStart,
        paging: { maxItems: 25, skipCount: 25 * random.int(0, 199) },
        include: ['properties', 'aspectNames'],
      }, { signal }), log, write));
      rows.push(await timeRequests(server.pid, 'search TYPE sorted by start (screen), any page', requests,
        (signal) => http.post(`${SEARCH}/search`, {
          query: { language: 'afts', query: 'TYPE:"efr:recording"' }, sort: byStart,
          paging: { maxItems: 25, skipCount: random.int(0, count - 25) },
          include: ['properties', 'aspectNames'],
        }, { signal }), log));
      rows.push(await timeRequests(server.pid, 'search TYPE sorted by start (screen), page > 200 after ' +
        'a write', Math.min(requests, 20), (signal) => http.post(`${SEARCH}/search`, {
        query: { language: 'afts', query: 'TYPE:"efr:recording"' }, sort: byStart,
        paging: { maxItems: 25, skipCount: random.int(5000, count - 25) },
        include: ['properties', 'aspectNames'],
      }, { signal }), log, write));
      // A caller whose Read filter applies: Consumer on the bench folder, not on the hidden one.
      const reader = new AcsHttp(server.url, basicAuth(READER, READER));
      rows.push(await timeRequests(server.pid, 'non-admin: search TYPE sorted by start (screen), pages ' +
        '1–200, after a write', requests, (signal) => reader.post(`${SEARCH}/search`, {
        query: { language: 'afts', query: 'TYPE:"efr:recording"' }, sort: byStart,
        paging: { maxItems: 25, skipCount: 25 * random.int(0, 199) },
        include: ['properties', 'aspectNames'],
      }, { signal }), log, write));
      rows.push(await timeRequests(server.pid, 'non-admin: search TYPE + activity AND NOT source, first ' +
        'page after a write', requests, (signal) => reader.post(`${SEARCH}/search`, {
        query: activityQuery(activity()),
        paging: { maxItems: 100, skipCount: random.int(0, Math.floor(count / 20)) },
      }, { signal }), log, write));
      rows.push(await timeRequests(server.pid, 'non-admin: children, default order, 100/page', requests,
        (signal) => reader.get(`${children}?skipCount=${skip()}&maxItems=100`, { signal }), log));
      return { rows, seeding };
    } finally {
      await server.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
