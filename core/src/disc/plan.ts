/**
 * Splits a package across discs: first-fit decreasing over the files (size, then path).
 * A candidate is accepted on a proven upper bound of the image size when it is far from full,
 * and on the exact layout when it is close, so planning stays near-linear in the file count
 * while every proposed disc is guaranteed to fit.
 */
import { SECTOR } from './bytes.js';
import { ISO_EXTENT_MAX } from './iso9660.js';
import { layoutDisc } from './layout.js';
import { MEDIA, type Medium, mediumBytes } from './media.js';
import { compareCodeUnits } from './names.js';
import { DiscError, type DiscFileSpec } from './types.js';

/** One proposed disc: its files (in path order) and the exact image size. */
export interface PlannedDisc<F extends DiscFileSpec> {
  readonly files: F[];
  readonly imageBytes: number;
}

/** Result of planning: the discs, or why the package cannot be put on this medium. */
export type DiscPlan<F extends DiscFileSpec> =
  | { readonly ok: true; readonly discs: PlannedDisc<F>[] }
  | { readonly ok: false; readonly error: DiscError };

/** Options of planDiscs. */
export interface PlanOptions {
  /**
   * Files added to every disc later (e.g. the packager's disc index), counted with their
   * size so the final images still fit.
   */
  readonly reserve?: readonly DiscFileSpec[];
}

const PLAN_VOLUME = { label: 'PLAN', date: new Date(0) };

interface OpenDisc<F> {
  readonly files: F[];
  readonly folders: Set<string>;
  /** Proven upper bound of the image size in sectors. */
  upper: number;
  /** Proven lower bound: last exact size plus data added since. */
  lower: number;
  /** Smallest need (sectors, new folders) refused by an exact layout since the last change. */
  refused: { sectors: number; folders: number } | null;
}

/** Folders of `path` not yet on the disc. */
function newFolders(path: string, folders: ReadonlySet<string>): string[] {
  const parts = path.split('/');
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) {
    const f = parts.slice(0, i).join('/');
    if (!folders.has(f)) out.push(f);
  }
  return out;
}

/**
 * Most metadata sectors one more file can add. Directory records are packed next-fit, so a
 * block of n inserted records adds at most ceil(n / 8) sectors (8 records of 255 bytes fit a
 * sector) plus 1 for the shift of what follows; the same holds for Rock Ridge continuation
 * areas with 7 per sector. Then: the UDF file entry and identifier (2); per new folder its two
 * directory extents, UDF entry and data, continuation, and records in its parent (at most
 * 8, counted 10); path tables grow by at most 136 bytes per folder in each of the four.
 */
export function metadataBound(size: number, folders: number): number {
  const n = Math.max(1, Math.ceil(size / ISO_EXTENT_MAX));
  const records = 2 * (Math.ceil(n / 8) + 1) + Math.ceil(n / 7) + 1;
  const tables = folders > 0 ? 4 * (Math.ceil((136 * folders) / SECTOR) + 1) : 0;
  return 2 + records + 10 * folders + tables;
}

/**
 * Splits files across discs of `medium`: largest first, each into the first disc where the
 * image still fits. Refuses when one file cannot fit a disc on its own.
 */
export function planDiscs<F extends DiscFileSpec>(
  files: readonly F[], medium: Medium, options: PlanOptions = {},
): DiscPlan<F> {
  try {
    // Validates names, duplicates and sizes of the whole set once, before splitting.
    layoutDisc([...files, ...(options.reserve ?? [])], PLAN_VOLUME);
    const fast = split(files, medium, options, true);
    // The bound is proven, but a plan is only handed out once every disc was measured
    // exactly: should a disc ever exceed, plan again measuring every candidate exactly.
    const capacity = mediumBytes(medium);
    if (!fast.ok || fast.discs.every((d) => d.imageBytes <= capacity)) return fast;
    return split(files, medium, options, false);
  } catch (err) {
    // Only DiscError (bad names, sizes) is an expected refusal; anything else is a bug.
    if (err instanceof DiscError) return { ok: false, error: err };
    throw err;
  }
}

function split<F extends DiscFileSpec>(
  files: readonly F[], medium: Medium, options: PlanOptions, useBound: boolean,
): DiscPlan<F> {
  const capacity = mediumBytes(medium) / SECTOR;
  const reserve = options.reserve ?? [];
  const exact = (set: readonly DiscFileSpec[]): number =>
    layoutDisc([...set, ...reserve], PLAN_VOLUME).sectors;
  const order = [...files].sort((a, b) => b.size - a.size || compareCodeUnits(a.path, b.path));
  const discs: OpenDisc<F>[] = [];
  for (const file of order) {
    const sectors = Math.ceil(file.size / SECTOR);
    if (discs.some((disc) => tryAdd(disc, file, sectors, capacity, exact, useBound))) continue;
    const alone = exact([file]);
    if (alone > capacity) {
      const message = `"${file.path}" does not fit on ${MEDIA[medium].name}.`;
      return { ok: false, error: new DiscError('exceeds-medium', message, file.path) };
    }
    const folders = new Set(newFolders(file.path, new Set()));
    discs.push({ files: [file], folders, upper: alone, lower: alone, refused: null });
  }
  if (discs.length === 0) {
    return { ok: true, discs: [{ files: [], imageBytes: exact([]) * SECTOR }] };
  }
  return {
    ok: true,
    discs: discs.map((d) => {
      const sorted = [...d.files].sort((a, b) => compareCodeUnits(a.path, b.path));
      return { files: sorted, imageBytes: exact(sorted) * SECTOR };
    }),
  };
}

function tryAdd<F extends DiscFileSpec>(
  disc: OpenDisc<F>, file: F, sectors: number, capacity: number,
  exact: (set: readonly DiscFileSpec[]) => number, useBound: boolean,
): boolean {
  if (disc.lower + sectors > capacity) return false;
  const folders = newFolders(file.path, disc.folders);
  const r = disc.refused;
  if (r && sectors >= r.sectors && folders.length >= r.folders) return false;
  const upper = disc.upper + sectors + metadataBound(file.size, folders.length);
  let size = upper;
  const measured = !useBound || upper > capacity;
  if (measured) {
    size = exact([...disc.files, file]);
    if (size > capacity) {
      disc.refused = { sectors, folders: folders.length };
      return false;
    }
  }
  disc.files.push(file);
  for (const f of folders) disc.folders.add(f);
  disc.upper = size;
  disc.lower = measured ? size : disc.lower + sectors;
  disc.refused = null;
  return true;
}
