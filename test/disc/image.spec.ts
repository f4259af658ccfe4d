/**
 * R23.1 evidence disc: a real image written to a temp dir from generated files is read back
 * by independent tools (xorriso, isoinfo, udfinfo, 7-Zip) with every tree intact, and two
 * builds of the same package are byte-identical.
 */
import { readdir, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  type DiscFile,
  type DiscLayout,
  imageSize,
  layoutDisc,
  writeDiscImage,
} from '../../core/src/disc/index.js';
import {
  VOLUME_DATE,
  fileFromDisk,
  generatedFile,
  removeDir,
  sha256OfFile,
  sha256OfStream,
  tempDir,
  tool,
  writeToFile,
} from './support.js';

const CHINESE = '执法记录仪_张三_2026-11-26_现场检查.mp4';
const LONG = `案卷/${'询问笔录_李四_2026年11月26日_第一次询问_'.repeat(3)}完整版本.pdf`;
const DEEP = 'a/b/c/d/e/f/g/h/i/j/深层文件.txt';
/** 255 UTF-8 bytes: the longest Rock Ridge name, split over two NM entries. */
const MAX_NAME = `案卷/${'证'.repeat(83)}_1.pdf`;
const LABEL = '执法证据 2026-001';

interface Listed {
  size: number;
  sector: number;
  mode: string;
}

/** Parses `isoinfo -l` output into full path → size, first sector, mode. */
function parseIsoinfo(text: string): Map<string, Listed> {
  const out = new Map<string, Listed>();
  let dir = '/';
  for (const line of text.split('\n')) {
    const head = /^Directory listing of (.*)$/.exec(line);
    if (head) {
      dir = head[1];
      continue;
    }
    const m = /^(\S{10})\s+\d+\s+\d+\s+\d+\s+(\d+) .*?\[\s*(\d+) [0-9A-F]+\]\s\s(.*?) ?$/
      .exec(line);
    if (!m || m[4] === '.' || m[4] === '..') continue;
    const path = `${dir}${m[4]}`;
    // Multi-extent files list once per extent: keep the first sector, add the sizes.
    const prior = out.get(path);
    const size = Number(m[2]) + (prior?.size ?? 0);
    out.set(path, { size, sector: prior?.sector ?? Number(m[3]), mode: m[1] });
  }
  return out;
}

async function hashesUnder(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    out.set(relative(root, full), await sha256OfFile(full));
  }
  return out;
}

