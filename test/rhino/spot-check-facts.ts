// The facts of a spot check (a device, two handovers, their recordings, one of them filed in
// the recordings archive as a sealed recording is) as both hosts hold them, for the specs that
// run the module's spot-check web scripts in Rhino and compare their answers with server/'s:
// SetupNodes for the web-script runs (test/acs-runtime), and server/ rows in a repository of its own answering
// the same web scripts over HTTP (Fastify inject).
//
// core's draw depends on the order of the recordings' ids only: the runtime numbers nodes in
// creation order, and server/ gets ids that sort in the same order, so one seed draws the same
// recordings on both hosts; answers are compared by recording name.
import type { FastifyInstance } from 'fastify';
import { ensureArchiveFolders } from '../../server/src/demo/seed.js';
import { formatAcsDate } from '../../server/src/model/property-values.js';
import type { NodeRow } from '../../server/src/repo/node-rows.js';
import { basic, tempRepository } from '../../server/src/testing/temp-repository.js';
import { archiveFolder } from '../../server/src/webscripts/devices/record-writes.js';
import type { SetupNode, UploadCall } from './webscript-features.js';

/** Capture start of recording `i`: hour `i` of 2026-11-20 UTC. */
export const startOf = (i: number): string => new Date(Date.UTC(2026, 10, 20, i)).toISOString();

/** The period the campaigns cover (R28.1): 2026-11-20 in Beijing time, `to` exclusive. */
export const PERIOD = { from: '2026-11-20T00:00:00+08:00', to: '2026-11-21T00:00:00+08:00' };

/** One recording: its name, handover, officer and device; `filed` = under 录像档案, sealed. */
interface RecordingFact {
  name: string;
  handover: 'H1' | 'H2';
  start: string;
  filed?: boolean;
}

const officerOf = (h: string): string => (h === 'H1' ? 'officer1' : 'officer2');
const deviceOf = (h: string): string => (h === 'H1' ? 'BWC-1' : 'VR-1');

/**
 * The recordings in creation order: six in their handovers in the period, one before it (never
 * drawn), and r6, filed under 录像档案 and naming H1 by efr:handoverId (its unit is H1's).
 */
export const RECORDINGS: readonly RecordingFact[] = [
  ...[0, 1, 2, 3, 4, 5].map((i): RecordingFact =>
    ({ name: `r${i}.mp4`, handover: i < 4 ? 'H1' : 'H2', start: startOf(i) })),
  { name: 'old.mp4', handover: 'H1', start: '2026-10-01T00:00:00Z' },
  { name: 'r6.mp4', handover: 'H1', start: startOf(6), filed: true },
];

/** Where the handovers of the fixtures live. */
export const HANDOVERS = 'EFR 执法记录/移交记录';

/** Device and handovers: H1's unit decides its recordings, H2's `-` leaves it to VR-1's. */
export const REGISTER: { folder: string; name: string; type: string;
  properties: Record<string, string> }[] = [
  { folder: 'EFR 执法记录/执法记录仪', name: 'VR-1', type: 'efr:device',
    properties: { 'efr:deviceSerial': 'VR-1', 'efr:unit': '社会组织管理科' } },
  { folder: HANDOVERS, name: 'H1', type: 'efr:handover',
    properties: { 'efr:officer': 'officer1', 'efr:unit': '社会事务科' } },
  { folder: HANDOVERS, name: 'H2', type: 'efr:handover',
    properties: { 'efr:officer': 'officer2', 'efr:unit': '-' } },
];

function recordingProps(r: RecordingFact): Record<string, string> {
  return { 'efr:officer': officerOf(r.handover), 'efr:deviceSerial': deviceOf(r.handover),
    'efr:recordingStart': r.start };
}

/** The facts as the web-script runs' setup nodes (the filed recording comes by {@link rhinoFiled}). */
export function rhinoSetup(): SetupNode[] {
  const nodes: SetupNode[] = [...REGISTER,
    { folder: 'EFR 执法记录', name: '录像档案', type: 'cm:folder', properties: {} }];
  for (const r of RECORDINGS.filter((x) => x.filed !== true)) {
    // A recording names its handover from ingest on (efr:handoverId is mandatory), in its
    // handover's folder as once filed: the unit is read from there on both hosts.
    nodes.push({ folder: `${HANDOVERS}/${r.handover}`, name: r.name, type: 'efr:recording',
      properties: { ...recordingProps(r), 'efr:handoverId': `#${r.handover}` } });
  }
  return nodes;
}

