import { findRefusal } from './refusal-text.js';

describe('findRefusal (issue 14, finding 9: the code inside what ACS answers)', () => {
  const inner = 'efr.recording.sealedContent R26.1: A sealed recording never changes / 已封存的录像不得更改';

  it('reads a refusal as server/ answers it', () => {
    const r = findRefusal(inner);
    expect(r?.code).toBe('efr.recording.sealedContent');
    expect(r?.requirement).toBe('R26.1');
    expect(r?.message).toBe('A sealed recording never changes');
    expect(r?.messageZh).toBe('已封存的录像不得更改');
    expect(r?.text).toBe(inner);
  });

  it('reads it inside the ScriptException text of a behaviour in ACS', () => {
    const acs = "11070003 Failed to execute script 'alfresco/module/efr-repo/scripts/recording.js': " +
      '11070002 Error: ' + inner + ' (alfresco/module/efr-repo/scripts/recording.js#812)';
    const r = findRefusal(acs);
    expect(r?.code).toBe('efr.recording.sealedContent');
    expect(r?.messageZh).toBe('已封存的录像不得更改');
    expect(r?.text).toBe(inner);
  });

  it('finds nothing in other errors', () => {
    expect(findRefusal('Access Denied.  You do not have the appropriate permissions')).toBeNull();
    expect(findRefusal('efr.x R1.1: one dot only')).toBeNull();
  });
});
