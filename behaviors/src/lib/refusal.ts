/**
 * Acting on a verdict inside ACS: a refusal becomes a thrown Error. ACS wraps it in a
 * ScriptException and rolls the transaction back, so nothing of the refused change is kept.
 * The message starts with the verdict's code and requirement id, so logs and the REST error
 * body name the rule (`efr.recording.sealedContent R26.1: …`).
 */
import type { Verdict } from '../../../core/src/index.js';
import { efrWarn } from './efr-log.js';

/** The message of a refusal: `<code> <requirement>: <en> / <zh>`. */
export function refusalMessage(verdict: Verdict): string {
  if (verdict.allowed) return '';
  return verdict.code + ' ' + verdict.requirement + ': ' + verdict.message + ' / ' +
    verdict.messageZh;
}

/**
 * Throws when the verdict refuses, after logging the refused attempt (DESIGN.md: every refused
 * attempt to change or delete is logged). `what` names the attempt for the log line.
 */
export function enforce(verdict: Verdict, what: string): void {
  if (verdict.allowed) return;
  const message = refusalMessage(verdict);
  efrWarn('efr refused ' + what + ': ' + message);
  throw new Error(message);
}
