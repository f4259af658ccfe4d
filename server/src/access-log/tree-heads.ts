/**
 * Signed tree heads of the access log (issue 18): the tree's size and root at a moment, signed
 * with the deployment's Ed25519 key (RFC 9162 §4.9 TreeHeadDataV2 as the signed bytes). efr
 * worker makes them on a schedule and on demand (../worker/jobs/tree-head.ts) and stores them as
 * efr:treeHead nodes; `publishTreeHead` signs one in-process into `access_log_heads` (the
 * command-line tools and specs). Exported daily so a copy lives outside the system. A head proves the first treeSize entries as they were when it was made:
 * anyone rewriting them afterwards needs the private key to make a matching head.
 */
import {
  createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from '../db/database.js';
import {
  accessAuditEntryOf, auditLeafFacts, bytesToHex, hexToBytes, treeHeadMessage,
  type AuditLeafFacts, type LinkedLogEntry, type LogExtractEntry, type SignedTreeHead,
} from '../../../core/src/index.js';
import { catchUpTree, proofOfEntry, rootAt, storedTreeSize } from './log-tree.js';

/** File name of the generated demo key in a data dir. */
export const DEMO_KEY_FILE = 'log-signing-key.pem';

/** The key that signs tree heads. */
export interface LogSigner {
  readonly privateKey: KeyObject;
  /** Raw 32-byte Ed25519 public key, hex. */
  readonly publicKey: string;
  /** SHA-256 of the raw public key, hex. */
  readonly keyId: string;
  /** Where the key was read from. */
  readonly path: string;
  /** Whether it was generated now (demo: no EFR_LOG_SIGNING_KEY given). */
  readonly generated: boolean;
}

/** Raw public key bytes (hex) of an Ed25519 key object. */
export function rawPublicKey(key: KeyObject): string {
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  return Buffer.from(jwk.x as string, 'base64url').toString('hex');
}

/** An Ed25519 public key object from its raw hex form. */
export function publicKeyOfRaw(hex: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519',
    x: Buffer.from(hex, 'hex').toString('base64url') }, format: 'jwk' });
}

/** The key id of a raw public key. */
export function keyIdOf(publicKeyHex: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyHex, 'hex')).digest('hex');
}

/**
 * The signing key: the PEM (PKCS#8 Ed25519 private key) at EFR_LOG_SIGNING_KEY, or for the
 * demo `<dataDir>/log-signing-key.pem`, generated on first start (mode 0600) beside its
 * public half (`.pub.pem`). A configured path that does not exist is an error: a deployment
 * must not silently start signing with a new key.
 */
export function loadLogSigner(dataDir: string, env = process.env): LogSigner {
  const configured = env.EFR_LOG_SIGNING_KEY;
  const path = configured || join(dataDir, DEMO_KEY_FILE);
  let generated = false;
  if (!existsSync(path)) {
    if (configured) {
      throw new Error(`EFR_LOG_SIGNING_KEY names ${configured}, which does not exist; ` +
        'create it with: openssl genpkey -algorithm ed25519 -out ' + configured);
    }
    mkdirSync(dirname(path), { recursive: true });
    const pair = generateKeyPairSync('ed25519');
    writeFileSync(path, pair.privateKey.export({ format: 'pem', type: 'pkcs8' }),
      { mode: 0o600 });
    chmodSync(path, 0o600);
    writeFileSync(path.replace(/\.pem$/, '') + '.pub.pem',
      pair.publicKey.export({ format: 'pem', type: 'spki' }));
    generated = true;
  }
  const privateKey = createPrivateKey(readFileSync(path));
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`${path} is not an Ed25519 private key`);
  }
  const publicKey = rawPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey), path, generated };
}

const signers = new WeakMap<Db, LogSigner>();

/** The signer of a repository database (its data dir's key), loaded once; says when made. */
export function logSignerOf(db: Db): LogSigner {
  let s = signers.get(db);
  if (!s) {
    s = loadLogSigner(dirname(db.name));
    if (s.generated) {
      console.info(`efr: generated the demo access-log signing key ${s.path} (set ` +
        'EFR_LOG_SIGNING_KEY to a deployment key; docs/deploy.md)');
    }
    signers.set(db, s);
  }
  return s;
}

/**
 * The public key a verifier trusts: a PEM file (public or private half), else
 * EFR_LOG_SIGNING_KEY, else the data dir's demo key. Raw hex, or undefined when none exists.
 */
export function loadVerifyKey(dataDir: string, file?: string, env = process.env):
  string | undefined {
  const path = file ?? (env.EFR_LOG_SIGNING_KEY || join(dataDir, DEMO_KEY_FILE));
  if (!existsSync(path)) return undefined;
  const pem = readFileSync(path);
  const key = /PRIVATE KEY/.test(pem.toString('latin1')) ? createPrivateKey(pem)
    : createPublicKey(pem);
  return rawPublicKey(key);
}

interface RawHead {
  tree_size: number;
  timestamp: number;
  root_hash: string;
  signature: string;
  key_id: string;
}

const headOf = (r: RawHead): SignedTreeHead => ({ treeSize: r.tree_size,
  timestamp: r.timestamp, rootHash: r.root_hash, signature: r.signature, keyId: r.key_id });

