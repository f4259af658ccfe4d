import { destructionRegister, type RegisterInput } from '../../../../core/src/index.js';
import {
  batchOf, recordedRegister, registerInputOf,
} from '../../../../webscripts/src/disposition/disposition-json.js';
import { sectionsPdf } from '../../evidence/description-pdf.js';
import { conflict } from '../../http/errors.js';
import type { Caller, Repository } from '../../repo/repository.js';
import { serverPort } from '../port/server-port.js';
import type { PortNode } from '../../../../webscripts/src/repository-port.js';
import { bureauZone } from '../port/bureau-zone.js';

/**
 * The destruction register (销毁清册) of an executed batch as PDF (issue 18), server/ only: a
 * PDF is not rendered in ACS's Rhino (docs/api.md, "In the ACS module"). The register is the
 * one the execution wrote on the batch (`efr:registerRecord`, in both hosts: people by name,
 * times and opinions as they were when it was signed); a batch executed before that property
 * existed has it built from the batch and its tombstones. core writes the sections, the
 * evidence description's renderer prints them with the three signature lines. Deterministic:
 * the PDF's dates are the execution time.
 */
export async function registerPdf(repo: Repository, c: Caller, n: PortNode): Promise<Uint8Array> {
  const port = serverPort(repo, c);
  const b = repo.db.transaction(() => batchOf(port, n))();
  if (b.status !== 'executed' || b.executedAt === null) {
    throw conflict('The destruction register exists once the batch is executed');
  }
  const input: RegisterInput = recordedRegister(n) ??
    repo.db.transaction(() => registerInputOf(port, n))();
  // Always zh-CN, times in the bureau's zone: the archive's record (docs/api.md).
  return sectionsPdf(destructionRegister(input, 'zh-CN', bureauZone()),
    new Date(input.executedAt), 'EFR disposition');
}
