import { destructionRegister, type RegisterInput } from '../../../../core/src/index.js';
import { sectionsPdf } from '../../evidence/description-pdf.js';
import { conflict } from '../../http/errors.js';
import { bureauZone } from '../handovers/handover-zone.js';
import type { NodeRow } from '../../repo/node-rows.js';
import type { Repository } from '../../repo/repository.js';
import { batchOf, nameOf, recordingJson } from './disposition-records.js';

/**
 * The destruction register (销毁清册) of an executed batch as PDF (issue 18): core writes the
 * sections (people by name, China time), the evidence description's renderer prints them with
 * the three signature lines. Deterministic: the PDF's dates are the execution time.
 */
export async function registerPdf(repo: Repository, n: NodeRow): Promise<Uint8Array> {
  const b = batchOf(repo, n);
  if (b.status !== 'executed' || b.executedAt === null) {
    throw conflict('The destruction register exists once the batch is executed');
  }
  const name = (id: string | null): string => nameOf(repo, id) ?? '';
  const executedAt = b.executedAt;
  const input: RegisterInput = {
    number: n.name,
    reason: b.reason,
    proposedBy: name(b.proposedBy),
    proposedAt: b.proposedAt,
    reviewedBy: name(b.reviewedBy),
    reviewedAt: b.reviewedAt ?? '',
    reviewOpinion: b.reviewOpinion ?? '',
    approvedBy: name(b.approvedBy),
    approvedAt: b.approvedAt ?? '',
    approvalOpinion: b.approvalOpinion ?? '',
    executedAt,
    recordings: repo.rows.getMany(b.recordingIds).map((r) => {
      const j = recordingJson(repo, r, executedAt);
      const spared = b.spared.find((s) => s.id === r.id);
      return { ...j, destroyed: b.destroyedIds.includes(r.id), sparedCode: spared?.code ?? null };
    }),
  };
  // Always zh-CN, times in the bureau's zone: the archive's record (docs/api.md).
  return sectionsPdf(destructionRegister(input, 'zh-CN', bureauZone()), new Date(executedAt),
    'EFR disposition');
}
