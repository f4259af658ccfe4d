/**
 * efr worker hears of jobs from the repository's event stream (issue 15): a real ActiveMQ
 * broker (the ACS stack's), ACS's event topic `alfresco.repo.event2` over STOMP. The spec plays
 * ACS's event generator: after a disc is requested it publishes the node event ACS would send
 * (CloudEvents JSON of the acs-event-model). The worker polls only every ten minutes here, so
 * the disc is built because of the event; events about other nodes wake nobody.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from '@stomp/stompjs';
import { TCPWrapper } from '@stomp/tcp-wrapper';
import { GROUP_EFR_WORKERS } from '../../core/src/index.js';
import type { RunningServer, ServerOptions } from '../../server/src/app.js';
import { EfrWorker } from '../../server/src/worker/efr-worker.js';
import {
  EVENT_DESTINATION, isJobEvent, stompSignals,
} from '../../server/src/worker/event-stream.js';
import { startBroker, type Broker } from '../support/activemq.js';
import { DEMO_PASSWORD, ROOT, tempDir } from '../support/server-harness.js';

const CASE = '丹民罚〔2026〕12号';
const SEARCH = '/alfresco/api/-default-/public/search/versions/1/search';
const CORE = '/alfresco/api/-default-/public/alfresco/versions/1';
const EFR = '/alfresco/s/efr';

/** A node event as ACS's event generator publishes it (fields of the acs-event-model). */
function nodeEvent(type: string, id: string, nodeType: string): string {
  return JSON.stringify({ specversion: '1.0', type: `org.alfresco.event.node.${type}`,
    id: `evt-${id}`, source: '/efr-spec', time: new Date().toISOString(),
    dataschema: `https://api.alfresco.com/schema/event/repo/v1/node${type}`,
    datacontenttype: 'application/json',
    data: { eventGroupId: `tx-${id}`, resource: { '@type': 'NodeResource', id, name: 'x.iso',
      nodeType, isFile: true, isFolder: false, primaryHierarchy: [] } } });
}

describe('efr worker and ACS\'s event stream (issue 15)', () => {
  it('tells job events from others', () => {
    expect(isJobEvent(nodeEvent('Created', 'a', 'efr:evidencePackage'))).toBeTrue();
    expect(isJobEvent(nodeEvent('Updated', 'a', 'efr:evidencePackage'))).toBeTrue();
    // A fixity round asked for (issue 18) wakes the worker as a disc job does.
    expect(isJobEvent(nodeEvent('Created', 'a', 'efr:fixityRound'))).toBeTrue();
    expect(isJobEvent(nodeEvent('Deleted', 'a', 'efr:evidencePackage'))).toBeFalse();
    expect(isJobEvent(nodeEvent('Created', 'a', 'cm:content'))).toBeFalse();
    expect(isJobEvent('not json')).toBeFalse();
    expect(isJobEvent('{"type":"org.alfresco.event.node.Created"}')).toBeFalse();
  });

  describe('with a broker', () => {
    let broker: Broker;
    let server: RunningServer;
    let dataDir: string;
    let publisher: Client;

    async function call(user: string, method: string, path: string, body?: unknown):
      Promise<Record<string, unknown>> {
      const pw = user === 'admin' ? 'admin' : user === 'worker1' ? 'worker-pw' : DEMO_PASSWORD;
      const res = await fetch(server.url + path, { method, headers: {
        authorization: `Basic ${Buffer.from(`${user}:${pw}`).toString('base64')}`,
        'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body) });
      return (await res.json()) as Record<string, unknown>;
    }

    async function state(id: string): Promise<string> {
      const r = await call('legal1', 'GET', `${EFR}/evidence-packages/${id}`);
      return (r.entry as { job: { state: string } }).job.state;
    }

    async function until(what: () => Promise<boolean>, ms: number): Promise<boolean> {
      for (const end = Date.now() + ms; Date.now() < end;) {
        if (await what()) return true;
        await new Promise((ok) => setTimeout(ok, 100));
      }
      return false;
    }

    beforeAll(async () => {
      broker = await startBroker();
      dataDir = tempDir('worker-events');
      const app = (await import(pathToFileURL(join(ROOT, 'server/src/app.ts')).href)) as {
        startServer(o: ServerOptions): Promise<RunningServer> };
      server = await app.startServer({ dataDir, port: 0, host: '127.0.0.1', demo: true,
        demoPassword: DEMO_PASSWORD, worker: false });
      server.repository.addPerson({ id: 'worker1', firstName: '服务', email: 'w@localhost',
        password: 'worker-pw' });
      server.repository.auth.addMember(GROUP_EFR_WORKERS, 'worker1', 'PERSON');
      publisher = new Client({ webSocketFactory: () => new TCPWrapper('127.0.0.1', broker.port),
        reconnectDelay: 0 });
      const up = new Promise<void>((ok) => { publisher.onConnect = () => ok(); });
      publisher.activate();
      await up;
    }, 180_000);

    afterAll(async () => {
      await publisher?.deactivate();
      await server?.close();
      await broker?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('builds a disc when ACS announces its package, not before', async () => {
      const signals = stompSignals({ url: broker.url });
      const worker = new EfrWorker({ connection: { url: server.url, user: 'worker1',
        password: 'worker-pw' }, signals, pollMs: 600_000, fallbackPollMs: 600_000 });
      worker.start();
      try {
        expect(await until(async () => signals.connected, 30_000)).toBeTrue();
        // The first look after connecting is done (nothing to do yet).
        await new Promise((ok) => setTimeout(ok, 500));
        const found = await call('admin', 'POST', SEARCH, { query: { query:
          `TYPE:"efr:case" AND =efr:caseNumber:"${CASE}"` } });
        const caseId = (found.list as { entries: { entry: { id: string } }[] }).entries[0].entry.id;
        const t = await call('admin', 'GET', `${CORE}/nodes/${caseId}/targets?where=` +
          '(assocType=\'efr:caseRecordings\')');
        const recIds = (t.list as { entries: { entry: { id: string } }[] }).entries
          .map((e) => e.entry.id);
        const asked = await call('legal1', 'POST', `${EFR}/evidence-packages`, { caseId,
          recordings: recIds, producer: '张丽', extractor: '周敏', medium: 'dvd5', label: '事件' });
        const id = (asked.entry as { id: string }).id;
        // Another node's event wakes nobody.
        publisher.publish({ destination: EVENT_DESTINATION,
          body: nodeEvent('Created', 'other', 'cm:content') });
        await new Promise((ok) => setTimeout(ok, 1500));
        expect(await state(id)).toBe('requested');
        publisher.publish({ destination: EVENT_DESTINATION,
          body: nodeEvent('Created', id, 'efr:evidencePackage') });
        expect(await until(async () => (await state(id)) === 'built', 60_000)).toBeTrue();
      } finally {
        await worker.stop();
      }
    }, 120_000);
  });
});
