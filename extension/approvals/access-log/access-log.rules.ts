/**
 * What an access-log entry shows besides time, person and action (issue 19, point 7): the
 * facts a reader needs, labelled in the user's language, in a fixed order. Hashes, node ids
 * and the English refusal message stay in the row's tooltip and the CSV, not in the text.
 */

/** How a detail's value is shown. */
export type LogDetailKind =
  'text' | 'person' | 'article' | 'action' | 'status' | 'purpose' | 'refusal';

/** One shown detail: its value key (label EFR_APPROVALS.LOG.DETAIL.<key>) and value. */
export interface LogDetail {
  key: string;
  value: string;
  kind: LogDetailKind;
  /** A refusal's stored message in the reader's language, when its code has no sentence. */
  fallback?: string;
}

/** A node id as the repositories write them (UUID). */
const NODE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The shown details, in this order, with how each is read. */
const SHOWN: readonly [string, LogDetailKind][] = [
  ['attempted', 'action'],
  ['caseNumber', 'text'],
  ['purpose', 'purpose'],
  ['reason', 'text'],
  ['requester', 'person'],
  ['viewer', 'person'],
  ['holder', 'person'],
  ['officer', 'person'],
  ['sealedBy1', 'person'],
  ['sealedBy2', 'person'],
  ['producer', 'text'],
  ['extractor', 'text'],
  ['from', 'status'],
  ['to', 'status'],
  ['requirement', 'article'],
];

/**
 * `accessLog.details`: the details of an entry's values (keys without the `/efr-access/`
 * prefix) that a reader is shown; a refusal's attempted action is shown as an action, and why
 * by its code when `hasSentence` (the glossary has one for it), else by the stored message of
 * the reader's language. The node's name is the row's object column, not repeated here.
 */
export function visibleLogDetails(
  values: Readonly<Record<string, string>>,
  language = 'zh-CN',
  hasSentence: (code: string) => boolean = () => false,
): LogDetail[] {
  // A node id (a move's from/to folders) says nothing to a reader: tooltip only.
  const shown = (v: string | undefined) => (v ?? '').trim() !== '' && !NODE_ID.test(v ?? '');
  const out: LogDetail[] = SHOWN.filter(([key]) => shown(values[key])).map(([key, kind]) => ({
    key,
    value: values[key],
    kind,
  }));
  // Why it was refused, in the reader's language only (issue 19, points 2 and 7): the
  // glossary's sentence of the refusal code (EFR_SHARED.REFUSAL), else the message stored with
  // the entry in that language; a Chinese reader never gets the English message, so an old
  // entry of an unlisted code shows the refused action and its article alone.
  const why = language.toLowerCase().startsWith('zh') ? values['messageZh'] : values['message'];
  const code = values['code'] ?? '';
  if (values['attempted'] && ((shown(code) && hasSentence(code)) || shown(why))) {
    out.push({ key: 'why', value: code, kind: 'refusal', fallback: why ?? '' });
  }
  return out;
}

/**
 * `accessLog.object`: what an entry is about, as its object column and the CSV show it: the
 * name or case number logged with it, else the current name of its node (`names`, read from
 * the repository), else null: a node the reader cannot read (or no longer exists). An entry
 * without a node (a scan, a verification) has no object: ''.
 */
export function logObject(row: { nodeId: string; values: Readonly<Record<string, string>> },
  names: ReadonlyMap<string, string>): string | null {
  const logged = row.values['name'] || row.values['caseNumber'];
  if (logged) return logged;
  if (!row.nodeId) return '';
  return names.get(row.nodeId) ?? null;
}

/** The nodes of `rows` whose name the log does not carry: to be read from the repository. */
export function unnamedNodeIds(
  rows: readonly { nodeId: string; values: Readonly<Record<string, string>> }[],
): string[] {
  const ids = rows.filter((r) => r.nodeId && !r.values['name'] && !r.values['caseNumber'])
    .map((r) => r.nodeId);
  return [...new Set(ids)];
}

/** `accessLog.separator`: between a detail's label and value: full-width in Chinese only. */
export function detailSeparator(language: string): string {
  return language.toLowerCase().startsWith('zh') ? '：' : ': ';
}

/** `accessLog.tooltip`: every value as `key=value`, for the row's tooltip. */
export function logTooltip(values: Readonly<Record<string, string>>): string {
  return Object.keys(values)
    .sort()
    .map((k) => `${k}=${values[k]}`)
    .join('\n');
}
