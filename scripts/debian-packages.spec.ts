// Issue 21: `npm test` (scripts/test.mjs) sets up the Debian packages it needs. Real dpkg and
// apt-get must not be touched by a spec, so they are replaced by small stand-ins on PATH that
// keep their state in a temp dir: dpkg-query answers from that state, apt-get adds to it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const LIST = JSON.parse(readFileSync(join(ROOT, 'scripts/debian-packages.json'), 'utf8')) as {
  packages: string[];
};
const isRoot = process.getuid?.() === 0;

interface Plan { action: 'none' | 'install' | 'stop'; line: string }
type PlanFn = (missing: string[], o: { isRoot: boolean; hasAptGet: boolean }) => Plan;

/** Writes an executable Node script `name` into `dir`. */
function stub(dir: string, name: string, body: string): void {
  writeFileSync(join(dir, name), `#!${process.execPath}\n${body}\n`);
  chmodSync(join(dir, name), 0o755);
}

/** dpkg-query -W -f=… pkgs: "<pkg> install ok installed" for the installed ones. */
const DPKG_QUERY = `
const fs = require('fs');
const state = fs.readFileSync(process.env.STUB_STATE, 'utf8').split('\\n');
let status = 0;
for (const p of process.argv.slice(4)) {
  if (state.includes(p)) console.log(p + ' install ok installed');
  else { console.error('dpkg-query: no packages found matching ' + p); status = 1; }
}
process.exit(status);`;

/** apt-get update | install -y -qq pkgs: logs the call, marks pkgs installed (a JDK: java). */
const APT_GET = `
const fs = require('fs'), path = require('path');
const args = process.argv.slice(2);
fs.appendFileSync(process.env.STUB_LOG, args.join(' ') + '\\n');
if (args[0] === 'install') {
  const pkgs = args.slice(1).filter((a) => !a.startsWith('-'));
  fs.appendFileSync(process.env.STUB_STATE, '\\n' + pkgs.join('\\n'));
  if (pkgs.includes('default-jdk-headless')) for (const c of ['java', 'javac']) {
    fs.writeFileSync(path.join(__dirname, c), '#!/bin/sh\\n');
    fs.chmodSync(path.join(__dirname, c), 0o755);
  }
}`;

describe('npm test sets up its Debian packages (issue 21)', () => {
  let dir: string;
  let bin: string;
  let env: NodeJS.ProcessEnv;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'efr-debian-'));
    bin = join(dir, 'bin');
    mkdirSync(bin);
    stub(bin, 'dpkg-query', DPKG_QUERY);
    // Only the stand-ins are on PATH: node itself is started by its absolute path.
    env = { ...process.env, PATH: bin, STUB_STATE: join(dir, 'state'),
      STUB_LOG: join(dir, 'apt.log') };
    delete env.EFR_SKIP_DEBIAN_CHECK;
    writeFileSync(join(dir, 'apt.log'), '');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Marks every listed package but `lacking` as installed. */
  function installedAllBut(lacking: string[]): void {
    writeFileSync(join(dir, 'state'), LIST.packages.filter((p) => !lacking.includes(p))
      .join('\n'));
  }

  function runNode(args: string[]) {
    return spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8' });
  }

  it('plans: nothing, install as root with apt-get, else stop with the one line', async () => {
    const { plan } = (await import(join(ROOT, 'scripts/debian-packages.mjs') as string)) as {
      plan: PlanFn;
    };
    expect(plan([], { isRoot: true, hasAptGet: true }).action).toBe('none');
    expect(plan(['zip', 'rhino'], { isRoot: true, hasAptGet: true }))
      .toEqual({ action: 'install', line: 'apt-get install -y zip rhino' });
    expect(plan(['zip'], { isRoot: false, hasAptGet: true }))
      .toEqual({ action: 'stop', line: 'sudo apt-get install -y zip' });
    expect(plan(['zip'], { isRoot: true, hasAptGet: false }).action).toBe('stop');
  });

  it('passes without calling apt-get when every package and a JDK are there', () => {
    installedAllBut([]);
    stub(bin, 'java', '');
    stub(bin, 'javac', '');
    stub(bin, 'apt-get', APT_GET);
    const r = runNode(['scripts/debian-packages.mjs']);
    expect(r.status).withContext(r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'apt.log'), 'utf8')).toBe('');
  });

  it('without apt-get, prints the apt-get line and ends npm test with 0 passed, 1 failed', () => {
    installedAllBut(['ffmpeg', 'chromium']);
    const r = runNode(['scripts/test.mjs', '--only', 'karma']);
    expect(r.status).toBe(1);
    const sudo = isRoot ? '' : 'sudo ';
    expect(r.stderr).toContain(`${sudo}apt-get install -y ffmpeg chromium default-jdk-headless\n`);
    expect(r.stdout).not.toContain('=== suite');
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('0 passed, 1 failed');
  });

  it('as root with apt-get, installs what is missing and says so (else the sudo line)', () => {
    installedAllBut(['xorriso', 'nginx-light']);
    stub(bin, 'apt-get', APT_GET);
    const r = runNode(['scripts/debian-packages.mjs']);
    const log = readFileSync(join(dir, 'apt.log'), 'utf8');
    if (isRoot) {
      expect(r.status).withContext(r.stderr).toBe(0);
      expect(r.stdout).toContain(
        'installing the Debian packages it needs: xorriso nginx-light default-jdk-headless');
      expect(log).toBe('update -qq\ninstall -y -qq xorriso nginx-light default-jdk-headless\n');
    } else {
      expect(r.status).toBe(1);
      expect(r.stderr)
        .toContain('sudo apt-get install -y xorriso nginx-light default-jdk-headless');
      expect(log).toBe('');
    }
  });
});
