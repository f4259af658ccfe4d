/**
 * The auditor's walk over the access log (issue 18): entries in order, checked as a hash chain
 * and as a Merkle tree against the signed tree heads (whose signatures the caller checked).
 * It names the first entry that was changed, removed or reordered:
 * - the chain names an entry edited in place (its hash no longer recomputes), removed or
 *   reordered (its seq or prevHash no longer follows);
 * - the tree heads catch what the chain cannot: the chain rewritten from some entry on, or
 *   entries cut from the end. The first head whose root differs bounds the change to the
 *   entries after the previous good head; a copy of the leaf hashes (the stored tree) names
 *   the entry when it was left untouched.
 * Streaming, O(log n) memory: millions of entries pass through a frontier.
 */
import { chainInput, GENESIS_HASH } from '../access-log.js';
import { emptyFrontier, frontierAppend, frontierRoot, sameHash, type Sha256 } from './merkle-tree.js';
import { bytesToHex, hexToBytes, logEntryFacts, logLeafHash, utf8Array,
  type LogEntryFacts, type SignedTreeHead } from './log-tree.js';

/** The first problem found, naming the entry (by seq) where it can. */
export interface LogAuditProblem {
  /** Sequence number of the first bad entry (or of the first entry the bad head covers). */
  readonly seq: number;
  /** Whether seq names the entry exactly (false: the change lies in seq..toSeq). */
  readonly exact: boolean;
  /** Last entry of the range when not exact. */
  readonly toSeq?: number;
  readonly reason: string;
}

/** Result of a log audit. */
export type LogAuditResult =
  | { ok: true; entries: number; heads: number }
  | { ok: false; problem: LogAuditProblem };

/** One entry as the auditor reads it: the facts and their chain link. */
export interface AuditedEntry {
  readonly facts: LogEntryFacts;
  readonly prevHash?: string;
  readonly hash?: string;
  /** The leaf hash the log stored for it, when there is a stored tree to compare. */
  readonly storedLeaf?: Uint8Array;
}

/** A streaming audit: `add` each entry in storage order, then `finish`. */
export interface LogAudit {
  /** Checks the next entry; returns the first problem once found (and then keeps it). */
  add(entry: AuditedEntry): LogAuditProblem | undefined;
  /** Checks what is left (heads beyond the last entry) and gives the result. */
  finish(): LogAuditResult;
}

/**
 * Starts an audit against `heads` (signatures already verified). `chain` is checked when the
 * entries carry their links (server/ and the REST API do).
 */
export function startLogAudit(sha: Sha256, heads: readonly SignedTreeHead[]): LogAudit {
  const sorted = heads.slice().sort((a, b) => a.treeSize - b.treeSize);
  const frontier = emptyFrontier();
  let next = 0;
  let prevHash = GENESIS_HASH;
  let problem: LogAuditProblem | undefined;
  let lastGoodHead = 0;
  /** First entry whose recomputed leaf differs from the stored one (the tree names it). */
  let firstLeafDiff: number | undefined;
  const shaHex = (text: string): string => bytesToHex(sha(utf8Array(text)));

  function headCheck(): LogAuditProblem | undefined {
    while (next < sorted.length && sorted[next].treeSize === frontier.size) {
      const head = sorted[next];
      if (!sameHash(hexToBytes(head.rootHash), frontierRoot(sha, frontier))) {
        if (firstLeafDiff !== undefined) {
          return { seq: firstLeafDiff, exact: true,
            reason: 'entry differs from the one the tree recorded (tree head at ' +
              head.treeSize + ' does not match)' };
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

  // Heads over the empty log (size 0) are checked before any entry.
  problem = headCheck();
  return {
    add(entry) {
      if (problem) return problem;
      const f = logEntryFacts(entry.facts);
      const expectedSeq = frontier.size + 1;
      if (f.seq !== expectedSeq || f.id !== String(f.seq)) {
        problem = { seq: expectedSeq, exact: true, reason: f.seq > expectedSeq
          ? 'entry ' + expectedSeq + ' is missing (next is ' + f.seq + ')'
          : 'entry ' + f.seq + ' is out of order (expected ' + expectedSeq + ')' };
        return problem;
      }
      if (entry.hash !== undefined) {
        if (entry.prevHash !== prevHash) {
          problem = { seq: f.seq, exact: true, reason: 'previous hash does not match' };
          return problem;
        }
        if (shaHex(chainInput(prevHash, f as unknown as Record<string, unknown>)) !==
          entry.hash) {
          problem = { seq: f.seq, exact: true, reason: 'entry changed: hash does not match' };
          return problem;
        }
        prevHash = entry.hash;
      }
      const leaf = logLeafHash(sha, f);
      if (entry.storedLeaf && firstLeafDiff === undefined && !sameHash(leaf, entry.storedLeaf)) {
        firstLeafDiff = f.seq;
      }
      frontierAppend(sha, frontier, leaf);
      problem = headCheck();
      return problem;
    },
    finish() {
      if (problem) return { ok: false, problem };
      if (next < sorted.length) {
        const head = sorted[next];
        return { ok: false, problem: { seq: frontier.size + 1, exact: false, toSeq: head.treeSize,
          reason: 'entries ' + (frontier.size + 1) + '..' + head.treeSize +
            ' are missing: a signed tree head covers ' + head.treeSize + ' entries' } };
      }
      return { ok: true, entries: frontier.size, heads: sorted.length };
    },
  };
}
