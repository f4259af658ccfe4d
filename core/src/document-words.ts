/**
 * What EFR's generated documents say (issue 19: one language per document, one vocabulary):
 * the written description of an evidence disc (description.txt / .pdf, R23.1), the destruction
 * register (销毁清册, issue 18) and the quality assessment (CSV / PDF, R28.1). Each document is
 * written in ONE language: zh-CN for the court and the archive (the disc description and the
 * destruction register are formal Chinese documents, always zh-CN), the reader's language for
 * the reports a person downloads from a screen (the quality assessment). docs/api.md says which.
 *
 * The terms are docs/glossary.md's (a spec checks that no document text uses a word the
 * glossary rules out); the labels of the model's coded values (activities, sources, violation
 * kinds, measures) are the model bundles' (content-model/messages/efr-model*.properties), and
 * a spec keeps the copies here equal to them. Articles are written as the regulation writes
 * them (第二十三条 / Article 23), times in the bureau's zone, people by name (the caller passes
 * names, core/src/person-name.ts).
 */
import { ASIA_SHANGHAI, type Zone } from './zone.js';

/** The languages a document is written in. */
export type DocumentLanguage = 'zh-CN' | 'en';

/** The language of a document from a `lang` query, else an Accept-Language header: zh-CN first. */
export function documentLanguage(lang?: string | null,
  acceptLanguage?: string | null): DocumentLanguage {
  const pick = (v: string): DocumentLanguage | null => {
    const tag = v.split(';')[0].replace(/^\s+|\s+$/g, '').toLowerCase();
    if (tag.indexOf('zh') === 0) return 'zh-CN';
    if (tag.indexOf('en') === 0) return 'en';
    return null;
  };
  if (lang) {
    const l = pick(lang);
    if (l !== null) return l;
  }
  const ranges = (acceptLanguage || '').split(',');
  for (let i = 0; i < ranges.length; i++) {
    const l = pick(ranges[i]);
    if (l !== null) return l;
  }
  return 'zh-CN';
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 in Chinese numerals as articles are numbered (二十四). */
export function chineseNumber(n: number): string {
  if (Math.floor(n) !== n || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? '' : tens === 1 ? '十' : DIGITS[tens] + '十';
  return head + (ones === 0 ? '' : DIGITS[ones]);
}

/**
 * A requirement id (R24.1, R24) as its article: 第二十四条 in Chinese, "Article 24" otherwise;
 * '' for anything else. The requirement ids are for code and docs, never for a reader.
 */
export function articleText(requirement: string | null | undefined, language: string): string {
  const m = /^R(\d+)(?:\.\d+)?$/.exec(String(requirement || '').replace(/^\s+|\s+$/g, ''));
  if (!m) return '';
  const n = Number(m[1]);
  return language.toLowerCase().indexOf('zh') === 0 ? '第' + chineseNumber(n) + '条'
    : 'Article ' + n;
}

function pad(n: number, width: number): string {
  let s = String(n);
  while (s.length < width) s = '0' + s;
  return s;
}

/**
 * `2026-11-24 09:30:00 (UTC+08:00)`: an instant as the wall-clock time of a zone (the bureau's,
 * China Standard Time by default) with the offset written beside it, so that a document read
 * elsewhere still says which time it means; '' when absent, the text as given when invalid.
 */
export function formatZoneTime(iso: string | null | undefined,
  zone: Zone = ASIA_SHANGHAI): string {
  if (iso === undefined || iso === null || iso === '') return '';
  const t = Date.parse(iso);
  if (isNaN(t)) return iso;
  const offset = zone.offsetMinutesAt(t);
  const d = new Date(t + offset * 60000);
  const abs = Math.abs(offset);
  return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1, 2) + '-' + pad(d.getUTCDate(), 2) +
    ' ' + pad(d.getUTCHours(), 2) + ':' + pad(d.getUTCMinutes(), 2) + ':' +
    pad(d.getUTCSeconds(), 2) + ' (UTC' + (offset < 0 ? '-' : '+') +
    pad(Math.floor(abs / 60), 2) + ':' + pad(abs % 60, 2) + ')';
}

/** `2026-11-24`: the calendar day of an instant in a zone ('' when absent or invalid). */
export function formatZoneDay(iso: string | null | undefined,
  zone: Zone = ASIA_SHANGHAI): string {
  const full = formatZoneTime(iso, zone);
  return /^\d{4}-\d{2}-\d{2} /.test(full) ? full.substring(0, 10) : '';
}

/** Every text of the documents, by key, in one language. */
const ZH_CN = {
  // Written description of an evidence disc (R23.1).
  'description.title': '电子证据光盘文字说明',
  'description.case': '案件与制作',
  'description.caseNumber': '案件编号',
  'description.caseTitle': '案件名称',
  'description.producer': '制作人',
  'description.extractor': '提取人',
  'description.extractionTime': '提取时间',
  'description.label': '光盘标签',
  'description.medium': '光盘介质',
  'description.files': '文件数量',
  'description.totalSize': '总大小',
  'description.file': '文件 {n}：{name}',
  'description.fileOnDisc': '光盘文件',
  'description.originalName': '原始文件名',
  'description.title.file': '标题',
  'description.size': '大小',
  'description.start': '开始时间',
  'description.end': '结束时间',
  'description.duration': '时长',
  'description.officers': '执法人员',
  'description.device': '执法记录仪编号',
  'description.source': '记录来源',
  'description.activity': '执法活动',
  'description.location': '地点',
  'description.sealed': '移交封存',
  'description.repositoryId': '档案库编号',
  'description.statement.copy': '本光盘所载音视频记录复制自执法音视频记录档案库中已封存的原始记录，' +
    '未经删节、修改（第二十三条、第二十六条）。',
  'description.statement.verify': '核验方法：在浏览器中打开光盘根目录的 verify.html 并选择光盘文件夹；' +
    '或使用 BagIt 工具校验 manifest-sha256.txt 与 tagmanifest-sha256.txt。',
  'description.statement.log': '访问日志摘录见 access-log.jsonl，每条记录带有哈希链值。',
  'description.signProducer': '制作人签名：____________________',
  'description.signExtractor': '提取人签名：____________________',
  bytes: '{grouped} 字节（{reading}）',
  // Destruction register (issue 18, R22).
  'register.title': '执法音视频记录销毁清册',
  'register.batch': '批次',
  'register.number': '批次编号',
  'register.reason': '销毁事由',
  'register.proposedBy': '提出人（保管人）',
  'register.reviewedBy': '审核人（办公室主任）',
  'register.reviewOpinion': '审核意见',
  'register.approvedBy': '批准人（局分管领导）',
  'register.approvalOpinion': '审批意见',
  'register.executedAt': '执行时间',
  'register.destroyedCount': '已销毁',
  'register.destroyed': '（已销毁）',
  'register.kept': '（保留）',
  'register.size': '大小',
  'register.recorded': '录制时间',
  'register.officers': '执法人员',
  'register.cases': '关联案件',
  'register.retentionBasis': '保存期限依据',
  'register.keptBecause': '保留原因',
  'register.spared.efr.disposition.legalHold': '批次办理期间被保全（投诉调查，第十四条）',
  'register.spared.efr.disposition.newCaseLink': '批次办理期间关联了案件（第二十二条）',
  'register.spared.efr.disposition.openCase': '关联案件未结（第二十二条）',
  'register.spared.efr.disposition.caseRetained': '关联案件仍在保存期限内（第二十二条）',
  'register.spared.efr.disposition.permanent': '永久保存（第二十二条）',
  'register.spared.other': '执行时不符合销毁条件',
  'register.statement': '上列音视频记录保存期限已届满（第二十二条），经办公室主任审核、局分管领导批准后' +
    '销毁其音视频内容；记录的元数据、SHA-256 校验值、大小及保存期限依据永久保留。',
  'register.sign': '{role}：{name}    签名：______________',
  'register.role.proposer': '提出人',
  'register.role.reviewer': '审核人',
  'register.role.approver': '批准人',
  // Enforcement quality assessment (R28.1, R29.1, R30.1).
  'quality.title': '执法质量考评',
  'quality.period': '考评期间：{from} 至 {to}',
  'quality.level': '级别',
  'quality.unit': '执法部门',
  'quality.officer': '执法人员',
  'quality.officerUndetermined': '待查明',
  'quality.recordingRate': '记录率（%）',
  'quality.continuity': '连续性（%）',
  'quality.timelyHandover': '按时移交率（%）',
  'quality.findingsPassed': '抽查合格率（%）',
  'quality.violations': '认定违规（件）',
  'quality.units': '执法部门',
  'quality.officers': '执法人员',
  'quality.register': '违规与问责',
  'quality.kind': '违规情形',
  'quality.confirmedAt': '认定时间',
  'quality.measure': '问责措施',
  'quality.start': '开始',
  'quality.end': '结束',
  'quality.bar.recordingRate': '记录率',
  'quality.bar.continuity': '连续性',
  'quality.bar.timelyHandover': '按时移交',
  'quality.bar.findingsPassed': '抽查合格',
  'quality.bar.violations': '认定违规',
  'quality.none': '无',
  // Labels of the model's coded values (content-model/messages/efr-model_zh_CN.properties).
  'activity.routineInspection': '日常执法检查',
  'activity.complaintHandling': '处置投诉、举报案件',
  'activity.evidenceCollection': '调查取证、先行登记保存',
  'activity.documentService': '证据、执法文书送达',
  'activity.coerciveMeasure': '实施行政强制措施',
  'activity.otherFieldWork': '其他现场执法办案活动',
  'source.bodyCamera': '执法记录仪',
  'source.handheldCamera': '照相机、录像机',
  'source.voiceRecorder': '录音笔',
  'source.fixedOfficeCamera': '办公地点视频监控设备',
  'violationKind.deletedEvidence': '故意删除有效证据信息',
  'violationKind.lentDevice': '擅自借给其他人员使用',
  'violationKind.notRecorded': '不按照规定进行现场执法记录',
  'violationKind.leakedContent': '违反规定泄露音像资料内容',
  'violationKind.falsifiedOrEdited': '摄录虚假证据信息或删改音像资料',
  'violationKind.misuse': '用于非单位工作或违法违纪活动',
  'violationKind.lostOrDamaged': '设备遗失、被盗或音像资料损毁、丢失',
  'violationKind.otherSerious': '其他严重违反规定的行为',
  'measure.selfExamination': '责令作出书面检查',
  'measure.criticism': '全局通报批评',
  'measure.suspension': '停止执法工作一个月',
  'measure.awardsLoss': '取消当年评优评先资格',
  'measure.furtherSanction': '情节严重的，追究相关责任人责任',
};

/** The keys of the document texts. */
export type DocumentWordKey = keyof typeof ZH_CN;

const EN: { readonly [K in DocumentWordKey]: string } = {
  'description.title': 'Written description of the evidence disc',
  'description.case': 'Case and production',
  'description.caseNumber': 'Case number',
  'description.caseTitle': 'Case title',
  'description.producer': 'Producer',
  'description.extractor': 'Extractor',
  'description.extractionTime': 'Extraction time',
  'description.label': 'Disc label',
  'description.medium': 'Disc medium',
  'description.files': 'Files',
  'description.totalSize': 'Total size',
  'description.file': 'File {n}: {name}',
  'description.fileOnDisc': 'File on disc',
  'description.originalName': 'Original name',
  'description.title.file': 'Title',
  'description.size': 'Size',
  'description.start': 'Start',
  'description.end': 'End',
  'description.duration': 'Duration',
  'description.officers': 'Officers',
  'description.device': 'Recording device',
  'description.source': 'Source',
  'description.activity': 'Activity',
  'description.location': 'Location',
  'description.sealed': 'Sealed at handover',
  'description.repositoryId': 'Repository id',
  'description.statement.copy': 'The recordings on this disc are copies of sealed originals in ' +
    'the records repository, neither cut nor modified (Articles 23 and 26).',
  'description.statement.verify': 'To verify: open verify.html at the disc root in a browser ' +
    'and choose the disc folder, or validate the BagIt bag (manifest-sha256.txt, ' +
    'tagmanifest-sha256.txt).',
  'description.statement.log': 'The access-log extract (access-log.jsonl) carries each entry\'s ' +
    'chain hashes.',
  'description.signProducer': 'Producer signature: ____________________',
  'description.signExtractor': 'Extractor signature: ____________________',
  bytes: '{grouped} bytes ({reading})',
  'register.title': 'Destruction register of enforcement recordings',
  'register.batch': 'Batch',
  'register.number': 'Batch number',
  'register.reason': 'Reason',
  'register.proposedBy': 'Proposed by (custodian)',
  'register.reviewedBy': 'Reviewed by (office director)',
  'register.reviewOpinion': 'Review opinion',
  'register.approvedBy': 'Approved by (bureau leader)',
  'register.approvalOpinion': 'Approval opinion',
  'register.executedAt': 'Executed at',
  'register.destroyedCount': 'Destroyed',
  'register.destroyed': ' (destroyed)',
  'register.kept': ' (kept)',
  'register.size': 'Size',
  'register.recorded': 'Recorded',
  'register.officers': 'Officers',
  'register.cases': 'Cases',
  'register.retentionBasis': 'Retention basis',
  'register.keptBecause': 'Kept because',
  'register.spared.efr.disposition.legalHold': 'held during the batch (complaint, Article 14)',
  'register.spared.efr.disposition.newCaseLink': 'linked to a case during the batch (Article 22)',
  'register.spared.efr.disposition.openCase': 'a linked case is open (Article 22)',
  'register.spared.efr.disposition.caseRetained': 'a linked case is still kept (Article 22)',
  'register.spared.efr.disposition.permanent': 'kept permanently (Article 22)',
  'register.spared.other': 'no longer eligible at execution',
  'register.statement': 'The recordings above reached the end of their retention (Article 22). ' +
    'After review by the office director and approval by the bureau leader their audio/video ' +
    'content was destroyed; their metadata, SHA-256, size and retention basis are kept for good.',
  'register.sign': '{role}: {name}    Signature: ______________',
  'register.role.proposer': 'Proposed by',
  'register.role.reviewer': 'Reviewed by',
  'register.role.approver': 'Approved by',
  'quality.title': 'Enforcement quality assessment',
  'quality.period': 'Period: {from} to {to}',
  'quality.level': 'Level',
  'quality.unit': 'Unit',
  'quality.officer': 'Officer',
  'quality.officerUndetermined': 'to be determined',
  'quality.recordingRate': 'Recording rate (%)',
  'quality.continuity': 'Continuity (%)',
  'quality.timelyHandover': 'Timely handover (%)',
  'quality.findingsPassed': 'Spot-check findings passed (%)',
  'quality.violations': 'Confirmed violations',
  'quality.units': 'Units',
  'quality.officers': 'Officers',
  'quality.register': 'Violations and measures',
  'quality.kind': 'Kind',
  'quality.confirmedAt': 'Confirmed at',
  'quality.measure': 'Measure',
  'quality.start': 'Start',
  'quality.end': 'End',
  'quality.bar.recordingRate': 'Recording',
  'quality.bar.continuity': 'Continuity',
  'quality.bar.timelyHandover': 'Handover',
  'quality.bar.findingsPassed': 'Findings',
  'quality.bar.violations': 'Violations',
  'quality.none': 'none',
  // content-model/messages/efr-model.properties
  'activity.routineInspection': 'Routine inspection',
  'activity.complaintHandling': 'Handling complaints and reports',
  'activity.evidenceCollection': 'Investigation, evidence collection and advance registration',
  'activity.documentService': 'Service of evidence and documents',
  'activity.coerciveMeasure': 'Administrative coercive measure',
  'activity.otherFieldWork': 'Other field case work',
  'source.bodyCamera': 'Body-worn camera',
  'source.handheldCamera': 'Handheld camera',
  'source.voiceRecorder': 'Voice recorder',
  'source.fixedOfficeCamera': 'Fixed office camera',
  'violationKind.deletedEvidence': 'Deleting valid evidence on purpose',
  'violationKind.lentDevice': 'Lending a device to others',
  'violationKind.notRecorded': 'Not recording as required',
  'violationKind.leakedContent': 'Leaking recorded content',
  'violationKind.falsifiedOrEdited': 'Recording false evidence or editing recordings',
  'violationKind.misuse': 'Use for non-work or unlawful activity',
  'violationKind.lostOrDamaged': 'Device lost or recordings damaged or lost',
  'violationKind.otherSerious': 'Other serious breach',
  'measure.selfExamination': 'Written self-examination',
  'measure.criticism': 'Bureau-wide criticism',
  'measure.suspension': 'Suspension from enforcement work for one month',
  'measure.awardsLoss': 'Loss of awards eligibility for the year',
  'measure.furtherSanction': 'Further sanctions in serious cases',
};

/** The document texts of both languages (for the specs that hold them to the glossary). */
export const DOCUMENT_WORDS: {
  readonly [L in DocumentLanguage]: { readonly [K in DocumentWordKey]: string };
} = {
  'zh-CN': ZH_CN,
  en: EN,
};

/**
 * The text of `key` in `language` with `{name}` placeholders filled; a key without a text
 * (e.g. a spared code added later) gives '' so callers can fall back.
 */
export function documentText(language: DocumentLanguage, key: string,
  args?: { readonly [name: string]: string | number }): string {
  const table = DOCUMENT_WORDS[language] as { readonly [k: string]: string };
  const text = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : '';
  return text.replace(/\{(\w+)\}/g, (all, name: string) =>
    (args !== undefined && Object.prototype.hasOwnProperty.call(args, name)
      ? String(args[name]) : all));
}

/**
 * A text stored in both languages as `中文 / English` or `English / 中文` (a retention basis
 * written before issue 19, a refusal summary) in one language, with a leading requirement id
 * written as its article: `R22.1 录制结束后…` → `第二十二条：录制结束后…`.
 */
export function oneLanguageOf(stored: string, language: DocumentLanguage): string {
  const parts = stored.split(' / ');
  const han = /[\u4e00-\u9fff]/;
  let pick = stored;
  if (parts.length > 1) {
    const zh = parts.filter((p) => han.test(p));
    const en = parts.filter((p) => !han.test(p));
    const chosen = language === 'zh-CN' ? zh : en;
    if (chosen.length > 0) pick = chosen.join(' / ');
  }
  const m = /^(R\d+(?:\.\d+)?)\s+/.exec(pick);
  if (m === null) return pick;
  return articleText(m[1], language) + (language === 'zh-CN' ? '：' : ': ') +
    pick.substring(m[0].length);
}
