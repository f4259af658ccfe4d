/**
 * The written description of an evidence disc required by R23.1: producer (制作人), extractor
 * (提取人), extraction time, the case, and each file with name, size, SHA-256, capture facts and
 * duration. One model, rendered as UTF-8 text here and as PDF by the server (pdfkit), so both
 * always say the same thing. One language (zh-CN by default; core/src/document-words.ts).
 */
import { documentText, formatZoneTime, type DocumentLanguage } from '../document-words.js';
import { ASIA_SHANGHAI, type Zone } from '../zone.js';
import type { PackageFacts, PayloadEntry, RecordingFacts } from './types.js';

/** A labelled value of the description. */
export interface DescriptionRow {
  readonly label: string;
  readonly value: string;
}

/** A section: a heading and its rows. */
export interface DescriptionSection {
  readonly heading: string;
  readonly rows: readonly DescriptionRow[];
}

/** The whole description. */
export interface PackageDescription {
  /** The one language it is written in. */
  readonly language: DocumentLanguage;
  readonly title: string;
  readonly sections: readonly DescriptionSection[];
  readonly statement: readonly string[];
  /** The signature lines that close the document. */
  readonly signatures: readonly string[];
}

/**
 * The disc media as a court clerk names them (efr:medium values, core/src/disc/media.ts), not
 * the stored code ("dvd5"). Unknown values are printed as given.
 */
const MEDIUM: { readonly [code: string]: string } = {
  cd700: 'CD-R (700 MB)',
  dvd5: 'DVD-5 (4.7 GB)',
  dvd9: 'DVD-9 (8.5 GB)',
  bd25: 'BD-25 (25 GB)',
  bd50: 'BD-50 (50 GB)',
};

/** `2026-11-24 09:30:00 (UTC+08:00)`: an instant in China Standard Time, or '' if absent. */
export function formatChinaTime(iso: string | undefined): string {
  return formatZoneTime(iso, ASIA_SHANGHAI);
}

function pad(n: number, width: number): string {
  let s = String(n);
  while (s.length < width) s = '0' + s;
  return s;
}

/** `1:02:03` (h:mm:ss) for a duration in seconds, '' when unknown. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !(seconds >= 0)) return '';
  const s = Math.round(seconds);
  return Math.floor(s / 3600) + ':' + pad(Math.floor(s / 60) % 60, 2) + ':' + pad(s % 60, 2);
}

/** `1,234,567 字节（1.2 MiB）` with a KiB or MiB figure for reading (never "0.0 MiB"). */
export function formatBytes(bytes: number, language: DocumentLanguage = 'zh-CN'): string {
  const grouped = String(bytes).replace(/\B(?=(\d{3})+$)/g, ',');
  const reading = bytes < 1048576
    ? (bytes / 1024).toFixed(1) + ' KiB'
    : (bytes / 1048576).toFixed(1) + ' MiB';
  return documentText(language, 'bytes', { grouped: grouped, reading: reading });
}

function row(label: string, value: string | undefined): DescriptionRow[] {
  return value === undefined || value === '' ? [] : [{ label: label, value: value }];
}

/** How a description is written: its language and the zone its times are read in. */
export interface DescriptionOptions {
  /** The language (default zh-CN: the description is a formal document for the court). */
  readonly language?: DocumentLanguage;
  /** The bureau's zone (default China Standard Time). */
  readonly zone?: Zone;
}

/** A coded value by the model's label (`activity.*`, `source.*`), else as given. */
function codeLabel(language: DocumentLanguage, prefix: string, code: string | undefined):
  string | undefined {
  if (code === undefined || code === '') return undefined;
  return documentText(language, prefix + '.' + code) || code;
}

