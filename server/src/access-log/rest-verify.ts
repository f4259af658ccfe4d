/**
 * `efr audit verify --url`: the access-log audit over the public REST API (issue 18), for a
 * repository whose log is the `efr-access` audit application: ACS (where the worker runs it)
 * or server/. It reads every audit entry (`/audit-applications/efr-access/audit-entries`,
 * values included) and the signed tree heads, checks each head's Ed25519 signature under the
 * trusted key given by the auditor (never the key the repository offers), and runs core's
 * log auditor: a changed, removed or reordered audit row is named.
 */
import {
  startAuditTrail, type RestAuditEntry, type SignedTreeHead,
} from '../../../core/src/index.js';
import type { AccessLogCheck } from '../cli/audit-verify.js';
import { all, json, type RestConnection } from '../evidence/rest-source.js';
import { nodeSha256Hex } from './log-tree.js';
import { verifyTreeHead } from './tree-heads.js';

/**
 * Every entry, oldest first. ACS lists audit entries only for a `where` (AuditImpl#
 * listAuditEntries fills the page from the query walker alone, 25.5.0.31 l. 273-279): the id
 * range covers them all.
 */
export const ALL_AUDIT_ENTRIES = '/alfresco/api/-default-/public/alfresco/versions/1/' +
  'audit-applications/efr-access/audit-entries?include=values&orderBy=createdAt%20ASC&where=' +
  encodeURIComponent("(id BETWEEN ('1', '9007199254740991'))");
const HEADS = '/alfresco/s/efr/access-log/tree-heads';

/** A failed check naming the entry: its audit id where known (ACS's ids have gaps), else seq. */
const fail = (seq: number, reason: string, entryId?: string): AccessLogCheck =>
  ({ ok: false, index: Math.max(0, seq - 1), id: entryId ? Number(entryId) : seq, reason });

/** Audits the log behind `c` against the heads it serves, trusting only `publicKey` (hex). */
export async function verifyAccessLogOverRest(c: RestConnection, publicKey: string):
  Promise<AccessLogCheck> {
  const { heads } = await json<{ heads: SignedTreeHead[] }>(c, HEADS);
  for (const h of heads) {
    if (!verifyTreeHead(h, publicKey)) {
      return fail(h.treeSize, `the signed tree head of ${h.treeSize} entries does not verify ` +
        'under the trusted key');
    }
  }
  const audit = startAuditTrail(nodeSha256Hex, heads);
  for (const a of await all<RestAuditEntry>(c, ALL_AUDIT_ENTRIES)) {
    if (audit.add(a)) break;
  }
  const result = audit.finish();
  if (result.ok) return { ok: true, count: result.entries, heads: result.heads };
  const p = result.problem;
  return fail(p.seq, p.exact ? p.reason : `${p.reason} (entries ${p.seq}..${p.toSeq})`,
    p.entryId);
}
