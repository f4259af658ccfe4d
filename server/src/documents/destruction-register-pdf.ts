import { destructionRegister, type RegisterInput } from '../../../core/src/index.js';
import { sectionsPdf } from '../evidence/description-pdf.js';
import { bureauZone } from '../webscripts/port/bureau-zone.js';

/**
 * The destruction register (销毁清册) of an executed batch as PDF (issue 18), rendered by efr
 * worker (./document-jobs.ts) beside either host: Rhino renders no PDF (docs/api.md, "In the
 * ACS module"). From the register the execution wrote on the batch (`efr:registerRecord`, in
 * both hosts: people by name, times and opinions as they were when it was signed), which the
 * claim of the document's job hands the worker. core writes the sections, the evidence
 * description's renderer prints them with the three signature lines. Always zh-CN, times in
 * the bureau's zone (EFR_TIME_ZONE): the archive's record (docs/api.md). Deterministic: the
 * PDF's dates are the execution time.
 */
export function registerPdf(input: RegisterInput): Promise<Uint8Array> {
  return sectionsPdf(destructionRegister(input, 'zh-CN', bureauZone()),
    new Date(input.executedAt), 'EFR disposition');
}
