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

/** The code an error answers with: the EFR refusal's in its text, else the body's errorKey. */
export function refusalCode(error: unknown): string | undefined {
  const raw = refusalSummary(error);
  const found = raw === undefined ? null : findRefusal(raw);
  if (found !== null) return found.code;
  try {
    const message = (error as { message?: unknown } | null)?.message;
    const key = (JSON.parse(String(message)) as { error?: { errorKey?: unknown } }).error?.errorKey;
    return typeof key === 'string' && key !== '' ? key : undefined;
  } catch {
    return undefined;
  }
}

const HAN = /[\u4e00-\u9fff]/;

/**
 * A refusal as the user reads it: the summary in the interface language ('' if none). A summary
 * with no text in a Chinese reader's language (an error the repository says in English only,
 * an entry logged before refusals carried Chinese) gives the glossary's sentence of its code
 * (issue 19, point 3: docs/glossary.md, Refusals; `sentence` looks it up), never English.
 */
export function refusalText(
  error: unknown,
  language: string,
  sentence: (code: string) => string | undefined = () => undefined,
): string {
  const raw = refusalSummary(error);
  if (raw === undefined) return '';
  return summaryText(raw, language, sentence, () => refusalCode(error));
}

/**
 * `summary` (a refusal's text, `English / 中文`, or one language) in `language`; for a Chinese
 * reader a summary without Chinese gives the sentence of its code (`code()`) when there is one.
 */
export function summaryText(
  summary: string,
  language: string,
  sentence: (code: string) => string | undefined = () => undefined,
  code: () => string | undefined = () => undefined,
): string {
  const zh = language.toLowerCase().startsWith('zh');
  const refusal = findRefusal(summary);
  if (refusal !== null && refusal.messageZh !== '') {
    return zh ? refusal.messageZh : refusal.message;
  }
  const parts = summary.split(' / ');
  if (parts.length >= 2) return zh ? parts.slice(1).join(' / ') : parts[0];
  if (!zh || HAN.test(summary)) return summary;
  const c = refusal?.code ?? code();
  return (c !== undefined ? sentence(c) : undefined) ?? summary;
}
