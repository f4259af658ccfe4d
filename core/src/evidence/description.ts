/**
 * The written description of an evidence disc required by R23.1: producer (制作人), extractor
 * (提取人), extraction time, the case, and each file with name, size, SHA-256, capture facts and
 * duration. One model, rendered as UTF-8 text here and as PDF by the server (pdfkit), so both
 * always say the same thing. Chinese first, English beside it.
 */
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
  readonly title: string;
  readonly sections: readonly DescriptionSection[];
  readonly statement: readonly string[];
}

/** China Standard Time, fixed (no DST since 1991; core/src/zone.ts). */
const CST_MINUTES = 480;

const ACTIVITY: Record<string, string> = {
  routineInspection: '日常执法检查 routine inspection',
  complaintHandling: '处置投诉、举报案件 complaint handling',
  evidenceCollection: '调查取证、先行登记保存 evidence collection',
  documentService: '证据、执法文书送达 document service',
  coerciveMeasure: '实施行政强制措施 coercive measure',
  otherFieldWork: '其他现场执法办案活动 other field work',
};

const SOURCE: Record<string, string> = {
  bodyCamera: '执法记录仪 body camera',
  handheldCamera: '照相机、录像机 handheld camera',
  voiceRecorder: '录音笔 voice recorder',
  fixedOfficeCamera: '办公地点视频监控设备 fixed office camera',
};

/**
 * The disc media as a court clerk names them (efr:medium values, core/src/disc/media.ts), not
 * the stored code ("dvd5"). Unknown values are printed as given.
 */
const MEDIUM: Record<string, string> = {
  cd700: 'CD-R (700 MB)',
  dvd5: 'DVD-5 (4.7 GB)',
  dvd9: 'DVD-9 (8.5 GB)',
  bd25: 'BD-25 (25 GB)',
  bd50: 'BD-50 (50 GB)',
};

function pad(n: number, width: number): string {
  let s = String(n);
  while (s.length < width) s = '0' + s;
  return s;
}

/** `2026-11-24 09:30:00 (UTC+08:00)`: an instant in China Standard Time, or '' if invalid. */
export function formatChinaTime(iso: string | undefined): string {
  if (iso === undefined || iso === '') return '';
  const t = Date.parse(iso);
  if (isNaN(t)) return iso;
  const d = new Date(t + CST_MINUTES * 60000);
  return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1, 2) + '-' + pad(d.getUTCDate(), 2) +
    ' ' + pad(d.getUTCHours(), 2) + ':' + pad(d.getUTCMinutes(), 2) + ':' +
    pad(d.getUTCSeconds(), 2) + ' (UTC+08:00)';
}

/** `1:02:03` (h:mm:ss) for a duration in seconds, '' when unknown. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !(seconds >= 0)) return '';
  const s = Math.round(seconds);
  return Math.floor(s / 3600) + ':' + pad(Math.floor(s / 60) % 60, 2) + ':' + pad(s % 60, 2);
}

/** `1,234,567` bytes with a KiB or MiB figure for reading (never "0.0 MiB"). */
export function formatBytes(bytes: number): string {
  const grouped = String(bytes).replace(/\B(?=(\d{3})+$)/g, ',');
  const reading = bytes < 1048576
    ? (bytes / 1024).toFixed(1) + ' KiB'
    : (bytes / 1048576).toFixed(1) + ' MiB';
  return grouped + ' 字节 bytes (' + reading + ')';
}

function row(label: string, value: string | undefined): DescriptionRow[] {
  return value === undefined || value === '' ? [] : [{ label: label, value: value }];
}

