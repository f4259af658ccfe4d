import { textTermMatches, wordParts } from './text-tokens.js';

describe('AFTS text terms as ACS tokenises names (issue 17)', () => {
  it('splits on non-alphanumerics, letter/digit boundaries and case changes', () => {
    expect(wordParts('foo.mp4')).toEqual(['foo', 'mp', '4']);
    expect(wordParts('BWC-2026-001_CaseFile.MP4')).toEqual(
      ['bwc', '2026', '001', 'case', 'file', 'mp', '4']);
  });

  it('finds foo.mp4 by mp4, cm:name:"mp4*", foo and the whole name', () => {
    for (const term of ['mp4', 'MP4', 'mp4*', 'foo', 'foo.mp4', '*.mp4', 'fo*']) {
      expect(textTermMatches('foo.mp4', term)).withContext(term).toBeTrue();
    }
  });

  it('does not match inside a word part, as a token index does not', () => {
    for (const term of ['oo', 'p4', 'bar', 'mp5*']) {
      expect(textTermMatches('foo.mp4', term)).withContext(term).toBeFalse();
    }
  });

  it('matches Chinese inside a run (ICU word segmentation, approximated)', () => {
    expect(textTermMatches('录像档案 2026.mp4', '录像')).toBeTrue();
    expect(textTermMatches('录像档案 2026.mp4', '2026')).toBeTrue();
    expect(textTermMatches('录像档案', '案件')).toBeFalse();
  });
});
