/**
 * Plans and renders the two ISO 9660 directory hierarchies: the primary one (level 2 names
 * plus Rock Ridge) and the Joliet one (UCS-2 names). Sizes are known from names alone; sectors
 * are assigned afterwards by the layout, then every directory is rendered on demand.
 */
import { SECTOR, ascii, utf16be } from './bytes.js';
import { recordingDate } from './dates.js';
import {
  FLAG_DIRECTORY,
  FLAG_MULTI_EXTENT,
  ISO_EXTENT_MAX,
  dirRecord,
  dirRecordLength,
  pathTableRecord,
} from './iso9660.js';
import { compareIsoIdentifiers } from './names.js';
import {
  DIR_MODE,
  FILE_MODE,
  type SystemUse,
  ceEntry,
  erEntry,
  nmEntries,
  planSystemUse,
  pxEntry,
  spEntry,
  tfEntry,
} from './rock-ridge.js';
import type { DirNode, FileNode } from './tree.js';
import type { DiscFileSpec } from './types.js';

/** Which hierarchy: primary with Rock Ridge, or Joliet. */
export type IsoTreeKind = 'iso' | 'joliet';

type Node = DirNode | FileNode<DiscFileSpec>;

/** One directory record to write. */
interface RecordPlan {
  readonly role: 'self' | 'parent' | 'child';
  readonly node: Node;
  readonly id: Uint8Array;
  readonly extentIndex: number;
  readonly extentCount: number;
  readonly su: SystemUse | null;
  readonly length: number;
  ce: { sector: number; offset: number } | null;
}

/** One directory of a hierarchy with its records and (once assigned) its sector. */
export interface IsoDirPlan {
  readonly dir: DirNode;
  readonly number: number;
  readonly parentNumber: number;
  readonly id: Uint8Array;
  readonly records: RecordPlan[];
  readonly sectors: number;
  sector: number;
}

/** A whole hierarchy: directories in path-table order. */
export interface IsoTreePlan {
  readonly kind: IsoTreeKind;
  readonly dirs: IsoDirPlan[];
  readonly byDir: Map<DirNode, IsoDirPlan>;
  readonly pathTableBytes: number;
  /** Sectors of Rock Ridge continuation areas (assigned with the directories). */
  ceSector: number;
  ceSectors: number;
}

/** Facts the plans need from the rest of the layout. */
export interface IsoContext {
  readonly date: Date;
  readonly utcOffsetMinutes: number;
  fileSector(file: FileNode<DiscFileSpec>): number;
}

/** Number of ISO 9660 extents a file of `size` bytes needs. */
export function extentCount(size: number): number {
  return Math.max(1, Math.ceil(size / ISO_EXTENT_MAX));
}

function identifier(kind: IsoTreeKind, node: Node): string {
  const name = kind === 'iso' ? node.names.iso : node.names.joliet;
  return node.kind === 'file' ? `${name};1` : name;
}

function encode(kind: IsoTreeKind, text: string): Uint8Array {
  if (kind === 'joliet') return utf16be(text);
  const out = new Uint8Array(text.length);
  ascii(out, 0, text.length, text);
  return out;
}

/** Plans one hierarchy. Serial numbers for Rock Ridge PX come from `serials`. */
export function planIsoTree(
  kind: IsoTreeKind, root: DirNode, ctx: IsoContext, serials: Map<Node, number>,
): IsoTreePlan {
  const order: { dir: DirNode; parentNumber: number }[] = [{ dir: root, parentNumber: 1 }];
  for (let i = 0; i < order.length; i++) {
    const kids = [...order[i].dir.dirs].sort((a, b) =>
      compareIsoIdentifiers(identifier(kind, a), identifier(kind, b)),
    );
    for (const d of kids) order.push({ dir: d, parentNumber: i + 1 });
  }
  const dirs: IsoDirPlan[] = [];
  const byDir = new Map<DirNode, IsoDirPlan>();
  let pathTableBytes = 0;
  order.forEach(({ dir, parentNumber }, i) => {
    const id = dir === root ? Uint8Array.of(0) : encode(kind, identifier(kind, dir));
    pathTableBytes += 8 + id.length + (id.length % 2);
    const records = planRecords(kind, dir, root, ctx, serials);
    const plan: IsoDirPlan = {
      dir, number: i + 1, parentNumber, id, records, sectors: packedSectors(records), sector: 0,
    };
    dirs.push(plan);
    byDir.set(dir, plan);
  });
  return { kind, dirs, byDir, pathTableBytes, ceSector: 0, ceSectors: 0 };
}

