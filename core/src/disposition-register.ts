/**
 * The destruction register (销毁清册, issue 18): what a disposition batch destroyed and kept,
 * who proposed, reviewed and approved it, with their names, times and opinions, in one
 * language (core/src/document-words.ts). The same section shape as the evidence disc's
 * written description, so one PDF renderer prints both (server/src/evidence/description-pdf.ts).
 */
import {
  documentText, formatZoneTime, oneLanguageOf, type DocumentLanguage,
} from './document-words.js';
import { formatBytes } from './evidence/description.js';
import { ASIA_SHANGHAI, type Zone } from './zone.js';
import type {
  DescriptionRow, DescriptionSection, PackageDescription,
} from './evidence/description.js';

/** One recording of the register. */
export interface RegisterRecording {
  readonly name: string;
  readonly sha256: string | null;
  readonly sizeBytes: number | null;
  readonly recordingStart: string | null;
  readonly recordingEnd: string | null;
  /** Officers by name. */
  readonly officers: readonly string[];
  readonly caseNumbers: readonly string[];
  readonly retentionBasis: string;
  /** Whether its bytes were destroyed; otherwise the code that spared it. */
  readonly destroyed: boolean;
  readonly sparedCode: string | null;
}

/** What the register is made from (people by name, times ISO). */
export interface RegisterInput {
  readonly number: string;
  readonly reason: string;
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly reviewedBy: string;
  readonly reviewedAt: string;
  readonly reviewOpinion: string;
  readonly approvedBy: string;
  readonly approvedAt: string;
  readonly approvalOpinion: string;
  readonly executedAt: string;
  readonly recordings: readonly RegisterRecording[];
}

function row(label: string, value: string): DescriptionRow {
  return { label: label, value: value === '' ? '—' : value };
}

/**
 * The register as titled sections, a closing statement and the three signature lines. Always
 * zh-CN unless asked otherwise: it is the archive's record of what was destroyed (第二十二条).
 * Times in the bureau's zone (China Standard Time by default).
 */
export function destructionRegister(r: RegisterInput, language: DocumentLanguage = 'zh-CN',
  zone: Zone = ASIA_SHANGHAI): PackageDescription {
  const t = (key: string): string => documentText(language, key);
  const time = (iso: string | null): string => formatZoneTime(iso, zone);
  const list = language === 'zh-CN' ? '、' : ', ';
  const destroyed = r.recordings.filter((x) => x.destroyed).length;
  const sections: DescriptionSection[] = [{
    heading: t('register.batch'),
    rows: [
      row(t('register.number'), r.number),
      row(t('register.reason'), r.reason),
      row(t('register.proposedBy'), r.proposedBy + '  ' + time(r.proposedAt)),
      row(t('register.reviewedBy'), r.reviewedBy + '  ' + time(r.reviewedAt)),
      row(t('register.reviewOpinion'), r.reviewOpinion),
      row(t('register.approvedBy'), r.approvedBy + '  ' + time(r.approvedAt)),
      row(t('register.approvalOpinion'), r.approvalOpinion),
      row(t('register.executedAt'), time(r.executedAt)),
      row(t('register.destroyedCount'), destroyed + ' / ' + r.recordings.length),
    ],
  }];
  for (let i = 0; i < r.recordings.length; i++) {
    const x = r.recordings[i];
    const spared = x.sparedCode === null ? ''
      : documentText(language, 'register.spared.' + x.sparedCode) || t('register.spared.other');
    sections.push({
      heading: (i + 1) + '. ' + x.name +
        (x.destroyed ? t('register.destroyed') : t('register.kept')),
      rows: [
        row('SHA-256', x.sha256 === null ? '' : x.sha256),
        row(t('register.size'), x.sizeBytes === null ? '' : formatBytes(x.sizeBytes, language)),
        row(t('register.recorded'), time(x.recordingStart) + ' — ' + time(x.recordingEnd)),
        row(t('register.officers'), x.officers.join(list)),
        row(t('register.cases'), x.caseNumbers.join(list)),
        row(t('register.retentionBasis'), oneLanguageOf(x.retentionBasis, language)),
      ].concat(x.destroyed ? [] : [row(t('register.keptBecause'), spared)]),
    });
  }
  const sign = (role: string, name: string): string =>
    documentText(language, 'register.sign', { role: t('register.role.' + role), name: name });
  return {
    language: language,
    title: t('register.title'),
    sections: sections,
    statement: [t('register.statement')],
    signatures: [sign('proposer', r.proposedBy), sign('reviewer', r.reviewedBy),
      sign('approver', r.approvedBy)],
  };
}
