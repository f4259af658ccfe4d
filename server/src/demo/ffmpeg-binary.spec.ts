import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ffmpegBinary, packagedFfmpeg, systemFfmpeg } from './ffmpeg-binary.js';

describe('ffmpegBinary (issue 21: the system ffmpeg first, else the packaged one)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'efr-ffmpeg-path-'));
    for (const [sub, mode] of [['runs', 0o755], ['no-x', 0o644]] as const) {
      mkdirSync(join(dir, sub));
      writeFileSync(join(dir, sub, 'ffmpeg'), '#!/bin/sh\nexit 0\n');
      chmodSync(join(dir, sub, 'ffmpeg'), mode);
    }
    mkdirSync(join(dir, 'empty'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes the first executable ffmpeg on PATH, skipping one that may not run', () => {
    const path = [join(dir, 'empty'), join(dir, 'no-x'), join(dir, 'runs')].join(delimiter);
    expect(systemFfmpeg(path)).toBe(join(dir, 'runs', 'ffmpeg'));
    expect(ffmpegBinary(path)).toBe(join(dir, 'runs', 'ffmpeg'));
  });

  it('falls back to the executable of @ffmpeg-installer/ffmpeg when PATH has none', () => {
    const path = [join(dir, 'empty'), join(dir, 'no-x')].join(delimiter);
    expect(systemFfmpeg(path)).toBeUndefined();
    const packaged = packagedFfmpeg();
    expect(packaged).withContext('@ffmpeg-installer/ffmpeg not installed: npm install').toMatch(
      /node_modules[/\\]@ffmpeg-installer[/\\][a-z0-9-]+[/\\]ffmpeg(\.exe)?$/,
    );
    expect(ffmpegBinary(path)).toBe(packaged as string);
  });
});
