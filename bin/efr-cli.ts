/**
 * The `efr` command line. Each command is loaded only when called, so that a command's
 * dependencies (SQLite, the disc writer) are not loaded by the others.
 */
import { parseArgs } from 'node:util';

interface Command {
  /** One line for `efr help`. */
  summary: string;
  /** Runs the command; resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  'audit verify': {
    summary: 'audit verify [--data <dir> | --url <repository> --user <u> --password <p>] ' +
      '[--key <pem>]  check the access log: hash chain, signed tree heads, Merkle consistency ' +
      '(default ./.efr-data)',
    async run(args) {
      const { values } = parseArgs({ args, options: { data: { type: 'string' },
        key: { type: 'string' }, url: { type: 'string' }, user: { type: 'string' },
        password: { type: 'string' } } });
      const dataDir = values.data ?? process.env.EFR_DATA_DIR ?? '.efr-data';
      let result;
      if (values.url) {
        // Over the REST audit entries (ACS or server/): the trusted key must be given.
        const { loadVerifyKey } = await import('../server/src/access-log/tree-heads.ts');
        const key = values.key && loadVerifyKey(dataDir, values.key);
        const user = values.user ?? process.env.EFR_USER;
        const password = values.password ?? process.env.EFR_PASSWORD;
        if (!key || !user || !password) {
          console.error('efr: audit verify --url needs --key <public key pem> and --user/' +
            '--password (or EFR_USER/EFR_PASSWORD)');
          return 2;
        }
        const { verifyAccessLogOverRest } = await import('../server/src/access-log/rest-verify.ts');
        result = await verifyAccessLogOverRest({ url: values.url, user, password }, key);
      } else {
        const { verifyAccessLog } = await import('../server/src/cli/audit-verify.ts');
        result = await verifyAccessLog(dataDir, { keyFile: values.key });
      }
      if (result.ok) {
        console.log(`access log intact: ${result.count} entries verified against ` +
          `${result.heads} signed tree head(s)`);
        return 0;
      }
      console.error(
        `access log BROKEN at entry #${result.index} (id ${result.id}): ${result.reason}`,
      );
      return 1;
    },
  },
  'audit export-heads': {
    summary: 'audit export-heads [--data <dir>] [--day YYYY-MM-DD|all] [--key <pem>] ' +
      '[--text]  print one day\'s signed tree heads (China time; default today) as JSON or text',
    async run(args) {
      const { values } = parseArgs({ args, options: { data: { type: 'string' },
        day: { type: 'string' }, key: { type: 'string' }, text: { type: 'boolean' } } });
      const dataDir = values.data ?? process.env.EFR_DATA_DIR ?? '.efr-data';
      const { exportTreeHeads, treeHeadsText } = await import('../server/src/cli/export-heads.ts');
      let doc;
      try {
        doc = exportTreeHeads(dataDir, values.day, values.key);
      } catch (err) {
        // RangeError: a bad --day or a data dir without a repository; said in one line.
        if (!(err instanceof RangeError)) throw err;
        console.error(`efr: ${err.message}`);
        return 2;
      }
      process.stdout.write(values.text ? treeHeadsText(doc) : JSON.stringify(doc, null, 2) + '\n');
      return 0;
    },
  },
  'disc build': {
    summary: 'disc build --case <caseNumber> --out <file.iso> [--url <repository>] ' +
      '[--medium dvd5]  package a case on an evidence disc image (R23.1)',
    async run(args) {
      const { discBuild } = await import('../server/src/evidence/disc-cli.js');
      return discBuild(args);
    },
  },
  worker: {
    summary: 'worker --url <repository> --password <secret> [--stomp stomp://broker:61613]  ' +
      'build evidence discs requested in the repository (issue 15)',
    async run(args) {
      const { workerCli } = await import('../server/src/worker/worker-cli.js');
      return workerCli(args);
    },
  },
  'disc verify': {
    summary: 'disc verify <file.iso>  check every file of an evidence disc against its bag',
    async run(args) {
      const { discVerify } = await import('../server/src/evidence/disc-cli.js');
      return discVerify(args);
    },
  },
};

/** Entry point of `npx efr`; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  for (const [name, command] of Object.entries(COMMANDS)) {
    const words = name.split(' ');
    if (words.every((w, i) => argv[i] === w)) return command.run(argv.slice(words.length));
  }
  console.log('usage: efr <command>\n');
  for (const command of Object.values(COMMANDS)) console.log(`  efr ${command.summary}`);
  return argv.length === 0 || argv[0] === 'help' ? 0 : 2;
}
