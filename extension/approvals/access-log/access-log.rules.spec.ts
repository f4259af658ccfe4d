import {
  detailSeparator, logObject, logTooltip, unnamedNodeIds, visibleLogDetails,
} from './access-log.rules';

describe('access-log details (issue 19, point 7)', () => {
  it('shows a refusal as its attempted action and article, without codes or hashes', () => {
    const values = {
      attempted: 'accessRequest.approve',
      code: 'efr.access.separationOfDuties',
      requirement: 'R24.1',
      status: '403',
      message: 'Requester, reviewer, approver and registrar must be four different people.',
      hash: 'ab'.repeat(32),
    };
    expect(visibleLogDetails(values)).toEqual([
      { key: 'attempted', value: 'accessRequest.approve', kind: 'action' },
      { key: 'requirement', value: 'R24.1', kind: 'article' },
    ]);
    expect(logTooltip(values)).toContain('code=efr.access.separationOfDuties');
  });

  it('names people and statuses of a step', () => {
    expect(
      visibleLogDetails({ from: 'submitted', to: 'reviewed', requester: 'officer1', x: 'y' }),
    ).toEqual([
      { key: 'requester', value: 'officer1', kind: 'person' },
      { key: 'from', value: 'submitted', kind: 'status' },
      { key: 'to', value: 'reviewed', kind: 'status' },
    ]);
  });

  it('leaves node ids (the folders of a move) to the tooltip', () => {
    const folder = 'a92dafb0-acb2-481c-aa63-4a0153d83244';
    expect(visibleLogDetails({ from: folder, to: folder, reason: '复核' })).toEqual([
      { key: 'reason', value: '复核', kind: 'text' },
    ]);
  });

  it('issue 19, points 2 and 3: a refusal says why by its code, in one language', () => {
    const v = { attempted: 'update', code: 'efr.recording.sealedFacts', requirement: 'R26.1',
      message: 'Sealed facts cannot change.', messageZh: '已封存的录像信息不得修改。' };
    const zh = visibleLogDetails(v, 'zh-CN');
    // The code, for the glossary's sentence; the stored message of the reader's language
    // when the glossary has none.
    expect(zh.find((d) => d.key === 'why')).toEqual({ key: 'why', kind: 'refusal',
      value: 'efr.recording.sealedFacts', fallback: '已封存的录像信息不得修改。' });
    expect(JSON.stringify(zh)).not.toContain('Sealed facts');
    expect(visibleLogDetails(v, 'en').find((d) => d.key === 'why')?.fallback)
      .toBe('Sealed facts cannot change.');
    // Logged before issue 19: English only, yet its code has a sentence in the glossary.
    const old = { attempted: 'update', code: 'efr.recording.sealedContent',
      message: 'The recording is sealed.' };
    const glossary = (code: string) => code === 'efr.recording.sealedContent';
    expect(visibleLogDetails(old, 'zh-CN', glossary).find((d) => d.key === 'why'))
      .toEqual({ key: 'why', kind: 'refusal', value: 'efr.recording.sealedContent', fallback: '' });
    expect(visibleLogDetails(old, 'zh-CN').map((d) => d.key)).toEqual(['attempted']);
    const bare = { attempted: 'update', message: 'Sealed facts cannot change.' };
    expect(visibleLogDetails(bare, 'zh-CN').map((d) => d.key)).toEqual(['attempted']);
  });

  it('issue 19: names the object of an entry, by its node where the log does not', () => {
    const seal = { nodeId: 'n1', values: { sealedBy1: 'custodian1' } };
    const named = { nodeId: 'n2', values: { name: 'a.mp4' } };
    const gone = { nodeId: 'n3', values: {} };
    const none = { nodeId: '', values: {} };
    expect(unnamedNodeIds([seal, named, gone, none, seal])).toEqual(['n1', 'n3']);
    const names = new Map([['n1', 'b.mp4']]);
    expect(logObject(seal, names)).toBe('b.mp4');
    expect(logObject(named, names)).toBe('a.mp4');
    expect(logObject(gone, names)).toBeNull();
    expect(logObject(none, names)).toBe('');
  });

  it('separates a detail\'s label and value as each language writes it', () => {
    expect(detailSeparator('zh-CN')).toBe('：');
    expect(detailSeparator('en')).toBe(': ');
  });

  it('issue 19: shows a request\'s purpose by its label, not its code ("work")', () => {
    expect(visibleLogDetails({ purpose: 'work' })).toEqual([
      { key: 'purpose', value: 'work', kind: 'purpose' },
    ]);
  });
});
