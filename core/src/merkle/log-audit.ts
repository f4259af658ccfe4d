/**
 * The auditor's walk over the access log (issue 18): audit entries in id order, checked as a
 * Merkle tree against the signed tree heads (whose signatures the caller checked) and, where the
 * entries carry it (server/), as a hash chain. It names the first entry that was changed,
 * removed or reordered:
 * - ids must rise: a row moved before an older one is named;
 * - the chain names an entry edited in place (its hash no longer recomputes), removed or
 *   reordered (its prevHash no longer follows);
 * - the tree heads catch what the chain cannot, and everything in ACS, whose efr-access rows
 *   carry no chain: a changed, removed or inserted row changes the root of every head after
 *   it. The first head whose root differs bounds the change to the entries after the previous
 *   good head; a copy of the leaf hashes (a stored tree) names the entry exactly.
 * Leaves are numbered by position (./audit-leaf.ts). Streaming, O(log n) memory: millions of
 * entries pass through a frontier.
 */
import { chainInput, GENESIS_HASH } from '../access-log.js';
import { factsOfAuditEntry, logEntryFacts, type LogEntryFacts, type SignedTreeHead,
} from './log-tree.js';
import { accessAuditEntryOf, auditLeafFacts, type RestAuditEntry } from './audit-leaf.js';
import {
  auditLeafHashHex, emptyHexFrontier, hexFrontierAppend, hexFrontierRoot, utf8Hex,
  type Sha256Hex,
} from './hex-tree.js';

/** The first problem found, naming the entry where it can. */
export interface LogAuditProblem {
  /** Position (1-based) of the first bad entry, or of the first entry the bad head covers. */
  readonly seq: number;
  /** Whether seq names the entry exactly (false: the change lies in seq..toSeq). */
  readonly exact: boolean;
  /** Last position of the range when not exact. */
  readonly toSeq?: number;
  /** The audit entry id at that position, when the entry was read. */
  readonly entryId?: string;
  readonly reason: string;
}

/** Result of a log audit. */
export type LogAuditResult =
  | { ok: true; entries: number; heads: number }
  | { ok: false; problem: LogAuditProblem };

/** A streaming audit of audit entries: `add` each in id order, then `finish`. */
export interface AuditTrail {
  /**
   * Checks the next entry; returns the first problem once found (and then keeps it).
   * `storedLeaf`: the leaf hash (hex) a stored tree kept for this position, to name a changed
   * entry.
   */
  add(entry: RestAuditEntry, storedLeaf?: string): LogAuditProblem | undefined;
  /** Checks what is left (heads beyond the last entry) and gives the result. */
  finish(): LogAuditResult;
  /** Number of entries added (the tree's size so far). */
  size(): number;
}

/**
 * Starts an audit of REST audit entries against `heads` (signatures already verified). Over hex
 * text (./hex-tree.ts), so it runs in Rhino too: the module's `GET /access-log/verify`.
 */
