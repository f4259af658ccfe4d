// The Debian packages `npm test` needs (listed once, in scripts/debian-packages.json): checks
// them with dpkg-query and, as root with apt-get, installs the missing ones, saying so;
// otherwise prints the one `apt-get install` line that fixes it (issue 21). scripts/test.mjs
// runs this before any suite; `node scripts/debian-packages.mjs` runs it alone.
// EFR_SKIP_DEBIAN_CHECK=1 skips it (a machine with the tools installed some other way).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIST = resolve(import.meta.dirname, 'debian-packages.json');

/** Whether an executable `name` is on PATH. */
export function hasCommand(name, path = process.env.PATH ?? '') {
  return path.split(delimiter).some((dir) => {
    if (!dir) return false;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      // ENOENT/EACCES: not in this folder; try the next one.
      return false;
    }
  });
}

/** The packages of scripts/debian-packages.json this machine lacks, in the file's order. */
export function missingPackages() {
  const { packages, unlessCommands } = JSON.parse(readFileSync(LIST, 'utf8'));
  // One call for all; dpkg-query exits 1 when it knows some name not at all, and still prints
  // the others, so its status is not read: a package counts only if it says "installed".
  const q = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\n', ...packages],
    { encoding: 'utf8' });
  const installed = new Set(
    (q.stdout ?? '').split('\n')
      .filter((l) => l.endsWith(' install ok installed'))
      .map((l) => l.split(' ')[0].split(':')[0]),
  );
  const missing = packages.filter((p) => !installed.has(p));
  for (const [pkg, commands] of Object.entries(unlessCommands)) {
    if (!commands.every((c) => hasCommand(c))) missing.push(pkg);
  }
  return missing;
}

/**
 * What to do about `missing`: nothing, install them (root with apt-get), or stop with the
 * command line that installs them.
 * @returns {{ action: 'none' | 'install' | 'stop', line: string }}
 */
export function plan(missing, { isRoot, hasAptGet }) {
  const line = `${isRoot ? '' : 'sudo '}apt-get install -y ${missing.join(' ')}`;
  if (missing.length === 0) return { action: 'none', line: '' };
  return { action: isRoot && hasAptGet ? 'install' : 'stop', line };
}

/**
 * Makes sure the Debian packages of `npm test` are there (see the file's head). Prints what it
 * does; returns whether the tests may run.
 */
export function ensureDebianPackages() {
  if (process.env.EFR_SKIP_DEBIAN_CHECK === '1') return true;
  if (!hasCommand('dpkg-query')) {
    const { packages } = JSON.parse(readFileSync(LIST, 'utf8'));
    console.error('npm test checks its tools as Debian packages, but this machine has no ' +
      `dpkg-query; install ${packages.join(' ')} and a JDK by other means, then run ` +
      '`EFR_SKIP_DEBIAN_CHECK=1 npm test`.');
    return false;
  }
  const missing = missingPackages();
  const isRoot = process.getuid?.() === 0;
  const p = plan(missing, { isRoot, hasAptGet: hasCommand('apt-get') });
  if (p.action === 'none') return true;
  if (p.action === 'stop') {
    console.error(`npm test needs Debian packages this machine lacks; install them with:\n` +
      `  ${p.line}`);
    return false;
  }
  console.log(`npm test: installing the Debian packages it needs: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const opts = { env, stdio: ['ignore', 'ignore', 'inherit'] };
  const ok = spawnSync('apt-get', ['update', '-qq'], opts).status === 0 &&
    spawnSync('apt-get', ['install', '-y', '-qq', ...missing], opts).status === 0;
  const still = missingPackages();
  if (!ok || still.length > 0) {
    console.error(`npm test could not install ${still.join(' ') || 'them'} (apt-get failed, ` +
      `see above); install them with:\n  ${plan(still.length ? still : missing,
        { isRoot, hasAptGet: true }).line}`);
    return false;
  }
  console.log('npm test: Debian packages installed');
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(ensureDebianPackages() ? 0 : 1);
}