describe('disc image read by independent tools (R23.1)', () => {
  let dir = '';
  let image = '';
  let files: DiscFile[] = [];
  let layout: DiscLayout<DiscFile>;
  const expected = new Map<string, string>();

  beforeAll(async () => {
    dir = await tempDir();
    const readme = join(dir, 'readme-source.txt');
    await writeFile(readme, '本光盘为执法记录证据。\nEvidence disc.\n');
    files = [
      generatedFile(CHINESE, 300_000, 1),
      generatedFile(DEEP, 777, 2),
      generatedFile(LONG, 5_000, 3),
      generatedFile(MAX_NAME, 1_234, 7),
      generatedFile('empty.bin', 0, 4),
      generatedFile('exact-2048.bin', 2048, 5),
      generatedFile('over-2049.bin', 2049, 6),
      await fileFromDisk(readme, '说明/README.txt'),
    ];
    for (const f of files) expected.set(f.path, await sha256OfStream(f.open()));
    layout = layoutDisc(files, { label: LABEL, date: VOLUME_DATE, utcOffsetMinutes: 480 });
    image = join(dir, 'disc.iso');
    await writeToFile(writeDiscImage(layout), image);
  });

  afterAll(async () => {
    await removeDir(dir);
  });

  it('keeps a 255-byte name whole in Rock Ridge and UDF', () => {
    const m = layout.names.find((n) => n.path === MAX_NAME);
    expect(new TextEncoder().encode(m?.rockRidgeName).length).toBe(255);
    expect(m?.altered).toEqual(['iso9660', 'joliet']);
  });

  it('has exactly the size the layout announced', async () => {
    expect((await stat(image)).size).toBe(imageSize(layout));
    expect(imageSize(layout) % 2048).toBe(0);
  });

  it('is listed by xorriso with Rock Ridge full names, sizes and read-only modes', async () => {
    const out = await tool('xorriso', ['-indev', image, '-find', '/', '-exec', 'lsdl']);
    for (const f of files) {
      const line = out.split('\n').find((l) => l.endsWith(`'/${f.path}'`));
      expect(line).withContext(f.path).toBeDefined();
      expect(line).toMatch(new RegExp(`^-r--r--r-- .* ${f.size} `));
    }
  });

  it('is read by isoinfo through Rock Ridge, every tree pointing at the same extents', async () => {
    const rr = parseIsoinfo(await tool('isoinfo', ['-R', '-l', '-i', image]));
    const joliet = parseIsoinfo(await tool('isoinfo', ['-J', '-l', '-i', image]));
    for (const p of layout.files) {
      const f = rr.get(`/${p.file.path}`);
      expect(f?.size).withContext(p.file.path).toBe(p.file.size);
      expect(f?.sector).toBe(p.sector);
      expect(f?.mode).toBe('-r--r--r--');
      // This isoinfo (cdrkit) has no UTF-8 output: it prints other characters as '_'.
      const jPath = jolietPath(p.file.path).replace(/[^\x20-\x7e]/g, '_');
      expect(joliet.get(jPath)?.sector).withContext(jPath).toBe(p.sector);
    }
  });

  /** The Joliet path of an input path, from the layout's name mapping. */
  function jolietPath(path: string): string {
    const parts = path.split('/');
    const names = parts.map((_, i) => {
      const prefix = parts.slice(0, i + 1).join('/');
      const m = layout.names.find((n) => n.path === prefix);
      return m ? `${m.jolietName}${m.isDirectory ? '' : ';1'}` : '?';
    });
    return `/${names.join('/')}`;
  }

  it('keeps the Chinese name in Joliet and reports the shortened long name', async () => {
    // xorriso reads the Joliet tree when Rock Ridge is switched off.
    const out = await tool('xorriso',
      ['-read_fs', 'norock', '-indev', image, '-find', '/', '-exec', 'lsdl']);
    expect(out).toContain(`'/${CHINESE}'`);
    const long = layout.names.find((n) => n.path === LONG);
    expect(long?.altered).toContain('joliet');
    expect(long?.jolietName.length).toBe(62); // 64 with the ";1" version
    expect(out).toContain(`'${jolietPath(LONG).replace(/;1$/, '')}'`);
    // This isoinfo (cdrkit) has no UTF-8 output: it prints other characters as '_'.
    const listed = await tool('isoinfo', ['-J', '-l', '-i', image]);
    expect(listed).toContain(`${CHINESE.replace(/[^\x20-\x7e]/g, '_')};1`);
    const d = await tool('isoinfo', ['-d', '-i', image]);
    expect(d).toContain('Joliet with UCS level 3 found');
    expect(d).toContain('Rock Ridge signatures version 1 found');
    expect(d).toContain(`Volume id: ${layout.labels.iso9660}`);
    expect(d).toContain(`Volume size is: ${layout.sectors}`);
  });

  it('is a valid UDF 1.02 volume for udfinfo', async () => {
    const out = await tool('udfinfo', [image]);
    const field = (k: string): string | undefined =>
      out.split('\n').find((l) => l.startsWith(`${k}=`))?.slice(k.length + 1);
    expect(field('label')).toBe(LABEL);
    expect(field('udfrev')).toBe('1.02');
    expect(field('integrity')).toBe('closed');
    expect(field('accesstype')).toBe('readonly');
    expect(field('blocks')).toBe(String(layout.sectors));
    expect(field('numfiles')).toBe(String(files.length));
    expect(field('numdirs')).toBe('13'); // root, a…j, 案卷, 说明
    expect(out).toContain('type=ANCHOR');
  });

  it('is opened by 7-Zip as UDF by default, listing full names', async () => {
    const out = await tool('7z', ['l', image]);
    expect(out).toContain('Type = Udf');
    for (const f of files) expect(out).withContext(f.path).toContain(f.path);
  });

  it('gives back the original bytes through the UDF tree (7z x -tudf)', async () => {
    const target = join(dir, 'udf');
    await tool('7z', ['x', '-tudf', `-o${target}`, image]);
    const got = await hashesUnder(target);
    expect(got.size).toBe(files.length);
    for (const [path, hash] of expected) expect(got.get(path)).withContext(path).toBe(hash);
  });

  it('gives back the original bytes through the Joliet tree (7z x -tiso)', async () => {
    const target = join(dir, 'iso');
    await tool('7z', ['x', '-tiso', `-o${target}`, image]);
    const got = await hashesUnder(target);
    expect(got.size).toBe(files.length);
    for (const [path, hash] of expected) {
      const jPath = jolietPath(path).slice(1).replace(/;1$/, '');
      expect(got.get(jPath)).withContext(jPath).toBe(hash);
    }
  });

  it('is byte-identical when built again from the same package in another order', async () => {
    const again = join(dir, 'again.iso');
    const reversed = [...files].reverse();
    const volume = { label: LABEL, date: VOLUME_DATE, utcOffsetMinutes: 480 };
    const layout2 = layoutDisc(reversed, volume);
    await writeToFile(writeDiscImage(layout2), again);
    expect(await sha256OfFile(again)).toBe(await sha256OfFile(image));
  });
});
