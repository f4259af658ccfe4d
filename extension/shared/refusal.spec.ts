import { refusalCode, refusalSummary, refusalText } from './refusal';

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

  it('says an English-only error in Chinese by the sentence of its code (issue 19)', () => {
    const sentences: Record<string, string> = {
      'efr.archive.notSetUp': '档案库目录尚未建立，请联系系统管理员。',
      'framework.exception.PermissionDenied': '没有执行此操作的权限。',
    };
    const body = (errorKey: string, summary: string) => ({
      message: JSON.stringify({ error: { errorKey, statusCode: 503, briefSummary: summary } }),
    });
    const notSetUp = body('efr.archive.notSetUp', 'The archive folder EFR Devices is not set up');
    expect(refusalCode(notSetUp)).toBe('efr.archive.notSetUp');
    expect(refusalText(notSetUp, 'zh-CN', (c) => sentences[c]))
      .toBe(sentences['efr.archive.notSetUp']);
    expect(refusalText(notSetUp, 'en', (c) => sentences[c]))
      .toBe('The archive folder EFR Devices is not set up');
    const denied = body('framework.exception.PermissionDenied', 'Permission was denied (Delete)');
    expect(refusalText(denied, 'zh-CN', (c) => sentences[c]))
      .toBe('没有执行此操作的权限。');
  });
});
