/**
 * Spot-check findings (R28.2) and closing a campaign (R28.1). Each drawn recording gets one
 * finding on the three items of R28.2: (1) the act was recorded, (2) the whole act without
 * interruption, (3) handed over, managed and used as required.
 */
import { isOneOf, ITEM_RESULTS, VIOLATION_KINDS } from './enums.js';
import type { FindingStatus, ItemResult, ViolationKind } from './enums.js';
import { allow, refuse } from './verdict.js';
import type { Verdict } from './verdict.js';
import { isNonBlank } from './validation.js';

/** A spot-check finding about one recording. */
export interface Finding {
  /** Recording checked. */
  recordingId: string;
  /** Status. */
  status: FindingStatus;
  /** Item 1 of R28.2: was the act that must be recorded recorded. */
  itemRecorded: ItemResult | null;
  /** Item 2 of R28.2: was the whole act recorded without interruption. */
  itemContinuous: ItemResult | null;
  /** Item 3 of R28.2: handed over, managed and used as required. */
  itemHandled: ItemResult | null;
  /** Notes; required when an item fails. */
  note: string | null;
  /** Why the recording was skipped; required for `skipped`. */
  skipReason: string | null;
}

const ITEMS: readonly (keyof Finding)[] = ['itemRecorded', 'itemContinuous', 'itemHandled'];

/** Whether a finding failed at least one item. */
export function findingFailed(f: Finding): boolean {
  return f.itemRecorded === 'fail' || f.itemContinuous === 'fail' || f.itemHandled === 'fail';
}

/** Whether a finding is done and failed no item (the pass rate's numerator, R28.1). */
export function findingPassed(f: Finding): boolean {
  return f.status === 'done' && !findingFailed(f);
}

/** How far a campaign is (R28.1): its findings by status; `failed` = done with an item failed. */
export interface CampaignProgress {
  total: number;
  pending: number;
  done: number;
  skipped: number;
  failed: number;
}

/** The progress of a campaign from its findings (both hosts answer it as `progress`). */
export function campaignProgress(findings: readonly Finding[]): CampaignProgress {
  const p: CampaignProgress = { total: 0, pending: 0, done: 0, skipped: 0, failed: 0 };
  for (const f of findings) {
    p.total++;
    if (f.status === 'pending') p.pending++;
    else if (f.status === 'done') {
      p.done++;
      if (findingFailed(f)) p.failed++;
    } else if (f.status === 'skipped') p.skipped++;
  }
  return p;
}

/**
 * Checks a finding before it is saved (R28.2): a done finding answers the three items with
 * pass/fail/notApplicable and explains any failure in a note; a skipped one gives a reason.
 */
export function checkFinding(finding: Finding): Verdict {
  if (finding.status === 'pending') return allow();
  if (finding.status === 'skipped') {
    if (!isNonBlank(finding.skipReason)) {
      return refuse(422, 'efr.finding.skipReason', 'R28.1',
        'A skipped recording needs a written reason.', '跳过抽查须填写书面理由。');
    }
    return allow();
  }
  if (finding.status !== 'done') {
    return refuse(422, 'efr.finding.badStatus', 'R28.2', 'Unknown status.', '未知状态。');
  }
  for (const item of ITEMS) {
    if (!isOneOf(ITEM_RESULTS, finding[item])) {
      return refuse(422, 'efr.finding.itemMissing', 'R28.2',
        'Answer every check item (' + item + ') with pass, fail or not applicable.',
        '每个检查项（' + item + '）须选择合格、不合格或不适用。');
    }
  }
  if (findingFailed(finding) && !isNonBlank(finding.note)) {
    return refuse(422, 'efr.finding.noteRequired', 'R28.2',
      'Describe what failed in a note.', '不合格项须填写说明。');
  }
  return allow();
}

/** Checks that a campaign can be closed: no finding left pending (R28.1). */
export function checkCloseCampaign(findings: readonly Finding[]): Verdict {
  const pending = findings.filter((f) => f.status === 'pending').length;
  if (pending > 0) {
    return refuse(409, 'efr.spotCheck.pendingFindings', 'R28.1',
      pending + ' finding(s) still pending.', '尚有 ' + pending + ' 条抽查结果未完成。');
  }
  for (const f of findings) {
    const v = checkFinding(f);
    if (!v.allowed) return v;
  }
  return allow();
}

/**
 * The kind of violation a failed finding proposes unless the supervisor chooses another
 * (R29.1): items 1 and 2 of R28.2 are "not recording as required" (R29.1 (3)); a failure of
 * item 3 alone is "other serious breaches" (R29.1 (8)).
 */
export function defaultViolationKind(f: Finding): ViolationKind {
  return f.itemRecorded === 'fail' || f.itemContinuous === 'fail'
    ? 'notRecorded'
    : 'otherSerious';
}

/** The violation a failed finding proposes to the register (R28.2, R29.1). */
export interface FindingViolation {
  /** One of R29.1's eight kinds: the supervisor's choice, else defaultViolationKind. */
  kind: ViolationKind;
  /**
   * The facts in the reviewer's own words: the notes of the failed items, once. Where it came
   * from (the spot check, the recording) is the violation's source and subject, which the
   * screens name in the reader's language (issue 19, point 6), so no fixed text is added here.
   */
  description: string;
}

/**
 * What a failed finding proposes (null when no item failed): the supervisor's `chosenKind`
 * when it is one of R29.1's kinds (anything else is the caller's 400 to give), the facts.
 */
export function findingViolation(f: Finding, chosenKind?: string | null): FindingViolation | null {
  if (!findingFailed(f)) return null;
  const kind = isOneOf(VIOLATION_KINDS, chosenKind) ? chosenKind : defaultViolationKind(f);
  // The hosts join the failed items' notes with ' / '; the same words twice are said once.
  const notes: string[] = [];
  for (const part of (f.note || '').split(' / ')) {
    const t = part.replace(/^\s+|\s+$/g, '');
    if (t !== '' && notes.indexOf(t) < 0) notes.push(t);
  }
  return { kind, description: notes.join(' / ') };
}