/** The filed recordings, made after the setup (so their ids sort after the others'). */
export function rhinoFiled(): UploadCall[] {
  return RECORDINGS.filter((r) => r.filed === true).map((r) => ({
    name: `file ${r.name}`, user: 'custodian1',
    create: { parent: '#录像档案', name: r.name, type: 'efr:recording',
      properties: { ...recordingProps(r), 'efr:handoverId': `#${r.handover}` } },
  }));
}

/** An answer of server/: status and JSON body. */
export interface ServerAnswer {
  status: number;
  body: { entry?: Record<string, unknown>; list?: { entries: { entry: unknown }[] };
    error?: { errorKey: string; statusCode: number; briefSummary: string } } | null;
}

/** server/ holding the facts. */
export interface ServerSpotChecks {
  /** Recording name → node id. */
  ids: Record<string, string>;
  /** Calls `/alfresco/s/efr<path>` as `user` (password `pw`). */
  call(user: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<ServerAnswer>;
  /** Closes the app and the repository and removes its folder. */
  dispose(): Promise<void>;
}

/** Users and their groups, on both hosts. */
export const USERS: Record<string, string[]> = {
  officer1: ['GROUP_EFR_OFFICERS'],
  supervisor1: ['GROUP_EFR_SUPERVISORS'],
  supervisor2: ['GROUP_EFR_SUPERVISORS'],
};

/** A repository of its own holding the facts, with {@link USERS} as people (password `pw`). */
export async function serverSpotChecks(): Promise<ServerSpotChecks> {
  const t = await tempRepository();
  const app: FastifyInstance = t.app;
  try {
    const repo = t.repo;
    for (const [id, groups] of Object.entries(USERS)) {
      repo.addPerson({ id, firstName: id, email: `${id}@efr.example.org`, password: 'pw' });
      for (const g of groups) repo.auth.addMember(g, id, 'PERSON');
    }
    await ensureArchiveFolders(repo);
    let seq = 0;
    const now = Date.now();
    const insert = (parent: string, name: string, type: string, props: NodeRow['props'],
      isFile: boolean): string => {
      seq++;
      const id = `s${1000000 + seq}-0000-4000-8000-000000000000`;
      repo.rows.insert({ id, type, parentId: parent, name, isFolder: !isFile, isFile,
        createdAt: now, createdBy: 'admin', modifiedAt: now, modifiedBy: 'admin', props,
        aspects: ['sys:referenceable', 'cm:auditable'], content: null, inherit: true,
        aclLocal: false, lock: null });
      return id;
    };
    const folders: Record<string, string> = {
      'EFR 执法记录/执法记录仪': archiveFolder(repo, 'devices').id,
      [HANDOVERS]: archiveFolder(repo, 'handovers').id,
    };
    const handoverIds: Record<string, string> = {};
    for (const n of REGISTER) {
      const id = insert(folders[n.folder], n.name, n.type, n.properties, false);
      if (n.type === 'efr:handover') handoverIds[n.name] = id;
    }
    const ids: Record<string, string> = {};
    for (const r of RECORDINGS) {
      const parent = r.filed === true ? archiveFolder(repo, 'recordings').id
        : handoverIds[r.handover];
      ids[r.name] = insert(parent, r.name, 'efr:recording', { ...recordingProps(r),
        'efr:recordingStart': formatAcsDate(Date.parse(r.start)),
        'efr:handoverId': handoverIds[r.handover] }, true);
    }
    return {
      ids,
      call: async (user, method, path, body) => {
        const r = await app.inject({ method, url: `/alfresco/s/efr${path}`,
          headers: { ...basic(user, 'pw'), 'content-type': 'application/json' },
          payload: body === undefined ? undefined : JSON.stringify(body) });
        return { status: r.statusCode, body: r.body ? (r.json() as ServerAnswer['body']) : null };
      },
      dispose: () => t.dispose(),
    };
  } catch (e) {
    // A setup that fails halfway leaves no repository open nor folder behind.
    await t.dispose();
    throw e;
  }
}
