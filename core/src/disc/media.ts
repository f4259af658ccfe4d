/**
 * Writable media and the split of a package across discs (first-fit decreasing, counting the
 * exact layout overhead of every candidate disc).
 */
import { SECTOR } from './bytes.js';
import { imageSize, layoutDisc } from './layout.js';
import { compareCodeUnits } from './names.js';
import { DiscError, type DiscFileSpec } from './types.js';

/** Media the packager offers. */
export type Medium = 'cd700' | 'dvd5' | 'dvd9' | 'bd25' | 'bd50';

/** Capacity and display name of a medium. */
export interface MediumFacts {
  readonly sectors: number;
  readonly name: string;
}

/**
 * User-data sectors of 2048 bytes. Where the "-" and "+" formats differ, the smaller count
 * is used so an image fits either kind of blank:
 * - CD-R 80 min: 360 000 sectors nominal (80 × 60 × 75), but the ATIP lead-out of 80-minute
 *   blanks starts at 79:59:74, i.e. 359 849 blocks after the 2-second pre-gap (what cdrecord
 *   reports as "Blocks total"): that is the count used;
 * - DVD±R: DVD+R 2 295 104 (DVD-R 2 298 496);
 * - DVD±R DL: DVD-R DL 4 171 712 (DVD+R DL 4 173 824);
 * - BD-R SL 12 219 392 (25 025 314 816 bytes), BD-R DL 24 438 784.
 */
export const MEDIA: Readonly<Record<Medium, MediumFacts>> = {
  cd700: { sectors: 359_849, name: 'CD-R 700 MB (80 min)' },
  dvd5: { sectors: 2_295_104, name: 'DVD±R (4.7 GB)' },
  dvd9: { sectors: 4_171_712, name: 'DVD±R DL (8.5 GB)' },
  bd25: { sectors: 12_219_392, name: 'BD-R (25 GB)' },
  bd50: { sectors: 24_438_784, name: 'BD-R DL (50 GB)' },
};

/** Capacity of a medium in bytes. */
export function mediumBytes(medium: Medium): number {
  return MEDIA[medium].sectors * SECTOR;
}

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

/**
 * Splits files across discs of `medium`: largest first, each into the first disc where the
 * exact image still fits. Refuses when one file cannot fit a disc on its own.
 */
export function planDiscs<F extends DiscFileSpec>(
  files: readonly F[], medium: Medium, options: PlanOptions = {},
): DiscPlan<F> {
  const capacity = mediumBytes(medium);
  const reserve = options.reserve ?? [];
  const sizeOf = (set: readonly DiscFileSpec[]): number =>
    imageSize(layoutDisc([...set, ...reserve], PLAN_VOLUME));
  try {
    // Validates names, duplicates and sizes of the whole set once, before splitting.
    layoutDisc([...files, ...reserve], PLAN_VOLUME);
    const order = [...files].sort((a, b) => b.size - a.size || compareCodeUnits(a.path, b.path));
    const discs: { files: F[]; dataSectors: number }[] = [];
    for (const file of order) {
      const sectors = Math.ceil(file.size / SECTOR);
      let placed = false;
      for (const disc of discs) {
        // Cheap bound first: data alone already too large means no layout is needed.
        if ((disc.dataSectors + sectors) * SECTOR > capacity) continue;
        if (sizeOf([...disc.files, file]) <= capacity) {
          disc.files.push(file);
          disc.dataSectors += sectors;
          placed = true;
          break;
        }
      }
      if (placed) continue;
      if (sizeOf([file]) > capacity) {
        return {
          ok: false,
          error: new DiscError(
            'exceeds-medium', `"${file.path}" does not fit on ${MEDIA[medium].name}.`, file.path,
          ),
        };
      }
      discs.push({ files: [file], dataSectors: sectors });
    }
    if (discs.length === 0) discs.push({ files: [], dataSectors: 0 });
    return {
      ok: true,
      discs: discs.map((d) => {
        const sorted = [...d.files].sort((a, b) => compareCodeUnits(a.path, b.path));
        return { files: sorted, imageBytes: sizeOf(sorted) };
      }),
    };
  } catch (err) {
    // Only DiscError (bad names, sizes) is an expected refusal; anything else is a bug.
    if (err instanceof DiscError) return { ok: false, error: err };
    throw err;
  }
}
