// Issue 19: the word check held to zh-CN screens and documents finds a single English word,
// and lets through only the proper names, abbreviations, file names and serials of its list.
import { ENGLISH, englishWords, zhWordProblems } from './zh-words.js';

describe('the zh-CN word check (test/support/zh-words.ts)', () => {
  it('finds a single English word', () => {
    for (const [line, word] of [
      ['您没有查看此内容的权限。Retry', 'Retry'],
      ['操作 range 第二十四条', 'range'],
      ['光盘介质 dvd5', 'dvd5'],
      ['来源 repository', 'repository'],
      ['日期 mm/dd/yyyy', 'mm/dd/yyyy'],
      ['节点 0f4ddc10-aa4e-4c1b-9b1a-2d136baa64c5', '0f4ddc10-aa4e-4c1b-9b1a-2d136baa64c5'],
      ['Selected (1)', 'Selected'],
    ] as const) {
      expect(ENGLISH(line)).withContext(line).toBe(word);
    }
    expect(zhWordProblems('已选 Selected')).toEqual(['English: Selected in "已选 Selected"']);
  });

  it('lets proper names, standard abbreviations, file names and serials through', () => {
    for (const line of [
      'SHA-256：9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      '文件系统 ISO 9660 / UDF，格式 PDF、CSV、MP4',
      '20261124_093000_BWC-2026-001.mp4（4.7 GB，12.5 MiB）',
      '执法记录仪 BWC-2026-001，光盘 DVD-5 / BD-25',
      '光盘根目录 description.txt、description.pdf、verify.html',
      'EFR 执法记录 · Alfresco 内容服务（ACS）',
      '设备 ID 与记录 ID',
      '第 2 页，共 10 页；1366×768',
    ]) {
      expect(ENGLISH(line)).withContext(line).toBeUndefined();
    }
  });

  it('lets a host\'s data words through only where that host\'s check names them', () => {
    const aca = englishWords(['Company', 'Home']);
    expect(aca('个人文件 › Company Home')).toBeUndefined();
    expect(ENGLISH('个人文件 › Company Home')).toBe('Company');
    expect(aca('Company Home · Retry')).toBe('Retry');
  });
});