/**
 * The signed heads efr worker stored as efr:treeHead nodes (webscripts/src/access-log/
 * tree-heads.ts), read from the node table for the command-line tools.
 */
function nodeHeads(db: Db): SignedTreeHead[] {
  const rows = db.prepare("SELECT props FROM nodes WHERE type = 'efr:treeHead'").pluck()
    .all() as string[];
  const out: SignedTreeHead[] = [];
  for (const text of rows) {
    const p = JSON.parse(text) as Record<string, unknown>;
    if (p['efr:treeHeadState'] !== 'signed') continue;
    out.push({ treeSize: Number(p['efr:treeSize']), timestamp: Number(p['efr:treeHeadTimestamp']),
      rootHash: String(p['efr:treeRootHash']), signature: String(p['efr:treeHeadSignature']),
      keyId: String(p['efr:treeHeadKeyId']) });
  }
  return out;
}

/**
 * Stored heads, oldest first, optionally those made in [from, to) (ms): efr worker's (nodes)
 * and those signed in-process into `access_log_heads`.
 */
export function listTreeHeads(db: Db, from = 0, to = Number.MAX_SAFE_INTEGER):
  SignedTreeHead[] {
  const table = (db.prepare('SELECT * FROM access_log_heads WHERE timestamp >= ? AND ' +
    'timestamp < ?').all(from, to) as RawHead[]).map(headOf);
  const seen = new Set(table.map((h) => `${h.treeSize}/${h.rootHash}/${h.timestamp}`));
  return table.concat(nodeHeads(db).filter((h) => h.timestamp >= from && h.timestamp < to &&
    !seen.has(`${h.treeSize}/${h.rootHash}/${h.timestamp}`)))
    .sort((a, b) => a.treeSize - b.treeSize || a.timestamp - b.timestamp);
}

/** The newest stored head, if any. */
export function latestTreeHead(db: Db): SignedTreeHead | undefined {
  const r = db.prepare('SELECT * FROM access_log_heads ORDER BY tree_size DESC LIMIT 1').get() as
    RawHead | undefined;
  return r && headOf(r);
}

/** Signs a head over the tree's current size. */
export function signTreeHead(signer: LogSigner, treeSize: number, rootHash: string,
  timestamp: number): SignedTreeHead {
  const message = treeHeadMessage({ treeSize, timestamp, rootHash });
  if (!message) throw new RangeError('tree head out of range');
  const signature = sign(null, message, signer.privateKey).toString('hex');
  return { treeSize, timestamp, rootHash, signature, keyId: signer.keyId };
}

/** Whether a head's signature verifies under the raw public key (and names that key). */
export function verifyTreeHead(head: SignedTreeHead, publicKeyHex: string): boolean {
  const message = treeHeadMessage(head);
  const signature = hexToBytes(head.signature);
  if (!message || !signature || head.keyId !== keyIdOf(publicKeyHex)) return false;
  return verify(null, message, publicKeyOfRaw(publicKeyHex), signature);
}

/**
 * Makes, stores and returns a signed head over the whole log, in one transaction. When the log
 * has not grown since the newest head, that head is returned instead (one head per size).
 */
export function publishTreeHead(db: Db, signer: LogSigner, now = Date.now()): SignedTreeHead {
  return db.transaction(() => {
    catchUpTree(db);
    const size = storedTreeSize(db);
    const last = latestTreeHead(db);
    if (last && last.treeSize === size) return last;
    const head = signTreeHead(signer, size, bytesToHex(rootAt(db, size)), now);
    db.prepare(`INSERT INTO access_log_heads (tree_size, timestamp, root_hash, signature, key_id)
      VALUES (?, ?, ?, ?, ?)`).run(head.treeSize, head.timestamp, head.rootHash, head.signature,
      head.keyId);
    return head;
  }).immediate();
}

/**
 * server/'s own access-log rows as an evidence disc's extract (issue 18), with their inclusion
 * proofs against a signed head that covers them all (the earliest stored one, so the same
 * entries give the same disc; a new head when none covers them yet): each row as the audit
 * entry its leaf covers (core accessAuditEntryOf), at its position (server/'s ids are positions).
 * For the command-line tools and specs; efr worker reads the same extract over REST
 * (GET /access-log/entries).
 */
export function provenExtract(db: Db, rows: readonly LinkedLogEntry[]):
  { log: LogExtractEntry[]; logTree: { head: SignedTreeHead; publicKey: string } } {
  const signer = logSignerOf(db);
  const last = rows.reduce((n, e) => Math.max(n, e.seq), 1);
  const stored = db.prepare('SELECT * FROM access_log_heads WHERE tree_size >= ? AND key_id = ? ' +
    'ORDER BY tree_size LIMIT 1').get(last, signer.keyId) as RawHead | undefined;
  const head = stored ? headOf(stored) : publishTreeHead(db, signer);
  const log = rows.map((e) => ({ seq: e.seq,
    entry: auditLeafFacts(accessAuditEntryOf(e)) as AuditLeafFacts,
    inclusionProof: proofOfEntry(db, e.seq, head.treeSize).map(bytesToHex) }));
  return { log, logTree: { head, publicKey: signer.publicKey } };
}
