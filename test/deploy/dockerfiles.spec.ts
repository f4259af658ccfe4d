// Lints every Dockerfile of docker/ (issue 10): dockerfilelint's rules plus the stack's own
// (pinned FROM, COPY sources present, no ADD of a URL, unprivileged final USER). COPY sources
// under dist/ are build outputs: the check gives them a stand-in build context in a temporary
// folder, so it proves the paths are the ones the builds write without running the builds.
import {
  cpSync, symlinkSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dockerDir, repoRoot } from './support/compose-env.js';
import { lintDockerfile, parseDockerfile } from './support/dockerfile-lint.js';

/** The build outputs the Dockerfiles copy (build:module, build:share, build). */
const BUILD_OUTPUTS = ['dist/efr-repo.jar', 'dist/efr-share.jar', 'dist/efr-app/browser/',
  'dist/content-app/browser/'];

function dockerfiles(): string[] {
  return readdirSync(dockerDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(dockerDir, d.name, 'Dockerfile'))
    .filter((p) => existsSync(p));
}

describe('docker/*/Dockerfile (issue 10: image builds)', () => {
  let context: string;
  beforeAll(() => {
    // A stand-in context: docker/ as it is, dist/ with empty files where builds write theirs.
    context = mkdtempSync(join(tmpdir(), 'efr-docker-context-'));
    cpSync(dockerDir, join(context, 'docker'), { recursive: true });
    // The worker image is built from the checkout's own sources (docker/worker/Dockerfile).
    for (const src of ['package.json', 'package-lock.json', 'tsconfig.json', 'core', 'content-model',
      'server', 'bin']) symlinkSync(join(repoRoot, src), join(context, src));
    for (const out of BUILD_OUTPUTS) {
      const abs = join(context, out);
      if (out.endsWith('/')) {
        mkdirSync(abs, { recursive: true });
        writeFileSync(join(abs, 'index.html'), '<!doctype html>');
      } else {
        mkdirSync(join(abs, '..'), { recursive: true });
        writeFileSync(abs, '');
      }
    }
  });
  afterAll(() => rmSync(context, { recursive: true, force: true }));

  it('finds the four Dockerfiles of the stack', () => {
    expect(dockerfiles().map((p) => p.slice(repoRoot.length + 1)).sort())
      .toEqual(['docker/app/Dockerfile', 'docker/repository/Dockerfile',
        'docker/share/Dockerfile', 'docker/worker/Dockerfile']);
  });

  for (const name of ['repository', 'share', 'app', 'worker']) {
    it(`lints docker/${name}/Dockerfile clean`, () => {
      const issues = lintDockerfile(resolve(dockerDir, name, 'Dockerfile'), { context });
      expect(issues).toEqual([]);
    });
  }

  it('puts the module JAR where ACS loads it and the Share JAR in Share\'s WEB-INF/lib', () => {
    const copies = (name: string): string[] => parseDockerfile(
      readFileSync(resolve(dockerDir, name, 'Dockerfile'), 'utf8'))
      .filter((i) => i.keyword === 'COPY').map((i) => i.args);
    expect(copies('repository').join('\n')).toMatch(
      /dist\/efr-repo\.jar \/usr\/local\/tomcat\/webapps\/alfresco\/WEB-INF\/lib\//);
    expect(copies('share').join('\n')).toMatch(
      /dist\/efr-share\.jar \/usr\/local\/tomcat\/webapps\/share\/WEB-INF\/lib\//);
    expect(copies('app').join('\n')).toContain('dist/efr-app/browser/ /usr/share/nginx/html/');
  });

  it('catches what it is for: unpinned FROM, ADD of a URL, missing source, root at the end', () => {
    const bad = join(context, 'Dockerfile.bad');
    writeFileSync(bad, [
      'FROM docker.io/library/debian',
      'ADD https://example.org/tool.tgz /opt/',
      'COPY dist/not-built.jar /opt/',
      'USER root',
      '',
    ].join('\n'));
    const rules = lintDockerfile(bad, { context }).map((i) => i.rule);
    expect(rules).toContain('pinned-from');
    expect(rules).toContain('no-add-url');
    expect(rules).toContain('copy-source');
    expect(rules).toContain('non-root-user');
  });
});
