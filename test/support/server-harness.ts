/**
 * Starts the embedded repository (server/) for the cross-tier suites: in-process through its
 * fixed start-up interface `startServer(opts)`, or as a child process
 * (`node --import tsx server/src/main.ts`) when a spec must SIGKILL it. Every start gets a fresh
 * temporary data directory unless the caller passes one (a restart after a kill reuses it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Repository root (…/main). */
export const ROOT = resolve(import.meta.dirname, '..', '..');

/** Password of the demo users (other than admin/admin), as passed to the server. */
export const DEMO_PASSWORD = 'efr-demo';

/** ACS public REST API v1 base path. */
export const CORE = '/alfresco/api/-default-/public/alfresco/versions/1';
/** ACS authentication API base path. */
export const AUTH = '/alfresco/api/-default-/public/authentication/versions/1';
/** ACS search API base path. */
export const SEARCH = '/alfresco/api/-default-/public/search/versions/1';
/** ACS discovery path. */
export const DISCOVERY = '/alfresco/api/discovery';

/** A server the specs talk to. */
export interface TestServer {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Data directory (absent for a remote ACS). */
  dataDir?: string;
  /** Stops the server and removes its data directory if the harness created it. */
  close(): Promise<void>;
}

/** Shape of `server/src/app.ts` (fixed by the team, see the brief of issue 3). */
interface ServerModule {
  startServer(opts: {
    dataDir: string; port?: number; host?: string; demo?: boolean; demoPassword?: string;
    appDir?: string; worker?: boolean;
  }): Promise<{ url: string; port: number; close(): Promise<void> }>;
}

/** Options of an in-process or child start. */
export interface StartOptions {
  /** Whether to seed the demo users, folders and sealed recordings (default true). */
  demo?: boolean;
  /** Existing data directory to reuse (kept on close); a fresh temp dir otherwise. */
  dataDir?: string;
  /** Environment of a child start, replacing this process's (e.g. a `PATH` without ffmpeg). */
  env?: NodeJS.ProcessEnv;
  /**
   * Whether efr worker runs in-process (default: as server/ decides). Off for specs that check
   * that requests change nothing: the worker's own schedule (a daily tree head, fixity rounds)
   * writes of its own accord.
   */
  worker?: boolean;
}

/** A fresh, empty temporary directory with a recognisable name. */
export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `efr-${label}-`));
}

/** Starts server/ in this process on a random port of 127.0.0.1. */
export async function startInProcess(opts: StartOptions = {}): Promise<TestServer> {
  const owned = !opts.dataDir;
  const dataDir = opts.dataDir ?? tempDir('data');
  // Imported lazily so that support code loads (and self-tests run) before server/ exists.
  const mod = (await import(pathToFileURL(join(ROOT, 'server/src/app.ts')).href)) as ServerModule;
  const running = await mod.startServer({
    dataDir, port: 0, host: '127.0.0.1', demo: opts.demo ?? true, demoPassword: DEMO_PASSWORD,
    ...(opts.worker === undefined ? {} : { worker: opts.worker }),
  });
  return {
    url: running.url.replace(/\/$/, ''),
    dataDir,
    async close() {
      await running.close();
      if (owned) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A free TCP port on 127.0.0.1 (the OS picks it; a tiny race with other users is accepted). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  probe.close();
  await once(probe, 'close');
  return port;
}

/** server/ running as a child process, so that it can be killed without mercy. */
export interface ChildServer extends TestServer {
  /** The process. */
  child: ChildProcess;
  /** Its pid (for /proc/<pid>/status). */
  pid: number;
  /** Sends SIGKILL and waits for the exit. */
  kill(): Promise<void>;
  /** Everything it wrote to stderr so far (for failure messages). */
  stderr(): string;
}

/** Starts `node --import tsx server/src/main.ts` with EFR_PORT/EFR_DATA_DIR and waits for it. */
export async function startChild(opts: StartOptions & { timeoutMs?: number } = {})
  : Promise<ChildServer> {
  const owned = !opts.dataDir;
  const dataDir = opts.dataDir ?? tempDir('child');
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...(opts.env ?? process.env), EFR_PORT: String(port),
    EFR_DATA_DIR: dataDir, EFR_DEMO_PASSWORD: DEMO_PASSWORD, EFR_HOST: '127.0.0.1' };
  if (opts.demo ?? true) env.EFR_DEMO = '1';
  else delete env.EFR_DEMO;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'],
    { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-8000); });
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, opts.timeoutMs ?? 30_000, () => child.exitCode !== null, () => stderr);
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  };
  return {
    url, dataDir, child, pid: child.pid ?? 0, kill, stderr: () => stderr,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      if (owned) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls the discovery endpoint until the server answers (any HTTP status counts as up). */
export async function waitUntilUp(url: string, timeoutMs: number, died: () => boolean,
  log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (died()) throw new Error(`server exited during start-up:\n${log()}`);
    try {
      await fetch(url + DISCOVERY, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      // ECONNREFUSED while the server is still starting: try again shortly.
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`server not up after ${timeoutMs} ms:\n${log()}`);
}

/** The repository the contract suite runs against: a real ACS when EFR_ACS_URL is set. */
export interface ContractTarget extends TestServer {
  /** Whether the target is a real ACS (EFR_ACS_URL) rather than server/. */
  isRealAcs: boolean;
  /** Administrator user id and password. */
  admin: { user: string; password: string };
}

/**
 * The contract suite's target (CONVENTIONS: one contract suite for every adapter). With
 * EFR_ACS_URL (+ EFR_ACS_USER, EFR_ACS_PASSWORD, default admin/admin) the same specs run against
 * that ACS; otherwise server/ is started in-process with its demo data, and the message says so.
 */
export async function contractTarget(): Promise<ContractTarget> {
  const remote = process.env.EFR_ACS_URL;
  const admin = { user: process.env.EFR_ACS_USER ?? 'admin',
    password: process.env.EFR_ACS_PASSWORD ?? 'admin' };
  if (remote) {
    console.log(`EFR_ACS_URL set: contract suite runs against ${remote}`);
    return { url: remote.replace(/\/$/, ''), isRealAcs: true, admin, async close() {} };
  }
  console.log('EFR_ACS_URL not set: ran against server/');
  const server = await startInProcess({ demo: true });
  return { ...server, isRealAcs: false, admin: { user: 'admin', password: 'admin' } };
}
