/**
 * The access-log extract put on an evidence disc (issue 18), the same in both hosts: every
 * `efr-access` audit entry about the packaged recordings, one canonical JSON object per line,
 * each with its position in the log and its RFC 9162 inclusion proof against the signed tree
 * head in `access-log-tree-head.json`. The entry is written exactly as the Merkle leaf covers
 * it (core/src/merkle/audit-leaf.ts: leaf data = UTF-8(canonical JSON of the entry)), so a
 * reader recomputes the leaf from the line as written, walks the proof to the signed root and
 * checks the Ed25519 signature: one entry is proven without the whole log.
 */
import { canonicalJson } from '../access-log.js';
import { rootFromInclusionProof, sameHash, type Sha256 } from '../merkle/merkle-tree.js';
import {
  bytesToHex, hexToBytes, isSignedTreeHead, treeHeadMessage, type SignedTreeHead,
} from '../merkle/log-tree.js';
import { auditLeafHash, isAuditLeafFacts } from '../merkle/audit-leaf.js';
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
 * JSON lines in position order: `{"entry":{"createdAt":…,"createdByUser":…,"id":…,
 * "values":{…}},"inclusionProof":[…],"seq":…}`; the entry is the audit entry as its leaf
 * hashes it.
 */
export function accessLogExtractText(entries: readonly LogExtractEntry[]): string {
  const sorted = entries.slice().sort((a, b) => a.seq - b.seq);
  let out = '';
  for (const e of sorted) {
    const entry = { id: e.entry.id, createdAt: e.entry.createdAt,
      createdByUser: e.entry.createdByUser, values: e.entry.values };
    out += canonicalJson({ seq: e.seq, entry: entry,
      inclusionProof: e.inclusionProof ? e.inclusionProof.slice() : undefined }) + '\n';
  }
  return out;
}

/** The tree head file's text (canonical JSON). */
export function treeHeadFileText(head: SignedTreeHead, publicKey: string): string {
  const file: LogTreeHeadFile = { log: 'efr-access', treeHead: head, publicKey };
  return canonicalJson(file) + '\n';
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
  const v = parse(text) as { entry?: unknown; inclusionProof?: unknown; seq?: unknown }
    | undefined;
  const seq = v && typeof v.seq === 'number' && v.seq >= 1 && Math.floor(v.seq) === v.seq
    ? v.seq : undefined;
  if (!v || seq === undefined) return { line: n, ok: false, reason: 'unreadable line' };
  // The leaf is computed from the entry as written: anything but an audit entry is refused.
  if (!isAuditLeafFacts(v.entry)) return { line: n, seq, ok: false, reason: 'unreadable entry' };
  const proofHex = v.inclusionProof;
  if (!Array.isArray(proofHex)) return { line: n, seq, ok: false, reason: 'no proof' };
  const proof: Uint8Array[] = [];
  for (let i = 0; i < proofHex.length; i++) {
    const p = hexToBytes(String(proofHex[i]));
    if (!p || p.length !== 32) return { line: n, seq, ok: false, reason: 'bad proof' };
    proof.push(p);
  }
  if (seq > head.treeSize) {
    return { line: n, seq, ok: false, reason: 'entry after the tree head' };
  }
  const got = rootFromInclusionProof(sha, seq - 1, head.treeSize, auditLeafHash(sha, v.entry),
    proof);
  return sameHash(got, root) ? { line: n, seq, ok: true }
    : { line: n, seq, ok: false, reason: 'not in the signed tree' };
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
