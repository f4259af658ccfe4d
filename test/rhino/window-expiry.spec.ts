/**
 * The window-expiry job of the ACS module (R24.2: access ends with the viewing window), its
 * script action compiled into the JAR and run in Debian's Rhino as ACS's scheduled action runs
 * it, with the efr:accessRequest behaviour firing on its save; then the same facts through
 * server/'s port, which runs the same close (webscripts/src/access-requests/window-expiry.ts)
 * and must close the same requests the same way. Issue 15: the close changes the register
 * only; no permission moves (reading ended at the window's end, core's checkContentRead).
 */
import { parseIsoDate } from '../../server/src/model/property-values.js';
import type { NodeRow } from '../../server/src/repo/node-rows.js';
import {
  closeOnServer, HOUR, rhinoStore, serverFacts, type RequestFacts,
} from './request-facts.js';
import {
  runScriptAction, type EditResult, type JobResult, type ScriptActionRun, type StoreNode,
} from './script-action-run.js';

const USERS: Record<string, string[]> = {
  admin: ['GROUP_ALFRESCO_ADMINISTRATORS'],
  officer1: ['GROUP_EFR_OFFICERS'],
  officer2: ['GROUP_EFR_OFFICERS'],
  officer3: ['GROUP_EFR_OFFICERS'],
  director1: ['GROUP_EFR_OFFICE_DIRECTORS'],
  leader1: ['GROUP_EFR_LEADERS'],
  custodian1: ['GROUP_EFR_CUSTODIANS'],
};
const QUERY = 'TYPE:"efr:accessRequest" AND =efr:requestStatus:"registered"';

const now = Date.now();
const REQUESTS: RequestFacts[] = [
  { name: 'ended', status: 'registered', recordings: ['clip-a'], viewer: 'officer2',
    from: now - 3 * HOUR, to: now - HOUR },
  { name: 'open', status: 'registered', recordings: ['clip-b'], viewer: 'officer3',
    from: now - HOUR, to: now + 2 * HOUR },
  { name: 'approved', status: 'approved', recordings: ['clip-a'] },
];

/** The facts as the runtime's store. */
function rhinoNodes(): StoreNode[] {
  return rhinoStore(REQUESTS, now);
}

/** What server/ does with the same facts (the same close, through its port), by request name. */
async function serverOutcome(): Promise<{
  closed: string[];
  rows: Record<string, NodeRow>;
  log: { user: string; action: string; nodeId: string | null; values: Record<string, string> }[];
  names: Record<string, string>;
  ids: Record<string, string>;
}> {
  const s = await serverFacts(REQUESTS, now);
  try {
    const closed = closeOnServer(s);
    const rows: Record<string, NodeRow> = {};
    for (const q of REQUESTS) rows[q.name] = s.repo.rows.get(s.ids[q.name]) as NodeRow;
    const log = (s.repo.db.prepare('SELECT entry_json FROM access_log ORDER BY id').all() as
      { entry_json: string }[]).map((e) => JSON.parse(e.entry_json));
    return { closed, rows, log, names: s.names, ids: s.ids };
  } finally {
    s.dispose();
  }
}

/** The `key=value` pairs of the module's `accessRequest.expire` log line of a request. */
function expireLine(logs: string[], id: string): Record<string, string> | null {
  const prefix = `info: efr accessRequest.expire workspace://SpacesStore/${id} `;
  const line = logs.find((l) => l.startsWith(prefix));
  if (line === undefined) return null;
  const out: Record<string, string> = {};
  for (const kv of line.substring(prefix.length).split(' ')) {
    const i = kv.indexOf('=');
    out[kv.substring(0, i)] = kv.substring(i + 1);
  }
  return out;
}

