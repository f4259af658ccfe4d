/**
 * R23.1 evidence disc: folders spanning several sectors in every tree (ISO records, Rock Ridge
 * continuation areas, path tables, UDF identifiers crossing block boundaries) still read back
 * completely with xorriso, isoinfo and 7-Zip.
 */
import { join } from 'node:path';
import { type DiscFileSpec, layoutDisc, writeDiscImage } from '../../core/src/disc/index.js';
import { VOLUME_DATE, generatedFile, removeDir, tempDir, tool, writeToFile } from './support.js';

const FILES = 300;
const FOLDERS = 150;

/** Long Chinese names: about 130 UTF-8 bytes, so Rock Ridge NM goes to continuation areas. */
function longName(i: number): string {
  return `${'执法记录仪现场检查视频'.repeat(4)}_${String(i).padStart(4, '0')}.mp4`;
}

describe('disc image with large folders (R23.1)', () => {
  let dir = '';
  let image = '';
  let paths: string[] = [];

  beforeAll(async () => {
    dir = await tempDir();
    const files = [];
    for (let i = 0; i < FILES; i++) files.push(generatedFile(`视频/${longName(i)}`, 100 + i, i));
    for (let i = 0; i < FOLDERS; i++) {
      files.push(generatedFile(`案卷/第${String(i).padStart(3, '0')}号案件材料/笔录.txt`, 10, i));
    }
    paths = files.map((f: DiscFileSpec) => f.path);
    image = join(dir, 'large.iso');
    const layout = layoutDisc(files, { label: 'LARGE', date: VOLUME_DATE });
    await writeToFile(writeDiscImage(layout), image);
  });

  afterAll(async () => {
    await removeDir(dir);
  });

  it('lists every file through Rock Ridge (xorriso)', async () => {
    const out = await tool('xorriso',
      ['-indev', image, '-find', '/', '-type', 'f', '-exec', 'lsdl']);
    const listed = new Set(out.split('\n').map((l) => /'\/(.*)'$/.exec(l)?.[1]).filter(Boolean));
    expect(listed.size).toBe(paths.length);
    for (const p of paths) expect(listed.has(p)).withContext(p).toBeTrue();
  });

  it('lists every file through Joliet (xorriso without Rock Ridge)', async () => {
    const out = await tool('xorriso',
      ['-read_fs', 'norock', '-indev', image, '-find', '/', '-type', 'f', '-exec', 'lsdl']);
    expect(out.split('\n').filter((l) => l.startsWith('-')).length).toBe(paths.length);
  });

  it('lists every file and folder through UDF and through isoinfo', async () => {
    const udf = await tool('7z', ['l', '-tudf', image]);
    expect(udf).toContain(`${paths.length} files, ${FOLDERS + 2} folders`);
    const rr = await tool('isoinfo', ['-R', '-l', '-i', image]);
    expect(rr.split('\n').filter((l) => l.startsWith('-r--r--r--')).length).toBe(paths.length);
    expect(rr).toContain(longName(FILES - 1));
  });
});
