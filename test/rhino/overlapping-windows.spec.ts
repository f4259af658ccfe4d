/**
 * Overlapping viewing windows (R24.2: access follows the register). A viewer may hold several
 * registered requests naming the same recording; closing one of them, by the close step of
 * access-request-action.post or by the window-expiry job, must leave the viewer's Consumer on
 * every recording another registered request of theirs still holds, and remove it once none
 * does. Both paths run compiled in Debian's Rhino; server/, which decides reads from the
 * requests themselves, must let the same people read after each step.
 */
import type { NodeRow } from '../../server/src/repo/node-rows.js';
import { stepRequest } from '../../server/src/webscripts/access-requests/access-request-steps.js';
import { asWorkflowStep } from '../../server/src/webscripts/web-script-host.js';
import { closeEndedWindows } from '../../server/src/webscripts/access-requests/window-expiry.js';
import {
  HOUR, rhinoStore, serverFacts, serverReaders, type RequestFacts, type ServerFacts,
} from './request-facts.js';
import { runScriptAction, type JobResult, type ScriptActionRun } from './script-action-run.js';
import { runAccessRequestCalls, type WsCall, type WsResult } from './webscript-features.js';

const USERS: Record<string, string[]> = {
  admin: ['GROUP_ALFRESCO_ADMINISTRATORS'],
  officer1: ['GROUP_EFR_OFFICERS'],
  officer2: ['GROUP_EFR_OFFICERS'],
  officer3: ['GROUP_EFR_OFFICERS'],
  officer4: ['GROUP_EFR_OFFICERS'],
  officer5: ['GROUP_EFR_OFFICERS'],
  custodian1: ['GROUP_EFR_CUSTODIANS'],
  director1: ['GROUP_EFR_OFFICE_DIRECTORS'],
  leader1: ['GROUP_EFR_LEADERS'],
};
const VIEWERS = ['officer1', 'officer2', 'officer3', 'officer4', 'officer5'];
const CUSTODIANS_ACE = 'ALLOWED;GROUP_EFR_CUSTODIANS;Collaborator';
const consumer = (user: string): string => `ALLOWED;${user};Consumer`;
const now = Date.now();

