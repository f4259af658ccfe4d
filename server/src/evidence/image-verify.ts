/**
 * `efr disc verify`: re-reads a disc image through its own Joliet tree (our TypeScript reader,
 * no external tool) and checks it as a BagIt bag (RFC 8493): every payload file against
 * manifest-sha256.txt, no unlisted payload file, every tag file against
 * tagmanifest-sha256.txt. The first problem is named by its path.
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import {
  BAGIT_TXT, FIRST_DESCRIPTOR_SECTOR, MANIFEST_TXT, SECTOR, TAG_MANIFEST_TXT,
  parseDirectory, parseManifest, parseVolumeDescriptor,
} from '../../../core/src/index.js';
import type { DirEntry, Extent, ManifestLine } from '../../../core/src/index.js';

/** Result of checking an image. */
export type DiscCheck =
  | { ok: true; label: string; payloadFiles: number; payloadBytes: number; tagFiles: number }
  | { ok: false; path: string; reason: string };

/** Bytes read per call while hashing. */
const READ_CHUNK = 4 << 20;
/** Deepest folder level walked (the writer writes 8 levels at most for our packages). */
const MAX_DEPTH = 32;

async function readAt(h: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buf = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await h.read(buf, done, length - done, position + done);
    if (bytesRead === 0) throw new RangeError(`image ends at ${position + done}`);
    done += bytesRead;
  }
  return buf;
}

/** Finds the Joliet root (or the primary one for an image without Joliet). */
async function findRoot(h: FileHandle): Promise<{ root: Extent; joliet: boolean; label: string }> {
  let primary: { root: Extent; label: string } | undefined;
  for (let s = FIRST_DESCRIPTOR_SECTOR; s < FIRST_DESCRIPTOR_SECTOR + 64; s++) {
    const d = parseVolumeDescriptor(await readAt(h, s * SECTOR, SECTOR));
    if (d.kind === 'joliet') return { root: d.root, joliet: true, label: d.label };
    if (d.kind === 'primary') primary = d;
    if (d.kind === 'terminator') break;
  }
  if (!primary) throw new RangeError('no ISO 9660 volume descriptor');
  return { ...primary, joliet: false };
}

/** Every file of the tree by path ('a/b.txt'). */
async function walk(h: FileHandle, root: Extent, joliet: boolean): Promise<Map<string, DirEntry>> {
  const files = new Map<string, DirEntry>();
  const visit = async (dir: Extent, prefix: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) throw new RangeError(`folders nested deeper than ${MAX_DEPTH}`);
    for (const e of parseDirectory(await readAt(h, dir.sector * SECTOR, dir.length), joliet)) {
      if (e.isDirectory) await visit(e.extents[0], `${prefix}${e.name}/`, depth + 1);
      else files.set(prefix + e.name, e);
    }
  };
  await visit(root, '', 0);
  return files;
}

async function sha256Of(h: FileHandle, e: DirEntry): Promise<string> {
  const hash = createHash('sha256');
  for (const x of e.extents) {
    for (let at = 0; at < x.length; at += READ_CHUNK) {
      hash.update(await readAt(h, x.sector * SECTOR + at, Math.min(READ_CHUNK, x.length - at)));
    }
  }
  return hash.digest('hex');
}

async function textOf(h: FileHandle, e: DirEntry): Promise<string> {
  const parts: Uint8Array[] = [];
  for (const x of e.extents) parts.push(await readAt(h, x.sector * SECTOR, x.length));
  return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(parts));
}

async function checkLines(h: FileHandle, files: Map<string, DirEntry>,
  lines: readonly ManifestLine[]): Promise<{ path: string; reason: string } | null> {
  for (const l of lines) {
    const e = files.get(l.path);
    if (!e) return { path: l.path, reason: 'listed in the manifest but missing on the disc' };
    const actual = await sha256Of(h, e);
    if (actual !== l.sha256) {
      return { path: l.path, reason: `SHA-256 ${actual} differs from the manifest's ${l.sha256}` };
    }
  }
  return null;
}

/** Checks a disc image file as a bag; resolves to the first problem or the counts. */
export async function verifyDiscImage(imagePath: string): Promise<DiscCheck> {
  const h = await open(imagePath, 'r');
  try {
    const { root, joliet, label } = await findRoot(h);
    const files = await walk(h, root, joliet);
    for (const required of [BAGIT_TXT, MANIFEST_TXT]) {
      if (!files.has(required)) return { ok: false, path: required, reason: 'missing: not a bag' };
    }
    const manifest = parseManifest(await textOf(h, files.get(MANIFEST_TXT) as DirEntry));
    if (!manifest.ok) {
      return { ok: false, path: MANIFEST_TXT, reason: `line ${manifest.line}: ${manifest.reason}` };
    }
    const payloadProblem = await checkLines(h, files, manifest.lines);
    if (payloadProblem) return { ok: false, ...payloadProblem };
    const listed = new Set(manifest.lines.map((l) => l.path));
    for (const path of files.keys()) {
      if (path.startsWith('data/') && !listed.has(path)) {
        return { ok: false, path, reason: 'payload file not listed in the manifest' };
      }
    }
    let tagFiles = 0;
    const tagEntry = files.get(TAG_MANIFEST_TXT);
    if (tagEntry) {
      const tags = parseManifest(await textOf(h, tagEntry));
      if (!tags.ok) {
        return { ok: false, path: TAG_MANIFEST_TXT, reason: `line ${tags.line}: ${tags.reason}` };
      }
      const tagProblem = await checkLines(h, files, tags.lines);
      if (tagProblem) return { ok: false, ...tagProblem };
      tagFiles = tags.lines.length;
    }
    const payloadBytes = manifest.lines.reduce((n, l) => n + (files.get(l.path)?.size ?? 0), 0);
    return { ok: true, label, payloadFiles: manifest.lines.length, payloadBytes, tagFiles };
  } finally {
    await h.close();
  }
}
