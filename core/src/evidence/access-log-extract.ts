/**
 * The access-log extract put on an evidence disc: every entry about the packaged recordings,
 * one canonical JSON object per line with its chain hashes (prevHash, hash) and, when the log
 * keeps a Merkle tree (issue 18), its RFC 9162 inclusion proof against the signed tree head in
 * `access-log-tree-head.json`. A reader recomputes each entry's leaf, walks its proof to the
 * signed root and checks the Ed25519 signature: one entry is proven without the whole log.
 */
import { canonicalJson } from '../access-log.js';
import { rootFromInclusionProof, sameHash, type Sha256 } from '../merkle/merkle-tree.js';
import {
  bytesToHex, hexToBytes, isSignedTreeHead, treeHeadMessage,
  type LogEntryFacts, type SignedTreeHead,
} from '../merkle/log-tree.js';
import { logLeafHash } from '../merkle/audit-leaf.js';
import type { LogExtractEntry } from './types.js';

/** File name of the extract on the disc. */
export const ACCESS_LOG_EXTRACT = 'access-log.jsonl';

/** File name of the signed tree head the extract's proofs lead to. */
export const ACCESS_LOG_TREE_HEAD = 'access-log-tree-head.json';

/** The tree head file: the head and the key that signed it. */
export interface LogTreeHeadFile {
  readonly log: 'efr-access';
  readonly treeHead: SignedTreeHead;
  /** Raw Ed25519 public key, hex (compare its keyId with the exported heads). */
  readonly publicKey: string;
}

/**
 * JSON lines in sequence order: `{"entry":{…},"hash":…,"inclusionProof":[…],"prevHash":…}`;
 * the entry is exactly what the chain hash covers: sha256(prevHash + "\n" + canonical(entry)),
 * and the entry with its link is the audit entry whose leaf the tree holds (core/src/merkle/
 * audit-leaf.ts).
 */
export function accessLogExtractText(entries: readonly LogExtractEntry[]): string {
  const sorted = entries.slice().sort((a, b) => a.seq - b.seq);
  let out = '';
  for (const e of sorted) {
    const entry = { id: e.id, seq: e.seq, at: e.at, user: e.user, action: e.action,
      nodeId: e.nodeId, values: e.values };
    out += canonicalJson({ entry: entry, prevHash: e.prevHash, hash: e.hash,
      inclusionProof: e.inclusionProof ? e.inclusionProof.slice() : undefined }) + '\n';
  }
  return out;
}

/** The tree head file's text (canonical JSON). */
export function treeHeadFileText(head: SignedTreeHead, publicKey: string): string {
  const file: LogTreeHeadFile = { log: 'efr-access', treeHead: head, publicKey };
  return canonicalJson(file) + '\n';
}

/** Keeps the entries about the given nodes at or before `until` (ISO instant), once each. */
export function selectLogEntries(
  entries: readonly LogExtractEntry[], nodeIds: readonly string[], until: string,
): LogExtractEntry[] {
  const limit = Date.parse(until);
  const seen: Record<string, boolean> = {};
  const out: LogExtractEntry[] = [];
  for (const e of entries) {
    if (e.nodeId === null || nodeIds.indexOf(e.nodeId) < 0) continue;
    if (Date.parse(e.at) > limit || seen['s' + e.seq]) continue;
    seen['s' + e.seq] = true;
    out.push(e);
  }
  return out.sort((a, b) => a.seq - b.seq);
}

/** One extract line as checked. */
export interface ExtractLineCheck {
  /** Line number (1-based) and the entry's seq when it could be read. */
  readonly line: number;
  readonly seq?: number;
  readonly ok: boolean;
  readonly reason?: string;
}

/** What {@link checkAccessLogExtract} found; the caller still checks the signature. */
export interface ExtractCheck {
  /** Whether every line is proven by the head (signature aside). */
  readonly ok: boolean;
  readonly head?: SignedTreeHead;
  /** A problem of the head file itself. */
  readonly headProblem?: string;
  readonly lines: readonly ExtractLineCheck[];
  /** Ed25519 inputs: the signed bytes (TreeHeadDataV2), the signature and the raw key. */
  readonly signedBytes?: Uint8Array;
  readonly signature?: Uint8Array;
  readonly publicKey?: Uint8Array;
  readonly keyId?: string;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    // SyntaxError: a damaged line or head file is reported, not thrown.
    return undefined;
  }
}

function checkLine(sha: Sha256, text: string, n: number, head: SignedTreeHead,
  root: Uint8Array): ExtractLineCheck {
  const v = parse(text) as { entry?: LogEntryFacts; inclusionProof?: unknown;
    prevHash?: string; hash?: string } | undefined;
  const e = v && v.entry;
  if (!e || typeof e.seq !== 'number') return { line: n, ok: false, reason: 'unreadable line' };
  const proofHex = v.inclusionProof;
  if (!Array.isArray(proofHex)) return { line: n, seq: e.seq, ok: false, reason: 'no proof' };
  const proof: Uint8Array[] = [];
  for (let i = 0; i < proofHex.length; i++) {
    const p = hexToBytes(String(proofHex[i]));
    if (!p || p.length !== 32) return { line: n, seq: e.seq, ok: false, reason: 'bad proof' };
    proof.push(p);
  }
  if (!(e.seq >= 1 && e.seq <= head.treeSize)) {
    return { line: n, seq: e.seq, ok: false, reason: 'entry after the tree head' };
  }
  const got = rootFromInclusionProof(sha, e.seq - 1, head.treeSize, logLeafHash(sha, {
    id: e.id, seq: e.seq, at: e.at, user: e.user, action: e.action, nodeId: e.nodeId,
    values: e.values, prevHash: v.prevHash, hash: v.hash }), proof);
  return sameHash(got, root) ? { line: n, seq: e.seq, ok: true }
    : { line: n, seq: e.seq, ok: false, reason: 'not in the signed tree' };
}

/**
 * Checks an extract against its tree head file: each line's entry must lead through its
 * inclusion proof to the head's root. Pure and synchronous (the disc's verify.html runs it
 * with hash-wasm's SHA-256, then checks the returned signature inputs with WebCrypto Ed25519).
 */
export function checkAccessLogExtract(sha: Sha256, extractText: string, headText: string):
  ExtractCheck {
  const file = parse(headText) as Partial<LogTreeHeadFile> | undefined;
  const head = file && file.treeHead;
  const publicKey = file && typeof file.publicKey === 'string' ? hexToBytes(file.publicKey)
    : undefined;
  if (!isSignedTreeHead(head) || !publicKey || publicKey.length !== 32) {
    return { ok: false, headProblem: 'unreadable tree head file', lines: [] };
  }
  const keyId = bytesToHex(sha(publicKey));
  const signedBytes = treeHeadMessage(head);
  const root = hexToBytes(head.rootHash) as Uint8Array;
  const lines: ExtractLineCheck[] = [];
  const texts = extractText.split('\n');
  for (let i = 0; i < texts.length; i++) {
    if (texts[i] === '' && i === texts.length - 1) continue;
    lines.push(checkLine(sha, texts[i], i + 1, head, root));
  }
  const keyOk = keyId === head.keyId;
  let ok = keyOk;
  for (let i = 0; i < lines.length; i++) if (!lines[i].ok) ok = false;
  return { ok, head, headProblem: keyOk ? undefined : 'the head names another key', lines,
    signedBytes, signature: hexToBytes(head.signature), publicKey, keyId };
}
