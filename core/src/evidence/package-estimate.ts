/**
 * The size of an evidence disc image before it is built (R23.1), for the screen that offers
 * the medium. The payload and the folder tree are laid out exactly as the writer lays them out
 * (core's layoutDisc, the recordings at their payload names); the tag files, rendered only by
 * the server, are counted at sizes above what it writes: the description PDF is one CJK font
 * subset plus a table row per recording, verify.html the inlined hasher plus a manifest line
 * per recording. The estimate stays above the built image and close to it (issue 19,
 * point 11: 9.6 MiB were announced for a 2.1 MiB disc). Imported by path, not through
 * core's index: the disc writer it lays out with is no part of the Rhino build.
 */
import { layoutDisc } from '../disc/index.js';
import type { DiscFileSpec } from '../disc/index.js';
import { ACCESS_LOG_EXTRACT, ACCESS_LOG_TREE_HEAD } from './access-log-extract.js';
import { BAG_INFO_TXT, BAGIT_TXT, MANIFEST_TXT, TAG_MANIFEST_TXT } from './bagit.js';
import { placePayload } from './payload-names.js';
import { VERIFY_HTML } from './verify-page.js';

/** A recording as the estimate needs it. */
export interface EstimatedRecording {
  readonly id: string;
  readonly name: string;
  /** Content size in bytes. */
  readonly size: number;
}

const KIB = 1024;

/**
 * Upper sizes of the tag files for `n` recordings: [path, fixed bytes, bytes per recording].
 * Measured on the writer (server/src/evidence/package-image.ts): description.pdf 95–106 KB
 * and description.txt 2.2 KB + 0.7 KB per recording; verify.html 22.5 KB + 0.13 KB per
 * recording; one access-log extract line is about 2 KB with its inclusion proof (an ACS entry
 * with a long path and 20 proof hashes, a log of a million entries: 1962 bytes), a recording's
 * extract rarely passes 40 entries; the tree head file is under 0.5 KB. 16 KiB a recording
 * covers some 8 to 16 proven entries: a longer extract is under 0.1 % of a real recording, and
 * the specs' tiny recordings keep the bound tight (test/evidence/package-estimate.spec.ts).
 */
const TAGS: readonly [string, number, number][] = [
  ['description.pdf', 128 * KIB, 1 * KIB],
  ['description.txt', 4 * KIB, 1 * KIB],
  [VERIFY_HTML, 32 * KIB, 256],
  [ACCESS_LOG_EXTRACT, 4 * KIB, 16 * KIB],
  [ACCESS_LOG_TREE_HEAD, 1 * KIB, 0],
  [MANIFEST_TXT, 0, 256],
  [BAGIT_TXT, 1 * KIB, 0],
  [BAG_INFO_TXT, 2 * KIB, 0],
  [TAG_MANIFEST_TXT, 2 * KIB, 0],
];

/** The estimated image size in bytes of an evidence package of `recordings`. */
export function estimatePackageBytes(recordings: readonly EstimatedRecording[]): number {
  const files: DiscFileSpec[] = placePayload(recordings).map((p) => ({
    path: p.path, size: p.recording.size,
  }));
  for (const [path, fixed, each] of TAGS) {
    files.push({ path, size: fixed + each * recordings.length });
  }
  return layoutDisc(files, { label: 'ESTIMATE', date: new Date(0) }).sectors * 2048;
}
