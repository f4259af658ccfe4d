// Checks the production compose stack (issue 10) without a Docker engine: the file, once
// interpolated with docker/.env, must satisfy the compose-spec schema, use exactly the pinned
// images, build from contexts that exist, and wire the repository to Keycloak.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ComposeFile, MissingVariableError, dockerDir, interpolate, javaProperties, readCompose,
  readRawCompose, readStackEnv, serviceEnv, serviceLabels,
} from './support/compose-env.js';
import { compileComposeSchema, describeErrors } from './support/compose-schema.js';

/** The versions the issue pins, image by image (issue 10, "Build"). */
const PINNED: Record<string, RegExp> = {
  'transform-core-aio': /^docker\.io\/alfresco\/alfresco-transform-core-aio:5\.3\.0$/,
  keycloak: /^quay\.io\/keycloak\/keycloak:26\.\d+\.\d+$/,
  postgres: /^docker\.io\/library\/postgres:16\.5$/,
  solr6: /^docker\.io\/alfresco\/alfresco-search-services:2\.0\.17$/,
  activemq: /^docker\.io\/alfresco\/alfresco-activemq:5\.18(-[a-z0-9.-]+)?$/,
  proxy: /^docker\.io\/library\/traefik:3\.6$/,
};

/** The services built here, their Dockerfile and the base image each must start from. */
const BUILT: Record<string, { dockerfile: string; base: RegExp }> = {
  alfresco: { dockerfile: 'docker/repository/Dockerfile', base: /^25\.3\.0$/ },
  share: { dockerfile: 'docker/share/Dockerfile', base: /^25\.3\.0$/ },
  app: { dockerfile: 'docker/app/Dockerfile', base: /.*/ },
  worker: { dockerfile: 'docker/worker/Dockerfile', base: /.*/ },
};

