/**
 * What the quality web scripts' Rhino specs share: the archive folders the assessment reads
 * and a confirmed violation of officer1 (R29.1) proposed at `proposedAt`.
 */
export const QUALITY_FOLDERS = ['EFR 执法记录/违规记录', 'EFR 执法记录/移交记录',
  'EFR 执法记录/执法记录仪'];

/** A confirmed violation of officer1 (a lent device) in the violation register. */
export function confirmedViolation(proposedAt: string) {
  return { folder: 'EFR 执法记录/违规记录', name: '违规-1', type: 'efr:violation',
    properties: { 'efr:violationKind': 'lentDevice', 'efr:violationStatus': 'confirmed',
      'efr:violationDescription': '借出记录仪。', 'efr:proposedBy': 'supervisor1',
      'efr:proposedAt': proposedAt, 'efr:officer': 'officer1', 'efr:unit': '婚姻登记处' } };
}