function fileSection(index: number, path: string, r: RecordingFacts): DescriptionSection {
  const discName = path.slice(path.lastIndexOf('/') + 1);
  const officers = [r.officer, r.coOfficer].filter((x) => x !== undefined && x !== '').join('、');
  const sealed = r.sealedAt ? formatChinaTime(r.sealedAt) + ' ' +
    [r.sealedBy1, r.sealedBy2].filter((x) => x !== undefined && x !== '').join('、') : '';
  const rows: DescriptionRow[] = ([] as DescriptionRow[]).concat(
    row('光盘文件 File on disc', path),
    discName !== r.name ? row('原始文件名 Original name', r.name) : [],
    row('标题 Title', r.title),
    row('大小 Size', formatBytes(r.size)),
    row('SHA-256', r.sha256),
    row('开始时间 Start', formatChinaTime(r.recordingStart)),
    row('结束时间 End', formatChinaTime(r.recordingEnd)),
    row('时长 Duration', formatDuration(r.durationSeconds)),
    row('执法人员 Officers', officers),
    row('设备编号 Device', r.deviceSerial),
    row('记录来源 Source', r.source ? (SOURCE[r.source] || r.source) : undefined),
    row('执法活动 Activity',
      r.activityType ? (ACTIVITY[r.activityType] || r.activityType) : undefined),
    row('地点 Location', r.location),
    row('封存 Sealed', sealed),
    row('存储库编号 Repository id', r.id),
  );
  return { heading: '文件 File ' + index + '：' + discName, rows: rows };
}

/** Builds the description of a package (R23.1). */
export function describePackage(
  facts: PackageFacts, payload: readonly PayloadEntry[],
): PackageDescription {
  let total = 0;
  for (const p of payload) total += p.recording.size;
  const head: DescriptionSection = {
    heading: '案件与制作 Case and production',
    rows: ([] as DescriptionRow[]).concat(
      row('案件编号 Case number', facts.caseNumber),
      row('案件名称 Case title', facts.caseTitle),
      row('制作人 Producer', facts.producer),
      row('提取人 Extractor', facts.extractor),
      row('提取时间 Extraction time', formatChinaTime(facts.extractionTime)),
      row('光盘标签 Disc label', facts.label),
      row('光盘介质 Medium', MEDIUM[facts.medium] || facts.medium),
      row('文件数量 Files', String(payload.length)),
      row('总大小 Total size', formatBytes(total)),
    ),
  };
  const sections = [head];
  for (let i = 0; i < payload.length; i++) {
    sections.push(fileSection(i + 1, payload[i].path, payload[i].recording));
  }
  return {
    title: '电子证据光盘文字说明 Written description of the evidence disc',
    sections: sections,
    statement: [
      '本光盘所载音像记录复制自执法音像记录存储库中已封存的原始记录，' +
        '未经剪辑、删改（第二十三条、第二十六条）。',
      'The recordings on this disc are copies of sealed originals in the records repository, ' +
        'neither cut nor modified (R23.1, R26.1).',
      '核验方法：在浏览器中打开光盘根目录的 verify.html 并选择光盘文件夹；' +
        '或使用 BagIt 工具' +
        '校验 manifest-sha256.txt 与 tagmanifest-sha256.txt。',
      'To verify: open verify.html at the disc root in a browser and choose the disc folder, ' +
        'or validate the BagIt bag (manifest-sha256.txt, tagmanifest-sha256.txt).',
      '访问日志摘录见 access-log.jsonl，每条记录带有哈希链值。',
      'The access-log extract (access-log.jsonl) carries each entry\'s chain hashes.',
    ],
  };
}

const RULE_DOUBLE = '========================================';
const RULE_SINGLE = '----------------------------------------';

/** The description as UTF-8 text (LF line ends), the plain-text twin of the PDF. */
export function descriptionText(d: PackageDescription): string {
  let out = d.title + '\n' + RULE_DOUBLE + '\n';
  for (const s of d.sections) {
    out += '\n' + s.heading + '\n' + RULE_SINGLE + '\n';
    for (const r of s.rows) out += r.label + '：' + r.value + '\n';
  }
  out += '\n';
  for (const line of d.statement) out += line + '\n';
  out += '\n制作人签名 Producer signature：________________    ' +
    '提取人签名 Extractor signature：________________\n';
  return out;
}
