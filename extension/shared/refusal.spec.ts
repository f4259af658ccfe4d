import { refusalSummary, refusalText } from './refusal';

describe('shared refusal text', () => {
  const acs = (summary: string) => ({
    message: JSON.stringify({ error: { errorKey: 'k', statusCode: 409, briefSummary: summary } }),
  });

  it('reads the ACS error body and picks the interface language', () => {
    const e = acs('A skipped recording needs a written reason. / 跳过抽查须填写书面理由。');
    expect(refusalText(e, 'zh-CN')).toBe('跳过抽查须填写书面理由。');
    expect(refusalText(e, 'en')).toBe('A skipped recording needs a written reason.');
    expect(refusalSummary(e)).toContain(' / ');
  });

  it('finds a rule refusal inside the error text a real ACS answers (issue 14, finding 9)', () => {
    const e = acs("11070003 Failed to execute script 'alfresco/module/efr-repo/scripts/recording.js': " +
      '11070002 Error: efr.recording.sealedContent R26.1: A sealed recording never changes. / ' +
      '已封存的录像不得更改。 (alfresco/module/efr-repo/scripts/recording.js#812)');
    expect(refusalText(e, 'zh-CN')).toBe('已封存的录像不得更改。');
    expect(refusalText(e, 'en')).toBe('A sealed recording never changes.');
  });

  it('shows a one-language or non-JSON message as it came, nothing for a non-error', () => {
    expect(refusalText(acs('Permission was denied (Delete)'), 'zh-CN')).toBe(
      'Permission was denied (Delete)',
    );
    expect(refusalText({ message: 'offline' }, 'en')).toBe('offline');
    expect(refusalText(null, 'en')).toBe('');
    expect(refusalSummary(42)).toBeUndefined();
  });
});
