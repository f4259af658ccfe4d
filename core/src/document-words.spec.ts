// Issue 19: one language per document, one vocabulary. The document texts are held to the
// glossary (docs/glossary.md: no word it rules out) and to the model's label bundles (the
// labels of coded values are the bundles' own), and the helpers read languages, articles and
// times as the documents need them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { listValueLabelKey, loadLabels } from '../../content-model/src/label-bundle.js';
import { MESSAGES_DIR } from '../../content-model/src/model-set.js';
import {
  DOCUMENT_WORDS, articleText, destructionRegister, documentLanguage, fixedOffsetZone,
  formatZoneTime, oneLanguageOf, type DocumentWordKey,
} from './index.js';

/** The words the glossary's "not" column rules out (entries marked "alone" are skipped). */
function glossaryBannedWords(): string[] {
  const text = readFileSync(resolve(import.meta.dirname, '../../docs/glossary.md'), 'utf8');
  const out: string[] = [];
  let notColumn = -1;
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) {
      notColumn = -1;
      continue;
    }
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.includes('not')) {
      notColumn = cells.indexOf('not');
      continue;
    }
    if (notColumn < 0 || /^-+$/.test(cells[0])) continue;
    for (const w of (cells[notColumn] ?? '').replace(/\*/g, '').split(/[、,]/)) {
      const word = w.trim();
      if (word !== '' && word !== '—' && !/alone/.test(word)) out.push(word);
    }
  }
  return out;
}

describe('document words (issue 19: one language, one glossary)', () => {
  it('use no word the glossary rules out', () => {
    const banned = glossaryBannedWords();
    expect(banned).toContain('交接');
    expect(banned).toContain('免录记录');
    const used = Object.entries(DOCUMENT_WORDS['zh-CN'])
      .flatMap(([k, v]) => banned.filter((b) => v.includes(b)).map((b) => `${k}: ${b}`));
    expect(used).toEqual([]);
  });

  it('label coded values as the model bundles do, in each language', () => {
    const bundles = { 'zh-CN': loadLabels(MESSAGES_DIR, 'efr-model', 'zh_CN'),
      en: loadLabels(MESSAGES_DIR, 'efr-model') };
    const constraint: Record<string, string> = { activity: 'efr:activityTypeList',
      source: 'efr:sourceList' };
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const key of Object.keys(DOCUMENT_WORDS[lang]) as DocumentWordKey[]) {
        const [kind, code] = key.split('.');
        if (!(kind in constraint) || code === undefined) continue;
        expect(DOCUMENT_WORDS[lang][key]).withContext(`${lang} ${key}`)
          .toBe(bundles[lang][listValueLabelKey(constraint[kind], code)]);
      }
    }
  });

  it('write the Chinese texts without Latin words but file names and units', () => {
    const allowed = /\{\w+\}|verify\.html|BagIt|[\w-]+\.(?:txt|jsonl)|SHA-256|KiB|MiB/g;
    const latin = Object.entries(DOCUMENT_WORDS['zh-CN'])
      .filter(([, v]) => /[A-Za-z]{2,}/.test(v.replace(allowed, '')));
    expect(latin).toEqual([]);
  });

  it('take the language from lang, else Accept-Language, zh-CN by default', () => {
    expect(documentLanguage(undefined, undefined)).toBe('zh-CN');
    expect(documentLanguage(null, 'en-US,en;q=0.9')).toBe('en');
    expect(documentLanguage('zh-CN', 'en-US')).toBe('zh-CN');
    expect(documentLanguage('fr', 'de-DE, en;q=0.5')).toBe('en');
    expect(articleText('R23.1', 'zh-CN')).toBe('第二十三条');
    expect(articleText('R9', 'en')).toBe('Article 9');
    expect(formatZoneTime('2026-12-07T16:30:00Z', fixedOffsetZone(480)))
      .toBe('2026-12-08 00:30:00 (UTC+08:00)');
    expect(formatZoneTime('2026-12-07T16:30:00Z', fixedOffsetZone(-330)))
      .toBe('2026-12-07 11:00:00 (UTC-05:30)');
  });

  it('reads a bilingual stored text in one language with its article', () => {
    const basis = 'R22.1 录制结束后至少保存 1 年，保存至 2025-01-01 / kept at least 1 year ' +
      'after recording, until 2025-01-01';
    expect(oneLanguageOf(basis, 'zh-CN'))
      .toBe('第二十二条：录制结束后至少保存 1 年，保存至 2025-01-01');
    expect(oneLanguageOf(basis, 'en')).toBe('kept at least 1 year after recording, until 2025-01-01');
    expect(oneLanguageOf('纯中文', 'en')).toBe('纯中文');
  });

  it('write the destruction register in one language, spared reasons as sentences', () => {
    const d = destructionRegister({ number: 'D-1', reason: '保存期限届满', proposedBy: '张丽',
      proposedAt: '2026-12-01T01:00:00Z', reviewedBy: '陈静', reviewedAt: '2026-12-02T01:00:00Z',
      reviewOpinion: '', approvedBy: '赵国华', approvedAt: '2026-12-03T01:00:00Z',
      approvalOpinion: '同意', executedAt: '2026-12-03T01:00:00Z',
      recordings: [{ name: 'a.mp4', sha256: null, sizeBytes: 2048, recordingStart: null,
        recordingEnd: null, officers: ['王明', '李强'], caseNumbers: [], retentionBasis: 'R22.1 满一年',
        destroyed: false, sparedCode: 'efr.disposition.legalHold' }] });
    const all = JSON.stringify(d);
    expect(all).toContain('批次办理期间被保全');
    expect(all).toContain('王明、李强');
    expect(d.signatures).toEqual(['提出人：张丽    签名：______________',
      '审核人：陈静    签名：______________', '批准人：赵国华    签名：______________']);
    expect(all).not.toMatch(/[A-Za-z]{3,}\s+[A-Za-z]{3,}|R\d+\.\d|efr\./);
  });
});
