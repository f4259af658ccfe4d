// Where a sealed recording may move in ACS (R26.1, R13.2): the module's efr:recording
// behaviour (beforeMoveNode), compiled into the module JAR and run in Debian's Rhino 1.7.14.
// The archive is the root `EFR 执法记录` under Company Home and everything below it, plus any
// efr:case / efr:handover / efr:spotCheck folder, as server/ counts it; sealing files the
// recordings into `录像档案/<handover name>/` (behaviors/src/webscripts/handovers/).
import { archiveNodes, recordingScenario } from './fixtures.js';
import { runByName } from './rhino-run.js';
import type { Scenario, ScenarioResult } from './rhino-run.js';

/** A move of the sealed rec1 from `from` to `to` by a custodian. */
function move(name: string, from: string, to: string): Scenario {
  const nodes = archiveNodes();
  nodes.rec1 = { ...nodes.rec1, parent: from };
  return recordingScenario(name, 'beforeMoveNode', 'wang.custodian',
    [{ childAssoc: { parent: from, child: 'rec1' } }, { node: to }], nodes);
}

const SCENARIOS: Scenario[] = [
  move('handover to recordings archive', 'ho1', 'filed'),
  move('handover to archive root', 'ho1', 'archive'),
  move('recordings archive to case', 'filed', 'case1'),
  move('recordings archive to desk', 'filed', 'desk'),
  move('handover to look-alike root', 'ho1', 'fake'),
  { ...move('handover to recordings archive, interpreted', 'ho1', 'filed'),
    optimizationLevel: -1 },
];

describe('efr:recording moves within the archive root in Rhino (module JAR)', () => {
  let results: Record<string, ScenarioResult>;

  beforeAll(async () => {
    results = await runByName(SCENARIOS);
  });

  function outcome(name: string): string {
    const r = results[name];
    return r.outcome + (r.outcome === 'refused' ? ' ' + String(r.message).split(':')[0] : '');
  }

  it('R26.1/R13.2: files a sealed recording from its handover into 录像档案/<handover>', () => {
    expect(outcome('handover to recordings archive')).toBe('allowed');
    expect(outcome('handover to recordings archive, interpreted')).toBe('allowed');
    expect(outcome('handover to archive root')).toBe('allowed');
  });

  it('R26.1: moves a filed recording within the archive, never out of it', () => {
    expect(outcome('recordings archive to case')).toBe('allowed');
    expect(outcome('recordings archive to desk'))
      .toBe('refused efr.recording.leavesArchive R26.1');
  });

  it('R26.1: a folder named like the root outside Company Home is not the archive', () => {
    expect(outcome('handover to look-alike root'))
      .toBe('refused efr.recording.leavesArchive R26.1');
  });
});
