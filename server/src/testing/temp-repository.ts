import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp, openRepository } from '../app.js';
import { formatAcsDate } from '../model/property-values.js';
import { CORE } from '../routes/paths.js';
import type { Repository } from '../repo/repository.js';
import { ensureArchiveFolders, ensureGroups } from '../demo/seed.js';

/** A repository in a fresh temp dir, for specs. */
export interface TempRepository {
  dir: string;
  repo: Repository;
  app: FastifyInstance;
  /** Closes the app and the database and removes the dir. */
  dispose(): Promise<void>;
}

/**
 * A temp repository with the EFR groups, the archive folders and `users` (`[id, group]`, each
 * named by its id, password `pw`).
 */
export async function archiveRepository(users: readonly (readonly [string, string])[]):
  Promise<TempRepository> {
  const t = await tempRepository();
  ensureGroups(t.repo);
  for (const [id, group] of users) {
    t.repo.addPerson({ id, firstName: id, email: `${id}@efr.example.org`, password: 'pw' });
    t.repo.auth.addMember(group, id, 'PERSON');
  }
  await ensureArchiveFolders(t.repo);
  return t;
}

/** Opens a repository (with the EFR groups) and its Fastify app in a new temp dir. */
export async function tempRepository(uploadLimit?: number): Promise<TempRepository> {
  const dir = mkdtempSync(join(tmpdir(), 'efr-server-spec-'));
  const repo = await openRepository(dir, uploadLimit);
  const app = await buildApp(repo);
  await app.ready();
  return {
    dir,
    repo,
    app,
    dispose: async () => {
      await app.close();
      repo.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `Authorization: Basic` header for user:password. */
export function basic(user: string, password: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

/** Admin credentials of a fresh repository. */
export const ADMIN = basic('admin', 'admin');

/** A readable stream of a buffer. */
export function streamOf(data: Buffer | string): Readable {
  return Readable.from([Buffer.from(data)]);
}

/** A multipart body built by hand (fields in order, one file part named filedata). */
export function multipart(
  fields: [string, string][],
  file?: { name: string; data: Buffer; type?: string },
  fileFirst = true,
): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----efrspec${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  const fileParts = (): void => {
    if (!file) return;
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="filedata"; ` +
          `filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    parts.push(file.data, Buffer.from('\r\n'));
  };
  if (fileFirst) fileParts();
  for (const [k, v] of fields) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    );
  }
  if (!fileFirst) fileParts();
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    body: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Properties of a valid efr:recording (sealed unless `sealed` is false). */
export function recordingProps(
  sealed = true,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const start = Date.UTC(2026, 10, 24, 1, 0, 0);
  return {
    'efr:handoverId': 'h-1',
    'efr:segmentIndex': 0,
    'efr:sessionId': 'S-1',
    'efr:recorder': 'officer1',
    'efr:officer': 'officer1',
    'efr:coOfficer': 'officer2',
    'efr:deviceSerial': 'BWC-0001',
    'efr:activityType': 'routineInspection',
    'efr:location': '丹东市',
    'efr:recordingStart': formatAcsDate(start),
    'efr:recordingEnd': formatAcsDate(start + 8000),
    'efr:durationSeconds': 8,
    'efr:partyNotified': true,
    'efr:source': 'bodyCamera',
    'efr:secrecyLevel': 'none',
    'efr:retainUntil': '2027-12-31',
    ...(sealed
      ? {
          'efr:sealedAt': formatAcsDate(start + 3_600_000),
          'efr:sealedBy1': 'custodian1',
          'efr:sealedBy2': 'custodian2',
        }
      : {}),
    ...extra,
  };
}

/**
 * Uploads a sealed recording of `size` random bytes into the archive's recordings folder as
 * an administrator, with `recordingProps(true, props)`; answers its id and SHA-256.
 */
export async function uploadRecording(t: TempRepository, props: Record<string, unknown>,
  size = 64 * 1024): Promise<{ id: string; sha: string }> {
  const data = randomBytes(size);
  const m = multipart([
    ['name', `r-${randomBytes(4).toString('hex')}.mp4`], ['nodeType', 'efr:recording'],
    ...Object.entries(recordingProps(true, props)).map(([k, v]): [string, string] =>
      [k, Array.isArray(v) ? v.join(',') : String(v)]),
  ], { name: 'v.mp4', data, type: 'video/mp4' });
  const r = await t.app.inject({ method: 'POST',
    url: `${CORE}/nodes/${t.repo.meta('efr_folder_recordings')}/children`,
    payload: m.body, headers: { ...ADMIN, ...m.headers } });
  if (r.statusCode !== 201) throw new Error(`upload: ${r.statusCode} ${r.body}`);
  return { id: r.json().entry.id, sha: createHash('sha256').update(data).digest('hex') };
}
