/**
 * The repository port's contract: one suite that every adapter passes (server/'s over SQLite in
 * server/src/webscripts/port/server-port.spec.ts, the module's inside the ACS-like runtime in
 * test/rhino/port-contract.spec.ts), the way unstorage runs one suite against every driver.
 * Host-neutral and synchronous: the checks run in Node under Jasmine and in Rhino (compiled to
 * ES5 with the module's adapter), each throwing on the first broken expectation.
 */
import type { RepositoryPort } from './repository-port.js';

/** What the host prepared before the suite runs. */
export interface PortFixture {
  /** The calling user (a member of {@link group}). */
  user: string;
  /** A group the calling user belongs to. */
  group: string;
  /** Another person, with a first name, in no EFR group. */
  otherUser: string;
  /** That person's display name. */
  otherDisplayName: string;
  /** An archive folder where the caller may create `efr:violation` and `efr:accountability`. */
  folder: string;

  // --- handovers (issue 15) ---
  /** The other person's unit as the directory holds it (`cm:organization`). */
  otherOrganization: string;
  /** A `cm:content` node in {@link folder} with stored bytes of that SHA-256 and size. */
  content: { name: string; sha256: string; size: number };
  // --- access log (issue 15/18) ---
  /** A node whose content {@link otherUser} read once, in a transaction before the suite. */
  readNode: string;
  // --- disposition (issue 18) ---
  /**
   * Disposition (issue 18): a sealed recording with content (`recordingId`, SHA-256
   * `sha256`) that the executed batch `batchId` lists in `efr:destroyedIds`, and another one
   * (`keptId`, with content) that it does not list.
   */
  disposal: { recordingId: string; sha256: string; keptId: string; batchId: string };
}

// --- spot checks (issue 15) ---
/**
 * The recordings each host makes before the suite for the population's query (efr:officer and
 * efr:recordingStart set), their ids sorting in the order listed, and no other recording: of
 * them, `names` start in [from, to) (one at `from`, one at `to`), in id order, which is not
 * their name order.
 */
export const CONTRACT_RECORDINGS = {
  from: '2026-11-20T00:00:00.000Z',
  to: '2026-11-21T00:00:00.000Z',
  made: [
    { name: 'c-2.mp4', start: '2026-11-20T05:00:00.000Z' },
    { name: 'c-at-to.mp4', start: '2026-11-21T00:00:00.000Z' },
    { name: 'c-1.mp4', start: '2026-11-20T00:00:00.000Z' },
    { name: 'c-old.mp4', start: '2026-10-01T00:00:00.000Z' },
  ],
  names: ['c-2.mp4', 'c-1.mp4'],
};

/** One check of the contract. */
export interface PortCheck {
  name: string;
  run(port: RepositoryPort, fx: PortFixture): void;
}

/** One check's outcome. */
export interface PortCheckResult {
  name: string;
  /** null when the check passed. */
  failure: string | null;
}

function expect(what: string, actual: unknown, expected: unknown): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(what + ': expected ' + e + ', got ' + a);
}

