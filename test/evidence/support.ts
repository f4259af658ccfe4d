/**
 * Helpers of the evidence-package specs (issue 7): an in-memory package source with generated
 * recordings, a small BagIt (RFC 8493) validator over an extracted folder, the `efr` CLI run
 * as a child process, and byte flipping inside one file of an image.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  FIRST_DESCRIPTOR_SECTOR, SECTOR, parseBagInfo, parseDirectory, parseManifest,
  parseVolumeDescriptor,
} from '../../core/src/index.js';
import type { PackageFacts } from '../../core/src/index.js';
import type { PackageSource, SourceRecording } from '../../server/src/evidence/package-image.js';
import { generatedStream, sha256OfStream } from '../disc/support.js';

const run = promisify(execFile);

/** Repository root. */
export const ROOT = resolve(import.meta.dirname, '..', '..');

/** Fixed package facts (R23.1) for in-memory sources. */
export const FACTS: PackageFacts = {
  caseId: 'case-1', caseNumber: '丹民罚〔2026〕12号', caseTitle: '某养老服务机构未按规定备案案',
  producer: '张丽 custodian1', extractor: '周敏 legal1', extractionTime: '2026-11-26T02:00:00.000Z',
  medium: 'dvd5', label: 'EFR 丹民罚2026-12', source: 'EFR spec',
};

/** A generated recording; `corrupt` makes the stream differ from the sealed hash. */
export async function generatedRecording(id: string, name: string, size: number, seed: number,
  corrupt = false): Promise<SourceRecording> {
  const sha256 = await sha256OfStream(generatedStream(size, seed));
  return { id, name, size, sha256, title: `录像 ${id}`, recordingStart: '2026-11-24T01:30:00Z',
    recordingEnd: '2026-11-24T01:31:00Z', durationSeconds: 60, officer: 'officer1',
    coOfficer: 'officer2', deviceSerial: 'BWC-2026-001', activityType: 'routineInspection',
    location: '丹东市振兴区', source: 'bodyCamera',
    open: () => generatedStream(size, corrupt ? seed + 1 : seed) };
}

/** A source over generated recordings. */
export function memorySource(recordings: SourceRecording[], facts: Partial<PackageFacts> = {}):
  PackageSource {
  return { facts: { ...FACTS, ...facts }, recordings, log: [
    { seq: 7, entry: { id: '7', createdAt: '2026-11-25T00:00:00.000Z',
      createdByUser: 'custodian1', values: { '/efr-access/action': 'seal',
        '/efr-access/nodeId': recordings[0]?.id ?? '', '/efr-access/user': 'custodian1',
        '/efr-access/sha256': recordings[0]?.sha256 ?? '', '/efr-access/prevHash': '0'.repeat(64),
        '/efr-access/hash': 'a'.repeat(64) } } },
  ] };
}

/** SHA-256 of a file on disk. */
export async function sha256OfFile(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
  }
  return out.sort();
}

/**
 * Validates an extracted bag (RFC 8493 §3): bagit.txt declares 1.0/UTF-8; every payload file
 * is in the manifest and matches; every manifest entry exists; Payload-Oxum agrees; every
 * tag-manifest entry matches. Returns the problems (empty when valid).
 */
export async function validateBag(dir: string): Promise<string[]> {
  const problems: string[] = [];
  const bagit = await readFile(join(dir, 'bagit.txt'), 'utf8');
  if (bagit !== 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n') {
    problems.push('bagit.txt');
  }
  const files = await filesUnder(dir);
  const check = async (name: string): Promise<Set<string>> => {
    const m = parseManifest(await readFile(join(dir, name), 'utf8'));
    if (!m.ok) {
      problems.push(`${name}: ${m.reason}`);
      return new Set();
    }
    for (const l of m.lines) {
      if (!files.includes(l.path)) problems.push(`missing ${l.path}`);
      else if ((await sha256OfFile(join(dir, l.path))) !== l.sha256) problems.push(`bad ${l.path}`);
    }
    return new Set(m.lines.map((l) => l.path));
  };
  const payload = await check('manifest-sha256.txt');
  await check('tagmanifest-sha256.txt');
  const data = files.filter((f) => f.startsWith('data/'));
  for (const f of data) if (!payload.has(f)) problems.push(`unlisted ${f}`);
  let bytes = 0;
  for (const f of data) bytes += (await stat(join(dir, f))).size;
  const oxum = parseBagInfo(await readFile(join(dir, 'bag-info.txt'), 'utf8'))['Payload-Oxum'];
  if (oxum !== `${bytes}.${data.length}`) problems.push(`Payload-Oxum ${oxum}`);
  return problems;
}

/** Runs `npx efr …` (bin/efr.mjs) as a child process. */
export async function efr(args: string[], env: Record<string, string> = {}):
  Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [join(ROOT, 'bin/efr.mjs'), ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 16 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    // execFile rejects on a non-zero exit: that is an expected outcome here.
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Byte offset in the image of the first byte of `path` (read through the Joliet tree). */
export async function offsetOf(image: string, path: string): Promise<number> {
  const h = await open(image, 'r');
  try {
    const read = async (at: number, n: number): Promise<Uint8Array> => {
      const b = new Uint8Array(n);
      await h.read(b, 0, n, at);
      return b;
    };
    let root: { sector: number; length: number } | undefined;
    for (let s = FIRST_DESCRIPTOR_SECTOR; !root; s++) {
      const d = parseVolumeDescriptor(await read(s * SECTOR, SECTOR));
      if (d.kind === 'joliet') root = d.root;
      if (d.kind === 'terminator') throw new Error('no Joliet tree');
    }
    let dir = root;
    const parts = path.split('/');
    for (let i = 0; i < parts.length; i++) {
      const hit = parseDirectory(await read(dir.sector * SECTOR, dir.length), true)
        .find((e) => e.name === parts[i]);
      if (!hit) throw new Error(`${path} not in the image`);
      if (i === parts.length - 1) return hit.extents[0].sector * SECTOR;
      dir = hit.extents[0];
    }
    throw new Error('unreachable');
  } finally {
    await h.close();
  }
}

/** Flips one byte of an image file at `offset`. */
export async function flipByte(image: string, offset: number): Promise<void> {
  const h = await open(image, 'r+');
  try {
    const b = new Uint8Array(1);
    await h.read(b, 0, 1, offset);
    b[0] ^= 0xff;
    await h.write(b, 0, 1, offset);
  } finally {
    await h.close();
  }
}

/** Runs a tool with a UTF-8 locale; resolves to stdout. */
export async function tool(cmd: string, args: string[]): Promise<string> {
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
  return (await run(cmd, args, { env, maxBuffer: 64 << 20 })).stdout;
}
