import { spawn } from 'node:child_process';

/** Runs ffmpeg with arguments; rejects with its stderr tail on failure. */
function ffmpeg(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    p.stderr.on('data', (d: Buffer) => {
      err = (err + d.toString()).slice(-2000);
    });
    p.on('error', reject);
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