function expectTrue(what: string, ok: boolean): void {
  if (!ok) throw new Error(what);
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A violation made through the port in the fixture's folder (unique name per call). */
function newViolation(port: RepositoryPort, fx: PortFixture, suffix: string) {
  const folder = port.archiveFolder(fx.folder);
  if (folder === null) throw new Error('no archive folder ' + fx.folder);
  return port.createNode(folder.id, {
    name: '违规-contract-' + suffix,
    type: 'efr:violation',
    props: {
      'efr:violationKind': 'otherSerious',
      'efr:violationStatus': 'proposed',
      'efr:violationDescription': '合同 contract',
      'efr:sourceReference': 'report:contract-' + suffix,
      'efr:proposedBy': fx.user,
      'efr:proposedAt': '2026-03-04T05:06:07.089Z',
      'efr:officer': fx.otherUser,
      'efr:unit': '婚姻登记处',
    },
  });
}

/** The checks, in order (later ones may rely on nodes earlier ones made). */
export const PORT_CONTRACT: readonly PortCheck[] = [
  {
    name: 'currentUser answers the caller with its groups',
    run(port, fx) {
      const u = port.currentUser();
      expect('userName', u.userName, fx.user);
      expectTrue('groups hold ' + fx.group + ': ' + u.groups.join(','),
        u.groups.indexOf(fx.group) >= 0);
      expect('isAdmin', u.isAdmin, false);
    },
  },
  {
    name: 'now is an ISO 8601 UTC instant close to the wall clock',
    run(port) {
      const now = port.now();
      expectTrue('ISO UTC: ' + now, ISO_UTC.test(now));
      expectTrue('close to the clock: ' + now,
        Math.abs(new Date(now).getTime() - new Date().getTime()) < 600000);
    },
  },
  {
    name: 'the bureau zone defaults to China Standard Time',
    run(port) {
      const july = new Date('2026-07-01T00:00:00Z').getTime();
      expect('offset', port.zone().offsetMinutesAt(july), 480);
      expect('timeZone setting', port.setting('timeZone'), null);
    },
  },
  {
    name: 'node answers null for a malformed, unknown or missing id',
    run(port) {
      expect('malformed', port.node('../etc/passwd'), null);
      expect('unknown', port.node('00000000-0000-0000-0000-000000000000'), null);
      expect('archive folder', port.archiveFolder('没有这个文件夹'), null);
    },
  },
  {
    name: 'createNode stores text, dates (read back as ISO UTC) and the type',
    run(port, fx) {
      const v = newViolation(port, fx, 'a');
      const read = port.node(v.id);
      if (read === null) throw new Error('created node not readable');
      expect('type', read.type, 'efr:violation');
      expect('name', read.name, '违规-contract-a');
      expect('text', read.props['efr:violationDescription'], '合同 contract');
      expect('date', read.props['efr:proposedAt'], '2026-03-04T05:06:07.089Z');
      const unset = read.props['efr:decidedBy'];
      expect('unset', unset === undefined || unset === null, true);
      const folder = port.archiveFolder(fx.folder);
      expectTrue('listed among the folder children',
        folder !== null && port.children(folder.id, 'efr:violation').some((c) => c.id === v.id));
      expectTrue('found by type', port.nodesOfType('efr:violation').some((c) => c.id === v.id));
      expectTrue('not found as another type', !port.nodesOfType('efr:accountability')
        .some((c) => c.id === v.id));
    },
  },
  {
    name: 'updateNode sets properties and adds an aspect',
    run(port, fx) {
      const v = newViolation(port, fx, 'b');
      const u = port.updateNode(v.id, {
        'efr:violationStatus': 'confirmed',
        'efr:decidedBy': fx.user,
        'efr:decidedAt': '2026-03-05T00:00:00.000Z',
        'efr:decisionReason': '核实',
      }, ['efr:decided']);
      expect('status', u.props['efr:violationStatus'], 'confirmed');
      expect('date', u.props['efr:decidedAt'], '2026-03-05T00:00:00.000Z');
      expectTrue('aspect ' + u.aspects.join(','), u.aspects.indexOf('efr:decided') >= 0);
      const again = port.node(v.id);
      expect('stored', again === null ? null : again.props['efr:decisionReason'], '核实');
    },
  },
  {
    name: 'associations answer their targets and sources',
    run(port, fx) {
      const v = newViolation(port, fx, 'c');
      const folder = port.archiveFolder(fx.folder);
      if (folder === null) throw new Error('no folder');
      const m = port.createNode(folder.id, {
        name: '问责-contract-c',
        type: 'efr:accountability',
        props: { 'efr:measure': 'criticism', 'efr:startDate': '2026-03-06',
          'efr:officer': fx.otherUser, 'efr:decidedBy': fx.user,
          'efr:decidedAt': '2026-03-06T01:00:00.000Z' },
      });
      port.createAssociation(m.id, v.id, 'efr:accountabilityViolation');
      expect('targets', port.targets(m.id, 'efr:accountabilityViolation').map((n) => n.id), [v.id]);
      expect('sources', port.sources(v.id, 'efr:accountabilityViolation').map((n) => n.id), [m.id]);
      expect('other type', port.targets(m.id, 'efr:violationSubject'), []);
    },
  },
  {
    name: 'folder finds a child folder or makes it once',
    run(port, fx) {
      const parent = port.archiveFolder(fx.folder);
      if (parent === null) throw new Error('no folder');
      const made = port.folder(parent.id, '合同-子文件夹');
      expect('same folder again', port.folder(parent.id, '合同-子文件夹').id, made.id);
      expect('name', made.name, '合同-子文件夹');
    },
  },
  {
    name: 'permissions are granted and removed by the repository',
    run(port, fx) {
      const v = newViolation(port, fx, 'd');
      const ace = 'ALLOWED;' + fx.otherUser + ';Consumer';
      port.setPermission(v.id, fx.otherUser, 'Consumer');
      const granted = port.permissions(v.id);
      expectTrue('granted: ' + granted.join(','), granted.indexOf(ace) >= 0);
      port.removePermission(v.id, fx.otherUser, 'Consumer');
      const left = port.permissions(v.id);
      expectTrue('removed: ' + left.join(','), left.indexOf(ace) < 0);
    },
  },
  {
    name: 'stopInheritingPermissions keeps the node\'s own grants',
    run(port, fx) {
      const v = newViolation(port, fx, 'i');
      const ace = 'ALLOWED;' + fx.otherUser + ';Consumer';
      port.setPermission(v.id, fx.otherUser, 'Consumer');
      port.stopInheritingPermissions(v.id);
      port.stopInheritingPermissions(v.id);
      const kept = port.permissions(v.id);
      expectTrue('kept: ' + kept.join(','), kept.indexOf(ace) >= 0);
    },
  },
  {
    name: 'people and groups answer persons, their groups and names',
    run(port, fx) {
      expect('exists', port.personExists(fx.otherUser), true);
      expect('unknown', port.personExists('nobody-such'), false);
      expectTrue('groups of the caller', port.groupsOf(fx.user).indexOf(fx.group) >= 0);
      expect('groups of nobody', port.groupsOf('nobody-such'), []);
      expect('display name', port.displayName(fx.otherUser), fx.otherDisplayName);
    },
  },
  // --- evidence packages (issue 15) ---
  {
    name: 'nodesWhere finds the nodes of a type by a text property',
    run(port, fx) {
      const v = newViolation(port, fx, 'w');
      const found = port.nodesWhere('efr:violation', 'efr:sourceReference', 'report:contract-w');
      expect('found', found.map((n) => n.id), [v.id]);
      expect('its properties', found[0].props['efr:violationDescription'], '合同 contract');
      expect('another value', port.nodesWhere('efr:violation', 'efr:sourceReference',
        'report:contract-none'), []);
      expect('another type', port.nodesWhere('efr:accountability', 'efr:sourceReference',
        'report:contract-w'), []);
    },
  },
  {
    name: 'enforce lets an allowed verdict through',
    run(port) {
      port.enforce({ allowed: true }, 'contract', null);
      port.logStep('contract.step', null, { requirement: 'issue 15' });
    },
  },

  // --- handovers (issue 15) ---
  {
    name: 'parentId answers the primary parent and moveNode changes it',
    run(port, fx) {
      const parent = port.archiveFolder(fx.folder);
      if (parent === null) throw new Error('no folder');
      const a = port.folder(parent.id, '合同-移动-甲');
      const b = port.folder(parent.id, '合同-移动-乙');
      expect('parent before', port.parentId(a.id), parent.id);
      expect('moved', port.moveNode(a.id, b.id).id, a.id);
      expect('parent after', port.parentId(a.id), b.id);
      expect('listed in the new parent', port.children(b.id, 'cm:folder').map((n) => n.id), [a.id]);
      expect('malformed', port.parentId('../etc/passwd'), null);
    },
  },
  {
    name: "contentDigest answers the stored bytes' SHA-256 and size, null without content",
    run(port, fx) {
      const folder = port.archiveFolder(fx.folder);
      if (folder === null) throw new Error('no folder');
      const file = port.children(folder.id, 'cm:content')
        .filter((n) => n.name === fx.content.name)[0];
      if (file === undefined) throw new Error('no content node ' + fx.content.name);
      expect('digest', port.contentDigest(file.id),
        { sha256: fx.content.sha256, size: fx.content.size });
      expectTrue('content is no property', file.props['cm:content'] === undefined);
      expect('no content', port.contentDigest(newViolation(port, fx, 'e').id), null);
    },
  },
  {
    name: 'organizationOf answers the unit the directory holds',
    run(port, fx) {
      expect('other user', port.organizationOf(fx.otherUser), fx.otherOrganization);
      expect('caller without one', port.organizationOf(fx.user), null);
      expect('unknown', port.organizationOf('nobody-such'), null);
    },
  },
  {
    name: 'violationRegister answers the same register folder each time; supervisors coordinate',
    run(port) {
      const r = port.violationRegister();
      if (r === null) throw new Error('no register');
      expect('name', r.name, '违规记录');
      const again = port.violationRegister();
      expect('same', again === null ? null : again.id, r.id);
      const aces = port.permissions(r.id);
      expectTrue('supervisors coordinate: ' + aces.join(','),
        aces.indexOf('ALLOWED;GROUP_EFR_SUPERVISORS;Coordinator') >= 0);
    },
  },
  // --- spot checks (issue 15) ---
  {
    name: 'recordingsStartedIn answers the recordings of [from, to) in id order',
    run(port) {
      const r = CONTRACT_RECORDINGS;
      const found = port.recordingsStartedIn(r.from, r.to);
      expect('names in id order', found.map((n) => n.name), r.names);
      const ids = found.map((n) => n.id);
      expect('id order', ids, ids.slice().sort());
      for (const n of found) {
        expect('type of ' + n.name, n.type, 'efr:recording');
        const start = n.props['efr:recordingStart'];
        expectTrue('start of ' + n.name + ': ' + String(start), typeof start === 'string' &&
          ISO_UTC.test(start) && start >= r.from && start < r.to);
      }
      expect('empty period', port.recordingsStartedIn(r.from, r.from), []);
    },
  },
  {
    name: 'randomHex answers fresh hex of the length asked',
    run(port) {
      const a = port.randomHex(16);
      const b = port.randomHex(16);
      expectTrue('32 hex digits: ' + a, /^[0-9a-f]{32}$/.test(a));
      expectTrue('fresh: ' + a + ' ' + b, a !== b);
      expectTrue('3 bytes: ' + port.randomHex(3), /^[0-9a-f]{6}$/.test(port.randomHex(3)));
    },
  },
  // --- access log (issue 15/18) ---
  {
    name: 'accessLog answers a content read of a node to a caller who is no administrator',
    run(port, fx) {
      const all = port.accessLog({ nodeId: fx.readNode });
      const reads = port.accessLog({ nodeId: fx.readNode, kind: 'contentRead' });
      expect('reads of the node', reads.length, 1);
      const r = reads[0];
      expect('user', r.user, fx.otherUser);
      expect('node', r.nodeId, fx.readNode);
      expect('kind', r.kind, 'contentRead');
      expectTrue('at is ISO UTC: ' + r.at, ISO_UTC.test(r.at));
      expectTrue('at is in the past: ' + r.at, r.at <= port.now());
      expectTrue('seq is a positive number: ' + r.seq, typeof r.seq === 'number' && r.seq > 0);
      expectTrue('also among all entries of the node',
        all.some((e) => e.seq === r.seq && e.kind === 'contentRead'));
    },
  },
  {
    name: 'accessLog selects by node and kind, oldest first',
    run(port, fx) {
      expect('unknown node', port.accessLog({ nodeId: '00000000-0000-0000-0000-000000000000' }),
        []);
      expect('nothing refused on the node', port.accessLog({ nodeId: fx.readNode,
        kind: 'refused' }), []);
      const reads = port.accessLog({ kind: 'contentRead' });
      expectTrue('every entry is a read', reads.every((e) => e.kind === 'contentRead'));
      expectTrue('the read is among them', reads.some((e) => e.nodeId === fx.readNode));
      for (let i = 1; i < reads.length; i++) {
        expectTrue('oldest first at ' + i, reads[i - 1].seq < reads[i].seq);
      }
    },
  },
  // --- access requests (issue 15) ---
  {
    name: 'mimeType answers null for a node without content; the R27.1 setting is unset',
    run(port, fx) {
      const v = newViolation(port, fx, 'm');
      expect('mimeType', port.mimeType(v.id), null);
      expect('confidentialRequesterGroups', port.setting('confidentialRequesterGroups'), null);
    },
  },
  {
    name: 'removeAspect removes an aspect and its properties, once',
    run(port, fx) {
      const v = newViolation(port, fx, 'f');
      port.updateNode(v.id, { 'cm:title': '合同标题' }, ['cm:titled']);
      const u = port.removeAspect(v.id, 'cm:titled');
      expectTrue('aspect gone: ' + u.aspects.join(','), u.aspects.indexOf('cm:titled') < 0);
      const again = port.node(v.id);
      const title = again === null ? 'missing' : again.props['cm:title'];
      expect('title gone', title === undefined || title === null, true);
      expect('a second removal is nothing', port.removeAspect(v.id, 'cm:titled').id, v.id);
    },
  },
  {
    name: 'createNode makes the node with its peer associations',
    run(port, fx) {
      const v = newViolation(port, fx, 'h');
      const folder = port.archiveFolder(fx.folder);
      if (folder === null) throw new Error('no folder');
      const m = port.createNode(folder.id, {
        name: '问责-contract-h',
        type: 'efr:accountability',
        props: { 'efr:measure': 'criticism', 'efr:startDate': '2026-03-06',
          'efr:officer': fx.otherUser, 'efr:decidedBy': fx.user,
          'efr:decidedAt': '2026-03-06T01:00:00.000Z' },
        targets: [{ targetId: v.id, assocType: 'efr:accountabilityViolation' }],
      });
      expect('targets', port.targets(m.id, 'efr:accountabilityViolation').map((n) => n.id), [v.id]);
    },
  },
  {
    name: 'asRepository acts as System, then as the caller again',
    run(port, fx) {
      const v = newViolation(port, fx, 'g');
      const inside = port.asRepository(() => {
        port.updateNode(v.id, { 'efr:violationDescription': '系统 system' });
        return port.currentUser().userName;
      });
      expect('inside', inside, 'System');
      expect('after', port.currentUser().userName, fx.user);
      const read = port.node(v.id);
      expect('modifier', read === null ? null : read.props['cm:modifier'], 'System');
    },
  },
  // --- access-log proofs ---
  {
    name: 'sha256Hex digests hex bytes (RFC 6234 test vectors)',
    run(port) {
      expect('empty', port.sha256Hex(''),
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
      // "abc"
      expect('abc', port.sha256Hex('616263'),
        'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
      // a leaf prefix byte 0x00 and a byte above 0x7f (Java's signed bytes)
      expect('00ff', port.sha256Hex('00ff'),
        '06eb7d6a69ee19e5fbdf749018d3d2abfa04bcbd1365db312eb86dc7169389b8');
    },
  },
  {
    name: 'accessAuditEntries answers the log as the REST API does, in id order',
    run(port, fx) {
      const all = port.asRepository(() => port.accessAuditEntries());
      expectTrue('some entries', all.length > 0);
      for (let i = 1; i < all.length; i++) {
        expectTrue('id order at ' + i, Number(all[i - 1].id) < Number(all[i].id));
      }
      const read = port.accessLog({ nodeId: fx.readNode, kind: 'contentRead' })[0];
      const e = all.filter((a) => String(a.id) === String(read.seq))[0];
      expectTrue('the read is there', e !== undefined);
      if (e === undefined) return;
      expect('user', e.createdByUser ? e.createdByUser.id : null, fx.otherUser);
      expectTrue('createdAt ' + e.createdAt, typeof e.createdAt === 'string' &&
        /^\d{4}-\d{2}-\d{2}T/.test(e.createdAt));
      const v = e.values || {};
      const keys = Object.keys(v);
      expectTrue('values are text', keys.every((k) => typeof v[k] === 'string'));
      expectTrue('the node as its id', keys.some((k) => v[k] === fx.readNode));
    },
  },
  // --- disposition (issue 18) ---
  {
    name: 'destroyContent makes the tombstone of a listed recording and takes its bytes once',
    run(port, fx) {
      const d = fx.disposal;
      const gone = port.destroyContent(d.recordingId, tombstoneOf(d.batchId));
      expect('sha256', gone.sha256, d.sha256);
      expect('removed', gone.removed, true);
      expectTrue('bytes: ' + gone.bytes, gone.bytes > 0);
      const tomb = port.node(d.recordingId);
      if (tomb === null) throw new Error('the tombstone is gone');
      expectTrue('aspect ' + tomb.aspects.join(','), tomb.aspects.indexOf('efr:destroyed') >= 0);
      expect('batch', tomb.props['efr:destroyedBatch'], d.batchId);
      expect('destroyed at', tomb.props['efr:destroyedAt'], '2027-06-01T08:00:00.000Z');
      expect('fixity kept', tomb.props['efr:sha256'], d.sha256);
      const again = port.destroyContent(d.recordingId, tombstoneOf(d.batchId));
      expect('nothing left the second time', [again.removed, again.bytes], [false, 0]);
    },
  },
  {
    // Last: a refusal may leave an ACS transaction fit only for rollback.
    name: 'destroyContent refuses a recording the executed batch does not list',
    run(port, fx) {
      const d = fx.disposal;
      let refused = false;
      try {
        port.destroyContent(d.keptId, tombstoneOf(d.batchId));
      } catch (e) {
        // The host's rule (core's checkDisposal) refused: what this check expects.
        refused = true;
      }
      expectTrue('refused', refused);
    },
  },
];

/** The tombstone a batch's execution writes (a fixed time, so hosts answer alike). */
function tombstoneOf(batchId: string): Record<string, string> {
  return {
    'efr:destroyedAt': '2027-06-01T08:00:00.000Z',
    'efr:destroyedBy': 'leader1',
    'efr:destroyedBatch': batchId,
    'efr:retentionBasis': 'R22.1 contract',
  };
}

/** Runs every check against one port; a failing check does not stop the others. */
export function runPortContract(port: RepositoryPort, fx: PortFixture): PortCheckResult[] {
  const out: PortCheckResult[] = [];
  for (const c of PORT_CONTRACT) {
    try {
      c.run(port, fx);
      out.push({ name: c.name, failure: null });
    } catch (e) {
      // Any throw is the check's failure, reported by name (the spec fails on it).
      out.push({ name: c.name, failure: String(e instanceof Error ? e.message : e) });
    }
  }
  return out;
}
