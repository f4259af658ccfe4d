import { toCustodyEntry, toRecordingDetail, toRecordingSummary } from './recording.mapper';

describe('recording.mapper', () => {
  const node = {
    id: 'r1',
    name: '20260301_0800_DSJ-001.mp4',
    aspectNames: ['efr:sealed', 'efr:evidence'],
    createdAt: '2026-03-01T10:00:00.000+0000',
    createdByUser: { id: 'custodian1', displayName: '王保管' },
    content: { mimeType: 'video/mp4', sizeInBytes: 1000 },
    properties: {
      'efr:officer': 'officer1',
      'efr:coOfficer': 'officer2',
      'efr:recordingStart': '2026-03-01T08:00:00.000+0000',
      'efr:sha256': 'a'.repeat(64),
      'efr:sizeBytes': 734003200,
      'efr:sealedBy1': 'custodian1',
      'efr:sealedBy2': 'custodian2',
      'efr:handoverId': 'h1',
      'efr:activityType': 'routineInspection',
    },
  };

  it('shows both officers and lateness from the handover ids (R15.2, R21)', () => {
    const row = toRecordingSummary(node, new Set(['h1']));
    expect(row.officers).toEqual(['officer1', 'officer2']);
    expect(row.lateHandover).toBeTrue();
    expect(toRecordingSummary(node).lateHandover).toBeFalse();
  });

  it('reads fixity from the sealed aspect: SHA-256, fixed size, both custodians (R21.4)', () => {
    const d = toRecordingDetail(node, false);
    expect(d.sha256).toBe('a'.repeat(64));
    expect(d.size).toBe(734003200);
    expect(d.sealedBy).toEqual(['custodian1', 'custodian2']);
    expect(d.isEvidence).toBeTrue();
    // The id: the people directory names people one way (issue 19, point 3).
    expect(d.createdBy).toBe('custodian1');
  });

  it('reads custody entries keyed by audit paths', () => {
    const e = toCustodyEntry({
      id: '7',
      createdAt: '2026-03-02T09:00:00.000+0000',
      createdByUser: { id: 'legal1' },
      values: {
        '/efr-access/action': 'view',
        '/efr-access/reason': '案件审查',
        '/efr-access/request': 'q1',
      },
    });
    expect(e).toEqual({
      id: '7',
      at: new Date('2026-03-02T09:00:00.000Z'),
      user: 'legal1',
      action: 'view',
      reason: '案件审查',
      requestId: 'q1',
    });
  });
});
