/**
 * The access log's signed tree heads (issue 18; RFC 9162), once for both hosts, under
 * /alfresco/s/efr:
 *
 * - `GET /access-log/tree-heads`: the signed heads, oldest first, with the key that signed the
 *   newest, the newest head's tree state (for the worker to extend) and the requests waiting;
 * - `POST /access-log/tree-heads` (no body): asks for a head over the log as it is now, answered
 *   202 with the request, which efr worker signs (server/src/worker/jobs/tree-head.ts); the
 *   worker also asks for one daily;
 * - `POST /access-log/tree-heads/{id}/head` (efr worker only): the signed head of a request,
 *   with the tree's state after it (last entry id, frontier).
 *
 * A head is an `efr:treeHead` node in the archive's `访问日志树头` folder, written and read as
 * the repository after core decided who may (core/src/merkle/tree-head-rules.ts): nobody
 * writes them through the REST API. The worker builds the tree over the `efr-access` audit
 * entries as the REST API answers them (core/src/merkle/audit-leaf.ts), in both hosts.
 */
import type {
  TreeHeadRequest, TreeHeadsAnswer,
} from '../../../contract/index.js';
import {
  checkJobWorker, checkTreeHeadReader, checkTreeHeadSubmission, localStamp, refuse,
  type SignedTreeHead, type StoredTreeHead,
} from '../../../core/src/index.js';
import { textProp, type PortNode, type RepositoryPort } from '../repository-port.js';
import {
  invalidArgument, notFound, type WebScriptDefinition,
} from '../web-script.js';
import { madeArchiveFolder } from '../handovers/handover-json.js';

const AREA = 'access-log';
const TREE_HEAD = 'efr:treeHead';
/** The heads' folder under the archive root. */
export const TREE_HEADS_FOLDER = '访问日志树头';

/**
 * The heads' folder, made by the repository when missing, beside the other archive folders
 * (the archive root is the parent of any of them); null when the archive is not set up.
 */
function headsFolderOrNull(port: RepositoryPort): PortNode | null {
  // Looked up only: a read (GET) never writes, not even the folder (the seeded fuzz of
  // test/security/fuzz.spec.ts checks that nothing changes).
  return port.asRepository(() => port.archiveFolder(TREE_HEADS_FOLDER));
}

/** The heads' folder, made under the archive root when missing (503 when there is no archive). */
function headsFolder(port: RepositoryPort): PortNode {
  return madeArchiveFolder(port, TREE_HEADS_FOLDER);
}

function num(n: PortNode, prop: string): number {
  const v = n.props[prop];
  return typeof v === 'number' ? v : Number(v);
}

/** A signed head node as stored (with the tree's state after it). */
function storedOf(n: PortNode): StoredTreeHead {
  return { treeSize: num(n, 'efr:treeSize'), timestamp: num(n, 'efr:treeHeadTimestamp'),
    rootHash: textProp(n, 'efr:treeRootHash') || '',
    signature: textProp(n, 'efr:treeHeadSignature') || '',
    keyId: textProp(n, 'efr:treeHeadKeyId') || '',
    publicKey: textProp(n, 'efr:treeHeadPublicKey') || '',
    lastEntryId: num(n, 'efr:treeLastEntryId'), frontier: textProp(n, 'efr:treeFrontier') || '' };
}

/** Only the signed head (what RFC 9162 signs and the auditor checks). */
function headOf(s: StoredTreeHead): SignedTreeHead {
  return { treeSize: s.treeSize, timestamp: s.timestamp, rootHash: s.rootHash,
    signature: s.signature, keyId: s.keyId };
}

function requestOf(n: PortNode): TreeHeadRequest {
  const at = n.props['efr:treeHeadRequestedAt'];
  return { id: n.id, state: textProp(n, 'efr:treeHeadState') === 'signed' ? 'signed' : 'requested',
    requestedBy: textProp(n, 'efr:treeHeadRequestedBy') || '',
    requestedAt: typeof at === 'string' ? at : '' };
}

/** Every head node: the signed ones by size (then time), and the requests waiting. */
export function headNodes(port: RepositoryPort): { signed: StoredTreeHead[]; requested: PortNode[] } {
  const folder = headsFolderOrNull(port);
  const nodes = folder === null ? [] : port.asRepository(() => port.children(folder.id, TREE_HEAD));
  const signed: StoredTreeHead[] = [];
  const requested: PortNode[] = [];
  for (const n of nodes) {
    if (textProp(n, 'efr:treeHeadState') === 'signed') signed.push(storedOf(n));
    else requested.push(n);
  }
  signed.sort((a, b) => a.treeSize - b.treeSize || a.timestamp - b.timestamp);
  requested.sort((a, b) => (requestOf(a).requestedAt < requestOf(b).requestedAt ? -1 : 1));
  return { signed, requested };
}