function fileSection(index: number, path: string, r: RecordingFacts, language: DocumentLanguage,
  zone: Zone): DescriptionSection {
  const t = (key: string): string => documentText(language, key);
  const list = language === 'zh-CN' ? '、' : ', ';
  const discName = path.slice(path.lastIndexOf('/') + 1);
  const officers = [r.officer, r.coOfficer].filter((x) => x !== undefined && x !== '').join(list);
  const sealed = r.sealedAt ? formatZoneTime(r.sealedAt, zone) + ' ' +
    [r.sealedBy1, r.sealedBy2].filter((x) => x !== undefined && x !== '').join(list) : '';
  const rows: DescriptionRow[] = ([] as DescriptionRow[]).concat(
    row(t('description.fileOnDisc'), path),
    discName !== r.name ? row(t('description.originalName'), r.name) : [],
    row(t('description.title.file'), r.title),
    row(t('description.size'), formatBytes(r.size, language)),
    row('SHA-256', r.sha256),
    row(t('description.start'), formatZoneTime(r.recordingStart, zone)),
    row(t('description.end'), formatZoneTime(r.recordingEnd, zone)),
    row(t('description.duration'), formatDuration(r.durationSeconds)),
    row(t('description.officers'), officers),
    row(t('description.device'), r.deviceSerial),
    row(t('description.source'), codeLabel(language, 'source', r.source)),
    row(t('description.activity'), codeLabel(language, 'activity', r.activityType)),
    row(t('description.location'), r.location),
    row(t('description.sealed'), sealed),
    row(t('description.repositoryId'), r.id),
  );
  return { heading: documentText(language, 'description.file', { n: index, name: discName }),
    rows: rows };
}

/**
 * Builds the description of a package (R23.1) in one language: zh-CN unless asked otherwise,
 * since it goes with the disc into the case file (附卷) for the court.
 */
export function describePackage(
  facts: PackageFacts, payload: readonly PayloadEntry[], options?: DescriptionOptions,
): PackageDescription {
  const language = options && options.language ? options.language : 'zh-CN';
  const zone = options && options.zone ? options.zone : ASIA_SHANGHAI;
  const t = (key: string): string => documentText(language, key);
  let total = 0;
  for (const p of payload) total += p.recording.size;
  const head: DescriptionSection = {
    heading: t('description.case'),
    rows: ([] as DescriptionRow[]).concat(
      row(t('description.caseNumber'), facts.caseNumber),
      row(t('description.caseTitle'), facts.caseTitle),
      row(t('description.producer'), facts.producer),
      row(t('description.extractor'), facts.extractor),
      row(t('description.extractionTime'), formatZoneTime(facts.extractionTime, zone)),
      row(t('description.label'), facts.label),
      row(t('description.medium'), MEDIUM[facts.medium] || facts.medium),
      row(t('description.files'), String(payload.length)),
      row(t('description.totalSize'), formatBytes(total, language)),
    ),
  };
  const sections = [head];
  for (let i = 0; i < payload.length; i++) {
    sections.push(fileSection(i + 1, payload[i].path, payload[i].recording, language, zone));
  }
  return {
    language: language,
    title: t('description.title'),
    sections: sections,
    statement: [
      t('description.statement.copy'),
      t('description.statement.verify'),
      t('description.statement.log'),
    ],
    signatures: [t('description.signProducer'), t('description.signExtractor')],
  };
}

const RULE_DOUBLE = '========================================';
const RULE_SINGLE = '----------------------------------------';

/** What stands between a label and its value: `：` in Chinese, `: ` otherwise. */
export function labelSeparator(language: DocumentLanguage): string {
  return language === 'zh-CN' ? '：' : ': ';
}

/** The description as UTF-8 text (LF line ends), the plain-text twin of the PDF. */
export function descriptionText(d: PackageDescription): string {
  let out = d.title + '\n' + RULE_DOUBLE + '\n';
  for (const s of d.sections) {
    out += '\n' + s.heading + '\n' + RULE_SINGLE + '\n';
    for (const r of s.rows) out += r.label + labelSeparator(d.language) + r.value + '\n';
  }
  out += '\n';
  for (const line of d.statement) out += line + '\n';
  out += '\n' + d.signatures.join('    ') + '\n';
  return out;
}
