/**
 * Who may see and ask for the access log's signed tree heads, and what a stored head must be
 * (issue 18). Pure: the tree-head web scripts (webscripts/src/access-log/tree-heads.ts) decide
 * with these in both hosts.
 */
import { GROUP_EFR_CUSTODIANS, GROUP_EFR_LEGAL, GROUP_EFR_SUPERVISORS, GROUP_EFR_WORKERS,
  isMemberOfAny, type Actor } from '../roles.js';
import { allow, refuse, type Verdict } from '../verdict.js';
import { frontierTextFits } from './audit-leaf.js';
import { isSignedTreeHead, type SignedTreeHead } from './log-tree.js';

/** Groups that read the access log besides administrators (R14.1, R28.1 oversight). */
export const ACCESS_LOG_READERS: readonly string[] = [GROUP_EFR_SUPERVISORS,
  GROUP_EFR_CUSTODIANS, GROUP_EFR_LEGAL];

/**
 * The log's readers, and efr worker, may list the heads and ask for one: a head holds hashes
 * only, no entry's content (the worker makes them and carries them onto evidence discs).
 */
export function checkTreeHeadReader(actor: Actor & { isAdmin: boolean }): Verdict {
  if (actor.isAdmin || isMemberOfAny(actor, ACCESS_LOG_READERS) ||
    isMemberOfAny(actor, [GROUP_EFR_WORKERS])) return allow();
  return refuse(403, 'efr.accessLog.notReader', 'R14.1',
    'Only administrators, supervisors, custodians and legal staff may read the access log.',
    '只有管理员、监督、保管和法制人员可以查阅访问日志。');
}

/**
 * Who may read a node's access-log entries with their proofs (`GET /access-log/entries`): the
 * log's readers, and efr worker only for a recording of the disc job it holds now
 * (`holdsJobCopying`: core's mayWorkerRead), whose disc carries the extract (R23.1, R14.1).
 */
export function checkLogEntriesReader(actor: Actor & { isAdmin: boolean },
  holdsJobCopying: boolean): Verdict {
  if (actor.isAdmin || isMemberOfAny(actor, ACCESS_LOG_READERS) || holdsJobCopying) {
    return allow();
  }
  return refuse(403, 'efr.accessLog.notReader', 'R14.1',
    'Only administrators, supervisors, custodians and legal staff may read the access log.',
    '只有管理员、监督、保管和法制人员可以查阅访问日志。');
}

/**
 * Administrators and the log's readers (not efr worker) may verify the access log and ask for
 * its consistency proofs (R14.1): the verification walks every entry.
 */
export function checkAccessLogVerifier(actor: Actor & { isAdmin: boolean }): Verdict {
  if (actor.isAdmin || isMemberOfAny(actor, ACCESS_LOG_READERS)) return allow();
  return refuse(403, 'efr.accessLog.notReader', 'R14.1',
    'Only administrators, supervisors, custodians and legal staff may verify the access log.',
    '只有管理员、监督、保管和法制人员可以核验访问日志。');
}

/** A signed head as stored: the head, the key that signed it, and the tree's state after it. */
export interface StoredTreeHead extends SignedTreeHead {
  /** Raw Ed25519 public key, hex. */
  readonly publicKey: string;
  /** Id of the last audit entry the head covers (0 for the empty log). */
  readonly lastEntryId: number;
  /** The tree's frontier at treeSize (core frontierText), which the next head extends. */
  readonly frontier: string;
}

/** What {@link checkTreeHeadSubmission} answers. */
export type TreeHeadSubmission =
  | { head: StoredTreeHead }
  /** Bad input (400), naming the fields. */
  | { invalid: string }
  /** A well-formed head that does not extend the newest (409). */
  | { refused: Verdict };

/**
 * A head that the worker hands in: its shape (a signed head, a 32-byte key, a frontier that fits
 * its size), and that it extends the newest stored one (no smaller tree, no earlier entry).
 * The signature is the auditor's to check, under the key it trusts (never the key the
 * repository shows): `efr audit verify --url`.
 */
export function checkTreeHeadSubmission(body: Record<string, unknown>,
  newest: StoredTreeHead | null): TreeHeadSubmission {
  const bad = (what: string): TreeHeadSubmission => ({ invalid: 'The tree head is not valid: ' +
    what });
  const head = { treeSize: body.treeSize, timestamp: body.timestamp, rootHash: body.rootHash,
    signature: body.signature, keyId: body.keyId };
  if (!isSignedTreeHead(head)) return bad('treeSize, timestamp, rootHash, signature, keyId');
  const publicKey = body.publicKey;
  if (typeof publicKey !== 'string' || !/^[0-9a-f]{64}$/.test(publicKey)) return bad('publicKey');
  const last = body.lastEntryId;
  if (typeof last !== 'number' || !(last >= 0) || Math.floor(last) !== last ||
    (last === 0) !== (head.treeSize === 0)) return bad('lastEntryId');
  const frontier = body.frontier;
  if (typeof frontier !== 'string' || frontier.length > 4000 ||
    !frontierTextFits(head.treeSize, frontier)) return bad('frontier');
  if (newest !== null && (head.treeSize < newest.treeSize || last < newest.lastEntryId ||
    (head.treeSize === newest.treeSize) !== (last === newest.lastEntryId))) {
    return { refused: refuse(409, 'efr.accessLog.headBehind', 'R14.1',
      'The tree head does not extend the newest one (' + newest.treeSize + ' entries up to ' +
        newest.lastEntryId + ').', '该树头未延续最新的树头。') };
  }
  return { head: { treeSize: head.treeSize, timestamp: head.timestamp, rootHash: head.rootHash,
    signature: head.signature, keyId: head.keyId, publicKey, lastEntryId: last, frontier } };
}
