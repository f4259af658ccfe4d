import { accessSync, chmodSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { MissingToolError } from '../missing-tool.js';

/** The npm package that ships a static ffmpeg inside its per-platform registry package. */
export const FFMPEG_PACKAGE = '@ffmpeg-installer/ffmpeg';

/** What to run when no ffmpeg can be found (also printed by `npm start`). */
export const FFMPEG_FIX =
  `\`apt-get install ffmpeg\` (or \`npm install\`, which installs ${FFMPEG_PACKAGE} where it ` +
  'has a binary for the platform; or start without demo data: `EFR_DEMO=0 npm start`)';

/** Whether `file` is a regular file this process may execute. */
function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    // ENOENT/EACCES: not there or not executable, which is what the caller asks.
    return false;
  }
}

/** The first `ffmpeg` on `PATH`, or undefined. */
export function systemFfmpeg(path = process.env.PATH ?? ''): string | undefined {
  const name = process.platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg';
  for (const dir of path.split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * The ffmpeg binary of {@link FFMPEG_PACKAGE} for this platform, or undefined when the package
 * or its platform part (an optional dependency) is not installed.
 */
export function packagedFfmpeg(): string | undefined {
  let file: string;
  try {
    const require = createRequire(import.meta.url);
    file = (require(FFMPEG_PACKAGE) as { path: string }).path;
  } catch {
    // MODULE_NOT_FOUND, or the package throws a string for an unsupported platform or a
    // missing platform part: in every case there is no packaged binary to use.
    return undefined;
  }
  if (!isExecutable(file)) {
    try {
      // The platform package's postinstall does `chmod u+x ffmpeg`; install scripts may not
      // have run (npm's --ignore-scripts, or npm 11 waiting for approval), so do it here.
      chmodSync(file, 0o755);
    } catch {
      // EPERM on a read-only install: reported as missing just below.
    }
  }
  return isExecutable(file) ? file : undefined;
}

/**
 * The ffmpeg to make demo footage with: the system one when it is on `PATH` (the distribution
 * keeps it patched), else the one shipped by {@link FFMPEG_PACKAGE}, so that
 * `npm install && npm start` needs nothing but Node (issue 21).
 *
 * @throws MissingToolError when there is neither
 */
export function ffmpegBinary(path = process.env.PATH ?? ''): string {
  const found = systemFfmpeg(path) ?? packagedFfmpeg();
  if (!found) {
    throw new MissingToolError(
      'ffmpeg',
      'to make the demo footage',
      `there is none on PATH and ${FFMPEG_PACKAGE} has no binary installed for ` +
        `${process.platform}-${process.arch}`,
      FFMPEG_FIX,
    );
  }
  return found;
}