export const treeHeadsGet: WebScriptDefinition = {
  id: 'tree-heads', method: 'GET', path: '/access-log/tree-heads', area: AREA,
  title: 'EFR access log: signed tree heads',
  handle(port) {
    port.enforce(checkTreeHeadReader(port.currentUser()), 'accessLog.treeHeads', null);
    const { signed, requested } = headNodes(port);
    const newest = signed.length > 0 ? signed[signed.length - 1] : null;
    const body: TreeHeadsAnswer = {
      publicKey: newest ? newest.publicKey : null, keyId: newest ? newest.keyId : null,
      treeSize: newest ? newest.treeSize : 0, heads: signed.map(headOf),
      latest: newest ? { treeSize: newest.treeSize, lastEntryId: newest.lastEntryId,
        frontier: newest.frontier } : null,
      requested: requested.map(requestOf),
    };
    return { status: 200, body };
  },
};

export const treeHeadsPost: WebScriptDefinition = {
  id: 'tree-heads', method: 'POST', path: '/access-log/tree-heads', area: AREA,
  title: 'EFR access log: ask for a signed tree head',
  handle(port, call) {
    const user = port.currentUser();
    port.enforce(checkTreeHeadReader(user), 'accessLog.treeHead.request', null);
    if (Object.keys(call.body).length > 0) {
      throw invalidArgument('A tree head is signed over the whole log: send no fields');
    }
    const folder = headsFolder(port);
    const now = port.now();
    const made = port.asRepository(() => port.createNode(folder.id, {
      // Digits only after the local time (a name read on Chinese screens, issue 19).
      name: '树头-' + localStamp(Date.parse(now), port.zone()) + '-' +
        ('00000' + parseInt(port.randomHex(2), 16)).slice(-5),
      type: TREE_HEAD,
      props: { 'efr:treeHeadState': 'requested', 'efr:treeHeadRequestedBy': user.userName,
        'efr:treeHeadRequestedAt': now },
    }));
    port.logStep('accessLog.treeHead.requested', made.id, { requirement: 'R14.1' });
    // 202: recorded; efr worker signs it (GET /access-log/tree-heads lists it once signed).
    return { status: 202, body: { entry: requestOf(made) } };
  },
};

export const treeHeadSignedPost: WebScriptDefinition = {
  id: 'tree-head-signed', method: 'POST', path: '/access-log/tree-heads/{id}/head', area: AREA,
  title: 'EFR access log: the worker hands in a signed tree head',
  handle(port, call) {
    port.enforce(checkJobWorker(port.currentUser()), 'accessLog.treeHead.sign', null);
    const folder = headsFolder(port);
    const n = port.asRepository(() => port.node(call.params.id));
    if (n === null || n.type !== TREE_HEAD ||
      port.asRepository(() => port.parentId(n.id)) !== folder.id) {
      throw notFound(call.params.id);
    }
    if (textProp(n, 'efr:treeHeadState') === 'signed') {
      port.enforce(refuse(409, 'efr.accessLog.headSigned', 'R14.1',
        'This tree head is signed already.', '该树头已签名。'), 'accessLog.treeHead.sign', n.id);
    }
    const { signed } = headNodes(port);
    const checked = checkTreeHeadSubmission(call.body,
      signed.length > 0 ? signed[signed.length - 1] : null);
    if ('invalid' in checked) throw invalidArgument(checked.invalid);
    if ('refused' in checked) {
      port.enforce(checked.refused, 'accessLog.treeHead.sign', n.id);
      throw invalidArgument('refused');
    }
    const h = checked.head;
    port.asRepository(() => port.updateNode(n.id, { 'efr:treeHeadState': 'signed',
      'efr:treeSize': h.treeSize, 'efr:treeHeadTimestamp': h.timestamp,
      'efr:treeRootHash': h.rootHash, 'efr:treeHeadSignature': h.signature,
      'efr:treeHeadKeyId': h.keyId, 'efr:treeHeadPublicKey': h.publicKey,
      'efr:treeLastEntryId': h.lastEntryId, 'efr:treeFrontier': h.frontier }));
    port.logStep('accessLog.treeHead.signed', n.id, { treeSize: String(h.treeSize),
      rootHash: h.rootHash, keyId: h.keyId, requirement: 'R14.1' });
    return { status: 200, body: { entry: headOf(h) } };
  },
};

export const TREE_HEAD_WEB_SCRIPTS: readonly WebScriptDefinition[] = [
  treeHeadsGet, treeHeadsPost, treeHeadSignedPost,
];
