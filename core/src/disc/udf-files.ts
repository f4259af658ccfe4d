/**
 * UDF file structures (ECMA-167 part 4): the file set descriptor, one file entry per file and
 * folder, and the file identifier descriptors that make up each folder. Files point at the
 * same sectors as the ISO 9660 records, so content is written once for all trees.
 */
import { SECTOR, u16le, u32le, u64le } from './bytes.js';
import { udfTimestamp } from './dates.js';
import type { DirNode, FileNode } from './tree.js';
import { allDirs } from './tree.js';
import type { DiscFileSpec } from './types.js';
import {
  IMPLEMENTATION_ID,
  TagId,
  charspec,
  compressedUnicode,
  dstring,
  finishTag,
  longAd,
  regid,
} from './udf-base.js';

/** Largest short_ad extent that is a whole number of blocks (30-bit length field). */
export const UDF_EXTENT_MAX = 0x3ffff800;
/** Allocation descriptors that fit one file entry block (176-byte header, 8 bytes each). */
const MAX_SHORT_ADS = Math.floor((SECTOR - 176) / 8);

const FILE_PERMISSIONS = 0x1084; // read for owner, group and others
const DIR_PERMISSIONS = 0x14a5; // read and execute for owner, group and others
const NO_ID = 0xffffffff; // uid/gid "not specified" (UDF 3.3.3.1)

/** A folder's blocks: its file entry, then its identifiers. */
export interface UdfDirPlan {
  readonly dir: DirNode;
  readonly uniqueId: number;
  readonly dataBytes: number;
  feBlock: number;
}

/** The UDF file structures of one image. */
export interface UdfPlan {
  readonly dirs: UdfDirPlan[];
  readonly byDir: Map<DirNode, UdfDirPlan>;
  readonly files: FileNode<DiscFileSpec>[];
  readonly fileIds: Map<FileNode<DiscFileSpec>, number>;
  readonly fileIndex: Map<FileNode<DiscFileSpec>, number>;
  readonly nextUniqueId: number;
  fileFeBlock: number;
}

/** Facts the UDF structures need from the layout. */
export interface UdfContext {
  readonly date: Date;
  readonly utcOffsetMinutes: number;
  readonly volumeLabel: string;
  readonly fileSetId: string;
  /** Partition block of a file's first content block. */
  fileBlock(file: FileNode<DiscFileSpec>): number;
}

/** Blocks of a file entry's allocation descriptors: refuses files needing more than one. */
export function udfExtentCount(size: number): number {
  return Math.ceil(size / UDF_EXTENT_MAX);
}

/** Whether a file's extents fit one file entry (about 234 GiB). */
export function fitsOneFileEntry(size: number): boolean {
  return udfExtentCount(size) <= MAX_SHORT_ADS;
}

function fidLength(name: string): number {
  const lfi = name ? compressedUnicode(name).length : 0;
  return Math.ceil((38 + lfi) / 4) * 4;
}

/** Plans folders (breadth first) and files (in `files` order), with UDF unique ids. */
export function planUdf(root: DirNode, files: FileNode<DiscFileSpec>[]): UdfPlan {
  const dirs: UdfDirPlan[] = [];
  const byDir = new Map<DirNode, UdfDirPlan>();
  let nextId = 16; // UDF 3.2.1.1: ids 1-15 are reserved; the root gets 0
  for (const dir of allDirs(root)) {
    let dataBytes = fidLength('');
    for (const c of [...dir.dirs, ...dir.files]) dataBytes += fidLength(c.names.udf);
    const plan: UdfDirPlan = { dir, uniqueId: dir === root ? 0 : nextId++, dataBytes, feBlock: 0 };
    dirs.push(plan);
    byDir.set(dir, plan);
  }
  const fileIds = new Map<FileNode<DiscFileSpec>, number>();
  const fileIndex = new Map<FileNode<DiscFileSpec>, number>();
  files.forEach((f, i) => {
    fileIds.set(f, nextId++);
    fileIndex.set(f, i);
  });
  return { dirs, byDir, files, fileIds, fileIndex, nextUniqueId: nextId, fileFeBlock: 0 };
}

/** Blocks of one folder (file entry + identifiers). */
export function dirBlocks(d: UdfDirPlan): number {
  return 1 + Math.ceil(d.dataBytes / SECTOR);
}

/** Assigns blocks from `start`; returns the first block after the UDF file structures. */
export function assignUdfBlocks(plan: UdfPlan, start: number): number {
  let b = start;
  for (const d of plan.dirs) {
    d.feBlock = b;
    b += dirBlocks(d);
  }
  plan.fileFeBlock = b;
  return b + plan.files.length;
}

/** File set descriptor at `block` followed by a terminating descriptor (2 blocks). */
export function renderFileSet(plan: UdfPlan, ctx: UdfContext, block: number): Uint8Array {
  const out = new Uint8Array(2 * SECTOR);
  udfTimestamp(out, 16, ctx.date, ctx.utcOffsetMinutes);
  u16le(out, 28, 3);
  u16le(out, 30, 3);
  u32le(out, 32, 1);
  u32le(out, 36, 1);
  charspec(out, 48);
  dstring(out, 112, 128, ctx.volumeLabel);
  charspec(out, 240);
  dstring(out, 304, 32, ctx.fileSetId);
  longAd(out, 400, SECTOR, plan.dirs[0].feBlock);
  regid(out, 416, '*OSTA UDF Compliant', 'domain');
  finishTag(out, 0, TagId.fileSet, block, 512 - 16);
  finishTag(out.subarray(SECTOR), 0, TagId.terminating, block + 1, 512 - 16);
  return out;
}