export function startAuditTrail(sha: Sha256Hex, heads: readonly SignedTreeHead[]): AuditTrail {
  const sorted = heads.slice().sort((a, b) => a.treeSize - b.treeSize);
  const frontier = emptyHexFrontier();
  let next = 0;
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  /** Id of the last chained entry read. */
  let chained = 0;
  let problem: LogAuditProblem | undefined;
  let lastGoodHead = 0;
  let firstLeafDiff: { seq: number; id: string } | undefined;
  /** Id of the entry read last (at position frontier.size). */
  let lastRead: string | undefined;
  const shaHex = (text: string): string => sha(utf8Hex(text));

  function headCheck(): LogAuditProblem | undefined {
    while (next < sorted.length && sorted[next].treeSize === frontier.size) {
      const head = sorted[next];
      if (head.rootHash.toLowerCase() !== hexFrontierRoot(sha, frontier)) {
        if (firstLeafDiff !== undefined) {
          return { seq: firstLeafDiff.seq, exact: true, entryId: firstLeafDiff.id,
            reason: 'entry ' + firstLeafDiff.id + ' differs from the one the tree recorded ' +
              '(tree head at ' + head.treeSize + ' does not match)' };
        }
        if (head.treeSize === lastGoodHead + 1 && lastRead !== undefined) {
          // Heads one entry apart name the entry: the one at that position differs from the
          // one the head signed (changed, or an entry before it removed, inserted or moved).
          return { seq: head.treeSize, exact: true, entryId: lastRead, reason: 'entry ' +
            lastRead + ' at position ' + head.treeSize + ' differs from the one the signed ' +
            'tree head recorded (changed, removed or reordered)' };
        }
        return { seq: lastGoodHead + 1, exact: false, toSeq: head.treeSize,
          reason: 'entries changed, removed or reordered between the signed tree heads at ' +
            lastGoodHead + ' and ' + head.treeSize };
      }
      lastGoodHead = head.treeSize;
      next++;
    }
    return undefined;
  }

  problem = headCheck();
  return {
    add(entry, storedLeaf) {
      if (problem) return problem;
      const seq = frontier.size + 1;
      const f = auditLeafFacts(entry);
      const id = entry && entry.id !== undefined ? String(entry.id) : '?';
      if (!f) {
        problem = { seq, exact: true, entryId: id, reason: 'audit entry ' + id + ' is unreadable' };
        return problem;
      }
      if (Number(f.id) <= lastId) {
        problem = { seq, exact: true, entryId: f.id, reason: 'entry ' + f.id +
          ' is out of order (after ' + lastId + ')' };
        return problem;
      }
      lastId = Number(f.id);
      if (f.values['/efr-access/hash'] !== undefined) {
        // A chained log (server/) numbers its entries 1, 2, … without gaps: a gap is a removal.
        if (Number(f.id) !== chained + 1) {
          problem = { seq, exact: true, entryId: String(chained + 1), reason: 'entry ' +
            (chained + 1) + ' is missing (next is ' + f.id + ')' };
          return problem;
        }
        chained++;
        const read = factsOfAuditEntry({ id: f.id, createdAt: f.createdAt, values: f.values });
        if (!read || read.prevHash !== prevHash) {
          problem = { seq, exact: true, entryId: f.id, reason: 'previous hash does not match' };
          return problem;
        }
        if (shaHex(chainInput(prevHash, read.facts as unknown as Record<string, unknown>)) !==
          read.hash) {
          problem = { seq, exact: true, entryId: f.id,
            reason: 'entry changed: hash does not match' };
          return problem;
        }
        prevHash = read.hash as string;
      }
      const leaf = auditLeafHashHex(sha, f);
      if (storedLeaf && firstLeafDiff === undefined && leaf !== storedLeaf.toLowerCase()) {
        firstLeafDiff = { seq, id: f.id };
      }
      hexFrontierAppend(sha, frontier, leaf);
      lastRead = f.id;
      problem = headCheck();
      return problem;
    },
    finish() {
      if (problem) return { ok: false, problem };
      if (next < sorted.length) {
        const head = sorted[next];
        if (chained > 0 && chained === frontier.size) {
          // A chain without gaps was cut at its end: the first missing entry is the next one.
          return { ok: false, problem: { seq: frontier.size + 1, exact: false,
            toSeq: head.treeSize, reason: 'entries ' + (frontier.size + 1) + '..' +
              head.treeSize + ' are missing: a signed tree head covers ' + head.treeSize +
              ' entries' } };
        }
        // Fewer entries than a head covers: some after the last good head were removed.
        return { ok: false, problem: { seq: lastGoodHead + 1, exact: false, toSeq: head.treeSize,
          reason: (head.treeSize - frontier.size) + ' entries are missing after the signed ' +
            'tree head at ' + lastGoodHead + ': the head at ' + head.treeSize + ' covers ' +
            head.treeSize + ', the log holds ' + frontier.size } };
      }
      return { ok: true, entries: frontier.size, heads: sorted.length };
    },
    size: () => frontier.size,
  };
}

/** One of server/'s log entries as the auditor reads it: the facts and their chain link. */
export interface AuditedEntry {
  readonly facts: LogEntryFacts;
  readonly prevHash?: string;
  readonly hash?: string;
  /** The leaf hash (hex) the log stored for it, when there is a stored tree to compare. */
  readonly storedLeaf?: string;
}

/** A streaming audit of server/'s log: `add` each entry in storage order, then `finish`. */
export interface LogAudit {
  add(entry: AuditedEntry): LogAuditProblem | undefined;
  finish(): LogAuditResult;
}

/**
 * Starts an audit of server/'s chained entries (seq 1, 2, … without gaps) against `heads`: each
 * entry is audited as the audit entry it is served as ({@link accessAuditEntryOf}), so the same
 * heads prove the SQLite table and the REST API.
 */
export function startLogAudit(sha: Sha256Hex, heads: readonly SignedTreeHead[]): LogAudit {
  const trail = startAuditTrail(sha, heads);
  let problem: LogAuditProblem | undefined;
  return {
    add(entry) {
      if (problem) return problem;
      const f = logEntryFacts(entry.facts);
      const expectedSeq = trail.size() + 1;
      if (f.seq !== expectedSeq || f.id !== String(f.seq)) {
        problem = { seq: expectedSeq, exact: true, reason: f.seq > expectedSeq
          ? 'entry ' + expectedSeq + ' is missing (next is ' + f.seq + ')'
          : 'entry ' + f.seq + ' is out of order (expected ' + expectedSeq + ')' };
        return problem;
      }
      problem = trail.add(accessAuditEntryOf({ id: f.id, seq: f.seq, at: f.at, user: f.user,
        action: f.action, nodeId: f.nodeId, values: f.values, prevHash: entry.prevHash,
        hash: entry.hash }), entry.storedLeaf);
      return problem;
    },
    finish: () => (problem ? { ok: false, problem } : trail.finish()),
  };
}
