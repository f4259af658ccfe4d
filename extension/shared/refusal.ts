/**
 * How the screens read a refused request. The repository answers with the ACS error body
 * (`{"error":{"briefSummary":…}}`); a rule refusal's summary is "English / 中文"
 * (server/src/repo/repository.ts RuleRefusal, the same in the module's web scripts), because
 * the Error schema has no field for a second language. In a real ACS a behaviour's refusal comes
 * wrapped in ACS's script error text (log numbers, "Failed to execute script '…':", the script
 * location): core's findRefusal finds the rule's text inside it (issue 14, finding 9).
 */
import { findRefusal } from '../../core/src/index';

/** The briefSummary of an ACS error carried in `error.message`, else that message as is. */
export function refusalSummary(error: unknown): string | undefined {
  const message = (error as { message?: unknown } | null)?.message;
  if (typeof message !== 'string') return undefined;
  try {
    const body = JSON.parse(message) as { error?: { briefSummary?: string } };
    return body.error?.briefSummary ?? message;
  } catch {
    // Not a JSON error body (a network failure): show the text as it came.
    return message;
  }
}

/** A refusal as the user reads it: the summary in the interface language ('' if none). */
export function refusalText(error: unknown, language: string): string {
  const raw = refusalSummary(error);
  return raw === undefined ? '' : summaryText(raw, language);
}

/**
 * An error summary as the user reads it in `language`: the rule's sentence where ACS wrapped
 * it, else the side of "English / 中文" in that language, else the summary as it came.
 */
export function summaryText(summary: string, language: string): string {
  const zh = language.toLowerCase().startsWith('zh');
  const refusal = findRefusal(summary);
  if (refusal !== null && refusal.messageZh !== '') return zh ? refusal.messageZh : refusal.message;
  const parts = summary.split(' / ');
  if (parts.length < 2) return summary;
  return zh ? parts.slice(1).join(' / ') : parts[0];
}
