/**
 * `efr audit verify --url`: the access-log audit over the public REST API (issue 18), for a
 * repository whose log is the `efr-access` audit application: ACS (where the worker runs it)
 * or server/. It reads every audit entry (`/audit-applications/efr-access/audit-entries`,
 * values included) and the signed tree heads, checks each head's Ed25519 signature under the
 * trusted key given by the auditor (never the key the repository offers), and runs core's
 * log auditor: a changed, removed or reordered audit row is named.
 */
import {
  factsOfAuditEntry, startLogAudit, type AccessAuditEntry, type SignedTreeHead,
} from '../../../core/src/index.js';
import type { AccessLogCheck } from '../cli/audit-verify.js';
import { all, json, type RestConnection } from '../evidence/rest-source.js';
import { nodeSha256 } from './log-tree.js';
import { verifyTreeHead } from './tree-heads.js';

const ENTRIES = '/alfresco/api/-default-/public/alfresco/versions/1/audit-applications/' +
  'efr-access/audit-entries?include=values&orderBy=createdAt%20ASC';
const HEADS = '/alfresco/s/efr/access-log/tree-heads';

const fail = (seq: number, reason: string): AccessLogCheck =>
  ({ ok: false, index: Math.max(0, seq - 1), id: seq, reason });

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
  const audit = startLogAudit(nodeSha256, heads);
  for (const a of await all<AccessAuditEntry>(c, ENTRIES)) {
    const read = factsOfAuditEntry(a);
    if (!read) return fail(Number(a.id) || 0, `audit entry ${a.id} lacks the access-log values`);
    if (audit.add({ facts: read.facts, prevHash: read.prevHash, hash: read.hash })) break;
  }
  const result = audit.finish();
  if (result.ok) return { ok: true, count: result.entries, heads: result.heads };
  const p = result.problem;
  return fail(p.seq, p.exact ? p.reason : `${p.reason} (entries ${p.seq}..${p.toSeq})`);
}
