/**
 * Scheduled fixity audits (issue 18, R26.1, R29.1), once for both hosts, under /alfresco/s/efr.
 * A round is a job that `efr worker` works through the REST API (issue 15): in ACS no web script
 * can re-read gigabytes, and server/ runs the same worker in-process, so both hosts check the
 * bytes the same way.
 *
 * - `GET /fixity`: coverage of the cycle (checked / total), the last mismatch, the throughput
 *   (custodians and supervisors, core checkFixityReader);
 * - `POST /fixity/run` `{roundMinutes}`: asks for a round now (202 with the round; a round
 *   already waiting or running is answered instead of a second one; 200 `{entry: null}` when no
 *   recording is due, and nothing is recorded); the worker asks for one
 *   every `EFR_FIXITY_ROUND_MINUTES` the same way (core checkFixityRun);
 * - `GET /fixity/rounds?state=requested` and `GET /fixity/rounds/{id}`: the rounds (the worker
 *   finds its jobs, the screen follows one);
 * - the worker's steps (`GROUP_EFR_WORKERS`, the holder of the round's lease): `POST …/claim`
 *   (the round's plan by core planFixityRound, which the worker may then read: core
 *   mayWorkerRead), `POST …/progress` `{bytesDone, bytesTotal}` (renews the lease),
 *   `POST …/checks` `{recordingId, sha256, bytes, busyMs}` (records one check: an access-log
 *   event `fixity.check`, efr:fixityAudited on the recording, and on a mismatch a proposed
 *   violation R29.1 and a `fixity.alert` to custodians and supervisors), `POST …/done`.
 *
 * Everything that can refuse is decided before the first write (ACS commits what a web script
 * wrote before it answers an error); the writes are the repository's own (asRepository), as
 * the rules allow only System to write a check's result (core FIXITY_AUDIT_FIELDS).
 */
import {
  checkFixityReader, checkFixityReport, checkFixityRun, checkJobClaim, checkJobHolder,
  checkJobWorker, fixityResultOf, GROUP_EFR_CUSTODIANS,
  GROUP_EFR_SUPERVISORS, isRoundMinutes, JOB_STATES, leaseFrom, localStamp, planFixityRound,
  refuse, requireInstant, type Actor, type PackageJob, type Verdict,
} from '../../../core/src/index.js';
import { RECORDINGS_FOLDER } from '../handovers/handover-json.js';
import { reportLeasedProgress } from '../jobs/job-lease.js';
import { pagedList } from '../paging.js';
import { unitResolver } from '../recording-unit.js';
import { textProp, type PortNode, type PortUser, type RepositoryPort } from '../repository-port.js';
import { planViolation } from '../violations/violation-proposal.js';
import {
  invalidArgument, readableOfType, WebScriptError, type WebScriptDefinition,
} from '../web-script.js';
import { jobOf, numberOf, oldestFirst } from '../evidence-packages/package-json.js';
import {
  allRounds, FIXITY_AUDITED, FIXITY_ROUND, fixityPolicyOf, fixityStatus, isAudited, PACKAGE_JOB,
  roundJson, roundRecordings, ROUNDS_FOLDER, sealedOf, sealedRecordings,
} from './fixity-json.js';

const AREA = 'fixity';

/** The actor of core's rules, an administrator passing as a custodian (host's admin bypass). */
function readerVerdict(user: PortUser): Verdict {
  return user.isAdmin ? { allowed: true } : checkFixityReader(user);
}

function runVerdict(user: PortUser): Verdict {
  return user.isAdmin ? { allowed: true } : checkFixityRun(user);
}

/** A round by id, read as the repository (404 for any other id). */
function roundNode(port: RepositoryPort, id: string): PortNode {
  const n = port.asRepository(() => port.node(id));
  if (n === null || n.type !== FIXITY_ROUND) {
    throw new WebScriptError(404, 'framework.exception.EntityNotFound',
      'The entity with id: ' + id + ' was not found');
  }
  return n;
}

/** The round's job (every round has one: it is made with efr:packageJob). */
function jobOfRound(n: PortNode): PackageJob {
  return jobOf(n) || { state: 'failed', worker: null, leaseUntil: null, bytesDone: 0,
    bytesTotal: 0 };
}

