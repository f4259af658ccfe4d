/**
 * R23.1 evidence disc: every UDF descriptor tag carries a right checksum and CRC-ITU, checked
 * here by an independent bit-by-bit CRC over a real image, and sits where it says it sits.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { layoutDisc, writeDiscImage } from '../../core/src/disc/index.js';
import { VOLUME_DATE, generatedFile, removeDir, tempDir, writeToFile } from './support.js';

const PARTITION_START = 257;
const VOLUME_TAGS = new Set([1, 2, 4, 5, 6, 7, 8, 9]);
const FILE_TAGS = new Set([8, 256, 257, 261]);

/** CRC-ITU-T computed bit by bit (x^16 + x^12 + x^5 + 1, initial 0). */
function crcBitwise(data: Uint8Array): number {
  let crc = 0;
  for (const byte of data) {
    for (let bit = 7; bit >= 0; bit--) {
      const top = ((crc >>> 15) ^ (byte >>> bit)) & 1;
      crc = ((crc << 1) & 0xffff) ^ (top ? 0x1021 : 0);
    }
  }
  return crc;
}

interface Tag {
  id: number;
  location: number;
  ok: boolean;
}

function readTag(img: Uint8Array, off: number): Tag {
  const v = new DataView(img.buffer, img.byteOffset + off, 16);
  let sum = 0;
  for (let i = 0; i < 16; i++) if (i !== 4) sum += img[off + i];
  const crcLength = v.getUint16(10, true);
  const crc = crcBitwise(img.subarray(off + 16, off + 16 + crcLength));
  const ok = (sum & 0xff) === img[off + 4] && crc === v.getUint16(8, true)
    && v.getUint16(2, true) === 2;
  return { id: v.getUint16(0, true), location: v.getUint32(12, true), ok };
}

describe('UDF descriptor tags (R23.1)', () => {
  let dir = '';
  let img = new Uint8Array(0);
  let dataSectors: number[] = [];

  beforeAll(async () => {
    dir = await tempDir();
    const files = [generatedFile('案卷/笔录.pdf', 3000, 1), generatedFile('视频/现场.mp4', 70_000, 2),
      generatedFile('空.txt', 0, 3)];
    const path = join(dir, 'tags.iso');
    const layout = layoutDisc(files, { label: 'TAGS', date: VOLUME_DATE });
    await writeToFile(writeDiscImage(layout), path);
    dataSectors = layout.files.filter((p) => p.file.size > 0).map((p) => p.sector);
    img = new Uint8Array(await readFile(path));
  });

  afterAll(async () => {
    await removeDir(dir);
  });

  it('has a valid tag on every descriptor sector, at its own location', () => {
    const found = new Map<number, number>();
    const sectors = img.length / 2048;
    for (let s = 16; s < sectors; s++) {
      const tag = readTag(img, s * 2048);
      const volumeHit = VOLUME_TAGS.has(tag.id) && tag.location === s;
      const fileHit = FILE_TAGS.has(tag.id) && tag.location === s - PARTITION_START;
      if (!volumeHit && !fileHit) continue;
      expect(tag.ok).withContext(`tag ${tag.id} at sector ${s}`).toBeTrue();
      found.set(tag.id, (found.get(tag.id) ?? 0) + 1);
    }
    expect(found.get(2)).toBe(2); // anchors at 256 and the last sector
    expect(found.get(1)).toBe(2); // primary volume descriptor, main and reserve
    expect(found.get(6)).toBe(2); // logical volume descriptor, main and reserve
    expect(found.get(9)).toBe(1); // closed integrity descriptor
    expect(found.get(256)).toBe(1); // file set descriptor
    expect(found.get(261)).toBe(6); // root, 2 folders, 3 files
    expect(found.get(257)).toBe(3); // the first identifier of each folder starts its block
  });

  it('points UDF file entries at the same extents as the ISO 9660 records', () => {
    const pointed: number[] = [];
    for (let s = PARTITION_START; s < img.length / 2048; s++) {
      const off = s * 2048;
      const v = new DataView(img.buffer, img.byteOffset + off, 2048);
      const isFileEntry = v.getUint16(0, true) === 261 && v.getUint32(12, true) === s - 257;
      if (!isFileEntry || img[off + 27] !== 5 || v.getUint32(172, true) === 0) continue;
      pointed.push(v.getUint32(180, true) + PARTITION_START);
    }
    expect(pointed.sort((a, b) => a - b)).toEqual(dataSectors);
  });
});
