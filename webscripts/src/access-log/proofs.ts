/**
 * The access log's verification and proofs (issue 18; RFC 9162), once for both hosts, under
 * /alfresco/s/efr, over the log's audit entries as the REST API serves them (the port's
 * `accessAuditEntries`: server/'s chained rows, ACS's `efr-access` application) and core's
 * portable tree (core/src/merkle/hex-tree.ts, SHA-256 from the port):
 *
 * - `GET /access-log/verify`: walks every entry against the signed tree heads (and, where the
 *   entries carry one, server/'s hash chain) and names the first entry changed, removed or
 *   reordered (core's startAuditTrail). The heads' Ed25519 signatures are the auditor's to
 *   check offline with the key they trust (`efr audit verify --url … --key`): here the heads are
 *   the repository's own nodes, which nobody writes through the REST API;
 * - `GET /access-log/proof?seq=&treeSize=`: the audit path of the entry at position seq
 *   (1-based; positions, not audit ids: core/src/merkle/audit-leaf.ts) in the tree of the first
 *   treeSize entries;
 * - `GET /access-log/consistency?first=&second=`: the consistency proof between two sizes;
 * - `GET /access-log/entries?nodeId=&treeSize=`: a node's entries, each at its position and as
 *   its leaf hashes it (AuditLeafFacts), with its audit path in the tree of the signed head of
 *   treeSize entries: what efr worker writes on an evidence disc, the same in both hosts. It
 *   answers 409 when the log no longer gives that head's root, naming the entry changed or
 *   removed, so no disc is written whose proofs fail.
 *
 * Each reads the whole log, O(n) hashes (docs/api.md "In the ACS module" has the timings).
 */
import type {
  AccessLogEntries, ChainVerification, ConsistencyProof, InclusionProof,
} from '../../../contract/index.js';
import {
  auditEntryNodeId, auditLeafFacts, auditLeafHashHex, checkAccessLogVerifier,
  checkLogEntriesReader, checkTreeHeadReader, consistencyProofHex, inclusionProofHex,
  inclusionProofsHex, isWorker, mayWorkerRead,
  startAuditTrail, treeRootHex, type AuditLeafFacts, type LogAuditResult, type RestAuditEntry,
  type Sha256Hex,
} from '../../../core/src/index.js';
import { jobReadGrants } from '../evidence-packages/package-json.js';
import type { RepositoryPort } from '../repository-port.js';
import {
  invalidArgument, WebScriptError, type WebScriptCall, type WebScriptDefinition,
} from '../web-script.js';
import { headNodes } from './tree-heads.js';

const AREA = 'access-log';

/** A positive integer query argument, or a 400 naming it. */
function count(call: WebScriptCall, name: string): number {
  const text = call.query[name];
  if (typeof text !== 'string' || !/^[0-9]{1,15}$/.test(text) || Number(text) < 1) {
    throw invalidArgument(name + ' must be an integer of at least 1');
  }
  return Number(text);
}

/** A node id argument (ACS's are UUIDs; server/'s word characters), or a 400 naming it. */
function nodeIdArgument(call: WebScriptCall): string {
  const text = call.query.nodeId;
  if (typeof text !== 'string' || !/^[0-9A-Za-z][0-9A-Za-z._-]{0,99}$/.test(text)) {
    throw invalidArgument('nodeId must be a node id');
  }
  return text;
}

/** The log's entries, read as the repository. */
function entries(port: RepositoryPort): RestAuditEntry[] {
  return port.asRepository(() => port.accessAuditEntries());
}

/** The covered facts of the entry at position i + 1 (500 naming it when unreadable). */
function factsAt(all: RestAuditEntry[], i: number): AuditLeafFacts {
  const f = auditLeafFacts(all[i]);
  if (!f) {
    throw new WebScriptError(500, 'efr.accessLog.unreadableEntry',
      'Audit entry ' + String(all[i].id) + ' at position ' + (i + 1) + ' is unreadable');
  }
  return f;
}

/**
 * The leaf hashes of the log's first `size` entries, with the port's SHA-256 (404 when the log
 * is shorter): what a proof is computed over.
 */
function leavesUpTo(port: RepositoryPort, size: number, read?: RestAuditEntry[]):
  { sha: Sha256Hex; leaves: string[] } {
  const all = read || entries(port);
  if (size > all.length) {
    throw new WebScriptError(404, 'framework.exception.EntityNotFound',
      'The access log has only ' + all.length + ' entries');
  }
  const sha: Sha256Hex = (hex) => port.sha256Hex(hex);
  const out: string[] = [];
  for (let i = 0; i < size; i++) out.push(auditLeafHashHex(sha, factsAt(all, i)));
  return { sha, leaves: out };
}

/** The log walked against the signed heads (core's startAuditTrail): the first problem named. */
function auditOf(port: RepositoryPort, all: RestAuditEntry[]): LogAuditResult {
  const trail = startAuditTrail((hex) => port.sha256Hex(hex), headNodes(port).signed);
  for (let i = 0; i < all.length; i++) if (trail.add(all[i])) break;
  return trail.finish();
}

