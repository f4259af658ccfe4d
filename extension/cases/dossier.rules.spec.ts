import { groupByStage, recordingStage } from './dossier.rules';

describe('dossier.rules (R3.2: every record placed in a stage)', () => {
  const doc = (id: string, stage: string) => ({ id, name: id, kind: 'otherDocument', stage });
  const rec = (id: string, stage: string) => ({
    id,
    name: id,
    stage,
    activityType: '',
    startedAt: null,
    sha256: '',
    isEvidence: false,
  });

  it('lists the five stages in process order, even when empty', () => {
    const groups = groupByStage([], []);
    expect(groups.map((g) => g.stage)).toEqual([
      'initiation',
      'investigation',
      'decision',
      'execution',
      'archiving',
    ]);
  });

  it('places text records and recordings in their stage', () => {
    const groups = groupByStage([doc('d1', 'decision')], [rec('r1', 'investigation')]);
    expect(groups[2].documents.map((d) => d.id)).toEqual(['d1']);
    expect(groups[1].recordings.map((r) => r.id)).toEqual(['r1']);
  });

  it('keeps records without a known stage visible in a last group', () => {
    const groups = groupByStage([doc('d1', 'bogus')], [rec('r1', '')]);
    expect(groups.length).toBe(6);
    expect(groups[5].stage).toBe('');
    expect(groups[5].documents.length + groups[5].recordings.length).toBe(2);
  });

  it('places a recording by its own stage, else by its field activity (R10.1 → R3.2)', () => {
    expect(recordingStage('decision', 'documentService')).toBe('decision');
    expect(recordingStage('', 'routineInspection')).toBe('initiation');
    expect(recordingStage('', 'evidenceCollection')).toBe('investigation');
    expect(recordingStage('', 'coerciveMeasure')).toBe('investigation');
    expect(recordingStage('', 'documentService')).toBe('execution');
    expect(recordingStage('', 'otherFieldWork')).toBe('');
  });
});
