/**
 * `efr worker`: the worker beside ACS (issue 15). Works until SIGTERM/SIGINT, then finishes the
 * job in hand. Credentials from flags or the environment, never echoed.
 *
 *   efr worker --url http://acs:8080 [--user efr-worker] [--password … | EFR_WORKER_PASSWORD]
 *              [--stomp stomp://activemq:61613 [--stomp-user …] [--stomp-password …]]
 *              [--poll <seconds>]
 *   EFR_LOG_SIGNING_KEY=<pem>: also signs the access log's tree heads (./jobs/tree-head.ts)
 */
import { parseArgs } from 'node:util';
import { EfrWorker } from './efr-worker.js';
import { stompSignals } from './event-stream.js';
import { loadLogSigner, type LogSigner } from '../access-log/tree-heads.js';

/** Runs `efr worker`; resolves to the exit code once stopped. */
export async function workerCli(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: {
      url: { type: 'string' }, user: { type: 'string' }, password: { type: 'string' },
      stomp: { type: 'string' }, 'stomp-user': { type: 'string' },
      'stomp-password': { type: 'string' }, poll: { type: 'string' },
    } }));
  } catch (err) {
    console.error(`efr worker: ${(err as Error).message}`);
    return 2;
  }
  const url = values.url ?? process.env.EFR_URL;
  const user = values.user ?? process.env.EFR_WORKER_USER ?? 'efr-worker';
  const password = values.password ?? process.env.EFR_WORKER_PASSWORD;
  if (!url || !password) {
    console.error('efr worker: give --url (or EFR_URL) and --password (or EFR_WORKER_PASSWORD)');
    return 2;
  }
  const poll = values.poll === undefined ? undefined : Number(values.poll);
  if (poll !== undefined && !(poll >= 1 && poll <= 86_400)) {
    console.error('efr worker: --poll is a number of seconds between 1 and 86400');
    return 2;
  }
  const stompUrl = values.stomp ?? process.env.EFR_STOMP_URL;
  const log = (line: string): void => console.log(line);
  const signals = stompUrl ? stompSignals({ url: stompUrl,
    login: values['stomp-user'] ?? process.env.EFR_STOMP_USER,
    passcode: values['stomp-password'] ?? process.env.EFR_STOMP_PASSWORD, log }) : undefined;
  // The access log's tree heads (issue 18) are signed with the deployment key, never a new one.
  let logSigner: LogSigner | undefined;
  if (process.env.EFR_LOG_SIGNING_KEY) {
    try {
      logSigner = loadLogSigner('', process.env);
    } catch (err) {
      console.error(`efr worker: ${(err as Error).message}`);
      return 2;
    }
  } else log('efr worker: no EFR_LOG_SIGNING_KEY: the access log\'s tree heads are not signed');
  const worker = new EfrWorker({ connection: { url, user, password }, signals, log, logSigner,
    pollMs: poll === undefined ? undefined : poll * 1000,
    fallbackPollMs: poll === undefined ? undefined : Math.min(poll * 1000, 5000) });
  worker.start();
  log(`efr worker: working for ${url} as ${user}${stompUrl ? `, events from ${stompUrl}` : ''}`);
  await new Promise<void>((done) => {
    const stop = (): void => {
      log('efr worker: stopping after the job in hand');
      done();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  await worker.stop();
  return 0;
}
