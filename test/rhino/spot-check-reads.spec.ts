/**
 * The spot-check reads of the ACS module (issue 8: R28.1, R28.2) in Debian's Rhino, against
 * server/ on the same facts: the campaigns list, one campaign, its sample and its results,
 * answered by the module's GET web scripts after campaigns opened (and findings recorded) through
 * the module's POSTs, and by server/'s web scripts after the same calls over HTTP; and the
 * finding and close answers, which the campaign screen shows as it shows the reads. Each answer
 * must be server/'s, save ids, generated names and instants (compared by shape).
 */
import {
  PERIOD, rhinoFiled, rhinoSetup, serverSpotChecks, type ServerAnswer, type ServerSpotChecks,
} from './spot-check-facts.js';
import { runSpotCheckCalls, type WsCall, type WsResult } from './webscript-features.js';

type Json = Record<string, unknown>;
type Answer = { status: number; body: WsResult['body'] | ServerAnswer['body'] };

const A = { title: '2026年11月抽查', ...PERIOD, proportion: 0.5, seed: 'EFR-2026-11' };
const B = { title: '社会事务科专项抽查', ...PERIOD, units: ['社会事务科'], proportion: 0.3,
  seed: 'EFR-2026-11-SW' };
const MISSING = 'n9999999-0000-4000-8000-000000000000';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Node ids: the ACS-like runtime's (`n…`), server/'s setup rows (`s…`) and server/'s own (UUIDs). */
const ID = /[ns]\d{7}-0000-4000-8000-0{12}|[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/g;

/** The findings recorded, by index in the sample (the last one after the mid-way reads). */
const FINDINGS: Json[] = [
  { status: 'done', itemRecorded: 'pass', itemContinuous: 'fail', itemHandled: 'notApplicable',
    notes: { continuous: '中途关机约两分钟。' }, placementObservation: '佩戴于胸前。' },
  { status: 'done', itemRecorded: 'pass', itemContinuous: 'pass', itemHandled: 'pass',
    conductObservation: '用语文明。' },
  { status: 'skipped', skipReason: '文件损坏，另行核查。' },
  { status: 'done', itemRecorded: 'pass', itemContinuous: 'pass', itemHandled: 'pass' },
];

/** The reads of one host, by call name, and the labels of its ids. */
interface HostReads {
  answers: Record<string, Answer>;
  /** Node id → what it is on both hosts (`r0.mp4`, `campaign a`, `finding of r0.mp4`). */
  labels: Record<string, string>;
}

/** What must equal across hosts: ids by label, generated names and instants by shape. */
function comparable(v: unknown, labels: Record<string, string>): unknown {
  if (Array.isArray(v)) return v.map((x) => comparable(x, labels));
  if (v !== null && typeof v === 'object') {
    const out: Json = {};
    for (const [k, x] of Object.entries(v as Json)) {
      // A proposed violation is each host's own node (the register is compared elsewhere).
      out[k] = k === 'violationId' && typeof x === 'string' ? '<violation>' : comparable(x, labels);
    }
    return out;
  }
  if (typeof v !== 'string') return v;
  if (ISO.test(v)) return '<instant>';
  // Ids stand alone or inside a message (`The entity with id: … was not found`).
  const text = v.replace(ID, (id) => (labels[id] === undefined ? id : `<${labels[id]}>`));
  return text.startsWith('抽查-') ? '抽查-<generated>' : text;
}

/** An answer as compared: status, and the body with ids, names and instants replaced. */
function seen(h: HostReads, name: string): unknown {
  const a = h.answers[name];
  if (a === undefined) throw new Error(`no answer ${name}`);
  return { status: a.status, body: comparable(a.body, h.labels) };
}

/** The labels of a host's ids: recordings by name, the two campaigns, findings by recording. */
function labelsOf(names: Record<string, string>, campaigns: Record<string, string>,
  sample: Json[]): Record<string, string> {
  const out: Record<string, string> = { ...names };
  for (const [id, c] of Object.entries(campaigns)) out[id] = `campaign ${c}`;
  for (const f of sample) out[String(f.id)] = `finding of ${String(f.recordingName)}`;
  return out;
}

describe('module spot-check reads in Rhino, against server/ (issue 8: R28.1, R28.2)', () => {
  let rhino: HostReads;
  let server: HostReads;
  /** The recordings drawn in campaign a, by name, in the sample's order (the same on both). */
  let drawn: string[];
  let s: ServerSpotChecks;

  /** The reads after each stage: call name, module controller, campaign, server/ path. */
  const reads = (tag: string): { name: string; script: string; c: string; path: string }[] => [
    { name: `list${tag}`, script: 'spot-checks.get', c: '', path: '' },
    { name: `getA${tag}`, script: 'spot-check.get', c: 'a', path: '' },
    { name: `sampleA${tag}`, script: 'spot-check-sample.get', c: 'a', path: '/sample' },
    { name: `resultsA${tag}`, script: 'spot-check-results.get', c: 'a', path: '/results' },
    { name: `getB${tag}`, script: 'spot-check.get', c: 'b', path: '' },
  ];

  beforeAll(async () => {
    // Module: open both campaigns, read; then, in a second run of the same calls (the runtime
    // numbers nodes in creation order, so the ids repeat), record findings and close.
    const open: WsCall[] = [
      { name: 'a', script: 'spot-checks.post', user: 'supervisor1', body: A },
      { name: 'b', script: 'spot-checks.post', user: 'supervisor1', body: B },
    ];
    const wsReads = (tag: string, user: string): WsCall[] => reads(tag).map((x) => ({
      name: x.name, script: x.script, user,
      ...(x.c === '' ? {} : { templateArgs: { id: `@${x.c}` } }),
    }));
    const misses: WsCall[] = [
      { name: 'getBad', script: 'spot-check.get', user: 'officer1', templateArgs: { id: 'x!y' } },
      { name: 'getRecording', script: 'spot-check.get', user: 'officer1',
        templateArgs: { id: '#r0.mp4' } },
      { name: 'sampleMissing', script: 'spot-check-sample.get', user: 'officer1',
        templateArgs: { id: MISSING } },
      { name: 'resultsMissing', script: 'spot-check-results.get', user: 'officer1',
        templateArgs: { id: MISSING } },
    ];
    const first = await runSpotCheckCalls([...rhinoFiled(), ...open,
      ...wsReads('', 'officer1'), ...misses], rhinoSetup());
    const sample = (first.sampleA.body?.list?.entries ?? []).map((e) => e.entry);
    drawn = sample.map((f) => String(f.recordingName));
    // A second supervisor reviews: the reviewer is the finding's modifier, not its creator.
    const finding = (i: number): WsCall => ({ name: `f${i}`, script: 'spot-check-findings.post',
      user: 'supervisor2', templateArgs: { id: '@a' },
      body: { ...FINDINGS[i], recordingId: sample[i].recordingId } });
    const second = await runSpotCheckCalls([...rhinoFiled(), ...open,
      finding(0), finding(1), finding(2), ...wsReads('Mid', 'supervisor1'),
      finding(3),
      { name: 'close', script: 'spot-check-close.post', user: 'supervisor1',
        templateArgs: { id: '@a' } },
      ...wsReads('Closed', 'officer1'),
      { name: 'getFinding', script: 'spot-check.get', user: 'officer1',
        templateArgs: { id: String(sample[0].id) } },
    ], rhinoSetup());
    const names: Record<string, string> = {};
    for (const line of first.$nodes.logs) {
      names[line.substring(line.lastIndexOf(' ') + 1)] = line.substring(0, line.lastIndexOf(' '));
    }
    names[String(first['file r6.mp4'].body?.entry?.id)] = 'r6.mp4';
    const answers: Record<string, Answer> = {};
    for (const [k, x] of [...Object.entries(first), ...Object.entries(second)]) {
      if (!k.startsWith('$')) answers[k] = x;
    }
    rhino = { answers, labels: labelsOf(names, { [String(first.a.body?.entry?.id)]: 'a',
      [String(first.b.body?.entry?.id)]: 'b' }, sample) };

    // server/: the same calls in one repository.
    s = await serverSpotChecks();
    const sa: Record<string, ServerAnswer> = {};
    sa.a = await s.call('supervisor1', 'POST', '/spot-checks', A);
    // Campaigns list newest first: b must not share a's millisecond.
    await new Promise((done) => setTimeout(done, 5));
    sa.b = await s.call('supervisor1', 'POST', '/spot-checks', B);
    const ids: Record<string, string> = { a: String(sa.a.body?.entry?.id),
      b: String(sa.b.body?.entry?.id) };
    const serverReads = async (tag: string, user: string): Promise<void> => {
      for (const x of reads(tag)) {
        sa[x.name] = await s.call(user, 'GET', x.c === '' ? '/spot-checks'
          : `/spot-checks/${ids[x.c]}${x.path}`);
      }
    };
    await serverReads('', 'officer1');
    sa.getBad = await s.call('officer1', 'GET', '/spot-checks/x!y');
    sa.getRecording = await s.call('officer1', 'GET', `/spot-checks/${s.ids['r0.mp4']}`);
    sa.sampleMissing = await s.call('officer1', 'GET', `/spot-checks/${MISSING}/sample`);
    sa.resultsMissing = await s.call('officer1', 'GET', `/spot-checks/${MISSING}/results`);
    const record = async (i: number): Promise<void> => {
      sa[`f${i}`] = await s.call('supervisor2', 'POST', `/spot-checks/${ids.a}/findings`,
        { ...FINDINGS[i], recordingId: s.ids[drawn[i]] });
    };
    for (const i of [0, 1, 2]) await record(i);
    await serverReads('Mid', 'supervisor1');
    await record(3);
    sa.close = await s.call('supervisor1', 'POST', `/spot-checks/${ids.a}/close`);
    await serverReads('Closed', 'officer1');
    const firstFinding = (sa.sampleA.body?.list?.entries[0]?.entry ?? {}) as Json;
    sa.getFinding = await s.call('officer1', 'GET', `/spot-checks/${String(firstFinding.id)}`);
    const serverNames: Record<string, string> = {};
    for (const [name, id] of Object.entries(s.ids)) serverNames[id] = name;
    const serverSample = (sa.sampleA.body?.list?.entries ?? []).map((e) => e.entry as Json);
    server = { answers: sa, labels: labelsOf(serverNames, { [ids.a]: 'a', [ids.b]: 'b' },
      serverSample) };
  });

  afterAll(async () => {
    await s?.dispose();
  });

  it('R28.1: both hosts draw the same recordings, so their answers compare', () => {
    expect(rhino.answers.a.status).toBe(201);
    expect(server.answers.a.status).toBe(201);
    expect(drawn.length).toBe(4);
    const serverSample = (server.answers.sampleA.body?.list?.entries ?? [])
      .map((e) => String((e.entry as Json).recordingName));
    expect(drawn).toEqual(serverSample);
    // r6 is filed under 录像档案: its unit is its handover's (by efr:handoverId), so it is in
    // campaign b's population of 社会事务科 with H1's four recordings of the period.
    expect((rhino.answers.getB.body?.entry as Json).populationSize).toBe(5);
  });

  it('R28.2: a finding and the close answer as server/: the finding as listed, the campaign',
    () => {
      for (const name of ['f0', 'f1', 'f2', 'f3', 'close']) {
        expect(rhino.answers[name].status).withContext(name).toBe(200);
        expect(seen(rhino, name)).withContext(name).toEqual(seen(server, name));
      }
      expect((rhino.answers.f0.body?.entry as Json).violationId).toMatch(/^n\d+/);
      expect((rhino.answers.f1.body?.entry as Json).violationId).toBeNull();
      expect((rhino.answers.f0.body?.entry as Json).reviewedBy).toBe('supervisor2');
      expect((rhino.answers.close.body?.entry as Json).progress).toEqual({ total: 4,
        pending: 0, done: 3, skipped: 1, failed: 1 });
    });

  it('R28.1: GET /spot-checks lists the campaigns newest first, as server/ does', () => {
    const list = seen(rhino, 'list') as { status: number; body: { list: { entries: unknown[] } } };
    expect(list.status).toBe(200);
    expect(list.body.list.entries).toEqual([jasmine.objectContaining({ entry:
      jasmine.objectContaining({ id: '<campaign b>' }) }), jasmine.objectContaining({ entry:
      jasmine.objectContaining({ id: '<campaign a>' }) })]);
    expect(seen(rhino, 'list')).toEqual(seen(server, 'list'));
    expect(seen(rhino, 'listMid')).toEqual(seen(server, 'listMid'));
    expect(seen(rhino, 'listClosed')).toEqual(seen(server, 'listClosed'));
  });

  it('R28.1: GET /spot-checks/{id} answers the campaign with its progress, as server/ does',
    () => {
      for (const name of ['getA', 'getB', 'getAMid', 'getAClosed', 'getBClosed']) {
        expect(seen(rhino, name)).withContext(name).toEqual(seen(server, name));
      }
      const mid = rhino.answers.getAMid.body?.entry as Json;
      expect(mid.progress).toEqual({ total: 4, pending: 1, done: 2, skipped: 1, failed: 1 });
      const closed = rhino.answers.getAClosed.body?.entry as Json;
      expect(closed.status).toBe('closed');
      expect(String(closed.closedAt)).toMatch(ISO);
      expect(closed.createdBy).toBe('supervisor1');
    });

  it('R28.2: GET /spot-checks/{id}/sample answers the findings in draw order, as server/ does',
    () => {
      for (const name of ['sampleA', 'sampleAMid', 'sampleAClosed']) {
        expect(seen(rhino, name)).withContext(name).toEqual(seen(server, name));
      }
      const mid = (rhino.answers.sampleAMid.body?.list?.entries ?? [])
        .map((e) => e.entry as Json);
      expect(mid.map((f) => [f.status, f.reviewedBy])).toEqual([['done', 'supervisor2'],
        ['done', 'supervisor2'], ['skipped', 'supervisor2'], ['pending', null]]);
      expect(mid[0].notes).toEqual({ recorded: null, continuous: '中途关机约两分钟。',
        handled: null });
    });

  it('R28.1: GET /spot-checks/{id}/results answers the pass rates per officer and unit',
    () => {
      for (const name of ['resultsA', 'resultsAMid', 'resultsAClosed']) {
        expect(seen(rhino, name)).withContext(name).toEqual(seen(server, name));
      }
      const report = (rhino.answers.resultsAClosed.body?.entry as Json).report as
        { units: { findingsPassRate: number | null }[] };
      expect(report.units.length).toBeGreaterThan(0);
    });

  it('answers 404 for an id that is no campaign, as server/ does', () => {
    for (const name of ['getBad', 'getRecording', 'sampleMissing', 'resultsMissing',
      'getFinding']) {
      expect(rhino.answers[name].status).withContext(name).toBe(404);
      expect(seen(rhino, name)).withContext(name).toEqual(seen(server, name));
    }
  });
});
