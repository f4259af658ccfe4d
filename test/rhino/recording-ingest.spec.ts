// The first content write of a recording in ACS (onContentUpdate, newContent=true): the
// module's efr:recording behaviour, compiled into the module JAR and run in Debian's Rhino
// 1.7.14, hashes the stored bytes with java.security.MessageDigest in chunks and compares them
// with the declared efr:sha256 / efr:sizeBytes (R26.1), and lets a file join only an open
// handover that it names (R21.4), as server/ checks an upload. The media is a real MP4 made
// by ffmpeg at test time, larger than one read chunk.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIGEST_CHUNK_BYTES } from '../../behaviors/src/lib/content-digest.js';
import {
  archiveNodes, handoverProps, OTHER_SHA, recordingScenario, unsealedRecordingProps,
} from './fixtures.js';
import { runByName } from './rhino-run.js';
import type { FixtureValue, Scenario, ScenarioResult } from './rhino-run.js';

/** An open handover (no receipts yet). */
const OPEN = handoverProps({
  'efr:handoverStatus': 'open', 'efr:receipt1By': null, 'efr:receipt1At': null,
  'efr:receipt1Hashes': null, 'efr:receipt2By': null, 'efr:receipt2At': null,
  'efr:receipt2Hashes': null,
});

function ingest(name: string, recording: Record<string, FixtureValue>,
  handover: Record<string, FixtureValue> = OPEN): Scenario {
  return recordingScenario(name, 'onContentUpdate', 'li.officer',
    [{ node: 'rec1' }, { bool: true }], archiveNodes({ recording, handover }));
}

describe('efr:recording first content write in Rhino (module JAR)', () => {
  let dir: string;
  let results: Record<string, ScenarioResult>;
  let size: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'efr-ingest-'));
    const file = join(dir, 'VID_0001.mp4');
    const r = spawnSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i',
      'testsrc2=size=640x360:rate=25', '-t', '4', '-c:v', 'mpeg4', '-q:v', '2', '-f', 'mp4',
      file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr}`);
    const bytes = readFileSync(file);
    size = bytes.length;
    const sha = createHash('sha256').update(bytes).digest('hex');
    const props = (over: Record<string, FixtureValue> = {}): Record<string, FixtureValue> =>
      unsealedRecordingProps({ 'cm:content': { file }, 'efr:sha256': sha, 'efr:sizeBytes': size,
        ...over });
    results = await runByName([
      ingest('declared hash', props()),
      ingest('declared hash in upper case', props({ 'efr:sha256': sha.toUpperCase() })),
      { ...ingest('declared hash, interpreted', props()), optimizationLevel: -1 },
      { ...ingest('declared hash, user from AuthenticationUtil', props()), user: null,
        runAs: 'li.officer' },
      ingest('other hash', props({ 'efr:sha256': OTHER_SHA })),
      ingest('no hash', props({ 'efr:sha256': null })),
      ingest('other size', props({ 'efr:sizeBytes': size + 1 })),
      ingest('no readable content', props({ 'cm:content': null })),
      ingest('pending handover', props(), handoverProps({ 'efr:handoverStatus': 'pending',
        'efr:receipt2By': null, 'efr:receipt2At': null, 'efr:receipt2Hashes': null })),
      ingest('names another handover', props({ 'efr:handoverId': 'ho2' })),
      recordingScenario('later write is not an ingest', 'onContentUpdate', 'li.officer',
        [{ node: 'rec1' }, { bool: false }],
        archiveNodes({ recording: props({ 'efr:sha256': OTHER_SHA }), handover: OPEN })),
    ]);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function outcome(name: string): string {
    const r = results[name];
    return r.outcome + (r.outcome === 'refused' ? ' ' + String(r.message).split(':')[0] : '');
  }

  it('reads a file larger than one chunk (the multi-chunk path is exercised)', () => {
    expect(size).toBeGreaterThan(DIGEST_CHUNK_BYTES);
  });

  it('R26.1: accepts bytes that hash to the declared efr:sha256 (any case)', () => {
    expect(outcome('declared hash')).toBe('allowed');
    expect(outcome('declared hash in upper case')).toBe('allowed');
    expect(outcome('declared hash, interpreted')).toBe('allowed');
    expect(outcome('declared hash, user from AuthenticationUtil')).toBe('allowed');
  });

  it('R26.1: refuses bytes whose SHA-256 or size differs from the declaration', () => {
    expect(outcome('other hash')).toBe('refused efr.recording.hashMismatch R26.1');
    expect(results['other hash'].message).toContain(OTHER_SHA);
    expect(outcome('no hash')).toBe('refused efr.recording.hashMismatch R26.1');
    expect(outcome('other size')).toBe('refused efr.recording.sizeMismatch R26.1');
    expect(outcome('no readable content')).toBe('refused efr.recording.hashUnverified R26.1');
    expect(results['other hash'].logs.some((l) => l.startsWith('warn: efr refused content ' +
      'write of recording rec1'))).toBeTrue();
  });

  it('R21.4: a file joins only an open handover, and must name it in efr:handoverId', () => {
    expect(outcome('pending handover')).toBe('refused efr.handover.notOpen R21.4');
    expect(outcome('names another handover')).toBe('refused efr.handover.wrongHandoverId R21.4');
  });

  it('R26.1: only the first write is the ingest check (later writes: sealed rule only)', () => {
    expect(outcome('later write is not an ingest')).toBe('allowed');
  });
});
