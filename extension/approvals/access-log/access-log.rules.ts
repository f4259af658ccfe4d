/**
 * What an access-log entry shows besides time, person and action (issue 19, point 7): the
 * facts a reader needs, labelled in the user's language, in a fixed order. Hashes, node ids
 * and the English refusal message stay in the row's tooltip and the CSV, not in the text.
 */

/** How a detail's value is shown. */
export type LogDetailKind = 'text' | 'person' | 'article' | 'action' | 'status';

/** One shown detail: its value key (label EFR_APPROVALS.LOG.DETAIL.<key>) and value. */
export interface LogDetail {
  key: string;
  value: string;
  kind: LogDetailKind;
}

/** A node id as the repositories write them (UUID). */
const NODE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The shown details, in this order, with how each is read. */
const SHOWN: readonly [string, LogDetailKind][] = [
  ['attempted', 'action'],
  ['caseNumber', 'text'],
  ['purpose', 'text'],
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
 * prefix) that a reader is shown; a refusal's attempted action is shown as an action. The
 * node's name is the row's object column, not repeated here.
 */
export function visibleLogDetails(
  values: Readonly<Record<string, string>>,
  language = 'zh-CN',
): LogDetail[] {
  // A node id (a move's from/to folders) says nothing to a reader: tooltip only.
  const shown = (v: string | undefined) => (v ?? '').trim() !== '' && !NODE_ID.test(v ?? '');
  const out: LogDetail[] = SHOWN.filter(([key]) => shown(values[key])).map(([key, kind]) => ({
    key,
    value: values[key],
    kind,
  }));
  // Why it was refused, in the reader's language only: a Chinese reader never gets the
  // English message (issue 19, point 2); an entry without a Chinese text shows the refused
  // action and its article alone.
  const why = language.toLowerCase().startsWith('zh') ? values['messageZh'] : values['message'];
  if (values['attempted'] && shown(why)) out.push({ key: 'why', value: why, kind: 'text' });
  return out;
}

/** `accessLog.tooltip`: every value as `key=value`, for the row's tooltip. */
export function logTooltip(values: Readonly<Record<string, string>>): string {
  return Object.keys(values)
    .sort()
    .map((k) => `${k}=${values[k]}`)
    .join('\n');
}