/** The rounds folder, `EFR 执法记录/完整性核查`, made when missing (503 without an archive). */
function roundsFolder(port: RepositoryPort): PortNode {
  return port.asRepository(() => {
    const anchor = port.archiveFolder(RECORDINGS_FOLDER);
    const root = anchor === null ? null : port.parentId(anchor.id);
    if (root === null) {
      throw new WebScriptError(503, 'efr.archive.notSetUp',
        'The archive folder ' + RECORDINGS_FOLDER + ' is not set up');
    }
    return port.folder(root, ROUNDS_FOLDER);
  });
}

export const fixityGet: WebScriptDefinition = {
  id: 'fixity', method: 'GET', path: '/fixity', area: AREA,
  title: 'EFR fixity audits: coverage, last mismatch, throughput',
  handle(port) {
    port.enforce(readerVerdict(port.currentUser()), 'fixity.status', null);
    return { status: 200, body: { entry: fixityStatus(port, fixityPolicyOf(port)) } };
  },
};

export const fixityRunPost: WebScriptDefinition = {
  id: 'fixity-run', method: 'POST', path: '/fixity/run', area: AREA,
  title: 'EFR fixity audits: ask for a round now',
  handle(port, call) {
    const b = call.body;
    const extra = Object.keys(b).filter((k) => k !== 'roundMinutes');
    if (extra.length > 0) throw invalidArgument('Unknown field: ' + extra[0]);
    const minutes = b.roundMinutes === undefined ? 10 : b.roundMinutes;
    if (!isRoundMinutes(minutes)) {
      throw invalidArgument('roundMinutes must be a number of minutes from 1 to 1440');
    }
    port.enforce(runVerdict(port.currentUser()), 'fixity.run', null);
    const policy = fixityPolicyOf(port);
    const now = Date.parse(port.now());
    // One round at a time: a waiting one, or a running one whose worker is still there.
    const pending = allRounds(port).filter((n) => {
      const job = jobOfRound(n);
      return job.state === 'requested' || (job.state === 'building' &&
        job.leaseUntil !== null && Date.parse(job.leaseUntil) > now);
    }).sort(oldestFirst);
    if (pending.length > 0) {
      return { status: 202, body: { entry: roundJson(port, pending[0]) } };
    }
    // Nothing due: no round is recorded (the schedule asks every few minutes; a node for each
    // empty round would grow the archive by tens of thousands a year for nothing).
    if (planFixityRound(sealedRecordings(port), policy, now, Math.round(minutes) * 60000)
      .length === 0) {
      return { status: 200, body: { entry: null } };
    }
    const folder = roundsFolder(port);
    const stamp = localStamp(now, port.zone());
    const user = port.currentUser().userName;
    const made = port.asRepository(() => port.createNode(folder.id, {
      name: '核查-' + stamp + '-' + port.randomHex(3), type: FIXITY_ROUND, aspects: [PACKAGE_JOB],
      props: { 'cm:title': user, 'efr:roundMinutes': Math.round(minutes),
        'efr:roundBytesPerHour': policy.bytesPerHour, 'efr:roundChecked': 0,
        'efr:roundMismatches': 0, 'efr:roundBusyMs': 0, 'efr:jobState': 'requested',
        'efr:jobBytesDone': 0, 'efr:jobBytesTotal': 0 },
    }));
    port.logStep('fixity.run', made.id, { roundMinutes: String(Math.round(minutes)),
      requestedBy: user, requirement: 'R26.1' });
    return { status: 202, body: { entry: roundJson(port, made) } };
  },
};

export const fixityRoundsGet: WebScriptDefinition = {
  id: 'fixity-rounds', method: 'GET', path: '/fixity/rounds', area: AREA,
  title: 'EFR fixity audits: the rounds (oldest first)',
  handle(port, call) {
    port.enforce(runVerdict(port.currentUser()), 'fixity.rounds', null);
    const state = call.query.state;
    if (state !== undefined && (JOB_STATES as readonly string[]).indexOf(state) < 0) {
      throw invalidArgument('state must be one of ' + JOB_STATES.join(', '));
    }
    const all = allRounds(port).filter((n) => state === undefined ||
      textProp(n, 'efr:jobState') === state).sort(oldestFirst).map((n) => roundJson(port, n));
    return { status: 200, body: pagedList(all, call.query) };
  },
};

export const fixityRoundGet: WebScriptDefinition = {
  id: 'fixity-round', method: 'GET', path: '/fixity/rounds/{id}', area: AREA,
  title: 'EFR fixity audits: one round with its progress',
  handle(port, call) {
    port.enforce(runVerdict(port.currentUser()), 'fixity.round', null);
    return { status: 200, body: { entry: roundJson(port, roundNode(port, call.params.id)) } };
  },
};

