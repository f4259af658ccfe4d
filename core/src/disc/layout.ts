/**
 * Computes the whole image from names and sizes, before any content is read: every
 * descriptor, directory, path table and file extent gets its sector. Map of the image:
 *
 *   0-15    system area (zeros)
 *   16-21   ISO 9660 primary, Joliet, set terminator; UDF BEA01, NSR02, TEA01
 *   32-37   UDF main volume descriptor sequence; 48-53 its reserve copy
 *   64-65   UDF logical volume integrity sequence
 *   256     UDF anchor
 *   257-    UDF partition: file set descriptor, ISO and Joliet path tables and directories,
 *           Rock Ridge continuation areas, UDF folders and file entries, then file contents
 *   last    UDF anchor (second copy)
 */
import { SECTOR, fnv1a32, hex32, sectorsFor } from './bytes.js';
import {
  type IsoContext,
  assignIsoSectors,
  planIsoTree,
  renderContinuations,
  renderIsoDir,
  renderPathTable,
  rootRecord,
} from './iso-dirs.js';
import {
  isoVolumeLabel,
  recognitionDescriptor,
  setTerminator,
  volumeDescriptor,
} from './iso9660.js';
import { type DirNode, type FileNode, allDirs, allFiles, buildTree, nameMappings } from './tree.js';
import {
  DiscError,
  type DiscFileSpec,
  type DiscLayout,
  type MetadataRegion,
  type VolumeInfo,
} from './types.js';
import {
  type UdfContext,
  assignUdfBlocks,
  dirBlocks,
  fitsOneFileEntry,
  planUdf,
  renderFileEntries,
  renderFileSet,
  renderUdfDir,
} from './udf-files.js';
import { UDF_SECTORS, anchor, integritySequence, volumeDescriptorSequence } from './udf-volume.js';
import { dstring } from './udf-base.js';

/** First sector of the UDF partition (right after the first anchor). */
const PARTITION_START = UDF_SECTORS.anchor + 1;
/** File entries rendered per metadata region (bounds memory for large file counts). */
const FE_BATCH = 256;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function checkVolume(volume: VolumeInfo): void {
  if (typeof volume.label !== 'string' || volume.label.length === 0) {
    throw new DiscError('empty-name', 'The volume label is empty.');
  }
  if (Array.from(volume.label).length > 32) {
    throw new DiscError('label-too-long', 'The volume label is longer than 32 characters.');
  }
  if (CONTROL.test(volume.label)) {
    throw new DiscError('bad-character', 'The volume label contains a control character.');
  }
  if (!(volume.date instanceof Date) || Number.isNaN(volume.date.getTime())) {
    throw new DiscError('bad-date', 'The volume date is not a valid date.');
  }
  const offset = volume.utcOffsetMinutes ?? 0;
  // ISO 9660 records offsets in 15-minute steps from -12:00 to +13:00 (8.4.26.1).
  if (!Number.isInteger(offset) || offset % 15 !== 0 || offset < -720 || offset > 780) {
    throw new DiscError('bad-date', 'The UTC offset is not a whole quarter hour in -12:00…+13:00.');
  }
}

/** Text as a d-string of `len` bytes would keep it (what UDF readers will show). */
function udfText(text: string, len: number): string {
  return dstring(new Uint8Array(len), 0, len, text);
}

/**
 * Lays out an image for `files` (in any order: the image is sorted by path).
 * @throws DiscError for a bad name, a duplicate path, a bad size or a bad label.
 */
