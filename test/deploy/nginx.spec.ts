// Checks docker/app/nginx.conf (issue 10): `nginx -t` with Debian's nginx, the conf included
// in a throw-away main configuration the way nginx-unprivileged includes conf.d/*.conf, plus
// the promises the file makes: SPA fallback, /alfresco proxied, security headers, gzip.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dockerDir } from './support/compose-env.js';

const confPath = resolve(dockerDir, 'app', 'nginx.conf');

/** `nginx -t` on a main config that includes `serverConf`; null when nginx is not installed. */
function nginxTest(serverConf: string): { status: number | null; output: string } | null {
  const probe = spawnSync('nginx', ['-v'], { encoding: 'utf8' });
  if (probe.error) return null;
  const dir = mkdtempSync(join(tmpdir(), 'efr-nginx-'));
  try {
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
      .map((k) => `${k}_temp_path ${join(dir, k)};`).join('\n  ');
    const main = join(dir, 'nginx.conf');
    writeFileSync(main, `pid ${join(dir, 'nginx.pid')};\nerror_log stderr;\nevents {}\n` +
      `http {\n  include /etc/nginx/mime.types;\n  access_log off;\n  ${temp}\n` +
      `  include ${serverConf};\n}\n`);
    const r = spawnSync('nginx', ['-t', '-q', '-c', main, '-p', dir], { encoding: 'utf8' });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('docker/app/nginx.conf (issue 10: the app behind nginx)', () => {
  const conf = readFileSync(confPath, 'utf8');

  it('passes `nginx -t`', () => {
    const r = nginxTest(confPath);
    if (!r) {
      pending('nginx is not installed (apt-get install nginx-light)');
      return;
    }
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  });

  it('nginx -t is not vacuous: a broken copy fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'efr-nginx-bad-'));
    try {
      const bad = join(dir, 'bad.conf');
      writeFileSync(bad, conf.replace('try_files $uri $uri/ /index.html;', 'try_files;'));
      const r = nginxTest(bad);
      if (!r) {
        pending('nginx is not installed (apt-get install nginx-light)');
        return;
      }
      expect(r.status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('falls back to index.html for client-side routes', () => {
    expect(conf).toMatch(/location \/ \{[^}]*try_files \$uri \$uri\/ \/index\.html;/);
  });

  it('proxies /alfresco to the repository without buffering large uploads or ranges', () => {
    expect(conf).toMatch(/location \/alfresco\/ \{[^}]*proxy_pass \$efr_repository;/);
    expect(conf).toContain('set $efr_repository http://alfresco:8080;');
    expect(conf).toContain('client_max_body_size 0;');
    expect(conf).toContain('proxy_request_buffering off;');
    expect(conf).toContain('proxy_buffering off;');
  });

  it('refuses the Solr and remote admin web scripts', () => {
    expect(conf).toMatch(/location ~ "\^\/alfresco[^"]*solr\|remoteadm[^"]*" \{\s*return 403;/);
  });

  it('sends the security headers on every response, from server level only', () => {
    for (const header of ['X-Content-Type-Options', 'X-Frame-Options', 'Referrer-Policy',
      'Permissions-Policy', 'Content-Security-Policy']) {
      expect(conf).withContext(header)
        .toMatch(new RegExp(`\\n    add_header ${header} .* always;`));
    }
    // An add_header inside a location would silently drop the server-level ones there.
    expect(conf).not.toMatch(/\n {8,}add_header /);
    expect(conf).toMatch(/frame-ancestors 'self'/);
  });

  it('compresses text assets', () => {
    expect(conf).toMatch(/\n    gzip on;/);
    const types = /gzip_types([^;]*);/.exec(conf)?.[1].split(/\s+/) ?? [];
    expect(types).toContain('application/javascript');
    expect(types).toContain('text/css');
  });
});
