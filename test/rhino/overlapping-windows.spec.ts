/**
 * Overlapping viewing windows (R24.2: access follows the register). A viewer may hold several
 * registered requests naming the same recording; closing one of them, by the close step or by
 * the window-expiry job, must leave the viewer reading every recording another registered
 * request of theirs still holds open, and nothing once none does. Issue 15: both hosts decide
 * each read with one rule at the moment of the read (core's checkContentRead: server/'s content
 * route, the module's onContentRead), and no step or job writes a permission. The module's paths
 * run compiled in Debian's Rhino; server/ runs the same web scripts and close over its port, and
 * must let exactly the same people read after each step.
 */
import type { WebScriptCall } from '../../webscripts/src/web-script.js';
import { accessRequestStepPost } from '../../webscripts/src/access-requests/access-requests.js';
import { serverPort } from '../../server/src/webscripts/port/server-port.js';
import { asWorkflowStep } from '../../server/src/webscripts/web-script-host.js';
import {
  closeOnServer, HOUR, rhinoStore, serverFacts, serverReaders, type RequestFacts,
  type ServerFacts,
} from './request-facts.js';
import {
  runScriptAction, type JobResult, type ReadResult, type ScriptActionRun,
} from './script-action-run.js';
import { ACCESS_REQUESTS, type WsCall, type WsResult } from './webscript-features.js';
import { runWebScripts, type RestCall } from './webscript-run.js';

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
const REC = 'EFR 执法记录/录像档案';
const now = Date.now();

describe('overlapping viewing windows: the close step in Rhino, against server/ (R24.2)', () => {
  const iso = (ms: number): string => new Date(ms).toISOString();
  const CLIPS = ['clip', 'other'];
  /** Submitted by officer1, reviewed, approved and registered for `viewer` until `until`. */
  const registered = (name: string, clips: string[], viewer: string, until: number): WsCall[] => {
    const step = (suffix: string, action: string, user: string, body?: unknown): WsCall =>
      ({ name: `${name}${suffix}`, script: 'access-request-action.post', user,
        templateArgs: { id: `@${name}`, step: action }, body });
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
    templateArgs: { id: `@${name}`, step: 'close' } });
  /** Each viewer reading each recording's content (GET /nodes/{id}/content) at `at`. */
  const reads = (at: string): RestCall[] => CLIPS.flatMap((c) => VIEWERS.map((user) =>
    ({ name: `${at}:${c}:${user}`, user, rest: { op: 'content', node: `#${c}.mp4` } })));
  /** Who read each recording at the point named `at`. */
  const readers = (at: string): Record<string, string[]> => {
    const out: Record<string, string[]> = {};
    for (const c of CLIPS) {
      out[c] = VIEWERS.filter((user) => r[`${at}:${c}:${user}`].status === 200);
    }
    return out;
  };
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
    r = await runWebScripts({
      ...ACCESS_REQUESTS,
      // The archive lets every EFR group read its recordings (server/src/demo/archive-folders.ts);
      // who gets the bytes is decided at each read.
      folderAces: { [REC]: ['ALLOWED;GROUP_EFR_OFFICERS;Consumer'] },
    }, USERS, [
      // The same facts as on server/, save that each window here opens at its registration.
      ...FACTS.flatMap((f) => registered(f.name, f.recordings, f.viewer as string, f.to as number)),
      { name: 'registered:acl:clip', permissionsOf: '#clip.mp4' },
      ...reads('registered'),
      close('A'),
      ...reads('afterA'),
      { name: 'viewB', script: 'access-request-viewing-events.post', user: 'officer1',
        templateArgs: { id: '@B' },
        body: { event: 'start', recordingId: '#clip.mp4', sessionId: 's1' } },
      close('B'),
      ...reads('afterB'),
      { name: 'afterB:acl:clip', permissionsOf: '#clip.mp4' },
    ], CLIPS.map((c) => ({ folder: REC, name: `${c}.mp4`, type: 'efr:recording',
      properties: { 'efr:secrecyLevel': 'none' } })));
    // server/ has its own admin already.
    const people = Object.fromEntries(Object.entries(USERS).filter(([u]) => u !== 'admin'));
    const s: ServerFacts = await serverFacts(FACTS, now, people);
    try {
      const readersNow = (): Record<string, string[]> =>
        serverReaders(s, CLIPS, VIEWERS, Date.now());
      const closeOnServerStep = (name: string): void => {
        // The close web script as server/ routes it: one step, one transaction.
        const caller = asWorkflowStep(s.repo.caller('custodian1'), 'close');
        const call: WebScriptCall = { params: { id: s.ids[name], step: 'close' }, query: {},
          body: {} };
        s.repo.db.transaction(() => accessRequestStepPost.handle(serverPort(s.repo, caller),
          call))();
      };
      server.registered = readersNow();
      closeOnServerStep('A');
      server.afterA = readersNow();
      closeOnServerStep('B');
      server.afterB = readersNow();
    } finally {
      s.dispose();
    }
  });

  it('registration lets each viewer read the recordings of their open windows, nothing else', () => {
    for (const name of ['A', 'B', 'C']) {
      expect(r[`${name}Register`].body?.entry?.['status']).withContext(name).toBe('registered');
    }
    expect(readers('registered')).toEqual({ clip: ['officer1', 'officer2'], other: ['officer1'] });
  });

  it('R24.2: closing A leaves officer1 reading clip while B still holds it open', () => {
    expect(r.AClose.body?.entry?.['status']).toBe('closed');
    expect(readers('afterA')).toEqual(readers('registered'));
    // B's window goes on: officer1 still views clip under it.
    expect(r.viewB.status).toBe(201);
  });

  it('R24.2: closing B, the last of officer1\'s, ends officer1\'s reads; C keeps officer2\'s', () => {
    expect(r.BClose.body?.entry?.['status']).toBe('closed');
    expect(readers('afterB')).toEqual({ clip: ['officer2'], other: [] });
  });

  it('issue 15: no step writes a permission on a recording', () => {
    const all = Object.values(r).flatMap((x) => x.logs.filter((l) => l.startsWith('acl: ')));
    expect(all.filter((l) => /\.mp4 /.test(l))).toEqual([]);
    expect(r['afterB:acl:clip'].body?.permissions).toEqual(r['registered:acl:clip'].body?.permissions);
  });

  it('server/ lets the same viewers read after registration and after each close', () => {
    for (const at of ['registered', 'afterA', 'afterB']) {
      expect(server[at]).withContext(at).toEqual(readers(at));
    }
  });
});

