/**
 * Issue 18 in the ACS module: the access log's signed tree heads in the ACS-like runtime, from
 * the one source server/ runs too (webscripts/src/access-log/tree-heads.ts): a reader asks for
 * a head, efr worker hands in the signed head, readers list it; who may not is refused, a bad or
 * backward head is refused, and the heads are efr:treeHead nodes beside the archive folders.
 */
import { findRefusal } from '../../core/src/index.js';
import { TREE_HEADS } from './webscript-features.js';
import { runWebScripts, type NodeOfCall, type WsCall, type WsResult } from './webscript-run.js';

const USERS: Record<string, string[]> = {
  supervisor1: ['GROUP_EFR_SUPERVISORS'],
  officer1: ['GROUP_EFR_OFFICERS'],
  worker1: ['GROUP_EFR_WORKERS'],
};

const code = (r: WsResult): string => (r.status < 400 ? String(r.status)
  : r.body?.error ? `${r.status} ${r.body.error.errorKey}`
    : `${r.status} ${findRefusal(String(r.error))?.code ?? r.error}`);

const EMPTY_ROOT = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const HEAD = { treeSize: 3, timestamp: 1765000000000, rootHash: 'ab'.repeat(32),
  signature: 'cd'.repeat(64), keyId: 'ef'.repeat(32), publicKey: '01'.repeat(32),
  lastEntryId: 170, frontier: '1:' + '11'.repeat(32) + ',0:' + '22'.repeat(32) };

describe('issue 18 in the module: signed tree heads in the ACS-like runtime', () => {
  let r: Record<string, WsResult>;

  beforeAll(async () => {
    const ws = (name: string, script: string, user: string, extra: Partial<WsCall> = {}):
      WsCall => ({ name, script, user, ...extra });
    const sign = (name: string, user: string, id: string, body: unknown): WsCall =>
      ws(name, 'tree-head-signed.post', user, { templateArgs: { id }, body });
    const look = (name: string, nodeOf: string): NodeOfCall => ({ name, nodeOf });
    r = await runWebScripts(TREE_HEADS, USERS, [
      ws('listEmpty', 'tree-heads.get', 'supervisor1'),
      ws('listOfficer', 'tree-heads.get', 'officer1'),
      ws('askOfficer', 'tree-heads.post', 'officer1', { body: {} }),
      ws('askBody', 'tree-heads.post', 'supervisor1', { body: { treeSize: 3 } }),
      ws('ask', 'tree-heads.post', 'supervisor1', { body: {} }),
      ws('listAsked', 'tree-heads.get', 'worker1'),
      sign('signBySupervisor', 'supervisor1', '@ask', HEAD),
      sign('signBadFrontier', 'worker1', '@ask', { ...HEAD, frontier: '0:' + '11'.repeat(32) }),
      sign('signBadRoot', 'worker1', '@ask', { ...HEAD, rootHash: 'xyz' }),
      sign('signUnknown', 'worker1', 'nope', HEAD),
      sign('sign', 'worker1', '@ask', HEAD),
      sign('signAgain', 'worker1', '@ask', HEAD),
      ws('ask2', 'tree-heads.post', 'worker1', { body: {} }),
      sign('signBehind', 'worker1', '@ask2', { ...HEAD, treeSize: 0, rootHash: EMPTY_ROOT,
        lastEntryId: 0, frontier: '' }),
      ws('list', 'tree-heads.get', 'supervisor1'),
      look('headNode', '@ask'),
    ]);
    // A JVM start and a module build: minutes on a loaded machine.
  }, 600_000);

  it('R14.1: readers list the heads and ask for one; others are refused', () => {
    expect(r.listEmpty.status).withContext(JSON.stringify(r.listEmpty)).toBe(200);
    expect(r.listEmpty.body).toEqual(jasmine.objectContaining({ heads: [], requested: [],
      publicKey: null, latest: null, treeSize: 0 }));
    expect(code(r.listOfficer)).toBe('403 efr.accessLog.notReader');
    expect(code(r.askOfficer)).toBe('403 efr.accessLog.notReader');
    expect(code(r.askBody)).toBe('400 framework.exception.InvalidArgument');
    expect(r.ask.status).withContext(JSON.stringify(r.ask)).toBe(202);
    expect(r.ask.body?.entry).toEqual(jasmine.objectContaining({ state: 'requested',
      requestedBy: 'supervisor1' }));
    expect((r.listAsked.body as unknown as { requested: { id: string }[] }).requested.length)
      .toBe(1);
  });

  it('efr worker alone hands in a head, once, well-formed and extending the newest', () => {
    expect(code(r.signBySupervisor)).toBe('403 efr.job.notWorker');
    expect(code(r.signBadFrontier)).toBe('400 framework.exception.InvalidArgument');
    expect(code(r.signBadRoot)).toBe('400 framework.exception.InvalidArgument');
    expect(code(r.signUnknown)).toBe('404 framework.exception.EntityNotFound');
    expect(r.sign.status).withContext(JSON.stringify(r.sign)).toBe(200);
    expect(code(r.signAgain)).toBe('409 efr.accessLog.headSigned');
    expect(r.ask2.status).toBe(202);
    expect(code(r.signBehind)).toBe('409 efr.accessLog.headBehind');
  });

  it('stores the head as an efr:treeHead node that the listing answers', () => {
    const list = r.list.body as unknown as { heads: unknown[]; publicKey: string;
      latest: { treeSize: number; lastEntryId: number; frontier: string };
      requested: unknown[] };
    expect(list.heads).toEqual([{ treeSize: 3, timestamp: HEAD.timestamp,
      rootHash: HEAD.rootHash, signature: HEAD.signature, keyId: HEAD.keyId }]);
    expect(list.publicKey).toBe(HEAD.publicKey);
    expect(list.latest).toEqual({ treeSize: 3, lastEntryId: 170, frontier: HEAD.frontier });
    expect(list.requested.length).toBe(1);
    expect(JSON.stringify(r.headNode)).toContain('efr:treeHead');
  });
});
