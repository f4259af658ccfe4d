import { documentState, EfrRole, type DocumentState } from '../shared/public-api';
import { DispositionBatchView, DispositionDecision } from './disposition.model';

/**
 * `disposition.decisions`: the decisions offered to a user on a batch: the office director at
 * `proposed`, a leader at `reviewed`, never one who already took part (the repository checks
 * again with core's rule, issue 18).
 */
export function offeredDecisions(b: DispositionBatchView, userId: string,
  roles: readonly string[]): DispositionDecision[] {
  if ([b.proposedBy, b.reviewedBy, b.approvedBy].includes(userId)) return [];
  if (b.status === 'proposed' && roles.includes(EfrRole.OfficeDirector)) {
    return ['review', 'reject'];
  }
  if (b.status === 'reviewed' && roles.includes(EfrRole.Leader)) return ['approve', 'reject'];
  return [];
}

/** `disposition.textValid`: an opinion or a reason has at least two characters. */
export function dispositionTextValid(text: string): boolean {
  return text.trim().length >= 2;
}

/** `disposition.statusKey`: the i18n key of a status. */
export function batchStatusKey(status: string): string {
  return `EFR_DISPOSITION.STATUS.${status.toUpperCase()}`;
}

/** `disposition.sparedKey`: the i18n key of why a recording was kept at execution. */
export function sparedKey(code: string): string {
  return `EFR_DISPOSITION.SPARED.${code.replace(/^efr\.disposition\./, '')}`;
}

/** `disposition.size`: bytes as MiB with one decimal. */
export function sizeText(bytes: number | null): string {
  return bytes === null ? '—' : `${(bytes / 1048576).toFixed(1)} MiB`;
}

/**
 * `disposition.basisText`: the retention basis in the user's language. The repository writes
 * it once, Chinese then English joined by " / " (core's `retentionBasis`), as the tombstone and
 * the register keep it; a text without the separator is shown as it is.
 */
export function basisText(basis: string, language: string): string {
  const at = basis.lastIndexOf(' / ');
  if (at < 0) return basis;
  return language.toLowerCase().startsWith('zh') ? basis.slice(0, at) : basis.slice(at + 3);
}

/** Where a batch's destruction register stands: efr worker renders it after the execution. */
export type RegisterState = DocumentState;

/** The register's state of batch `b` (none before execution or for a batch without one). */
export function registerState(b: DispositionBatchView): RegisterState {
  return documentState(b.status === 'executed' ? b.register?.job : undefined);
}
