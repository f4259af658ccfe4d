// Issue 19, point 3: why an act was refused is said from one glossary. The Refusals table of
// docs/glossary.md and the screens' sentences (EFR_SHARED.REFUSAL, both languages) are the
// same list, and every code listed is one the rules really refuse with.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (p: string): string => readFileSync(resolve(ROOT, p), 'utf8');

describe('refusal sentences from the glossary (issue 19, point 3)', () => {
  it('are the glossary table, in zh-CN and en', () => {
    const md = read('docs/glossary.md');
    const section = md.slice(md.indexOf('## Refusals'), md.indexOf('## Disposition'));
    const rows = section.split('\n').filter((l) => l.startsWith('| `'))
      .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
    expect(rows.length).toBeGreaterThan(10);
    const zh = JSON.parse(read('extension/shared/i18n/zh-CN.json')).EFR_SHARED.REFUSAL;
    const en = JSON.parse(read('extension/shared/i18n/en.json')).EFR_SHARED.REFUSAL;
    const fromTable = (col: number) => Object.fromEntries(rows.map((r) =>
      [r[0].replace(/`/g, '').replace(/\./g, '_'), r[col]]));
    expect(zh).toEqual(fromTable(1));
    expect(en).toEqual(fromTable(2));
  });

  it('name codes the rules refuse with', () => {
    const md = read('docs/glossary.md');
    const codes = [...md.slice(md.indexOf('## Refusals')).matchAll(/^\| `([^`]+)`/gm)]
      .map((m) => m[1]);
    // Every source line that names a code (uncommitted files too: --untracked).
    const sources = execFileSync('git', ['grep', '-h', '--untracked', '-e', "'efr\\.",
      '-e', "'framework\\.", '--', 'core/src', 'server/src', 'webscripts/src', 'behaviors/src'],
    { cwd: ROOT, maxBuffer: 64 << 20 }).toString();
    expect(codes.filter((c) => !sources.includes(`'${c}'`))).toEqual([]);
  });
});
