/**
 * A real ActiveMQ broker (Debian's `activemq` package, the broker of the ACS stack) with one
 * STOMP connector on a free port, in-memory, for the specs of efr worker's event listener
 * (issue 15). Started as its own JVM and killed afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { freePort, tempDir } from './server-harness.js';

/** Debian's ActiveMQ launcher jar. */
export const ACTIVEMQ_JAR = '/usr/share/activemq/bin/activemq.jar';

/** A running broker. */
export interface Broker {
  /** `stomp://127.0.0.1:<port>`. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

function reachable(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      ok(true);
    });
    s.once('error', () => ok(false));
  });
}

/** Starts a broker; fails with the install command when ActiveMQ is missing. */
export async function startBroker(): Promise<Broker> {
  if (!existsSync(ACTIVEMQ_JAR)) {
    throw new Error(`ActiveMQ is not installed (${ACTIVEMQ_JAR}): apt-get install activemq`);
  }
  const base = tempDir('activemq');
  mkdirSync(join(base, 'conf'));
  const port = await freePort();
  const conf = join(base, 'conf', 'activemq.xml');
  writeFileSync(conf, `<beans xmlns="http://www.springframework.org/schema/beans"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.springframework.org/schema/beans
  http://www.springframework.org/schema/beans/spring-beans-2.0.xsd
  http://activemq.apache.org/schema/core http://activemq.apache.org/schema/core/activemq-core.xsd">
  <broker xmlns="http://activemq.apache.org/schema/core" useJmx="false" brokerName="efr-spec"
    persistent="false" dataDirectory="${base}/data">
    <transportConnectors>
      <transportConnector name="stomp" uri="stomp://127.0.0.1:${port}"/>
    </transportConnectors>
  </broker>
</beans>
`);
  const child: ChildProcess = spawn('java', ['-Xmx256m', '-Dactivemq.home=/usr/share/activemq',
    `-Dactivemq.base=${base}`, `-Dactivemq.conf=${base}/conf`, `-Dactivemq.data=${base}/data`,
    '-jar', ACTIVEMQ_JAR, 'start', `xbean:file:${conf}`], { stdio: 'ignore' });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await new Promise((ok) => child.once('exit', ok));
    }
    rmSync(base, { recursive: true, force: true });
  };
  for (let i = 0; i < 600; i++) {
    if (await reachable(port)) return { url: `stomp://127.0.0.1:${port}`, port, stop };
    if (child.exitCode !== null) break;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  await stop();
  throw new Error('ActiveMQ did not open its STOMP port within 60 s');
}
