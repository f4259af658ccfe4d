/**
 * Writable media the packager offers, with their user-data capacity.
 */
import { SECTOR } from './bytes.js';

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
