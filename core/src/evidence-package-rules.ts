/**
 * What may go into an evidence package (R23.1): copies of sealed originals linked to the case,
 * with the written description's facts (producer, extractor, extraction time). The disc image
 * itself is written by core/src/disc/; this file only decides whether the package may be made.
 */
import { isOneOf, MEDIA } from './enums.js';
import type { Medium } from './enums.js';
import { GROUP_EFR_CUSTODIANS, GROUP_EFR_LEGAL, isMemberOfAny } from './roles.js';
import type { Actor } from './roles.js';
import { allow, refuse } from './verdict.js';
import type { Verdict } from './verdict.js';
import { distinct, isNonBlank, isSha256Hex, parseInstant, requireInstant } from './validation.js';

/** A recording as the package rule sees it. */
export interface EvidenceRecording {
  /** Node id. */
  id: string;
  /** Whether the original is sealed (R26.1): only sealed originals are copied. */
  sealed: boolean;
  /** Ids of the cases it is linked to (R22.2). */
  caseIds: readonly string[];
  /** Fixity recorded at ingest, copied into the manifest. */
  sha256: string | null;
}

/** A package about to be made. */
export interface EvidencePackageInput {
  /** The case the disc is attached to (R23.1). */
  caseId: string;
  /** Recordings to copy. */
  recordings: readonly EvidenceRecording[];
  /** 制作人: who makes the copy (user name). */
  producer: string;
  /** 提取人: who takes the copy for the case file (user name). */
  extractor: string;
  /** When the records are copied from storage (ISO date-time). */
  extractionTime: string;
  /** Disc medium. */
  medium: Medium | string;
  /** Label written on the disc. */
  discLabel: string;
  /** Current time (ISO date-time). */
  now: string;
}

/** Groups that make evidence packages (DESIGN.md: legal staff and the office). */
export const EVIDENCE_PACKAGE_GROUPS: readonly string[] = [GROUP_EFR_LEGAL, GROUP_EFR_CUSTODIANS];

/** Checks a package before its image is written (R23.1, R26.1, R22.2). */
export function checkEvidencePackage(input: EvidencePackageInput, actor: Actor): Verdict {
  const now = requireInstant(input.now, 'now');
  if (!isMemberOfAny(actor, EVIDENCE_PACKAGE_GROUPS)) {
    return refuse(403, 'efr.evidence.notAllowed', 'R23.1',
      'Only legal staff and the office make evidence discs.', '仅法制人员和办公室可以制作证据光盘。');
  }
  if (!isNonBlank(input.caseId)) {
    return refuse(422, 'efr.evidence.noCase', 'R23.1',
      'Choose the case the disc belongs to.', '请选择光盘所附的案件。');
  }
  if (!isNonBlank(input.producer) || !isNonBlank(input.extractor)) {
    return refuse(422, 'efr.evidence.people', 'R23.1',
      'Name the producer and the extractor.', '请填写制作人和提取人。');
  }
  const extracted = parseInstant(input.extractionTime);
  if (extracted === null || extracted > now) {
    return refuse(422, 'efr.evidence.extractionTime', 'R23.1',
      'The extraction time must be a date-time, not in the future.', '提取时间须有效且不晚于当前时间。');
  }
  if (!isOneOf(MEDIA, input.medium)) {
    return refuse(422, 'efr.evidence.medium', 'R23.1', 'Choose a disc medium.', '请选择光盘介质。');
  }
  if (!isNonBlank(input.discLabel)) {
    return refuse(422, 'efr.evidence.label', 'R23.1', 'Give the disc a label.', '请填写光盘标签。');
  }
  const ids = input.recordings.map((r) => r.id);
  if (ids.length === 0 || distinct(ids).length !== ids.length) {
    return refuse(422, 'efr.evidence.recordings', 'R23.1',
      'Choose the recordings, each once.', '请选择录像，且每段只能选择一次。');
  }
  for (const r of input.recordings) {
    if (!r.sealed) {
      return refuse(409, 'efr.evidence.notSealed', 'R26.1',
        'Recording ' + r.id + ' is not sealed yet: only archived originals are copied.',
        '录像 ' + r.id + ' 尚未封存：只能复制已归档的原始记录。');
    }
    if (r.caseIds.indexOf(input.caseId) < 0) {
      return refuse(422, 'efr.evidence.notLinked', 'R22.2',
        'Recording ' + r.id + ' is not linked to this case.', '录像 ' + r.id + ' 未关联本案件。');
    }
    if (!isSha256Hex(r.sha256)) {
      return refuse(409, 'efr.evidence.noFixity', 'R23.1',
        'Recording ' + r.id + ' has no fixity to describe.', '录像 ' + r.id + ' 缺少哈希值。');
    }
  }
  return allow();
}