describe('overlapping viewing windows: the close step in Rhino, against server/ (R24.2)', () => {
  const REC = 'EFR 执法记录/录像档案';
  const iso = (ms: number): string => new Date(ms).toISOString();
  /** Submitted by officer1, reviewed, approved and registered for `viewer` until `until`. */
  const registered = (name: string, clips: string[], viewer: string, until: number): WsCall[] => {
    const step = (suffix: string, action: string, user: string, body?: unknown): WsCall =>
      ({ name: `${name}${suffix}`, script: 'access-request-action.post', user,
        templateArgs: { id: `@${name}`, action }, body });
    return [
      { name, script: 'access-requests.post', user: 'officer1',
        body: { recordingIds: clips.map((c) => `#${c}.mp4`), purpose: 'work',
          reason: '复核现场执法过程' } },
      step('Review', 'review', 'director1'),
      step('Approve', 'approve', 'leader1'),
      step('Register', 'register', 'custodian1',
        { viewer, reason: '案件复核需要', viewingUntil: iso(until) }),
    ];
  };
  const close = (name: string): WsCall => ({ name: `${name}Close`,
    script: 'access-request-action.post', user: 'custodian1',
    templateArgs: { id: `@${name}`, action: 'close' } });
  const acl = (name: string): { name: string; permissionsOf: string }[] =>
    ['clip', 'other'].map((c) => ({ name: `${name}:${c}`, permissionsOf: `#${c}.mp4` }));
  /** Consumer ACEs each recording holds at the look named `at`. */
  const consumers = (at: string): Record<string, string[]> => ({
    clip: r[`${at}:clip`].body?.permissions ?? [],
    other: r[`${at}:other`].body?.permissions ?? [],
  });
  /** Requests A and B of officer1 overlap on clip; C is officer2's on clip. */
  const FACTS: RequestFacts[] = [
    { name: 'A', status: 'registered', recordings: ['clip'], viewer: 'officer1',
      from: now - HOUR, to: now + HOUR },
    { name: 'B', status: 'registered', recordings: ['clip', 'other'], viewer: 'officer1',
      from: now - HOUR, to: now + 2 * HOUR },
    { name: 'C', status: 'registered', recordings: ['clip'], viewer: 'officer2',
      from: now - HOUR, to: now + 2 * HOUR },
  ];
  let r: Record<string, WsResult>;
  /** server/'s readers of clip and other, after registration and after each close. */
  const server: Record<string, Record<string, string[]>> = {};

  beforeAll(async () => {
    r = await runAccessRequestCalls(USERS, [
      // The same facts as on server/, save that each window here opens at its registration.
      ...FACTS.flatMap((f) => registered(f.name, f.recordings, f.viewer as string, f.to as number)),
      ...acl('registered'),
      close('A'),
      ...acl('afterA'),
      { name: 'viewB', script: 'access-request-viewing-events.post', user: 'officer1',
        templateArgs: { id: '@B' },
        body: { event: 'start', recordingId: '#clip.mp4', sessionId: 's1' } },
      close('B'),
      ...acl('afterB'),
    ], ['clip', 'other'].map((c) => ({ folder: REC, name: `${c}.mp4`, type: 'efr:recording',
      properties: { 'efr:secrecyLevel': 'none' } })));
    // server/ has its own admin already.
    const people = Object.fromEntries(Object.entries(USERS).filter(([u]) => u !== 'admin'));
    const s: ServerFacts = await serverFacts(FACTS, now, people);
    try {
      const readers = (): Record<string, string[]> =>
        serverReaders(s, ['clip', 'other'], VIEWERS, Date.now());
      const closeOnServer = (name: string): void => {
        // As the close web script runs it: a workflow step (issue 16).
        stepRequest(s.repo, asWorkflowStep(s.repo.caller('custodian1'), 'close'),
          s.repo.rows.get(s.ids[name]) as NodeRow, 'close', {});
      };
      server.registered = readers();
      closeOnServer('A');
      server.afterA = readers();
      closeOnServer('B');
      server.afterB = readers();
    } finally {
      s.dispose();
    }
  });

  it('registration grants each viewer Consumer once per recording', () => {
    for (const name of ['A', 'B', 'C']) {
      expect(r[`${name}Register`].body?.entry?.['status']).withContext(name).toBe('registered');
    }
    expect(consumers('registered')).toEqual({
      clip: [consumer('officer1'), consumer('officer2')],
      other: [consumer('officer1')],
    });
  });

  it('R24.2: closing A keeps officer1\'s Consumer on clip while B still holds it', () => {
    expect(r.AClose.body?.entry?.['status']).toBe('closed');
    expect(consumers('afterA')).toEqual(consumers('registered'));
    expect(r.AClose.logs.filter((l) => l.startsWith('acl: '))).toEqual([]);
    const bId = r.B.body?.entry?.['id'] as string;
    expect(r.AClose.logs.join('\n'))
      .toMatch(new RegExp(`info: efr viewing kept on \\S+ for officer1: request ${bId} still ` +
        'registered \\(R24\\.2\\)'));
    // B's window goes on: officer1 still views clip under it.
    expect(r.viewB.status).toBe(201);
  });

  it('R24.2: closing B, the last of officer1\'s, removes officer1\'s Consumer; C keeps officer2\'s',
    () => {
      expect(r.BClose.body?.entry?.['status']).toBe('closed');
      expect(consumers('afterB')).toEqual({ clip: [consumer('officer2')], other: [] });
      expect(r.BClose.logs.filter((l) => l.startsWith('acl: '))).toEqual([
        `acl: removePermission clip.mp4 ${consumer('officer1')}`,
        `acl: removePermission other.mp4 ${consumer('officer1')}`,
      ]);
    });

  it('server/ lets the same viewers read after registration and after each close', () => {
    for (const at of ['registered', 'afterA', 'afterB']) {
      expect(server[at]).withContext(at).toEqual(consumers(at));
    }
  });
});