export const accessLogVerifyGet: WebScriptDefinition = {
  id: 'verify', method: 'GET', path: '/access-log/verify', area: AREA,
  title: 'EFR access log: verify the entries against the signed tree heads',
  handle(port) {
    port.enforce(checkAccessLogVerifier(port.currentUser()), 'accessLog.verify', null);
    const result = auditOf(port, entries(port));
    const verifiedAt = port.now();
    let entry: ChainVerification;
    if (result.ok) {
      entry = { ok: true, count: result.entries, verifiedAt };
    } else {
      const p = result.problem;
      entry = { ok: false, index: p.seq - 1, id: p.entryId ? Number(p.entryId) : p.seq,
        reason: p.exact ? p.reason : p.reason + ' (entries ' + p.seq + '..' + p.toSeq + ')',
        verifiedAt };
    }
    return { status: 200, body: { entry } };
  },
};

export const accessLogProofGet: WebScriptDefinition = {
  id: 'proof', method: 'GET', path: '/access-log/proof', area: AREA,
  title: "EFR access log: an entry's inclusion proof",
  handle(port, call) {
    // The readers and efr worker: a disc carries its recordings' proofs (hashes only).
    port.enforce(checkTreeHeadReader(port.currentUser()), 'accessLog.proof', null);
    const seq = count(call, 'seq');
    const treeSize = count(call, 'treeSize');
    if (seq > treeSize) {
      throw invalidArgument('seq ' + seq + ' is not in a tree of ' + treeSize + ' entries');
    }
    const t = leavesUpTo(port, treeSize);
    const body: InclusionProof = { seq, treeSize,
      inclusionProof: inclusionProofHex(t.sha, t.leaves, seq - 1, treeSize) };
    return { status: 200, body };
  },
};

export const accessLogConsistencyGet: WebScriptDefinition = {
  id: 'consistency', method: 'GET', path: '/access-log/consistency', area: AREA,
  title: 'EFR access log: the consistency proof of two tree sizes',
  handle(port, call) {
    port.enforce(checkAccessLogVerifier(port.currentUser()), 'accessLog.consistency', null);
    const first = count(call, 'first');
    const second = count(call, 'second');
    if (first > second) throw invalidArgument('first must not exceed second');
    const t = leavesUpTo(port, second);
    const body: ConsistencyProof = { first, second,
      consistencyProof: consistencyProofHex(t.sha, t.leaves, first, second) };
    return { status: 200, body };
  },
};

export const accessLogEntriesGet: WebScriptDefinition = {
  id: 'entries', method: 'GET', path: '/access-log/entries', area: AREA,
  title: "EFR access log: a node's entries as hashed, with their inclusion proofs",
  handle(port, call) {
    // The log's readers; efr worker for a recording of the disc job it holds (its extract).
    const nodeId = nodeIdArgument(call);
    const user = port.currentUser();
    const holds = isWorker(user) && port.asRepository(() => port.node(nodeId) !== null &&
      mayWorkerRead(user, nodeId,
        jobReadGrants(port.sources(nodeId, 'efr:packageRecordings'), nodeId), port.now()));
    port.enforce(checkLogEntriesReader(user, holds), 'accessLog.entries', nodeId);
    const sized = call.query.treeSize !== undefined && call.query.treeSize !== '';
    const treeSize = sized ? count(call, 'treeSize') : null;
    const all = entries(port);
    const picked: number[] = [];
    const limit = treeSize === null ? all.length : Math.min(treeSize, all.length);
    for (let i = 0; i < limit; i++) {
      const v = all[i].values;
      if (v && auditEntryNodeId(v) === nodeId) picked.push(i);
    }
    let proofs: string[][] | null = null;
    if (treeSize !== null) {
      const heads = headNodes(port).signed.filter((h) => h.treeSize === treeSize);
      if (heads.length === 0) {
        throw new WebScriptError(404, 'framework.exception.EntityNotFound',
          'No signed tree head covers exactly ' + treeSize + ' entries');
      }
      const t = leavesUpTo(port, treeSize, all);
      const root = treeRootHex(t.sha, t.leaves, treeSize);
      if (heads.some((h) => h.rootHash !== root)) {
        // Changed or removed behind the repository's back: named, no proof that would fail.
        const result = auditOf(port, all);
        const named = result.ok ? 'the entries differ from the ones signed'
          : result.problem.reason + ' (position ' + result.problem.seq +
            (result.problem.entryId ? ', audit entry ' + result.problem.entryId : '') + ')';
        throw new WebScriptError(409, 'efr.accessLog.headMismatch',
          'The access log no longer gives the root of the signed tree head of ' + treeSize +
          ' entries: ' + named);
      }
      proofs = inclusionProofsHex(t.sha, t.leaves, picked, treeSize);
    }
    const body: AccessLogEntries = { nodeId, treeSize, logSize: all.length,
      entries: picked.map((i, k) => ({ seq: i + 1, entry: factsAt(all, i),
        inclusionProof: proofs === null ? null : proofs[k] })) };
    return { status: 200, body };
  },
};

export const ACCESS_LOG_PROOF_WEB_SCRIPTS: readonly WebScriptDefinition[] = [
  accessLogVerifyGet, accessLogProofGet, accessLogConsistencyGet, accessLogEntriesGet,
];
