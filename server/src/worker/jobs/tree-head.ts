/**
 * efr worker's tree-head job (issue 18): the signed checkpoints of the access log, the same in
 * both hosts. Over the REST API as the worker's service user it
 *
 * 1. reads the heads and the requests waiting (`GET /s/efr/access-log/tree-heads`), and asks for
 *    one itself when the newest head is older than a day (the schedule: state in the repository,
 *    so a restart neither skips nor repeats a day);
 * 2. reads the `efr-access` audit entries after the newest head's last entry, in id order
 *    (`GET /audit-applications/efr-access/audit-entries?include=values&where=(id BETWEEN …)`),
 *    and extends the newest head's frontier with each entry's leaf (core/src/merkle/
 *    audit-leaf.ts); entries of the last minute wait for the next head, so that an audit row
 *    committed late with a lower id is not skipped;
 * 3. signs the head with the deployment key (EFR_LOG_SIGNING_KEY; RFC 9162 TreeHeadDataV2,
 *    Ed25519: ../../access-log/tree-heads.ts) and hands it in for every request
 *    (`POST /s/efr/access-log/tree-heads/{id}/head`), which stores it as an efr:treeHead node.
 *
 * In ACS the service user must be an administrator: the audit entries are read through
 * AuditService, which ACS grants administrators only (docs/deploy.md).
 */
import {
  auditLeafFacts, auditLeafHash, bytesToHex, emptyFrontier, frontierAppend, frontierOfText,
  frontierRoot, frontierText, type RestAuditEntry, type SignedTreeHead,
} from '../../../../core/src/index.js';
import type { TreeHeadsAnswer } from '../../../../contract/index.js';
import { nodeSha256 } from '../../access-log/log-tree.js';
import { signTreeHead, type LogSigner } from '../../access-log/tree-heads.js';
import {
  all, RestError, restCall, restJson, type RestConnection,
} from '../../evidence/rest-source.js';

const HEADS = '/alfresco/s/efr/access-log/tree-heads';
const ENTRIES = '/alfresco/api/-default-/public/alfresco/versions/1/audit-applications/' +
  'efr-access/audit-entries?include=values&orderBy=createdAt%20ASC&where=';
/** Entries this young wait for the next head (a late commit may still take a lower id). */
export const SETTLE_MS = 60_000;
/** The schedule's default: one head a day. */
export const TREE_HEAD_EVERY_MS = 24 * 60 * 60 * 1000;

/** How one tree-head request ended. */
export interface TreeHeadOutcome {
  id: string;
  state: 'built' | 'skipped';
  treeSize?: number;
}

/** A failure of the tree itself (an unreadable or out-of-order audit entry). */
export class TreeHeadFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TreeHeadFailure';
  }
}

/** The audit entries after `lastId`, in id order (ACS lists entries only for a `where`). */
async function entriesAfter(c: RestConnection, lastId: number): Promise<RestAuditEntry[]> {
  return all<RestAuditEntry>(c, ENTRIES + encodeURIComponent(
    `(id BETWEEN ('${lastId + 1}', '9007199254740991'))`));
}

/** Extends the newest head's tree with the settled entries after it; signs the new head. */
export async function signNextHead(c: RestConnection, signer: LogSigner, state: TreeHeadsAnswer,
  now = Date.now(), settleMs = SETTLE_MS):
  Promise<{ head: SignedTreeHead; lastEntryId: number; frontier: string }> {
  const latest = state.latest;
  const frontier = latest ? frontierOfText(latest.treeSize, latest.frontier) : emptyFrontier();
  if (!frontier) throw new TreeHeadFailure('the newest tree head keeps an unreadable frontier');
  let lastId = latest ? latest.lastEntryId : 0;
  for (const a of await entriesAfter(c, lastId)) {
    const f = auditLeafFacts(a);
    if (!f) throw new TreeHeadFailure(`audit entry ${String(a.id)} is unreadable`);
    if (Number(f.id) <= lastId) {
      throw new TreeHeadFailure(`audit entry ${f.id} is out of order (after ${lastId})`);
    }
    if (Date.parse(f.createdAt) > now - settleMs) break;
    frontierAppend(nodeSha256, frontier, auditLeafHash(nodeSha256, f));
    lastId = Number(f.id);
  }
  const head = signTreeHead(signer, frontier.size, bytesToHex(frontierRoot(nodeSha256, frontier)),
    now);
  return { head, lastEntryId: lastId, frontier: frontierText(frontier) };
}

/**
 * Signs a head for every request waiting, after asking for the day's head when due. Answers how
 * each request ended (one signed head serves them all).
 */
export async function runTreeHeadJobs(c: RestConnection, signer: LogSigner,
  everyMs = TREE_HEAD_EVERY_MS, now = Date.now(), settleMs = SETTLE_MS):
  Promise<TreeHeadOutcome[]> {
  let state = await restJson<TreeHeadsAnswer>(c, HEADS);
  const newest = state.heads[state.heads.length - 1];
  if (state.requested.length === 0 && (!newest || newest.timestamp <= now - everyMs)) {
    await restCall(c, HEADS, { method: 'POST', body: '{}' });
    state = await restJson<TreeHeadsAnswer>(c, HEADS);
  }
  if (state.requested.length === 0) return [];
  const signed = await signNextHead(c, signer, state, now, settleMs);
  const out: TreeHeadOutcome[] = [];
  for (const r of state.requested) {
    try {
      await restCall(c, `${HEADS}/${r.id}/head`, { method: 'POST', body: JSON.stringify({
        ...signed.head, publicKey: signer.publicKey, lastEntryId: signed.lastEntryId,
        frontier: signed.frontier }) });
      out.push({ id: r.id, state: 'built', treeSize: signed.head.treeSize });
    } catch (err) {
      // Another worker signed it first (409), or it was just handed in: nothing to do.
      if (err instanceof RestError && (err.status === 409 || err.status === 404)) {
        out.push({ id: r.id, state: 'skipped' });
        continue;
      }
      throw err;
    }
  }
  return out;
}
