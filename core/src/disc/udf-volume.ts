/**
 * UDF volume structures (ECMA-167 part 3): the anchor, the volume descriptor sequence
 * (primary, implementation use, partition, logical volume, unallocated space, terminator)
 * and the logical volume integrity sequence. Each descriptor takes one sector and carries
 * its own sector number in its tag.
 */
import { SECTOR, u16le, u32le, u64le } from './bytes.js';
import { udfTimestamp } from './dates.js';
import {
  IMPLEMENTATION_ID,
  TagId,
  UDF_REVISION,
  charspec,
  dstring,
  extentAd,
  finishTag,
  longAd,
  regid,
} from './udf-base.js';

/** Fixed sectors of the UDF volume structures. */
export const UDF_SECTORS = {
  mainVds: 32,
  reserveVds: 48,
  vdsLength: 16,
  integrity: 64,
  anchor: 256,
} as const;

/** What the volume structures record. */
export interface UdfVolumeFields {
  readonly volumeId: string;
  readonly logicalVolumeId: string;
  readonly volumeSetId: string;
  readonly date: Date;
  readonly utcOffsetMinutes: number;
  readonly partitionStart: number;
  readonly partitionLength: number;
  /** Partition block of the file set descriptor. */
  readonly fileSetBlock: number;
  readonly files: number;
  readonly directories: number;
  readonly nextUniqueId: number;
}

/** Anchor volume descriptor pointer for the sector `location`. */
export function anchor(location: number): Uint8Array {
  const d = new Uint8Array(SECTOR);
  extentAd(d, 16, UDF_SECTORS.vdsLength * SECTOR, UDF_SECTORS.mainVds);
  extentAd(d, 24, UDF_SECTORS.vdsLength * SECTOR, UDF_SECTORS.reserveVds);
  finishTag(d, 0, TagId.anchor, location, 512 - 16);
  return d;
}

/** The volume descriptor sequence starting at `start` (6 sectors). */
export function volumeDescriptorSequence(f: UdfVolumeFields, start: number): Uint8Array {
  const out = new Uint8Array(6 * SECTOR);
  const sector = (i: number): Uint8Array => out.subarray(i * SECTOR, (i + 1) * SECTOR);

  const pvd = sector(0);
  u32le(pvd, 16, 1);
  u32le(pvd, 20, 0);
  dstring(pvd, 24, 32, f.volumeId);
  u16le(pvd, 56, 1);
  u16le(pvd, 58, 1);
  u16le(pvd, 60, 2);
  u16le(pvd, 62, 2);
  u32le(pvd, 64, 1);
  u32le(pvd, 68, 1);
  dstring(pvd, 72, 128, f.volumeSetId);
  charspec(pvd, 200);
  charspec(pvd, 264);
  regid(pvd, 344, '', 'none');
  udfTimestamp(pvd, 376, f.date, f.utcOffsetMinutes);
  regid(pvd, 388, IMPLEMENTATION_ID, 'implementation');
  finishTag(pvd, 0, TagId.primaryVolume, start, 512 - 16);

  const iuvd = sector(1);
  u32le(iuvd, 16, 2);
  regid(iuvd, 20, '*UDF LV Info', 'udf');
  charspec(iuvd, 52);
  dstring(iuvd, 116, 128, f.logicalVolumeId);
  regid(iuvd, 352, IMPLEMENTATION_ID, 'implementation');
  finishTag(iuvd, 0, TagId.implementationUse, start + 1, 512 - 16);

  const pd = sector(2);
  u32le(pd, 16, 3);
  u16le(pd, 20, 1); // allocated
  u16le(pd, 22, 0);
  regid(pd, 24, '+NSR02', 'none');
  u32le(pd, 184, 1); // read-only access
  u32le(pd, 188, f.partitionStart);
  u32le(pd, 192, f.partitionLength);
  regid(pd, 196, IMPLEMENTATION_ID, 'implementation');
  finishTag(pd, 0, TagId.partition, start + 2, 512 - 16);

  const lvd = sector(3);
  u32le(lvd, 16, 4);
  charspec(lvd, 20);
  dstring(lvd, 84, 128, f.logicalVolumeId);
  u32le(lvd, 212, SECTOR);
  regid(lvd, 216, '*OSTA UDF Compliant', 'domain');
  longAd(lvd, 248, SECTOR, f.fileSetBlock);
  u32le(lvd, 264, 6);
  u32le(lvd, 268, 1);
  regid(lvd, 272, IMPLEMENTATION_ID, 'implementation');
  extentAd(lvd, 432, 2 * SECTOR, UDF_SECTORS.integrity);
  lvd[440] = 1; // type 1 partition map
  lvd[441] = 6;
  u16le(lvd, 442, 1);
  u16le(lvd, 444, 0);
  finishTag(lvd, 0, TagId.logicalVolume, start + 3, 446 - 16);

  const usd = sector(4);
  u32le(usd, 16, 5);
  u32le(usd, 20, 0);
  finishTag(usd, 0, TagId.unallocatedSpace, start + 4, 24 - 16);

  finishTag(sector(5), 0, TagId.terminating, start + 5, 512 - 16);
  return out;
}

/** The logical volume integrity descriptor (closed) and its terminator (2 sectors). */
export function integritySequence(f: UdfVolumeFields): Uint8Array {
  const out = new Uint8Array(2 * SECTOR);
  const lvid = out.subarray(0, SECTOR);
  udfTimestamp(lvid, 16, f.date, f.utcOffsetMinutes);
  u32le(lvid, 28, 1); // close integrity
  u64le(lvid, 40, f.nextUniqueId);
  u32le(lvid, 72, 1);
  u32le(lvid, 76, 46);
  u32le(lvid, 80, 0); // free space: none, the medium is written once
  u32le(lvid, 84, f.partitionLength);
  regid(lvid, 88, IMPLEMENTATION_ID, 'implementation');
  u32le(lvid, 120, f.files);
  u32le(lvid, 124, f.directories);
  u16le(lvid, 128, UDF_REVISION);
  u16le(lvid, 130, UDF_REVISION);
  u16le(lvid, 132, UDF_REVISION);
  finishTag(lvid, 0, TagId.integrity, UDF_SECTORS.integrity, 134 - 16);
  finishTag(out.subarray(SECTOR), 0, TagId.terminating, UDF_SECTORS.integrity + 1, 512 - 16);
  return out;
}
