/**
 * The repository's event stream as efr worker hears it beside ACS (issue 15): ACS publishes a
 * CloudEvents JSON message for every node created, updated or deleted on the topic
 * `alfresco.repo.event2` of the ActiveMQ broker that the ACS stack already runs
 * (alfresco-community-repo, repository/src/main/resources/alfresco/repository.properties:1258 at
 * 25.5.0.31: `repo.event2.topic.endpoint=amqp:topic:alfresco.repo.event2`; message fields
 * `type` = `org.alfresco.event.node.Created|Updated|Deleted`, `data.resource.nodeType`, per the
 * acs-event-model library). ActiveMQ hands topic messages to STOMP subscribers of
 * `/topic/alfresco.repo.event2`, whatever protocol published them.
 *
 * STOMP over TCP with @stomp/stompjs and @stomp/tcp-wrapper (reconnects by itself, heart-beats
 * in both directions); the worker wakes on any event about an `efr:evidencePackage` or an
 * `efr:fixityRound` (issue 18) and still polls, since events published while it was
 * disconnected are not replayed (a topic, not a queue).
 */
import { Client, type IMessage } from '@stomp/stompjs';
import { TCPWrapper } from '@stomp/tcp-wrapper';
import type { JobSignals } from './efr-worker.js';

/** ACS's event topic, as a STOMP destination. */
export const EVENT_DESTINATION = '/topic/alfresco.repo.event2';

/** Where the broker is and who the worker is to it. */
export interface StompOptions {
  /** `stomp://host:port` or `tcp://host:port` (ActiveMQ's STOMP connector, default port 61613). */
  url: string;
  login?: string;
  passcode?: string;
  /** Milliseconds between reconnection attempts (default 5 s). */
  reconnectDelay?: number;
  /** Called with a line when the connection comes or goes. */
  log?: (line: string) => void;
}

/** Node types whose events may mean a job to do. */
const JOB_TYPES = new Set(['efr:evidencePackage', 'efr:fixityRound']);

/** Whether an event message is about a job (a package created or changed). */
export function isJobEvent(body: string): boolean {
  let event: { type?: unknown; data?: { resource?: { nodeType?: unknown } } };
  try {
    event = JSON.parse(body) as typeof event;
  } catch {
    return false; // not an event of ACS's model
  }
  return typeof event.type === 'string' && event.type.startsWith('org.alfresco.event.node.') &&
    event.type !== 'org.alfresco.event.node.Deleted' &&
    JOB_TYPES.has(String(event.data?.resource?.nodeType));
}

function hostPort(url: string): { host: string; port: number } {
  const m = /^(?:stomp|tcp):\/\/([^/:]+)(?::(\d+))?\/?$/.exec(url);
  if (!m) throw new Error(`The broker URL must look like stomp://host:61613, not ${url}`);
  return { host: m[1], port: m[2] ? Number(m[2]) : 61613 };
}

/** Subscribes to ACS's event topic; a lost connection is retried until close(). */
export function stompSignals(opts: StompOptions): JobSignals {
  const { host, port } = hostPort(opts.url);
  const wakers: (() => void)[] = [];
  let connected = false;
  const client = new Client({
    webSocketFactory: () => new TCPWrapper(host, port),
    connectHeaders: { login: opts.login ?? '', passcode: opts.passcode ?? '', host },
    reconnectDelay: opts.reconnectDelay ?? 5000,
    heartbeatIncoming: 20_000,
    heartbeatOutgoing: 20_000,
  });
  client.onConnect = () => {
    connected = true;
    opts.log?.(`listening to ${EVENT_DESTINATION} on ${host}:${port}`);
    client.subscribe(EVENT_DESTINATION, (msg: IMessage) => {
      if (isJobEvent(msg.body)) for (const wake of wakers) wake();
    });
    // Anything published while disconnected is gone: look now.
    for (const wake of wakers) wake();
  };
  const lost = (): void => {
    if (connected) opts.log?.(`lost the broker at ${host}:${port}; polling until it is back`);
    connected = false;
  };
  client.onWebSocketClose = lost;
  client.onStompError = (frame) => {
    opts.log?.(`broker refused: ${frame.headers.message ?? frame.body}`);
    lost();
  };
  client.activate();
  return {
    get connected() {
      return connected;
    },
    subscribe(wake) {
      wakers.push(wake);
    },
    async close() {
      await client.deactivate();
      connected = false;
    },
  };
}