describe('overlapping viewing windows: the window-expiry job in Rhino, against server/ (R24.2)',
  () => {
    const QUERY = 'TYPE:"efr:accessRequest" AND =efr:requestStatus:"registered"';
    const FACTS: RequestFacts[] = [
      // officer2: one window ended, one still open on clip-a.
      { name: 'ended-a', status: 'registered', recordings: ['clip-a'], viewer: 'officer2',
        from: now - 3 * HOUR, to: now - HOUR },
      { name: 'open-a', status: 'registered', recordings: ['clip-a'], viewer: 'officer2',
        from: now - 2 * HOUR, to: now + HOUR },
      // officer3's window on clip-b ended; officer4's open one there is another viewer's.
      { name: 'ended-b', status: 'registered', recordings: ['clip-b'], viewer: 'officer3',
        from: now - 3 * HOUR, to: now - HOUR },
      { name: 'open-b', status: 'registered', recordings: ['clip-b'], viewer: 'officer4',
        from: now - HOUR, to: now + HOUR },
      // officer5: both windows on clip-c ended; neither holds the other's.
      { name: 'ended-c1', status: 'registered', recordings: ['clip-c'], viewer: 'officer5',
        from: now - 4 * HOUR, to: now - 2 * HOUR },
      { name: 'ended-c2', status: 'registered', recordings: ['clip-c'], viewer: 'officer5',
        from: now - 3 * HOUR, to: now - HOUR },
      // officer1: a window ended on clip-d, the next one registered but not begun yet.
      { name: 'ended-d', status: 'registered', recordings: ['clip-d'], viewer: 'officer1',
        from: now - 3 * HOUR, to: now - HOUR },
      { name: 'later-d', status: 'registered', recordings: ['clip-d'], viewer: 'officer1',
        from: now + HOUR, to: now + 3 * HOUR },
    ];
    let run: ScriptActionRun;
    let server: { closed: string[]; readers: Record<string, string[]> };
    const job = (): JobResult => run.steps[0] as JobResult;
    const consumersOf = (clip: string): string[] =>
      run.nodes[clip].permissions.filter((p) => p !== CUSTODIANS_ACE);
    const logs = (): string => job().actions.flatMap((a) => a.logs).join('\n');

    beforeAll(async () => {
      run = await runScriptAction({
        users: USERS,
        nodes: rhinoStore(FACTS, now),
        behaviours: { 'efr:accessRequest': 'access-request' },
        steps: [{ kind: 'job', script: 'window-expiry', runAsUser: 'admin', query: QUERY }],
      });
      const s = await serverFacts(FACTS, now);
      try {
        const closed = closeEndedWindows(s.repo, Date.now()).map((id) => s.names[id]);
        const clips = ['clip-a', 'clip-b', 'clip-c', 'clip-d'];
        server = { closed, readers: serverReaders(s, clips, VIEWERS, Date.now()) };
      } finally {
        s.dispose();
      }
    });

    it('closes every ended window and no open one', () => {
      expect(job().actions.every((a) => a.outcome === 'done')).toBeTrue();
      const closed = FACTS.map((f) => f.name)
        .filter((n) => run.nodes[n].props['efr:requestStatus'] === 'closed');
      expect(closed).toEqual(['ended-a', 'ended-b', 'ended-c1', 'ended-c2', 'ended-d']);
      expect(server.closed).toEqual(closed);
    });

    it('R24.2: closing an ended request keeps the viewer\'s Consumer while their open one holds it',
      () => {
        expect(consumersOf('clip-a')).toEqual([consumer('officer2')]);
        expect(run.journal.filter((e) => e['node'] === 'clip-a')).toEqual([]);
        expect(logs()).toContain(
          'info: efr viewing kept on clip-a for officer2: request open-a still registered (R24.2)');
      });

    it('R24.2: another viewer\'s open window, or an ended one of the same viewer, holds nothing',
      () => {
        expect(consumersOf('clip-b')).toEqual([consumer('officer4')]);
        expect(consumersOf('clip-c')).toEqual([]);
        expect(run.journal.filter((e) => e['write'] === 'removePermission')
          .map((e) => [e['node'], e['ace'], e['user']])).toEqual([
          ['clip-b', consumer('officer3'), 'System'],
          // Both ended requests of officer5 close; the second removal finds no ACE left, which
          // ACS's PermissionService#deletePermission takes as nothing to do (no write).
          ['clip-c', consumer('officer5'), 'System'],
        ]);
      });

    it('R24.2: a registered window not begun yet holds the Consumer registration granted', () => {
      expect(consumersOf('clip-d')).toEqual([consumer('officer1')]);
      expect(logs()).toContain(
        'info: efr viewing kept on clip-d for officer1: request later-d still registered (R24.2)');
    });

    it('server/ lets the same viewers read once the windows have begun', () => {
      // clip-d's Consumer waits for later-d's window, as it does after any registration of a
      // window not begun: until then server/ refuses officer1's read (core's canReadContent),
      // the module only on confidential recordings (onContentRead).
      for (const clip of ['clip-a', 'clip-b', 'clip-c']) {
        expect(server.readers[clip]).withContext(clip).toEqual(consumersOf(clip));
      }
      expect(server.readers['clip-d']).toEqual([]);
    });
  });
