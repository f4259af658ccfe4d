import {
  checkEvidencePackage, GROUP_EFR_CUSTODIANS, GROUP_EFR_LEGAL, GROUP_EFR_OFFICERS, MEDIA,
} from './index.js';
import type { Actor, EvidencePackageInput, EvidenceRecording, Verdict } from './index.js';

const refusal = (v: Verdict): string =>
  (v.allowed ? 'allowed' : v.status + ' ' + v.code + ' ' + v.requirement);
const actor = (userName: string, ...groups: string[]): Actor => ({ userName, groups });
const legal = actor('fazhi', GROUP_EFR_LEGAL);

const rec = (id: string, o: Partial<EvidenceRecording> = {}): EvidenceRecording =>
  ({ id, sealed: true, caseIds: ['case-1'], sha256: 'a'.repeat(64), ...o });

function pkg(o: Partial<EvidencePackageInput> = {}): EvidencePackageInput {
  return { caseId: 'case-1', recordings: [rec('r-1'), rec('r-2')], producer: 'baoguan',
    extractor: 'fazhi', extractionTime: '2026-03-02T08:00:00+08:00', medium: 'dvd5',
    discLabel: '丹民罚〔2026〕12号 证据光盘', now: '2026-03-02T01:00:00Z', ...o };
}

describe('evidence packages (R23.1, R26.1, R22.2)', () => {
  it('accepts sealed recordings of the case on every medium, by legal staff or the office', () => {
    for (const medium of MEDIA) {
      expect(checkEvidencePackage(pkg({ medium }), legal)).toEqual({ allowed: true });
    }
    expect(checkEvidencePackage(pkg(), actor('bg', GROUP_EFR_CUSTODIANS)).allowed).toBeTrue();
  });
  it('R23.1: others may not make one', () => {
    expect(refusal(checkEvidencePackage(pkg(), actor('x', GROUP_EFR_OFFICERS))))
      .toBe('403 efr.evidence.notAllowed R23.1');
  });
  it('R23.1: the written description names producer, extractor and extraction time', () => {
    expect(refusal(checkEvidencePackage(pkg({ producer: ' ' }), legal)))
      .toBe('422 efr.evidence.people R23.1');
    expect(refusal(checkEvidencePackage(pkg({ extractor: '' }), legal)))
      .toBe('422 efr.evidence.people R23.1');
    expect(refusal(checkEvidencePackage(pkg({ extractionTime: '2026-03-02T09:00:01+08:00' }),
      legal))).toBe('422 efr.evidence.extractionTime R23.1');
    expect(refusal(checkEvidencePackage(pkg({ extractionTime: '昨天' }), legal)))
      .toBe('422 efr.evidence.extractionTime R23.1');
  });
  it('R23.1: a case, a medium, a label and distinct recordings', () => {
    expect(refusal(checkEvidencePackage(pkg({ caseId: '' }), legal)))
      .toBe('422 efr.evidence.noCase R23.1');
    expect(refusal(checkEvidencePackage(pkg({ medium: 'floppy' }), legal)))
      .toBe('422 efr.evidence.medium R23.1');
    expect(refusal(checkEvidencePackage(pkg({ discLabel: ' ' }), legal)))
      .toBe('422 efr.evidence.label R23.1');
    expect(refusal(checkEvidencePackage(pkg({ recordings: [] }), legal)))
      .toBe('422 efr.evidence.recordings R23.1');
    expect(refusal(checkEvidencePackage(pkg({ recordings: [rec('r-1'), rec('r-1')] }), legal)))
      .toBe('422 efr.evidence.recordings R23.1');
  });
  it('R26.1: only sealed originals are copied', () => {
    expect(refusal(checkEvidencePackage(pkg({ recordings: [rec('r-1', { sealed: false })] }),
      legal))).toBe('409 efr.evidence.notSealed R26.1');
  });
  it('R22.2: every recording is linked to the case', () => {
    expect(refusal(checkEvidencePackage(pkg({ recordings: [rec('r-1'),
      rec('r-2', { caseIds: ['case-2'] })] }), legal))).toBe('422 efr.evidence.notLinked R22.2');
  });
  it('R23.1: every recording has its fixity for the description', () => {
    expect(refusal(checkEvidencePackage(pkg({ recordings: [rec('r-1', { sha256: null })] }),
      legal))).toBe('409 efr.evidence.noFixity R23.1');
  });
});
