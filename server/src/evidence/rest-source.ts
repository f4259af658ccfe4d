/**
 * A package source read through the public ACS REST API v1, so `efr disc build` works against
 * server/ and any ACS with the EFR model: the case by AFTS search on efr:caseNumber, its
 * recordings by the efr:caseRecordings targets, their content streams, and the access-log
 * entries of each recording with their proofs (the log's web script `GET /access-log/entries`,
 * over the efr-access audit entries in both hosts).
 */
import type { AccessLogEntries } from '../../../contract/index.js';
import {
  accessLogExtractText, checkAccessLogExtract, personDisplayName, treeHeadFileText,
} from '../../../core/src/index.js';
import type {
  LogExtractEntry, PackageFacts, RecordingFacts, SignedTreeHead,
} from '../../../core/src/index.js';
import { nodeSha256 } from '../access-log/log-tree.js';
import { recordingFacts, type NodeEntryLike } from './recording-facts.js';
import type { PackageSource, SourceRecording } from './package-image.js';

const CORE = '/alfresco/api/-default-/public/alfresco/versions/1';
const SEARCH = '/alfresco/api/-default-/public/search/versions/1/search';
const TREE = '/alfresco/s/efr/access-log';

/** Connection to a repository. */
export interface RestConnection {
  /** Base URL, e.g. http://localhost:8080. */
  readonly url: string;
  readonly user: string;
  readonly password: string;
  /**
   * A ticket source instead of the password (server/'s in-process worker): sent as
   * `Basic base64(ticket)`, as ADF sends a ticket (both hosts accept it).
   */
  readonly ticket?: () => string;
}

/** A refusal or failure of the repository, with its HTTP status. */
export class RestError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'RestError';
  }
}

function authHeader(c: RestConnection): string {
  const secret = c.ticket ? c.ticket() : `${c.user}:${c.password}`;
  return `Basic ${Buffer.from(secret).toString('base64')}`;
}

/**
 * One REST call; a status >= 400 throws a RestError with the ACS error body's summary.
 * `init.headers` are added to the authorization and the JSON content type.
 */
export async function restCall(c: RestConnection, path: string, init: RequestInit = {}):
  Promise<Response> {
  const res = await fetch(c.url.replace(/\/$/, '') + path, { ...init,
    headers: { authorization: authHeader(c), 'content-type': 'application/json',
      ...(init.headers as Record<string, string> | undefined) } });
  if (!res.ok) {
    const body = await res.text();
    let message = body;
    try {
      message = (JSON.parse(body) as { error?: { briefSummary?: string } }).error?.briefSummary
        ?? body;
    } catch {
      // Not an ACS error body (a proxy page): keep the raw text.
    }
    throw new RestError(res.status, `${init.method ?? 'GET'} ${path}: ${res.status} ${message}`);
  }
  return res;
}

const call = restCall;

/** One REST call's JSON answer. */
export async function restJson<T>(c: RestConnection, path: string, init?: RequestInit):
  Promise<T> {
  return (await call(c, path, init)).json() as Promise<T>;
}

/** The JSON body of a successful call (RestError otherwise). */
export const json = restJson;

interface ListOf<T> { list: { entries: { entry: T }[]; pagination: { hasMoreItems: boolean } } }

/** All entries of a paged list (pages of 100). */
export async function all<T>(c: RestConnection, path: string): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += 100) {
    const sep = path.includes('?') ? '&' : '?';
    const page = await json<ListOf<T>>(c, `${path}${sep}skipCount=${skip}&maxItems=100`);
    out.push(...page.list.entries.map((e) => e.entry));
    if (!page.list.pagination.hasMoreItems) return out;
  }
}