describe('overlapping viewing windows: the window-expiry job in Rhino, against server/ (R24.2)',
  () => {
    const QUERY = 'TYPE:"efr:accessRequest" AND =efr:requestStatus:"registered"';
    const CLIPS = ['clip-a', 'clip-b', 'clip-c', 'clip-d'];
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
    /** Who read each clip after the job (the read steps). */
    const readers = (): Record<string, string[]> => {
      const out: Record<string, string[]> = {};
      for (const c of CLIPS) out[c] = [];
      for (const st of run.steps.slice(1) as ReadResult[]) {
        if (st.outcome === 'allowed') out[st.node].push(st.user);
      }
      return out;
    };

    beforeAll(async () => {
      run = await runScriptAction({
        users: USERS,
        nodes: rhinoStore(FACTS, now),
        behaviours: { 'efr:accessRequest': 'access-request' },
        steps: [
          { kind: 'job', script: 'window-expiry', runAsUser: 'admin', query: QUERY },
          ...CLIPS.flatMap((c) => VIEWERS.map((user) => ({ kind: 'read' as const, node: c,
            user }))),
        ],
      });
      const people = Object.fromEntries(Object.entries(USERS).filter(([u]) => u !== 'admin'));
      const s = await serverFacts(FACTS, now, people);
      try {
        const closed = closeOnServer(s);
        server = { closed, readers: serverReaders(s, CLIPS, VIEWERS, Date.now()) };
      } finally {
        s.dispose();
      }
    });

    it('closes every ended window and no open one, as server/ does', () => {
      expect(job().actions.every((a) => a.outcome === 'done')).toBeTrue();
      const closed = FACTS.map((f) => f.name)
        .filter((n) => run.nodes[n].props['efr:requestStatus'] === 'closed');
      expect(closed).toEqual(['ended-a', 'ended-b', 'ended-c1', 'ended-c2', 'ended-d']);
      expect(server.closed).toEqual(closed);
    });

    it('issue 15: the job writes no permission: access already ended with each window', () => {
      expect(run.journal.filter((e) => e['write'] === 'removePermission' ||
        e['write'] === 'setPermission')).toEqual([]);
    });

    it('R24.2: an ended window ends its reads; an open one of the same viewer keeps its own', () => {
      expect(readers()).toEqual({
        'clip-a': ['officer2'],
        'clip-b': ['officer4'],
        'clip-c': [],
        // later-d has not begun: nobody reads clip-d until it does, on either host.
        'clip-d': [],
      });
    });

    it('server/ lets exactly the same viewers read', () => {
      expect(server.readers).toEqual(readers());
    });
  });