interface EntryFields {
  readonly directory: boolean;
  readonly links: number;
  readonly size: number;
  readonly date: Date;
  readonly uniqueId: number;
  readonly firstBlock: number;
}

/** One file entry block with short_ad allocation descriptors over contiguous blocks. */
function fileEntry(out: Uint8Array, block: number, f: EntryFields, ctx: UdfContext): void {
  u32le(out, 16, 0);
  u16le(out, 20, 4); // strategy 4: a single direct entry
  u16le(out, 24, 1);
  out[27] = f.directory ? 4 : 5;
  u16le(out, 34, 0); // short_ad, not contiguous-flagged
  u32le(out, 36, NO_ID);
  u32le(out, 40, NO_ID);
  u32le(out, 44, f.directory ? DIR_PERMISSIONS : FILE_PERMISSIONS);
  u16le(out, 48, f.links);
  u64le(out, 56, f.size);
  u64le(out, 64, Math.ceil(f.size / SECTOR));
  udfTimestamp(out, 72, f.date, ctx.utcOffsetMinutes);
  udfTimestamp(out, 84, f.date, ctx.utcOffsetMinutes);
  udfTimestamp(out, 96, ctx.date, ctx.utcOffsetMinutes);
  u32le(out, 108, 1);
  regid(out, 128, IMPLEMENTATION_ID, 'implementation');
  u64le(out, 160, f.uniqueId);
  u32le(out, 168, 0);
  let off = 176;
  for (let done = 0; done < f.size; done += UDF_EXTENT_MAX) {
    u32le(out, off, Math.min(UDF_EXTENT_MAX, f.size - done));
    u32le(out, off + 4, f.firstBlock + done / SECTOR);
    off += 8;
  }
  u32le(out, 172, off - 176);
  finishTag(out, 0, TagId.fileEntry, block, off - 16);
}

/** Renders a folder: its file entry block followed by its identifier blocks. */
export function renderUdfDir(plan: UdfPlan, d: UdfDirPlan, ctx: UdfContext): Uint8Array {
  const out = new Uint8Array(dirBlocks(d) * SECTOR);
  const dataBlock = d.feBlock + 1;
  fileEntry(out.subarray(0, SECTOR), d.feBlock, {
    directory: true, links: 1 + d.dir.dirs.length, size: d.dataBytes, date: ctx.date,
    uniqueId: d.uniqueId, firstBlock: dataBlock,
  }, ctx);
  const data = out.subarray(SECTOR);
  const parent = plan.byDir.get(d.dir.parent ?? d.dir);
  if (!parent) throw new Error('folder without UDF plan');
  let pos = writeFid(data, 0, dataBlock, '', 0x0a, parent.feBlock, parent.uniqueId);
  for (const c of [...d.dir.dirs, ...d.dir.files]) {
    if (c.kind === 'dir') {
      const p = plan.byDir.get(c);
      if (!p) throw new Error('folder without UDF plan');
      pos = writeFid(data, pos, dataBlock, c.names.udf, 0x02, p.feBlock, p.uniqueId);
    } else {
      const index = plan.fileIndex.get(c) ?? 0;
      const id = plan.fileIds.get(c) ?? 0;
      pos = writeFid(data, pos, dataBlock, c.names.udf, 0x00, plan.fileFeBlock + index, id);
    }
  }
  return out;
}

/** Writes one file identifier descriptor; returns the offset after it. */
function writeFid(
  data: Uint8Array, pos: number, dataBlock: number, name: string, characteristics: number,
  icbBlock: number, uniqueId: number,
): number {
  const id = name ? compressedUnicode(name) : new Uint8Array(0);
  const len = fidLength(name);
  u16le(data, pos + 16, 1);
  data[pos + 18] = characteristics;
  data[pos + 19] = id.length;
  longAd(data, pos + 20, SECTOR, icbBlock, uniqueId);
  u16le(data, pos + 36, 0);
  data.set(id, pos + 38);
  finishTag(data, pos, TagId.fileIdentifier, dataBlock + Math.floor(pos / SECTOR), len - 16);
  return pos + len;
}

/** Renders the file entries of files [from, to) of the plan. */
export function renderFileEntries(
  plan: UdfPlan, from: number, to: number, ctx: UdfContext,
): Uint8Array {
  const out = new Uint8Array((to - from) * SECTOR);
  for (let i = from; i < to; i++) {
    const f = plan.files[i];
    fileEntry(out.subarray((i - from) * SECTOR, (i - from + 1) * SECTOR), plan.fileFeBlock + i, {
      directory: false, links: 1, size: f.spec.size, date: f.spec.mtime ?? ctx.date,
      uniqueId: plan.fileIds.get(f) ?? 0, firstBlock: f.spec.size === 0 ? 0 : ctx.fileBlock(f),
    }, ctx);
  }
  return out;
}
