import { spawn } from 'node:child_process';
import { MissingToolError } from '../missing-tool.js';
import { FFMPEG_FIX, ffmpegBinary } from './ffmpeg-binary.js';

/**
 * Runs ffmpeg (the system one, else the packaged one: see `ffmpegBinary`) with arguments;
 * rejects with its stderr tail on failure, or with a `MissingToolError` when it cannot run.
 */
function ffmpeg(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const binary = ffmpegBinary();
    const p = spawn(binary, ['-hide_banner', '-loglevel', 'error', '-y', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    p.stderr.on('data', (d: Buffer) => {
      err = (err + d.toString()).slice(-2000);
    });
    p.on('error', (e: NodeJS.ErrnoException) =>
      // ENOENT/EACCES/ENOEXEC: found a moment ago but it does not run (removed, wrong
      // architecture); any other spawn error is unexpected and passed on as is.
      reject(
        ['ENOENT', 'EACCES', 'ENOEXEC'].includes(e.code ?? '')
          ? new MissingToolError('ffmpeg', 'to make the demo footage',
            `${binary} does not run (${e.code})`, FFMPEG_FIX)
          : e,
      ),
    );
    p.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg exited ${code}: ${err}`)),
    );
  });
}

/**
 * A few seconds of test pattern and tone as H.264/AAC MP4 (faststart, so a player can seek
 * with Range requests). `frequency` varies the tone so each demo file has its own bytes.
 */
export function makeVideo(file: string, seconds: number, frequency: number): Promise<void> {
  return ffmpeg([
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=640x360:rate=25',
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${frequency}`,
    '-t',
    String(seconds),
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-movflags',
    '+faststart',
    file,
  ]);
}

/** A tone as AAC in an .m4a (voice-recorder footage). */
export function makeAudio(file: string, seconds: number, frequency: number): Promise<void> {
  return ffmpeg([
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${frequency}`,
    '-t',
    String(seconds),
    '-c:a',
    'aac',
    '-movflags',
    '+faststart',
    file,
  ]);
}
