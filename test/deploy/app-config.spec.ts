// Checks docker/app/app.config.json (issue 10), the configuration the app image serves in
// production: ADF's own app.config schema, sign-in through the Keycloak realm of the stack
// with the public PKCE client, and the same repository settings as the development build.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { dockerDir, readStackEnv, repoRoot } from './support/compose-env.js';
import { describeErrors } from './support/compose-schema.js';

interface AppConfig {
  ecmHost: string;
  providers: string;
  authType: string;
  contextRootEcm: string;
  locale?: string;
  oauth2?: Record<string, unknown>;
}

const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

describe('docker/app/app.config.json (issue 10: the app signs in through Keycloak)', () => {
  const config = read<AppConfig>(resolve(dockerDir, 'app', 'app.config.json'));

  it('is valid against ADF\'s app.config schema', () => {
    // The package does not export the file: read it from node_modules directly.
    const schema = read<Record<string, unknown>>(resolve(repoRoot, 'node_modules', '@alfresco',
      'adf-core', 'app.config.schema.json'));
    // ADF's schema names "http://json-schema.org/schema" (no draft): Ajv's default draft-07.
    delete schema.$schema;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    const ok = validate(config);
    expect(describeErrors(validate.errors)).toEqual([]);
    expect(ok).toBeTrue();
  });

  it('uses OAUTH with the authorization code flow against the stack\'s realm and client', () => {
    const env = readStackEnv();
    expect(config.authType).toBe('OAUTH');
    expect(config.oauth2?.host).toBe(`{protocol}//{hostname}{:port}/auth/realms/${env.EFR_REALM}`);
    expect(config.oauth2?.clientId).toBe(env.EFR_APP_CLIENT_ID);
    expect(config.oauth2?.codeFlow).toBeTrue();
    expect(config.oauth2?.implicitFlow).toBeFalse();
    // The silent-refresh page must be same-origin: the CSP allows frames from 'self' only.
    expect(String(config.oauth2?.redirectSilentIframeUri))
      .toMatch(/^\{protocol\}\/\/\{hostname\}\{:port\}\//);
  });

  it('talks to the same repository as the development build', () => {
    const dev = read<AppConfig>(resolve(repoRoot, 'src', 'app.config.json'));
    expect(config.ecmHost).toBe(dev.ecmHost);
    expect(config.providers).toBe(dev.providers);
    expect(config.contextRootEcm).toBe(dev.contextRootEcm);
    expect(config.locale).toBe('zh-CN');
  });

  it('is what the app image serves', () => {
    const dockerfile = readFileSync(resolve(dockerDir, 'app', 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(
      /COPY [^\n]*docker\/app\/app\.config\.json \/usr\/share\/nginx\/html\/app\.config\.json/);
  });

  it('has a Content App twin that signs in the same way, at /content-app/ (issue 17)', () => {
    const contentApp = read<AppConfig>(resolve(dockerDir, 'app', 'content-app.config.json'));
    const dev = read<AppConfig>(resolve(repoRoot, 'content-app', 'app.config.json'));
    const schema = read<Record<string, unknown>>(resolve(repoRoot, 'node_modules', '@alfresco',
      'adf-core', 'app.config.schema.json'));
    delete schema.$schema;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(contentApp)).withContext(JSON.stringify(validate.errors)).toBeTrue();
    expect(contentApp.authType).toBe('OAUTH');
    // The same Keycloak client; only where it sends the browser back differs.
    const client = (o: Record<string, unknown> = {}) =>
      Object.fromEntries(Object.entries(o).filter(([k]) => !k.startsWith('redirect')));
    expect(client(contentApp.oauth2)).toEqual(client(config.oauth2));
    const { redirectSilentIframeUri, redirectUri, redirectUriLogout } = contentApp.oauth2 ?? {};
    expect(redirectUri).toBe('/content-app/');
    expect(redirectUriLogout).toBe('/content-app/');
    expect(redirectSilentIframeUri)
      .toBe('{protocol}//{hostname}{:port}/content-app/assets/silent-refresh.html');
    for (const key of ['ecmHost', 'providers', 'contextRootEcm', 'locale'] as const) {
      expect(contentApp[key]).withContext(key).toBe(dev[key]);
    }
    const dockerfile = readFileSync(resolve(dockerDir, 'app', 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/COPY dist\/content-app\/browser\/ \/usr\/share\/nginx\/html\/content-app\//);
    expect(dockerfile).toMatch(/COPY [^\n]*docker\/app\/content-app\.config\.json \/usr\/share\/nginx\/html\/content-app\/app\.config\.json/);
  });
});