describe('docker/compose.yaml (issue 10: production stack)', () => {
  let compose: ComposeFile;
  beforeAll(() => {
    compose = readCompose();
  });

  it('interpolates with docker/.env alone: every variable it uses is defined there', () => {
    expect(() => readCompose()).not.toThrow();
    expect(() => interpolate('${NOT_IN_ENV}', readStackEnv())).toThrowError(MissingVariableError);
  });

  it('is valid against the compose-spec JSON schema', () => {
    const validate = compileComposeSchema();
    const ok = validate(compose);
    expect(describeErrors(validate.errors)).toEqual([]);
    expect(ok).toBeTrue();
  });

  it('the schema check is not vacuous: a misspelt key and a bad duration are refused', () => {
    const validate = compileComposeSchema();
    const broken = structuredClone(compose) as ComposeFile;
    broken.services.app.restrt = 'always';
    (broken.services.alfresco.healthcheck as Record<string, string>).interval = '30 seconds';
    expect(validate(broken)).toBeFalse();
    expect(describeErrors(validate.errors).join('\n')).toContain('restrt');
    expect(describeErrors(validate.errors).join('\n')).toContain('duration');
  });

  it('pins every pulled image to the versions of the issue, through docker/.env', () => {
    const raw = readRawCompose();
    for (const [name, pattern] of Object.entries(PINNED)) {
      expect(compose.services[name]).withContext(name).toBeDefined();
      expect(compose.services[name].image).withContext(name).toMatch(pattern);
      // The tag comes from .env so an upgrade changes one file.
      expect(raw.services[name].image).withContext(name).toMatch(/:\$\{[A-Z_]+\}$/);
    }
    const env = readStackEnv();
    expect(env.ACS_TAG).toBe('25.3.0');
    expect(env.SHARE_TAG).toBe('25.3.0');
  });

  it('builds the repository, Share and the app from contexts and Dockerfiles that exist', () => {
    for (const [name, expected] of Object.entries(BUILT)) {
      const build = compose.services[name].build;
      expect(typeof build).withContext(name).toBe('object');
      if (typeof build !== 'object') continue;
      const context = resolve(dockerDir, build.context ?? '.');
      expect(existsSync(context) && statSync(context).isDirectory()).withContext(name).toBeTrue();
      expect(resolve(context, build.dockerfile ?? 'Dockerfile'))
        .toBe(resolve(dockerDir, '..', expected.dockerfile));
      expect(existsSync(resolve(context, build.dockerfile ?? 'Dockerfile'))).toBeTrue();
      const tagArg = Object.values(build.args ?? {})[0];
      if (tagArg !== undefined) expect(tagArg).withContext(name).toMatch(expected.base);
    }
  });

  it('has no image without a tag and no service that is neither built nor pulled', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      expect(service.image ?? '').withContext(name).toMatch(/:[A-Za-z0-9._-]+$/);
      expect(service.image ?? '').withContext(name).not.toMatch(/:latest$/);
    }
  });

  it('publishes only the proxy on the host', () => {
    const published = Object.entries(compose.services)
      .filter(([, s]) => (s.ports ?? []).length > 0).map(([n]) => n);
    expect(published).toEqual(['proxy']);
  });

  it('runs the repository with the identity-service chain against the Keycloak realm', () => {
    const env = readStackEnv();
    const props = javaProperties(serviceEnv(compose.services.alfresco).JAVA_OPTS ?? '');
    expect(props.get('authentication.chain'))
      .toBe('identity-service1:identity-service,alfrescoNtlm1:alfrescoNtlm');
    expect(props.get('identity-service.authentication.enabled')).toBe('true');
    const issuerBase = `${env.EFR_SCHEME}://${env.EFR_HOST}:${env.EFR_PORT}/auth`;
    expect(props.get('identity-service.auth-server-url')).toBe(issuerBase);
    expect(props.get('identity-service.realm')).toBe(env.EFR_REALM);
    expect(props.get('identity-service.resource')).toBe(env.EFR_REPOSITORY_CLIENT_ID);
    expect(props.get('identity-service.credentials.secret')).toBe(env.EFR_REPOSITORY_CLIENT_SECRET);
    // Keycloak announces the same issuer that the repository is given.
    expect(serviceEnv(compose.services.keycloak).KC_HOSTNAME).toBe(issuerBase);
    expect(serviceEnv(compose.services.keycloak).KC_HTTP_RELATIVE_PATH).toBe('/auth');
  });

  it('lets the repository reach the issuer URL through the proxy alias inside the stack', () => {
    const env = readStackEnv();
    const networks = compose.services.proxy.networks as Record<string, { aliases?: string[] }>;
    expect(networks.default.aliases).toContain(env.EFR_HOST);
    expect((compose.services.proxy.command as string[]))
      .toContain(`--entrypoints.web.address=:${env.EFR_PORT}`);
  });

  it('routes /alfresco, /share, /auth and the app, and denies the Solr and remoteadm APIs', () => {
    const rules = Object.values(compose.services).flatMap(serviceLabels)
      .filter((l) => /^traefik\.http\.routers\.[^.]+\.rule=/.test(l));
    expect(rules).toContain('traefik.http.routers.alfresco.rule=PathPrefix(`/alfresco`)');
    expect(rules).toContain('traefik.http.routers.share.rule=PathPrefix(`/share`)');
    expect(rules).toContain('traefik.http.routers.keycloak.rule=PathPrefix(`/auth`)');
    expect(rules).toContain('traefik.http.routers.app.rule=PathPrefix(`/`)');
    const labels = serviceLabels(compose.services.alfresco);
    expect(labels.some((l) => l.startsWith('traefik.http.routers.solrapideny.rule='))).toBeTrue();
    expect(labels.some((l) => l.startsWith('traefik.http.routers.remoteadmdeny.rule='))).toBeTrue();
  });

  it('keeps every piece of state in a named volume (what docs/deploy.md says to back up)', () => {
    expect(Object.values(compose.volumes ?? {}).map((v) => v?.name).sort())
      .toEqual(['efr-activemq-data', 'efr-alf-data', 'efr-postgres-data', 'efr-solr-data']);
    const mounts = (compose.services.alfresco.volumes ?? []) as string[];
    expect(mounts).toContain('alf-data:/usr/local/tomcat/alf_data');
  });

  it('starts the repository only once its database, broker and Keycloak are healthy', () => {
    const deps = compose.services.alfresco.depends_on as Record<string, { condition: string }>;
    for (const name of ['postgres', 'activemq', 'keycloak']) {
      expect(deps[name]?.condition).withContext(name).toBe('service_healthy');
      expect(compose.services[name].healthcheck).withContext(name).toBeDefined();
    }
  });

  it('gives efr worker the access-log signing key it signs tree heads with (issue 18)', () => {
    const worker = compose.services.worker;
    const env = serviceEnv(worker);
    // server/src/worker/worker-cli.ts signs nothing without EFR_LOG_SIGNING_KEY.
    expect(env.EFR_LOG_SIGNING_KEY).toBe('/run/secrets/efr-log-signing-key');
    expect(worker.secrets as unknown).toEqual(['efr-log-signing-key']);
    const secrets = compose.secrets as Record<string, { file?: string }>;
    expect(secrets['efr-log-signing-key'].file).toBe(readStackEnv().EFR_LOG_SIGNING_KEY_FILE);
    expect(secrets['efr-log-signing-key'].file).toMatch(/\.pem$/);
  });

  it('passes `docker-compose config` too where Debian\'s docker-compose is installed', () => {
    const probe = spawnSync('docker-compose', ['version', '--short'], { encoding: 'utf8' });
    if (probe.error) {
      pending('docker-compose is not installed (apt-get install docker-compose)');
      return;
    }
    const r = spawnSync('docker-compose', ['-f', resolve(dockerDir, 'compose.yaml'),
      '--env-file', resolve(dockerDir, '.env'), 'config', '--quiet'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