describe('module window-expiry job in Rhino, against server/ (R24.2)', () => {
  let r: ScriptActionRun;
  let interpreted: ScriptActionRun;
  let server: Awaited<ReturnType<typeof serverOutcome>>;
  const iso = (ms: number): string => new Date(ms).toISOString();
  const job = (i: number): JobResult => r.steps[i] as JobResult;
  /** Journal entries of the job runs (steps 0–2), without the edit of step 3. */
  const jobJournal = (): Record<string, unknown>[] =>
    r.journal.filter((e) => (e['step'] as number) < 3);
  const logsOf = (i: number): string[] => job(i).actions.flatMap((a) => a.logs);

  beforeAll(async () => {
    r = await runScriptAction({
      users: USERS,
      nodes: rhinoNodes(),
      behaviours: { 'efr:accessRequest': 'access-request' },
      steps: [
        { kind: 'job', script: 'window-expiry', runAsUser: 'admin', query: QUERY },
        { kind: 'job', script: 'window-expiry', runAsUser: 'admin', query: QUERY },
        // An index that lags behind hands over every request: the script checks each itself.
        { kind: 'job', script: 'window-expiry', runAsUser: 'admin',
          query: 'TYPE:"efr:accessRequest"' },
        // Only the job's close of an ended window is the repository's to make.
        { kind: 'edit', node: 'open', runAs: 'System',
          properties: { 'efr:requestStatus': 'closed', 'efr:closedAt': { date: iso(now) } } },
      ],
    });
    // ACS may interpret scripts instead of compiling them: the same run, interpreted.
    interpreted = await runScriptAction({
      users: USERS,
      nodes: rhinoNodes(),
      behaviours: { 'efr:accessRequest': 'access-request' },
      steps: [{ kind: 'job', script: 'window-expiry', runAsUser: 'admin', query: QUERY,
        optimizationLevel: -1 }],
    });
    server = await serverOutcome();
  });

  it('R24.2: closes the request whose window ended, as System, at the window end', () => {
    expect(job(0).found).toEqual(['ended', 'open']);
    expect(job(0).actions.map((a) => [a.node, a.outcome, a.message]))
      .toEqual([['ended', 'done', null], ['open', 'done', null]]);
    const ended = r.nodes.ended;
    expect(ended.props['efr:requestStatus']).toBe('closed');
    expect(ended.props['efr:closedAt']).toEqual({ date: iso(REQUESTS[0].to as number) });
    expect(ended.aspects).toContain('efr:closed');
    expect(ended.props['cm:modifier']).toBe('System');
    // The saved close met the efr:accessRequest behaviour, as System, and passed it.
    expect(r.journal).toContain(jasmine.objectContaining(
      { behaviour: 'efr:accessRequest', node: 'ended', user: 'System', outcome: 'allowed' }));
  });

  it('R24.2: leaves the recordings\' permissions as they are, and logs the close as System', () => {
    // Issue 15: nothing to revoke; the viewer's reads ended at the window's end.
    expect(r.nodes['clip-a'].permissions).toEqual(['ALLOWED;GROUP_EFR_CUSTODIANS;Collaborator']);
    expect(r.journal.filter((e) => e['write'] === 'removePermission' ||
      e['write'] === 'setPermission')).toEqual([]);
    expect(expireLine(logsOf(0), 'ended')).toEqual({ from: 'registered', to: 'closed',
      by: 'System', viewingUntil: iso(REQUESTS[0].to as number), recordings: 'clip-a',
      requirement: 'R24.2' });
  });

  it('leaves the open window and the approved request untouched', () => {
    const facts = rhinoNodes();
    for (const name of ['open', 'approved', 'clip-b']) {
      const before = facts.find((n) => n.id === name) as StoreNode;
      expect(r.nodes[name].props).withContext(name)
        .toEqual((before.properties ?? {}) as Record<string, unknown>);
      expect(r.nodes[name].permissions).withContext(name).toEqual(before.permissions ?? []);
    }
    expect(r.nodes.open.aspects).not.toContain('efr:closed');
    expect(expireLine(logsOf(0), 'open')).toBeNull();
    expect(logsOf(0)).toContain(`debug: efr accessRequest.expire skipped ` +
      `workspace://SpacesStore/open: window open until ${iso(REQUESTS[1].to as number)}`);
    expect(jobJournal().filter((e) => e['node'] !== 'ended' && e['node'] !== 'clip-a'))
      .toEqual([]);
  });

  it('closes the same way when Rhino interprets the script (optimization level -1)', () => {
    expect(interpreted.steps[0]).toEqual(r.steps[0]);
    for (const name of ['ended', 'open', 'approved', 'clip-a', 'clip-b']) {
      const { props, ...rest } = interpreted.nodes[name];
      const { props: compiled, ...compiledRest } = r.nodes[name];
      expect(rest).withContext(name).toEqual(compiledRest);
      expect({ ...props, 'cm:modified': null }).withContext(name)
        .toEqual({ ...compiled, 'cm:modified': null });
    }
  });

  it('closes once: a second run and a stale index change nothing more', () => {
    expect(job(1).found).toEqual(['open']);
    expect(job(2).found).toEqual(['ended', 'open', 'approved']);
    for (const i of [1, 2]) {
      expect(job(i).actions.every((a) => a.outcome === 'done')).withContext(`run ${i}`).toBeTrue();
      expect(logsOf(i).filter((l) => l.startsWith('info:'))).withContext(`run ${i}`).toEqual([]);
    }
    // The save of the first run; no rollback.
    expect(jobJournal().filter((e) => e['write'] !== undefined || e['rollback'] !== undefined)
      .map((e) => [e['step'], e['write'], e['node']]))
      .toEqual([[0, 'save', 'ended']]);
  });

  it('R24.2: the behaviour refuses System closing a window still open; nothing is kept', () => {
    const edit = r.steps[3] as EditResult;
    expect(edit.outcome).toBe('refused');
    expect(edit.message).toMatch(/^efr\.access\.windowNotEnded R24\.2: /);
    expect(edit.logs.join('\n')).toContain('warn: efr refused update of access request open');
    expect(r.journal.filter((e) => e['step'] === 3)).toEqual([
      { step: 3, write: 'save', node: 'open', user: 'System' },
      jasmine.objectContaining({ step: 3, node: 'open', user: 'System', outcome: 'refused' }),
      { step: 3, rollback: 'open' },
    ]);
    expect(r.nodes.open.props['efr:requestStatus']).toBe('registered');
    expect(r.nodes.open.aspects).not.toContain('efr:closed');
  });

  it('closes the same requests as server/ running the same close, the same way', () => {
    const closedHere = REQUESTS.map((q) => q.name)
      .filter((n) => r.nodes[n].props['efr:requestStatus'] === 'closed');
    expect(server.closed).toEqual(closedHere);
    for (const q of REQUESTS) {
      const row = server.rows[q.name];
      const here = r.nodes[q.name];
      expect(row.props['efr:requestStatus'] as unknown).withContext(q.name)
        .toBe(here.props['efr:requestStatus']);
      expect(row.aspects.includes('efr:closed')).withContext(q.name)
        .toBe(here.aspects.includes('efr:closed'));
      const serverClosedAt = row.props['efr:closedAt'];
      const hereClosedAt = here.props['efr:closedAt'] as { date: string } | undefined;
      expect(typeof serverClosedAt === 'string' ? parseIsoDate(serverClosedAt) : null)
        .withContext(q.name)
        .toBe(hereClosedAt === undefined ? null : Date.parse(hereClosedAt.date));
    }
    expect(server.rows.ended.modifiedBy).toBe(r.nodes.ended.props['cm:modifier'] as string);
    const entries = server.log.filter((e) => e.action === 'accessRequest.expire');
    expect(entries.map((e) => server.names[e.nodeId as string])).toEqual(closedHere);
    const line = expireLine(logsOf(0), 'ended') as Record<string, string>;
    expect(entries[0].user).toBe(line.by);
    expect(entries[0].values).toEqual({ from: line.from, to: line.to,
      viewingUntil: line.viewingUntil, recordings: server.ids['clip-a'],
      requirement: line.requirement });
  });
});