export function layoutDisc<F extends DiscFileSpec>(
  files: readonly F[], volume: VolumeInfo,
): DiscLayout<F> {
  checkVolume(volume);
  const root = buildTree(files);
  const fileNodes = allFiles(root);
  for (const f of fileNodes) {
    if (!fitsOneFileEntry(f.spec.size)) {
      const message = `"${f.path}" is too large for one UDF file entry.`;
      throw new DiscError('too-many-extents', message, f.path);
    }
  }
  // Path-table records name their parent with 16 bits (ECMA-119 9.4.6).
  if (allDirs(root).length > 0xffff) {
    throw new DiscError('too-many-folders', 'More than 65 535 folders do not fit path tables.');
  }
  const utcOffsetMinutes = volume.utcOffsetMinutes ?? 0;
  const date = volume.date;
  const fileSectors = new Map<FileNode<DiscFileSpec>, number>();
  const fileSector = (f: FileNode<DiscFileSpec>): number => fileSectors.get(f) ?? 0;
  const isoCtx: IsoContext = { date, utcOffsetMinutes, fileSector };

  const serials = new Map<DirNode | FileNode<DiscFileSpec>, number>();
  for (const d of allDirs(root)) serials.set(d, serials.size + 1);
  for (const f of fileNodes) serials.set(f, serials.size + 1);
  const iso = planIsoTree('iso', root, isoCtx, serials);
  const joliet = planIsoTree('joliet', root, isoCtx, serials);
  const udf = planUdf(root, fileNodes);

  // Allocation, in image order.
  let s = PARTITION_START + 2; // file set descriptor + terminator
  const isoTable = Math.ceil(iso.pathTableBytes / SECTOR);
  const jolietTable = Math.ceil(joliet.pathTableBytes / SECTOR);
  const tables = {
    isoL: s, isoM: s + isoTable, jolL: s + 2 * isoTable, jolM: s + 2 * isoTable + jolietTable,
  };
  s += 2 * isoTable + 2 * jolietTable;
  s = assignIsoSectors(iso, s);
  s = assignIsoSectors(joliet, s);
  s = assignUdfBlocks(udf, s - PARTITION_START) + PARTITION_START;
  const placements = fileNodes.map((node, index) => {
    const sector = node.spec.size === 0 ? 0 : s;
    if (node.spec.size > 0) {
      fileSectors.set(node, s);
      s += sectorsFor(node.spec.size);
    }
    return { file: node.spec as F, sector, index };
  });
  const lastAnchor = s;
  const sectors = s + 1;

  const labels = {
    iso9660: isoVolumeLabel(volume.label),
    joliet: Array.from(volume.label).slice(0, 16).join(''),
    udf: udfText(volume.label, 128),
  };
  const udfCtx: UdfContext = {
    date, utcOffsetMinutes, volumeLabel: labels.udf, fileSetId: udfText(volume.label, 32),
    fileBlock: (f) => fileSector(f) - PARTITION_START,
  };
  const seed = `${volume.label}\u0000${date.toISOString()}`;
  const volumeSetId = `${hex32(fnv1a32(seed))}${hex32(fnv1a32(seed, 0x01000193))}${volume.label}`;
  const udfFields = {
    volumeId: udfText(volume.label, 32), logicalVolumeId: labels.udf, volumeSetId, date,
    utcOffsetMinutes, partitionStart: PARTITION_START,
    partitionLength: lastAnchor - PARTITION_START,
    fileSetBlock: 0, files: fileNodes.length, directories: udf.dirs.length,
    nextUniqueId: udf.nextUniqueId,
  };

  const regions: MetadataRegion[] = [];
  const add = (sector: number, sectorCount: number, render: () => Uint8Array): void => {
    if (sectorCount > 0) regions.push({ sector, sectorCount, render });
  };
  add(16, 6, () => {
    const out = new Uint8Array(6 * SECTOR);
    const publisher = volume.publisher ?? '';
    const common = { volumeSectors: sectors, date, utcOffsetMinutes };
    out.set(volumeDescriptor({
      ...common, joliet: false, volumeId: labels.iso9660, publisher: isoVolumeLabel(publisher),
      pathTableBytes: iso.pathTableBytes, pathTableL: tables.isoL, pathTableM: tables.isoM,
      rootRecord: rootRecord(iso, isoCtx),
    }), 0);
    out.set(volumeDescriptor({
      ...common, joliet: true, volumeId: labels.joliet, publisher,
      pathTableBytes: joliet.pathTableBytes, pathTableL: tables.jolL, pathTableM: tables.jolM,
      rootRecord: rootRecord(joliet, isoCtx),
    }), SECTOR);
    out.set(setTerminator(), 2 * SECTOR);
    out.set(recognitionDescriptor('BEA01'), 3 * SECTOR);
    out.set(recognitionDescriptor('NSR02'), 4 * SECTOR);
    out.set(recognitionDescriptor('TEA01'), 5 * SECTOR);
    return out;
  });
  add(UDF_SECTORS.mainVds, 6, () => volumeDescriptorSequence(udfFields, UDF_SECTORS.mainVds));
  add(UDF_SECTORS.reserveVds, 6, () => volumeDescriptorSequence(udfFields, UDF_SECTORS.reserveVds));
  add(UDF_SECTORS.integrity, 2, () => integritySequence(udfFields));
  add(UDF_SECTORS.anchor, 1, () => anchor(UDF_SECTORS.anchor));
  add(PARTITION_START, 2, () => renderFileSet(udf, udfCtx, 0));
  add(tables.isoL, isoTable, () => renderPathTable(iso, false));
  add(tables.isoM, isoTable, () => renderPathTable(iso, true));
  add(tables.jolL, jolietTable, () => renderPathTable(joliet, false));
  add(tables.jolM, jolietTable, () => renderPathTable(joliet, true));
  for (const tree of [iso, joliet]) {
    for (const d of tree.dirs) add(d.sector, d.sectors, () => renderIsoDir(tree, d, isoCtx));
    add(tree.ceSector, tree.ceSectors, () => renderContinuations(tree));
  }
  for (const d of udf.dirs) {
    add(d.feBlock + PARTITION_START, dirBlocks(d), () => renderUdfDir(udf, d, udfCtx));
  }
  for (let i = 0; i < fileNodes.length; i += FE_BATCH) {
    const to = Math.min(fileNodes.length, i + FE_BATCH);
    add(udf.fileFeBlock + PARTITION_START + i, to - i, () => renderFileEntries(udf, i, to, udfCtx));
  }
  add(lastAnchor, 1, () => anchor(lastAnchor));
  regions.sort((a, b) => a.sector - b.sector);

  return {
    sectors,
    files: placements,
    names: nameMappings(root),
    labels,
    multiExtent: iso.dirs.some((d) => d.records.some((r) => r.extentCount > 1)),
    regions,
  };
}

/** Exact size in bytes of the image a layout describes. */
export function imageSize(layout: DiscLayout<DiscFileSpec>): number {
  return layout.sectors * SECTOR;
}
