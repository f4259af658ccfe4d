/**
 * Reading an EFR refusal back out of the text a repository answers. A refusal is written as
 * `<code> <requirement>: <English> / <中文>` (behaviors/src/lib/refusal.ts, server/'s
 * RuleRefusal). server/ answers it as the briefSummary as is; ACS wraps a script behaviour's
 * throw twice before the REST API shows it (RhinoScriptProcessor#execute l. 290-292 and
 * #executeScriptImpl l. 611-631, alfresco-community-repo 25.5.0.31; AlfrescoRuntimeException
 * prefixes each with an error log number), and Rhino adds the script's location:
 *   `11070003 Failed to execute script 'alfresco/module/efr-repo/scripts/recording.js':
 *    11070002 Error: efr.recording.sealedContent R26.1: Sealed … / 已封存… (alfresco/…/recording.js#812)`
 * so clients look for the code wherever it stands and drop what ACS put around it.
 */

/** An EFR refusal found in a text. */
export interface RefusalText {
  /** Stable machine code, e.g. `efr.recording.sealedContent`. */
  code: string;
  /** Requirement id, e.g. `R26.1`. */
  requirement: string;
  /** The English message. */
  message: string;
  /** The Chinese message ('' when the text carried none). */
  messageZh: string;
  /** `<code> <requirement>: <English> / <中文>` without ACS's wrapping. */
  text: string;
}

const REFUSAL = /(efr\.[A-Za-z]+(?:\.[A-Za-z]+)+) (R\d+\.\d+): /;
/** Rhino's JavaScriptException suffix: ` (<source>#<line>)`. */
const SCRIPT_LOCATION = / \([^()]*#\d+\)$/;

/** The EFR refusal in `text` (an ACS or server/ error summary), or null when there is none. */
export function findRefusal(text: string): RefusalText | null {
  const m = REFUSAL.exec(text);
  if (m === null) return null;
  const rest = text.substring(m.index + m[0].length).replace(SCRIPT_LOCATION, '');
  const split = rest.indexOf(' / ');
  const message = split < 0 ? rest : rest.substring(0, split);
  const messageZh = split < 0 ? '' : rest.substring(split + 3);
  return {
    code: m[1],
    requirement: m[2],
    message,
    messageZh,
    text: m[1] + ' ' + m[2] + ': ' + rest,
  };
}
