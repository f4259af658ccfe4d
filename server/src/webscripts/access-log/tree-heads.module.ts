import { bytesToHex, isWorker } from '../../../../core/src/index.js';
import { proofOfConsistency, proofOfEntry, storedTreeSize } from '../../access-log/log-tree.js';
import { badRequest, notFound } from '../../http/errors.js';
import type { Caller } from '../../repo/repository.js';
import { requireAuditReader } from '../../routes/audit.js';
import type { WebScriptModule } from '../web-script-host.js';
import {
  TREE_HEAD_WEB_SCRIPTS, treeHeadsPost,
} from '../../../../webscripts/src/access-log/tree-heads.js';
import { jobRequests } from '../../worker/job-requests.js';
import { portWebScripts } from '../port/port-routes.js';

/** A positive integer query parameter, or a 400 naming it. */
function count(query: Record<string, unknown>, name: string, min: number): number {
  const text = query[name];
  if (typeof text !== 'string' || !/^\d{1,15}$/.test(text) || Number(text) < min) {
    throw badRequest(`${name} must be an integer of at least ${min}`);
  }
  return Number(text);
}

/** The tree size a proof is asked against: the given one, at most the tree's size. */
function treeSizeOf(query: Record<string, unknown>, size: number, min: number): number {
  const n = count(query, 'treeSize', min);
  if (n > size) throw notFound(`The access log has only ${size} entries`);
  return n;
}

/**
 * The access log's Merkle tree (issue 18; RFC 9162), for the readers of the log (R14.1), from
 * server/'s stored tree (whose leaves are the audit entries the REST API serves, as the
 * worker's heads are: core/src/merkle/audit-leaf.ts):
 * - `GET /access-log/proof?seq=&treeSize=` the inclusion proof of an entry;
 * - `GET /access-log/consistency?first=&second=` the consistency proof between two sizes.
 * The signed heads are written once for both hosts (webscripts/src/access-log/tree-heads.ts,
 * registered below): efr worker signs them.
 */
/**
 * The log's readers, and efr worker: a disc carries the inclusion proofs of its recordings'
 * entries against a signed head (issue 18), and the worker builds discs (issue 15). Heads and
 * proofs are hashes only; no entry's content is read through them.
 */
function requireTreeReader(c: Caller): void {
  if (isWorker({ userName: c.userId, groups: c.rule.groups })) return;
  requireAuditReader(c);
}

const treeHeadRoutes = portWebScripts(TREE_HEAD_WEB_SCRIPTS, (def) => {
  // A request wakes server/'s in-process worker at once, as ACS's event stream does beside ACS.
  if (def === treeHeadsPost) jobRequests.emit('requested', 'tree-head');
});

export const treeHeadsModule: WebScriptModule = (ws, repo) => {
  treeHeadRoutes(ws, repo);
  ws.get('/access-log/proof', (req) => {
    requireTreeReader(req.caller);
    const size = treeSizeOf(req.query, storedTreeSize(repo.db), 1);
    const seq = count(req.query, 'seq', 1);
    if (seq > size) throw badRequest(`seq ${seq} is not in a tree of ${size} entries`);
    return { body: { seq, treeSize: size,
      inclusionProof: proofOfEntry(repo.db, seq, size).map(bytesToHex) } };
  });

  ws.get('/access-log/consistency', (req) => {
    requireAuditReader(req.caller);
    const size = storedTreeSize(repo.db);
    const first = count(req.query, 'first', 1);
    const second = count(req.query, 'second', 1);
    if (first > second) throw badRequest('first must not exceed second');
    if (second > size) throw notFound(`The access log has only ${size} entries`);
    return { body: { first, second,
      consistencyProof: proofOfConsistency(repo.db, first, second).map(bytesToHex) } };
  });
};
