/**
 * Issue 21: `npm install && npm start` on a fresh machine with Node 20 and nothing else. The
 * start path (server/src/main.ts with EFR_DEMO=1, as scripts/start.mjs runs it) is started with
 * a `PATH` that holds no ffmpeg: the demo must still get playable recordings (made with the
 * ffmpeg of the npm package @ffmpeg-installer/ffmpeg), and with no ffmpeg at all the start must
 * end with one sentence naming the fix, never a stack trace.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import {
  FFMPEG_PACKAGE,
  packagedFfmpeg,
  systemFfmpeg,
} from '../../server/src/demo/ffmpeg-binary.js';
import {
  CORE, ROOT, SEARCH, freePort, startChild, tempDir, type ChildServer,
} from '../support/server-harness.js';

const ADMIN = { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` };

/** This process's PATH without every folder that holds an ffmpeg. */
function pathWithoutFfmpeg(): string {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir && !systemFfmpeg(dir))
    .join(delimiter);
}

/** The sealed recordings of the demo, as the search API lists them. */
async function listRecordings(url: string): Promise<{ id: string; name: string }[]> {
  const r = await fetch(`${url}${SEARCH}/search`, {
    method: 'POST',
    headers: { ...ADMIN, 'content-type': 'application/json' },
    body: JSON.stringify({ query: { query: 'TYPE:"efr:recording"' } }),
  });
  expect(r.status).toBe(200);
  const body = (await r.json()) as { list: { entries: { entry: { id: string; name: string } }[] } };
  return body.list.entries.map((e) => e.entry);
}

describe('issue 21: demo footage on a machine without a system ffmpeg', () => {
  const stripped = pathWithoutFfmpeg();
  let server: ChildServer | undefined;
  let work: string;

  beforeAll(() => {
    work = tempDir('fresh');
  });
  afterAll(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('seeds recordings that decode as H.264/AAC MP4, made by the packaged ffmpeg', async () => {
    expect(systemFfmpeg(stripped)).withContext('PATH still holds an ffmpeg').toBeUndefined();
    expect(packagedFfmpeg())
      .withContext(`${FFMPEG_PACKAGE} is not installed: run \`npm install\``)
      .toBeDefined();
    if (!packagedFfmpeg()) return; // the start below could only fail the same way
    server = await startChild({ env: { ...process.env, PATH: stripped }, timeoutMs: 180_000 });

    const recs = await listRecordings(server.url);
    expect(recs.length).toBe(4);
    const decoder = packagedFfmpeg() ?? (systemFfmpeg() as string);
    for (const rec of recs) {
      const r = await fetch(`${server.url}${CORE}/nodes/${rec.id}/content`, { headers: ADMIN });
      expect(r.status).withContext(rec.name).toBe(200);
      const bytes = Buffer.from(await r.arrayBuffer());
      // An ISO BMFF file starts with its `ftyp` box; a few seconds of footage is > 20 kB.
      expect(bytes.subarray(4, 8).toString('latin1')).withContext(rec.name).toBe('ftyp');
      expect(bytes.length).withContext(rec.name).toBeGreaterThan(20_000);
      const file = join(work, rec.name);
      writeFileSync(file, bytes);
      // Playable means every frame decodes: ffmpeg reads the whole file into the null muxer.
      const probe = spawnSync(decoder, ['-hide_banner', '-i', file, '-f', 'null', '-'], {
        encoding: 'utf8',
      });
      expect(probe.status).withContext(`${rec.name}: ${probe.stderr}`).toBe(0);
      expect(probe.stderr).withContext(rec.name).toContain('Audio: aac');
      if (rec.name.endsWith('.mp4')) {
        expect(probe.stderr).withContext(rec.name).toContain('Video: h264');
      }
    }
  }, 240_000);

  it('without any ffmpeg, stops with one sentence naming the fix and seeds nothing', async () => {
    const dataDir = join(work, 'no-ffmpeg');
    const r = spawnSync(
      process.execPath,
      ['--require', join(ROOT, 'test/fresh/hide-module.cjs'), '--import', 'tsx',
        'server/src/main.ts'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...process.env, PATH: stripped, EFR_TEST_HIDE_MODULE: FFMPEG_PACKAGE, EFR_DEMO: '1',
          EFR_DATA_DIR: dataDir, EFR_PORT: String(await freePort()), EFR_HOST: '127.0.0.1',
        },
      },
    );
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).withContext(r.stderr).toBe(1);
    expect(lines[0]).toContain('EFR needs ffmpeg to make the demo footage');
    expect(lines[0]).toContain('`apt-get install ffmpeg`');
    expect(lines[0]).toContain('`EFR_DEMO=0 npm start`');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).not.toContain('ENOENT');
    // Nothing half-seeded: no demo user yet, so the next start seeds from scratch.
    const db = new Database(join(dataDir, 'repository.sqlite'), { readonly: true });
    try {
      expect(db.prepare("SELECT id FROM people WHERE id = 'officer1'").get()).toBeUndefined();
    } finally {
      db.close();
    }
  }, 90_000);
});