/** Finds a case node by its number (404-style RestError when absent). */
export async function findCase(c: RestConnection, caseNumber: string): Promise<NodeEntryLike> {
  const quoted = caseNumber.replace(/(["\\])/g, '\\$1');
  const res = await json<ListOf<NodeEntryLike>>(c, SEARCH, { method: 'POST', body: JSON.stringify({
    query: { language: 'afts', query: `TYPE:"efr:case" AND =efr:caseNumber:"${quoted}"` },
    include: ['properties'], paging: { maxItems: 2, skipCount: 0 } }) });
  const hits = res.list.entries.map((e) => e.entry);
  if (hits.length !== 1) throw new RestError(404, `case ${caseNumber} not found`);
  return hits[0];
}

/** A lazily fetched content stream (the request starts when the writer reaches the file). */
function contentStream(c: RestConnection, id: string): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(ctrl) {
      if (!reader) {
        const res = await call(c, `${CORE}/nodes/${id}/content?attachment=true`);
        if (!res.body) throw new RestError(500, `no content for ${id}`);
        reader = res.body.getReader();
      }
      const { done, value } = await reader.read();
      if (done) ctrl.close();
      else ctrl.enqueue(value);
    },
    async cancel(reason) {
      await reader?.cancel(reason);
    },
  }, { highWaterMark: 0 });
}

interface PersonEntry { id: string; firstName?: string; lastName?: string; displayName?: string }

/**
 * The people of the recordings by name (王明, not officer1), as the written description for a
 * court names them (issue 19, point 2); someone the repository does not know keeps the id.
 */
async function withNames<T extends RecordingFacts>(c: RestConnection, facts: T[]): Promise<T[]> {
  const names = new Map<string, Promise<string>>();
  const name = (id: string | undefined): Promise<string | undefined> => {
    if (id === undefined) return Promise.resolve(undefined);
    let known = names.get(id);
    if (!known) {
      known = json<{ entry: PersonEntry }>(c, `${CORE}/people/${encodeURIComponent(id)}`)
        .then((p) => personDisplayName(p.entry) || id, () => id);
      names.set(id, known);
    }
    return known;
  };
  return Promise.all(facts.map(async (f) => ({ ...f, officer: await name(f.officer),
    coOfficer: await name(f.coOfficer), sealedBy1: await name(f.sealedBy1),
    sealedBy2: await name(f.sealedBy2) })));
}

/** A node's entries at their log positions, with proofs when treeSize is given. */
async function entriesOf(c: RestConnection, nodeId: string, treeSize?: number):
  Promise<AccessLogEntries> {
  return json<AccessLogEntries>(c, `${TREE}/entries?nodeId=${encodeURIComponent(nodeId)}` +
    (treeSize === undefined ? '' : `&treeSize=${treeSize}`));
}

/**
 * The recordings' access-log extract (issue 18), the same way in both hosts: each node's
 * `efr-access` audit entries at their log positions, as their Merkle leaves hash them, up to
 * `until`, from the log's web script `GET /access-log/entries` (webscripts/src/access-log/
 * proofs.ts), with their inclusion proofs against the earliest signed tree head covering them
 * all; `makeHead` signs one when none covers them yet (efr worker, which holds the key; given
 * the time of the newest entry, which a head covers once it has settled: ACS commits audit
 * entries late). None
 * where no head covers them: the disc then carries the entries without proofs. Before the disc
 * is written the extract is checked as verify.html checks it: a proof that fails stops the build
 * (the web script already refuses, 409 naming the entry, when the log no longer gives the
 * head's root).
 */
