import type { NodeRow } from '../../repo/node-rows.js';
import type { Verdict } from '../../rules/rule-hooks.js';

const ALLOW: Verdict = { allowed: true };

/**
 * A file uploaded into a handover with the children API (R21.4): only while the handover is
 * open (once a custodian has received the batch, nothing joins it unseen), and naming that
 * handover in efr:handoverId, so the recording and its handover always agree.
 */
export function handoverUploadVerdict(node: NodeRow, parent: NodeRow): Verdict {
  if (node.type !== 'efr:recording' || parent.type !== 'efr:handover') return ALLOW;
  const status = parent.props['efr:handoverStatus'] ?? 'open';
  if (status !== 'open') {
    return {
      allowed: false,
      status: 409,
      code: 'efr.handover.notOpen',
      requirement: 'R21.4',
      message: 'Files are added only while the handover is open: a custodian has received it.',
      messageZh: '移交已有保管人确认接收，不能再添加文件。',
    };
  }
  if (node.props['efr:handoverId'] !== parent.id) {
    return {
      allowed: false,
      status: 422,
      code: 'efr.handover.wrongHandoverId',
      requirement: 'R21.4',
      message: `efr:handoverId must name the handover the file is uploaded into (${parent.id}).`,
      messageZh: `efr:handoverId 须为文件所在移交的编号（${parent.id}）。`,
    };
  }
  return ALLOW;
}