/** A worker's step on round `id`: the round (404), its job, the clock and the worker. */
function roundStep(port: RepositoryPort, id: string) {
  const n = roundNode(port, id);
  return { n, job: jobOfRound(n), now: port.now(), user: port.currentUser() as Actor };
}

export const fixityRoundClaimPost: WebScriptDefinition = {
  id: 'fixity-round-claim', method: 'POST', path: '/fixity/rounds/{id}/claim', area: AREA,
  title: 'EFR fixity audits: a worker claims a round',
  handle(port, call) {
    const { n, job, now, user } = roundStep(port, call.params.id);
    port.enforce(checkJobWorker(user), 'fixity.claim', n.id);
    port.enforce(checkJobClaim(job, user, now), 'fixity.claim', n.id);
    // A round claimed again after its worker went quiet keeps its plan: the rest of it.
    let planned = roundRecordings(port, n.id);
    const fresh = planned.length === 0;
    if (fresh) {
      const policy = { cycleDays: fixityPolicyOf(port).cycleDays,
        bytesPerHour: Number(n.props['efr:roundBytesPerHour']) };
      const all = sealedRecordings(port);
      const plan = planFixityRound(all, policy, requireInstant(now, 'now'),
        Number(n.props['efr:roundMinutes']) * 60000);
      planned = plan.map((p) => all.filter((s) => s.id === p.id)[0].node);
    }
    const todo = planned.filter(isAudited).map(sealedOf)
      .filter((s) => textProp(s.node, 'efr:fixityRoundId') !== n.id);
    let total = 0;
    for (const s of todo) total += s.size;
    port.asRepository(() => {
      if (fresh) for (const r of planned) port.createAssociation(n.id, r.id, 'efr:roundRecordings');
      port.updateNode(n.id, { 'efr:jobState': 'building', 'efr:jobWorker': user.userName,
        'efr:jobLeaseUntil': leaseFrom(now), 'efr:jobBytesDone': 0, 'efr:jobBytesTotal': total });
    });
    port.logStep('fixity.claim', n.id, { previousWorker: job.worker || '',
      recordings: String(todo.length), requirement: 'R26.1' });
    const claimed = roundNode(port, n.id);
    return { status: 200, body: { entry: roundJson(port, claimed), order: {
      bytesPerHour: Number(n.props['efr:roundBytesPerHour']),
      recordings: todo.map((s) => ({ id: s.id, name: s.node.name, size: s.size,
        sha256: s.sha256 })) } } };
  },
};

export const fixityRoundProgressPost: WebScriptDefinition = {
  id: 'fixity-round-progress', method: 'POST', path: '/fixity/rounds/{id}/progress', area: AREA,
  title: 'EFR fixity audits: a round\'s progress',
  handle(port, call) {
    const next = reportLeasedProgress(port, roundNode(port, call.params.id), call.body,
      'fixity.progress', 'R26.1', true);
    return { status: 200, body: { entry: roundJson(port, next) } };
  },
};

/** The violation proposal of a failed check (R29.1), decided before any write. */
function planMismatch(port: RepositoryPort, rec: PortNode, expected: string,
  actual: string | null, now: string): () => PortNode {
  return port.asRepository(() => planViolation(port, {
    kind: 'falsifiedOrEdited', officer: null,
    unit: unitResolver(port).ofRecording(rec), sourceReference: 'fixity:' + rec.id + ':' +
      (actual === null ? 'missing' : actual), subjectId: rec.id, proposedBy: 'system',
    description: 'Fixity audit: the stored bytes of ' + rec.name + ' ' +
      (actual === null ? 'are missing' : 'hash to ' + actual + ', not the sealed ' + expected) +
      ' (' + now + '). / 定期完整性核查：录像 ' + rec.name + ' 的存储内容' +
      (actual === null ? '缺失' : '与封存哈希值不符') + '。',
  }));
}

