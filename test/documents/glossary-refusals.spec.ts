// Issue 19, point 3: why an act was refused, or why a request failed, is said from one
// glossary. The Refusals table of docs/glossary.md and the screens' sentences
// (EFR_SHARED.REFUSAL, both languages) are the same list; every code EFR can answer with (every
// `'efr.<family>.<name>'` in the sources of core/, server/, webscripts/ and behaviors/) has a
// sentence there, and every code listed is one the sources really use.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ENGLISH } from '../support/zh-words.js';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (p: string): string => readFileSync(resolve(ROOT, p), 'utf8');

/**
 * Names that look like codes but are none: the plugin file, and the module's settings keys
 * (alfresco-global.properties), which no request is answered with.
 */
const NOT_CODES = /^efr\.(?:plugin\.json|windowExpiry\.\w+)$/;

/** The codes the sources name, outside their specs (uncommitted files too: --untracked). */
function sourceCodes(): string[] {
  const lines = execFileSync('git', ['grep', '-h', '--untracked', '-o', '-E',
    "'(efr|framework)\\.[A-Za-z]+(\\.[A-Za-z]+)+'", '--',
    'core/src', 'server/src', 'webscripts/src', 'behaviors/src', ':!*.spec.ts'],
  { cwd: ROOT, maxBuffer: 64 << 20 }).toString();
  return [...new Set(lines.split('\n').filter((l) => l !== '').map((l) => l.slice(1, -1)))]
    .filter((c) => !NOT_CODES.test(c)).sort();
}

/** The Refusals table: code, 中文, English. */
function glossaryRows(): string[][] {
  const md = read('docs/glossary.md');
  const section = md.slice(md.indexOf('## Refusals'), md.indexOf('## Disposition'));
  return section.split('\n').filter((l) => l.startsWith('| `'))
    .map((l) => l.split('|').slice(1, -1).map((c) => c.trim().replace(/`/g, '')));
}

describe('refusal sentences from the glossary (issue 19, point 3)', () => {
  it('are the glossary table, in zh-CN and en', () => {
    const rows = glossaryRows();
    expect(rows.length).toBeGreaterThan(10);
    const zh = JSON.parse(read('extension/shared/i18n/zh-CN.json')).EFR_SHARED.REFUSAL;
    const en = JSON.parse(read('extension/shared/i18n/en.json')).EFR_SHARED.REFUSAL;
    const fromTable = (col: number) => Object.fromEntries(rows.map((r) =>
      [r[0].replace(/\./g, '_'), r[col]]));
    expect(zh).toEqual(fromTable(1));
    expect(en).toEqual(fromTable(2));
  });

  it('cover every code the sources answer with, each in both languages', () => {
    const rows = new Map(glossaryRows().map((r) => [r[0], r]));
    const codes = sourceCodes();
    expect(codes.length).toBeGreaterThan(100);
    expect(codes.filter((c) => !rows.has(c))).withContext('codes without a sentence')
      .toEqual([]);
    for (const c of codes) {
      const [, zh, en] = rows.get(c) ?? ['', '', ''];
      expect(/[\u4e00-\u9fff]/.test(zh) && ENGLISH(zh) === undefined).withContext(`${c} 中文`)
        .toBeTrue();
      expect(en !== '' && !/[\u4e00-\u9fff]/.test(en)).withContext(`${c} English`).toBeTrue();
    }
  });

  it('name codes the sources use', () => {
    const codes = new Set(sourceCodes());
    expect(glossaryRows().map((r) => r[0]).filter((c) => !codes.has(c))).toEqual([]);
  });
});
