/**
 * R23.1 evidence disc: names per tree are safe, unique, deterministic and never silently
 * shortened; bad input is refused before any byte is written.
 */
import { DiscError, type DiscFileSpec, layoutDisc } from '../../core/src/disc/index.js';
import { VOLUME_DATE } from './support.js';

const volume = { label: 'EFR-2026-001', date: VOLUME_DATE };
const spec = (path: string, size = 1): DiscFileSpec => ({ path, size });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    // DiscError is the only refusal the layout raises for bad input.
    if (err instanceof DiscError) return err.code;
    throw err;
  }
  return undefined;
}

describe('disc names (R23.1)', () => {
  it('keeps a Chinese name whole in Joliet, UDF and Rock Ridge', () => {
    const name = '执法记录仪_张三_2026-11-26_现场检查.mp4';
    const layout = layoutDisc([spec(name)], volume);
    const m = layout.names.find((n) => n.path === name);
    expect(m?.jolietName).toBe(name);
    expect(m?.udfName).toBe(name);
    expect(m?.rockRidgeName).toBe(name);
    expect(m?.iso9660Name).toMatch(/^[A-Z0-9_]{1,26}\.MP4;1$/);
    expect(m?.altered).toEqual(['iso9660']);
  });

  it('shortens a 65+ character name for Joliet only, keeping the extension, and reports it', () => {
    const name = `${'现场执法记录'.repeat(12)}.mp4`;
    expect(name.length).toBeGreaterThan(64);
    const m = layoutDisc([spec(name)], volume).names[0];
    expect(m.jolietName.length).toBeLessThanOrEqual(62); // + ";1" = 64
    expect(m.jolietName).toMatch(/~[0-9a-f]{6}\.mp4$/);
    expect(m.udfName).toBe(name);
    expect(m.rockRidgeName).toBe(name);
    expect(m.altered).toContain('joliet');
  });

  it('lets a folder use 64 Joliet characters and a file 62 plus its ";1"', () => {
    const folder = 'd'.repeat(64);
    const file = `${'f'.repeat(59)}.ts`; // 62
    const names = layoutDisc([spec(`${folder}/${file}`)], volume).names;
    expect(names[0].jolietName).toBe(folder);
    expect(names[1].jolietName).toBe(file);
    const longer = layoutDisc([spec(`${'f'.repeat(60)}.ts`)], volume).names[0];
    expect(longer.jolietName.length).toBe(62);
    expect(longer.altered).toContain('joliet');
  });

  it('shortens the same way on every build and keeps similar long names apart', () => {
    const a = `${'a'.repeat(80)}-1.pdf`;
    const b = `${'a'.repeat(80)}-2.pdf`;
    const first = layoutDisc([spec(a), spec(b)], volume).names;
    const second = layoutDisc([spec(b), spec(a)], volume).names;
    expect(second).toEqual(first);
    expect(first[0].jolietName).not.toBe(first[1].jolietName);
    expect(first[0].iso9660Name).not.toBe(first[1].iso9660Name);
  });

  it('shortens UDF and Rock Ridge names only beyond 255 bytes', () => {
    const wide = `${'档'.repeat(130)}.txt`; // 134 UTF-16 units: 269 bytes in UDF, 394 in UTF-8
    const m = layoutDisc([spec(wide)], volume).names[0];
    expect(m.udfName).not.toBe(wide);
    expect(1 + 2 * m.udfName.length).toBeLessThanOrEqual(255);
    expect(new TextEncoder().encode(m.rockRidgeName).length).toBeLessThanOrEqual(255);
    expect(m.altered).toEqual(jasmine.arrayContaining(['udf', 'rockRidge', 'joliet']));
  });

  it('makes ISO 9660 names unique when several originals map to one', () => {
    const layout = layoutDisc([spec('a b.txt'), spec('a_b.txt'), spec('A-B.TXT')], volume);
    const iso = layout.names.map((n) => n.iso9660Name);
    expect(new Set(iso).size).toBe(3);
    for (const n of iso) expect(n).toMatch(/^[A-Z0-9_]+\.[A-Z0-9_]*;1$/);
  });

  it('makes Joliet names unique when they differ only by case or forbidden characters', () => {
    const names = ['Report.pdf', 'report.pdf', 'a:b.txt', 'a_b.txt'];
    const layout = layoutDisc(names.map((n) => spec(n)), volume);
    const joliet = layout.names.map((n) => n.jolietName.toUpperCase());
    expect(new Set(joliet).size).toBe(4);
    expect(layout.names.find((n) => n.path === 'a:b.txt')?.jolietName).not.toContain(':');
  });

  it('lists folders in the mapping too', () => {
    const layout = layoutDisc([spec('案卷/照片/001.jpg')], volume);
    expect(layout.names.map((n) => [n.path, n.isDirectory])).toEqual([
      ['案卷', true],
      ['案卷/照片', true],
      ['案卷/照片/001.jpg', false],
    ]);
  });

  it('refuses control characters, empty names, dot names and backslashes', () => {
    expect(codeOf(() => layoutDisc([spec('a\u0007b.txt')], volume))).toBe('bad-character');
    expect(codeOf(() => layoutDisc([spec('a\\b.txt')], volume))).toBe('bad-character');
    expect(codeOf(() => layoutDisc([spec('')], volume))).toBe('empty-name');
    expect(codeOf(() => layoutDisc([spec('/abs.txt')], volume))).toBe('empty-name');
    expect(codeOf(() => layoutDisc([spec('dir//x.txt')], volume))).toBe('empty-name');
    expect(codeOf(() => layoutDisc([spec('dir/')], volume))).toBe('empty-name');
    expect(codeOf(() => layoutDisc([spec('../x.txt')], volume))).toBe('reserved-name');
  });

  it('refuses duplicate paths and a path that is both file and folder', () => {
    expect(codeOf(() => layoutDisc([spec('a.txt'), spec('a.txt')], volume))).toBe('duplicate-path');
    expect(codeOf(() => layoutDisc([spec('a'), spec('a/b.txt')], volume))).toBe('path-conflict');
    expect(codeOf(() => layoutDisc([spec('a/b.txt'), spec('a')], volume))).toBe('path-conflict');
  });

  it('refuses bad sizes and bad labels, naming the file', () => {
    let caught: unknown;
    try {
      layoutDisc([spec('x.bin', -1)], volume);
    } catch (err) {
      // The refusal under test.
      caught = err;
    }
    expect(caught instanceof DiscError && caught.path).toBe('x.bin');
    expect(codeOf(() => layoutDisc([spec('x.bin', 1.5)], volume))).toBe('bad-size');
    const long = { ...volume, label: 'x'.repeat(33) };
    expect(codeOf(() => layoutDisc([], long))).toBe('label-too-long');
    expect(codeOf(() => layoutDisc([], { ...volume, label: '' }))).toBe('empty-name');
    expect(codeOf(() => layoutDisc([], { ...volume, label: 'a\nb' }))).toBe('bad-character');
    expect(codeOf(() => layoutDisc([], { ...volume, date: new Date('x') }))).toBe('bad-date');
    const odd = { ...volume, utcOffsetMinutes: 7 };
    expect(codeOf(() => layoutDisc([], odd))).toBe('bad-date');
  });

  it('gives each tree a label it can hold', () => {
    const layout = layoutDisc([], { label: '执法证据光盘 2026-11-26 第001号案件', date: VOLUME_DATE });
    expect(layout.labels.iso9660).toMatch(/^[A-Z0-9_]{1,32}$/);
    expect(layout.labels.joliet.length).toBeLessThanOrEqual(16);
    expect(layout.labels.udf).toBe('执法证据光盘 2026-11-26 第001号案件');
  });
});
