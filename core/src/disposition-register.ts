/**
 * The destruction register (销毁清册, issue 18): what a disposition batch destroyed and kept,
 * who proposed, reviewed and approved it, with their names, times and opinions. Chinese first,
 * English beside it, as every EFR document. The same section shape as the evidence disc's
 * written description, so one PDF renderer prints both (server/src/evidence/description-pdf.ts).
 */
import { formatBytes, formatChinaTime } from './evidence/description.js';
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

const SPARED_ZH: { readonly [code: string]: string } = {
  'efr.disposition.legalHold': '批次办理期间被保全（投诉调查） held during the batch (R14.2)',
  'efr.disposition.newCaseLink': '批次办理期间关联了案件 linked to a case during the batch (R22.2)',
  'efr.disposition.openCase': '关联案件未结 a linked case is open (R22.2)',
  'efr.disposition.caseRetained': '关联案件仍在保存期限内 a linked case is still kept (R22.2)',
  'efr.disposition.permanent': '永久保存 kept permanently (R22.2)',
};

function row(label: string, value: string): DescriptionRow {
  return { label: label, value: value === '' ? '—' : value };
}

/** The register as titled sections and a closing statement. */
export function destructionRegister(r: RegisterInput): PackageDescription {
  const destroyed = r.recordings.filter((x) => x.destroyed).length;
  const sections: DescriptionSection[] = [{
    heading: '批次 Batch',
    rows: [
      row('批次编号 Batch number', r.number),
      row('销毁事由 Reason', r.reason),
      row('提出人 Proposed by（保管人 custodian）', r.proposedBy + '  ' + formatChinaTime(r.proposedAt)),
      row('审核人 Reviewed by（办公室主任 office director）',
        r.reviewedBy + '  ' + formatChinaTime(r.reviewedAt)),
      row('审核意见 Review opinion', r.reviewOpinion),
      row('批准人 Approved by（局分管领导 leader）', r.approvedBy + '  ' + formatChinaTime(r.approvedAt)),
      row('审批意见 Approval opinion', r.approvalOpinion),
      row('执行时间 Executed at', formatChinaTime(r.executedAt)),
      row('已销毁 Destroyed', destroyed + ' / ' + r.recordings.length),
    ],
  }];
  for (let i = 0; i < r.recordings.length; i++) {
    const x = r.recordings[i];
    sections.push({
      heading: (i + 1) + '. ' + x.name + (x.destroyed ? '（已销毁 destroyed）' : '（保留 kept）'),
      rows: [
        row('SHA-256', x.sha256 === null ? '' : x.sha256),
        row('大小 Size', x.sizeBytes === null ? '' : formatBytes(x.sizeBytes)),
        row('录制时间 Recorded', formatChinaTime(x.recordingStart === null ? undefined
          : x.recordingStart) + ' — ' + formatChinaTime(x.recordingEnd === null ? undefined
          : x.recordingEnd)),
        row('执法人员 Officers', x.officers.join('、')),
        row('关联案件 Cases', x.caseNumbers.join('、')),
        row('保存期限依据 Retention basis', x.retentionBasis),
      ].concat(x.destroyed ? [] : [row('保留原因 Kept because',
        x.sparedCode === null ? '' : SPARED_ZH[x.sparedCode] || x.sparedCode)]),
    });
  }
  return {
    title: '执法音视频记录销毁清册 Destruction register of enforcement recordings',
    sections: sections,
    statement: [
      '上列录像保存期限已届满（第二十二条），经办公室主任审核、局分管领导批准后销毁其音视频内容；' +
        '录像的元数据、SHA-256 校验值、大小及保存期限依据永久保留。',
      'The recordings above reached the end of their retention (R22). After review by the office ' +
        'director and approval by the bureau leader their audio/video content was destroyed; ' +
        'their metadata, SHA-256, size and retention basis are kept for good.',
    ],
  };
}
