// Pure packaging rules of the evidence disc (R23.1): bag tag files, payload names and the
// written description. The image itself is covered by test/evidence/.
import {
  bagInfoTxt, describePackage, descriptionText, fixedOffsetZone, formatBytes, formatChinaTime,
  formatDuration,
  manifestText,
  parseBagInfo, parseManifest, placePayload,
} from '../index.js';
import type { PackageFacts, RecordingFacts } from '../index.js';

const FACTS: PackageFacts = {
  caseId: 'c1', caseNumber: 'EFR-2026-0004', caseTitle: '婚姻登记窗口投诉核查', producer: '张丽',
  extractor: '周敏', extractionTime: '2026-11-26T02:00:00.000Z', medium: 'dvd5',
  label: 'EFR-2026-0004', source: 'spec',
};

function rec(id: string, name: string): RecordingFacts {
  return { id, name, size: 10, sha256: 'a'.repeat(64), durationSeconds: 3725,
    recordingStart: '2026-11-24T01:30:00Z', activityType: 'complaintHandling' };
}

describe('evidence packaging rules (R23.1)', () => {
  it('round-trips manifest paths with %, CR and LF (RFC 8493 §2.1.3)', () => {
    const text = manifestText([{ sha256: 'b'.repeat(64), path: 'data/x%\n.mp4' },
      { sha256: 'a'.repeat(64), path: 'data/a.mp4' }]);
    expect(text).toBe(`${'a'.repeat(64)}  data/a.mp4\n${'b'.repeat(64)}  data/x%25%0A.mp4\n`);
    const parsed = parseManifest(text);
    expect(parsed.ok && parsed.lines.map((l) => l.path)).toEqual(['data/a.mp4', 'data/x%\n.mp4']);
  });

  it('refuses manifests that leave the bag, repeat a path or are malformed', () => {
    expect(parseManifest(`${'a'.repeat(64)}  ../etc/passwd\n`).ok).toBeFalse();
    expect(parseManifest(`${'a'.repeat(64)}  /abs\n`).ok).toBeFalse();
    expect(parseManifest(`${'a'.repeat(64)}  d/x\n${'b'.repeat(64)}  d/x\n`).ok).toBeFalse();
    expect(parseManifest('xyz  d/x\n').ok).toBeFalse();
  });

  it('writes bag-info with the package facts on single lines', () => {
    const info = parseBagInfo(bagInfoTxt({ ...FACTS, caseTitle: 'a\nb' },
      { payloadBytes: 20, payloadFiles: 2, bagCount: '1 of 1' }));
    expect(info['Payload-Oxum']).toBe('20.2');
    expect(info['EFR-Producer']).toBe('张丽');
    expect(info['EFR-Extractor']).toBe('周敏');
    expect(info['EFR-Case-Title']).toBe('a b');
    expect(info['Bagging-Date']).toBe('2026-11-26');
  });

  it('places recordings under data/ with safe, unique names', () => {
    const p = placePayload([rec('2', 'A.mp4'), rec('1', 'a.mp4'), rec('3', 'x/y:z.mp4')]);
    expect(p.map((e) => e.path)).toEqual(['data/A (2).mp4', 'data/a.mp4', 'data/x_y_z.mp4']);
  });

  it('describes producer, extractor, extraction time and each file (R23.1)', () => {
    const d = describePackage(FACTS, placePayload([rec('1', '录像.mp4')]));
    const text = descriptionText(d);
    expect(text).toContain('制作人：张丽');
    expect(text).toContain('提取人：周敏');
    expect(text).toContain('提取时间：2026-11-26 10:00:00 (UTC+08:00)');
    expect(text).toContain('SHA-256：' + 'a'.repeat(64));
    expect(text).toContain('时长：1:02:05');
    expect(text).toContain('处置投诉、举报案件');
    // Issue 19: one language per document; zh-CN for the court, in the bureau's zone.
    expect(text).not.toMatch(/Producer|Extractor|Duration|complaint|R2\d\.\d/);
    const en = descriptionText(describePackage({ ...FACTS, caseNumber: 'C-4', caseTitle: 'Check',
      producer: 'Li Zhang', extractor: 'Min Zhou' }, placePayload([rec('1', 'clip.mp4')]),
    { language: 'en', zone: fixedOffsetZone(-300) }));
    expect(en).toContain('Extraction time: 2026-11-25 21:00:00 (UTC-05:00)');
    expect(en).toContain('Handling complaints and reports');
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    expect(formatChinaTime('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00:00 (UTC+08:00)');
    expect(formatDuration(undefined)).toBe('');
  });

  // Issue 19, points 2 and 11: the description named the medium "dvd5" and a 22 KB file
  // "0.0 MiB".
  it('names the medium and reads small sizes in KiB', () => {
    expect(formatBytes(22528)).toBe('22,528 字节（22.0 KiB）');
    expect(formatBytes(1572864, 'en')).toBe('1,572,864 bytes (1.5 MiB)');
  });
});