export const fixityRoundChecksPost: WebScriptDefinition = {
  id: 'fixity-round-checks', method: 'POST', path: '/fixity/rounds/{id}/checks', area: AREA,
  title: 'EFR fixity audits: a worker reports one check',
  handle(port, call) {
    const b = call.body;
    const { n, job, now, user } = roundStep(port, call.params.id);
    const planned = roundRecordings(port, n.id);
    const checked = planned.filter((r) => textProp(r, 'efr:fixityRoundId') === n.id)
      .map((r) => r.id);
    port.enforce(checkFixityReport(job, user, now, { recordingId: b.recordingId,
      sha256: b.sha256 === undefined ? undefined : b.sha256, bytes: b.bytes, busyMs: b.busyMs },
    planned.map((r) => r.id), checked), 'fixity.check', n.id);
    const rec = planned.filter((r) => r.id === b.recordingId)[0];
    const id = rec.id;
    const busy = numberIn(n, 'efr:roundBusyMs') + (b.busyMs as number);
    if (!isAudited(rec)) {
      // Destroyed by a disposition batch since the round was planned: no bytes are owed.
      port.asRepository(() => port.updateNode(n.id, { 'efr:roundBusyMs': busy,
        'efr:roundChecked': numberIn(n, 'efr:roundChecked') + 1 }));
      return { status: 200, body: { entry: { recordingId: id, result: 'destroyed',
        violationId: null } } };
    }
    const expected = sealedOf(rec).sha256;
    const actual = b.sha256 as string | null;
    const result = fixityResultOf(expected, actual);
    const propose = result === 'ok' ? null : planMismatch(port, rec, expected, actual, now);
    // Decided: from here on only writes.
    const violation = propose === null ? null : propose();
    port.asRepository(() => {
      port.updateNode(id, { 'efr:fixityCheckedAt': now, 'efr:fixityResult': result,
        'efr:fixityActual': actual || '', 'efr:fixityViolation': violation && violation.id,
        'efr:fixityRoundId': n.id }, rec.aspects.indexOf(FIXITY_AUDITED) < 0
        ? [FIXITY_AUDITED] : undefined);
      port.updateNode(n.id, { 'efr:roundChecked': numberIn(n, 'efr:roundChecked') + 1,
        'efr:roundMismatches': numberIn(n, 'efr:roundMismatches') + (result === 'ok' ? 0 : 1),
        'efr:roundBusyMs': busy, 'efr:jobLeaseUntil': leaseFrom(now) });
    });
    port.logStep('fixity.check', id, { result, expected, actual: actual || '',
      bytes: String(b.bytes), roundId: n.id, requirement: 'R26.1' });
    if (violation !== null) {
      port.logStep('fixity.alert', id, { violationId: violation.id,
        alerted: GROUP_EFR_CUSTODIANS + ',' + GROUP_EFR_SUPERVISORS, expected,
        actual: actual || '', requirement: 'R29.1' });
    }
    return { status: 200, body: { entry: { recordingId: id, result,
      violationId: violation === null ? null : violation.id } } };
  },
};

function numberIn(n: PortNode, prop: string): number {
  return numberOf(n.props[prop]);
}

export const fixityRoundDonePost: WebScriptDefinition = {
  id: 'fixity-round-done', method: 'POST', path: '/fixity/rounds/{id}/done', area: AREA,
  title: 'EFR fixity audits: a worker finishes a round',
  handle(port, call) {
    const { n, job, now, user } = roundStep(port, call.params.id);
    port.enforce(checkJobHolder(job, user, requireInstant(now, 'now')), 'fixity.done', n.id);
    const open = roundRecordings(port, n.id).filter((r) => isAudited(r) &&
      textProp(r, 'efr:fixityRoundId') !== n.id);
    if (open.length > 0) {
      port.enforce(refuse(409, 'efr.fixity.roundUnfinished', 'R26.1',
        open.length + ' recording(s) of the round are not checked yet.',
        '本轮尚有录像未核查。'), 'fixity.done', n.id);
    }
    const done = port.asRepository(() => port.updateNode(n.id, { 'efr:jobState': 'built',
      'efr:jobFinishedAt': now }));
    port.logStep('fixity.done', n.id, { checked: String(numberIn(n, 'efr:roundChecked')),
      mismatches: String(numberIn(n, 'efr:roundMismatches')),
      bytes: String(numberIn(n, 'efr:jobBytesDone')), requirement: 'R26.1' });
    return { status: 200, body: { entry: roundJson(port, done) } };
  },
};

/** The fixity web scripts written once. */
export const FIXITY_WEB_SCRIPTS: readonly WebScriptDefinition[] = [
  fixityGet, fixityRunPost, fixityRoundsGet, fixityRoundGet, fixityRoundClaimPost,
  fixityRoundProgressPost, fixityRoundChecksPost, fixityRoundDonePost,
];
