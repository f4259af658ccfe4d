/**
 * The demo server for the security suite (issue 16): server/ started by the shared harness with
 * the demo data, a fetch client per demo user, and the steps that bring a viewing request to
 * `registered` through the EFR web scripts, as the screens do.
 */
import { AcsHttp, type AcsResponse } from '../support/acs-http.js';
import { CORE, DEMO_PASSWORD, SEARCH, startInProcess, type TestServer } from '../support/server-harness.js';

/** The web scripts' base path. */
export const WS = '/alfresco/s/efr';

/** A running demo server and its users. */
export interface SecurityFixture {
  server: TestServer;
  /** The server as `user` (admin/admin, demo users with the demo password). */
  as(user: string): AcsHttp;
  /** Ids of the demo recordings by name. */
  recordings: Record<string, string>;
  /** The first demo recording (linked to a case, privacy none). */
  recordingId: string;
  /** A demo recording of level personalPrivacy. */
  privateRecordingId: string;
  /** Files, reviews, approves and registers a request of `requester` for `recordingId`. */
  registeredRequest(requester: string, recordingId?: string): Promise<string>;
  /** Files a request (status submitted) and returns its id. */
  submittedRequest(requester: string, recordingId?: string): Promise<string>;
  /** Access-log entries newest last, as admin reads them through the audit API. */
  refusals(nodeId: string): Promise<{ code: string; attempted: string }[]>;
  close(): Promise<void>;
}

/** `status errorKey` of an answer, for failure messages that say what came back. */
export function outcome(r: AcsResponse): string {
  const e = (r.body as { error?: { errorKey?: string } } | undefined)?.error;
  return `${r.status}${e?.errorKey ? ' ' + e.errorKey : ''}`;
}

/** Starts the demo server and looks up the demo records. */
export async function securityFixture(): Promise<SecurityFixture> {
  const server = await startInProcess({ demo: true });
  const base = new AcsHttp(server.url);
  const as = (user: string): AcsHttp => base.as(user, user === 'admin' ? 'admin' : DEMO_PASSWORD);
  const found = await as('admin').request<{ list: { entries: { entry: { id: string; name: string;
    properties?: Record<string, unknown> } }[] } }>('post', `${SEARCH}/search`, {
    json: { query: { query: "TYPE:'efr:recording'", language: 'afts' }, include: ['properties'],
      paging: { maxItems: 100, skipCount: 0 } },
  });
  if (found.status !== 200) throw new Error(`recording search: ${found.text}`);
  const recordings: Record<string, string> = {};
  let privateRecordingId = '';
  for (const { entry } of found.body.list.entries) {
    recordings[entry.name] = entry.id;
    if (entry.properties?.['efr:secrecyLevel'] === 'personalPrivacy') privateRecordingId = entry.id;
  }
  const recordingId = recordings['20261124_093000_BWC-2026-001.mp4'];
  const step = async (user: string, path: string, json: unknown = {}): Promise<AcsResponse> => {
    const r = await as(user).request('post', WS + path, { json });
    if (r.status >= 300) throw new Error(`${user} ${path}: ${r.status} ${r.text}`);
    return r;
  };
  const submittedRequest = async (requester: string, rec = recordingId): Promise<string> => {
    const r = await step(requester, '/access-requests', {
      recordingIds: [rec], purpose: 'work', reason: '复核现场执法过程',
    });
    return (r.body as { entry: { id: string } }).entry.id;
  };
  return {
    server, as, recordings, recordingId, privateRecordingId, submittedRequest,
    async registeredRequest(requester, rec = recordingId) {
      const id = await submittedRequest(requester, rec);
      await step('director1', `/access-requests/${id}/review`);
      await step('leader1', `/access-requests/${id}/approve`);
      const registrar = requester === 'custodian1' ? 'custodian2' : 'custodian1';
      await step(registrar, `/access-requests/${id}/register`, {
        viewer: requester, reason: '案件复核需要',
        viewingUntil: new Date(Date.now() + 3_600_000).toISOString(),
      });
      return id;
    },
    async refusals(nodeId) {
      const r = await as('admin').request<{ list: { entries: { entry: { values: Record<string,
        string> } }[] } }>('get', `${CORE}/audit-applications/efr-access/audit-entries?` +
        `where=${encodeURIComponent(`(valuesKey='/efr-access/nodeId' and valuesValue='${nodeId}')`)}` +
        '&include=values&maxItems=1000');
      if (r.status !== 200) throw new Error(`audit: ${r.status} ${r.text}`);
      return r.body.list.entries
        .map((e) => e.entry.values)
        .filter((v) => v['/efr-access/action'] === 'refused')
        .map((v) => ({ code: v['/efr-access/code'], attempted: v['/efr-access/attempted'] }));
    },
    close: () => server.close(),
  };
}