async function provenLog(c: RestConnection, nodeIds: readonly string[], until: number,
  makeHead?: (newest: number) => Promise<void>): Promise<Pick<PackageSource, 'log' | 'logTree'>> {
  const before = (e: { entry: { createdAt: string } }): boolean =>
    Date.parse(e.entry.createdAt) <= until;
  const extract = async (treeSize?: number): Promise<LogExtractEntry[]> => {
    const bySeq = new Map<number, LogExtractEntry>();
    for (const id of nodeIds) {
      for (const e of (await entriesOf(c, id, treeSize)).entries.filter(before)) {
        bySeq.set(e.seq, { seq: e.seq, entry: e.entry,
          inclusionProof: e.inclusionProof ?? undefined });
      }
    }
    return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  };
  const log = await extract();
  if (log.length === 0) return { log };
  const last = log[log.length - 1].seq;
  const covering = async (): Promise<{ publicKey: string | null; head?: SignedTreeHead }> => {
    const tree = await json<{ publicKey: string | null; heads: SignedTreeHead[] }>(c,
      `${TREE}/tree-heads`);
    return { publicKey: tree.publicKey, head: tree.heads.find((h) => h.treeSize >= last) };
  };
  let tree = await covering();
  if (!tree.head && makeHead) {
    await makeHead(log.reduce((t, e) => Math.max(t, Date.parse(e.entry.createdAt)), 0));
    tree = await covering();
  }
  const head = tree.head;
  if (!head || !tree.publicKey) return { log };
  const proven = await extract(head.treeSize);
  const check = checkAccessLogExtract(nodeSha256, accessLogExtractText(proven),
    treeHeadFileText(head, tree.publicKey));
  const bad = check.lines.find((l) => !l.ok);
  if (check.headProblem || bad || proven.length !== log.length) {
    throw new RestError(502, `the access-log extract does not verify against the signed tree ` +
      `head of ${head.treeSize} entries: ${check.headProblem ?? (bad ? `entry at position ` +
      `${bad.seq} ${bad.reason}` : `${log.length - proven.length} entries went missing`)}`);
  }
  return { log: proven, logTree: { head, publicKey: tree.publicKey } };
}

/** What the CLI asks for. */
export interface RestPackageRequest {
  readonly caseNumber: string;
  readonly producer: string;
  readonly extractor: string;
  readonly extractionTime: string;
  readonly medium: string;
  readonly label: string;
  /** Recording ids to include (all sealed recordings of the case when absent). */
  readonly recordingIds?: readonly string[];
}

/** Reads a package source through REST. Unsealed recordings are refused (R26.1). */
export async function restPackageSource(c: RestConnection, req: RestPackageRequest,
  makeHead?: (newest: number) => Promise<void>): Promise<PackageSource> {
  const kase = await findCase(c, req.caseNumber);
  const linked = await all<NodeEntryLike>(c,
    `${CORE}/nodes/${kase.id}/targets?where=(assocType='efr:caseRecordings')&include=properties`);
  const chosen = req.recordingIds
    ? req.recordingIds.map((id) => {
      const hit = linked.find((n) => n.id === id);
      if (!hit) throw new RestError(422, `recording ${id} is not linked to ${req.caseNumber}`);
      return hit;
    })
    : linked.filter((n) => n.nodeType === 'efr:recording' || n.nodeType === undefined);
  if (chosen.length === 0) throw new RestError(422, `case ${req.caseNumber} has no recordings`);
  const facts0 = chosen.map((n) => {
    const f = recordingFacts(n);
    if (!f.sealed || !/^[0-9a-f]{64}$/.test(f.sha256)) {
      throw new RestError(409, `recording ${n.name} (${n.id}) is not sealed: only sealed ` +
        'originals are copied (R26.1)');
    }
    return f;
  });
  const recordings: SourceRecording[] = (await withNames(c, facts0))
    .map((f) => ({ ...f, open: () => contentStream(c, f.id) }));
  const until = Date.parse(req.extractionTime);
  const p = kase.properties ?? {};
  const facts: PackageFacts = {
    caseId: kase.id, caseNumber: String(p['efr:caseNumber'] ?? req.caseNumber),
    caseTitle: typeof p['cm:title'] === 'string' ? p['cm:title'] : kase.name,
    producer: req.producer, extractor: req.extractor, extractionTime: req.extractionTime,
    medium: req.medium, label: req.label, source: c.url,
  };
  return { facts, recordings,
    ...await provenLog(c, recordings.map((r) => r.id), until, makeHead) };
}
