// Dockerfile checks: the npm `dockerfilelint` package for its general rules (hadolint is not
// packaged in Debian and has no npm build), plus the rules that matter to this stack and that
// dockerfilelint does not have, written here: every FROM pinned to a tag (ARG defaults
// resolved), every COPY source present in the build context, no ADD of a URL (a download at
// build time is neither reproducible nor checked), and the last USER unprivileged unless the
// file states why the base image needs root (`# efr-lint: root-user-ok <reason>`).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';

/** One problem found in a Dockerfile. */
export interface DockerfileIssue {
  line: number;
  rule: string;
  message: string;
}

/** One instruction, continuation lines joined. */
export interface DockerInstruction {
  line: number;
  keyword: string;
  args: string;
}

interface DockerfilelintModule {
  run(configPath: string, content: string):
    Array<{ line: number | string; rule: string; title: string }>;
}

const require = createRequire(import.meta.url);
const dockerfilelint = require('dockerfilelint') as DockerfilelintModule;

/** Splits a Dockerfile into instructions (comments dropped, `\` continuations joined). */
export function parseDockerfile(text: string): DockerInstruction[] {
  const out: DockerInstruction[] = [];
  let buffer = '';
  let start = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (buffer === '' && (line === '' || line.startsWith('#'))) return;
    if (buffer === '') start = i + 1;
    if (line.startsWith('#')) return;
    if (line.endsWith('\\')) {
      buffer += line.slice(0, -1) + ' ';
      return;
    }
    buffer += line;
    const m = /^(\S+)\s*(.*)$/.exec(buffer.trim());
    if (m) out.push({ line: start, keyword: m[1].toUpperCase(), args: m[2].replace(/\s+/g, ' ') });
    buffer = '';
  });
  return out;
}

/** Options of one Dockerfile check. */
export interface LintOptions {
  /** The build context the COPY sources are relative to. */
  context: string;
}

/** Runs dockerfilelint and the stack's own rules on one Dockerfile. */
export function lintDockerfile(path: string, options: LintOptions): DockerfileIssue[] {
  const text = readFileSync(path, 'utf8');
  const issues: DockerfileIssue[] = dockerfilelint.run(dirname(path), text).map((d) => ({
    line: Number(d.line),
    rule: `dockerfilelint:${d.rule}`,
    message: d.title,
  }));
  const instructions = parseDockerfile(text);
  const args = new Map<string, string>();
  let lastUser: DockerInstruction | undefined;
  let sawFrom = false;
  for (const ins of instructions) {
    if (ins.keyword === 'ARG') {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/.exec(ins.args);
      if (m && m[2] !== undefined) args.set(m[1], m[2].replace(/^"|"$/g, ''));
    } else if (ins.keyword === 'FROM') {
      sawFrom = true;
      lastUser = undefined;
      const image = ins.args.split(/\s+/).find((t) => !t.startsWith('--')) ?? '';
      const resolved = image.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g,
        (_m, n: string) => args.get(n) ?? `\${${n}}`);
      const tag = /^(?:[^/]+\/)*[^/:@]+(?::([^@]+))?(?:@(sha256:[0-9a-f]{64}))?$/.exec(resolved);
      if (!tag || (!tag[1] && !tag[2]) || tag[1] === 'latest' || resolved.includes('${')) {
        issues.push({ line: ins.line, rule: 'pinned-from', message: `unpinned base ${resolved}` });
      }
    } else if (ins.keyword === 'ADD' && /(^|\s)(https?|ftp):\/\//i.test(ins.args)) {
      issues.push({ line: ins.line, rule: 'no-add-url', message: 'ADD of a URL' });
    } else if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
      if (/--from=/.test(ins.args)) continue;
      const parts = ins.args.split(/\s+/).filter((t) => !t.startsWith('--'));
      for (const src of parts.slice(0, -1)) {
        if (!existsSync(resolve(options.context, src))) {
          issues.push({ line: ins.line, rule: 'copy-source', message: `missing source ${src}` });
        }
      }
    } else if (ins.keyword === 'USER') {
      lastUser = ins;
    }
  }
  if (!sawFrom) issues.push({ line: 1, rule: 'pinned-from', message: 'no FROM' });
  const rootOk = /#\s*efr-lint:\s*root-user-ok\s+\S/.test(text);
  const isRoot = !lastUser || /^(root|0)(:|$)/.test(lastUser.args);
  if (isRoot && !rootOk) {
    issues.push({
      line: lastUser?.line ?? instructions.length,
      rule: 'non-root-user',
      message: 'the image ends as root (add USER, or state why with efr-lint: root-user-ok)',
    });
  }
  return issues;
}