function planRecords(
  kind: IsoTreeKind, dir: DirNode, root: DirNode, ctx: IsoContext, serials: Map<Node, number>,
): RecordPlan[] {
  const rr = kind === 'iso';
  const make = (
    role: RecordPlan['role'], node: Node, id: Uint8Array, i: number, n: number,
  ): RecordPlan => {
    let su: SystemUse | null = null;
    if (rr) {
      const isDir = node.kind === 'dir';
      const links = isDir ? 2 + (node as DirNode).dirs.length : 1;
      const date = node.kind === 'file' ? (node.spec.mtime ?? ctx.date) : ctx.date;
      const fixed = [pxEntry(isDir ? DIR_MODE : FILE_MODE, links, serials.get(node) ?? 0),
        tfEntry(date, ctx.utcOffsetMinutes)];
      const movable: Uint8Array[] = [];
      if (role === 'self' && node === root) {
        fixed.unshift(spEntry());
        movable.push(erEntry());
      }
      if (role === 'child') movable.push(...nmEntries(node.names.rr));
      const base = dirRecordLength(id.length, 0);
      const budget = role === 'self' && node === root ? 0 : 254 - base;
      su = planSystemUse(fixed, movable, budget);
    }
    const length = dirRecordLength(id.length, su ? su.inlineLength : 0);
    return { role, node, id, extentIndex: i, extentCount: n, su, length, ce: null };
  };
  const records: RecordPlan[] = [
    make('self', dir, Uint8Array.of(0), 0, 1),
    make('parent', dir.parent ?? root, Uint8Array.of(1), 0, 1),
  ];
  const children: Node[] = [...dir.dirs, ...dir.files];
  children.sort((a, b) => compareIsoIdentifiers(identifier(kind, a), identifier(kind, b)));
  for (const c of children) {
    const id = encode(kind, identifier(kind, c));
    const n = c.kind === 'file' ? extentCount(c.spec.size) : 1;
    for (let i = 0; i < n; i++) records.push(make('child', c, id, i, n));
  }
  return records;
}

/** Sectors needed when records never straddle a sector boundary (ECMA-119 6.8.1.1). */
function packedSectors(records: readonly RecordPlan[]): number {
  let sectors = 1;
  let used = 0;
  for (const r of records) {
    if (used + r.length > SECTOR) {
      sectors++;
      used = 0;
    }
    used += r.length;
  }
  return sectors;
}

/**
 * Gives every directory its sector from `start`, then packs continuation areas after them.
 * Returns the first sector after the hierarchy.
 */
export function assignIsoSectors(plan: IsoTreePlan, start: number): number {
  let s = start;
  for (const d of plan.dirs) {
    d.sector = s;
    s += d.sectors;
  }
  plan.ceSector = s;
  let sector = s;
  let offset = 0;
  let used = false;
  for (const d of plan.dirs) {
    for (const r of d.records) {
      const len = r.su?.continued.length ?? 0;
      if (len === 0) continue;
      if (offset + len > SECTOR) {
        sector++;
        offset = 0;
      }
      r.ce = { sector, offset };
      offset += len;
      used = true;
    }
  }
  plan.ceSectors = used ? sector - s + 1 : 0;
  return s + plan.ceSectors;
}

function renderRecord(plan: IsoTreePlan, r: RecordPlan, ctx: IsoContext): Uint8Array {
  const su: Uint8Array[] = r.su ? [...r.su.inline] : [];
  if (r.su && r.ce) su.push(ceEntry(r.ce.sector, r.ce.offset, r.su.continued.length));
  if (r.node.kind === 'dir') {
    const target = plan.byDir.get(r.node);
    if (!target) throw new Error('directory without plan');
    return dirRecord({
      id: r.id, sector: target.sector, dataLength: target.sectors * SECTOR,
      date: recordingDate(ctx.date, ctx.utcOffsetMinutes), flags: FLAG_DIRECTORY, systemUse: su,
    });
  }
  const size = r.node.spec.size;
  const first = size === 0 ? 0 : ctx.fileSector(r.node);
  const offset = r.extentIndex * ISO_EXTENT_MAX;
  return dirRecord({
    id: r.id,
    sector: first + offset / SECTOR,
    dataLength: Math.min(ISO_EXTENT_MAX, size - offset),
    date: recordingDate(r.node.spec.mtime ?? ctx.date, ctx.utcOffsetMinutes),
    flags: r.extentIndex < r.extentCount - 1 ? FLAG_MULTI_EXTENT : 0,
    systemUse: su,
  });
}

/** Renders one directory's extent. */
export function renderIsoDir(plan: IsoTreePlan, d: IsoDirPlan, ctx: IsoContext): Uint8Array {
  const out = new Uint8Array(d.sectors * SECTOR);
  let pos = 0;
  for (const r of d.records) {
    if ((pos % SECTOR) + r.length > SECTOR) pos = Math.ceil(pos / SECTOR) * SECTOR;
    out.set(renderRecord(plan, r, ctx), pos);
    pos += r.length;
  }
  return out;
}

/** Renders the root directory record for the volume descriptor (34 bytes, no system use). */
export function rootRecord(plan: IsoTreePlan, ctx: IsoContext): Uint8Array {
  const root = plan.dirs[0];
  return dirRecord({
    id: Uint8Array.of(0), sector: root.sector, dataLength: root.sectors * SECTOR,
    date: recordingDate(ctx.date, ctx.utcOffsetMinutes), flags: FLAG_DIRECTORY, systemUse: [],
  });
}

/** Renders the continuation areas (sectors from plan.ceSector). */
export function renderContinuations(plan: IsoTreePlan): Uint8Array {
  const out = new Uint8Array(plan.ceSectors * SECTOR);
  for (const d of plan.dirs) {
    for (const r of d.records) {
      if (!r.ce || !r.su) continue;
      out.set(r.su.continued, (r.ce.sector - plan.ceSector) * SECTOR + r.ce.offset);
    }
  }
  return out;
}

/** Renders a path table (type L or M), padded to whole sectors. */
export function renderPathTable(plan: IsoTreePlan, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(Math.ceil(plan.pathTableBytes / SECTOR) * SECTOR);
  let pos = 0;
  for (const d of plan.dirs) {
    const rec = pathTableRecord(d.id, d.sector, d.parentNumber, bigEndian);
    out.set(rec, pos);
    pos += rec.length;
  }
  return out;
}
