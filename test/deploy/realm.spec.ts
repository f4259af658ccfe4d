// Checks docker/keycloak/efr-realm.json (issue 10): its shape against the RealmRepresentation
// schema written for it (docker/schema/keycloak-realm.schema.json), then what EFR needs of
// it: the EFR groups of DESIGN.md, a group for every demo user, the app client public with
// PKCE S256, and the repository client matching the repository's identity-service settings.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import {
  dockerDir, interpolateTree, javaProperties, readCompose, readStackEnv, repoRoot, serviceEnv,
} from './support/compose-env.js';
import { describeErrors } from './support/compose-schema.js';

interface Client {
  clientId: string;
  publicClient: boolean;
  bearerOnly?: boolean;
  secret?: string;
  standardFlowEnabled?: boolean;
  implicitFlowEnabled?: boolean;
  directAccessGrantsEnabled?: boolean;
  redirectUris: string[];
  webOrigins?: string[];
  attributes?: Record<string, string>;
  protocolMappers?: Array<{ protocolMapper: string; config: Record<string, string> }>;
}
interface Realm {
  realm: string;
  groups: Array<{ name: string; path?: string }>;
  users: Array<{
    username: string;
    groups?: string[];
    credentials?: Array<{ type: string; value?: string; temporary?: boolean }>;
  }>;
  clients: Client[];
  [key: string]: unknown;
}

const DEMO_USERS = ['officer1', 'officer2', 'custodian1', 'custodian2', 'director1', 'leader1',
  'supervisor1', 'legal1', 'unithead1'];

/** The realm file as Keycloak imports it: `${VAR}` placeholders resolved from its environment. */
function importedRealm(): Realm {
  const raw = JSON.parse(readFileSync(resolve(dockerDir, 'keycloak', 'efr-realm.json'), 'utf8'));
  const kcEnv = serviceEnv(readCompose().services.keycloak);
  return interpolateTree(raw, kcEnv) as Realm;
}

/** The ACS groups DESIGN.md names (`GROUP_EFR_…`), read from ../shared/DESIGN.md. */
function designGroups(): string[] {
  const design = readFileSync(resolve(repoRoot, '..', 'shared', 'DESIGN.md'), 'utf8');
  return [...new Set([...design.matchAll(/`(GROUP_EFR_[A-Z_]+)`/g)].map((m) => m[1]))];
}

describe('docker/keycloak/efr-realm.json (issue 10: Keycloak realm import)', () => {
  let realm: Realm;
  beforeAll(() => {
    realm = importedRealm();
  });
  const client = (id: string): Client => {
    const found = realm.clients.find((c) => c.clientId === id);
    if (!found) throw new Error(`no client ${id}`);
    return found;
  };

  it('resolves every placeholder from the keycloak service environment', () => {
    expect(() => importedRealm()).not.toThrow();
    expect(JSON.stringify(realm)).not.toContain('${');
  });

  it('has the shape of a Keycloak RealmRepresentation', () => {
    const schema = JSON.parse(readFileSync(
      resolve(dockerDir, 'schema', 'keycloak-realm.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    const ok = validate(realm);
    expect(describeErrors(validate.errors)).toEqual([]);
    expect(ok).toBeTrue();
    // Not vacuous: a misspelt realm key and a client without redirect URIs are refused.
    const broken = structuredClone(realm);
    broken.bruteForceProtect = true;
    delete (broken.clients[0] as Partial<Client>).redirectUris;
    expect(validate(broken)).toBeFalse();
  });

  it('is the realm the repository and .env name', () => {
    expect(realm.realm).toBe(readStackEnv().EFR_REALM);
  });

  it('holds every EFR group of DESIGN.md, named without GROUP_ as ACS prefixes it', () => {
    const expected = designGroups();
    expect(expected.length).toBe(7);
    const names = realm.groups.map((g) => g.name);
    for (const authority of expected) {
      expect(names).withContext(authority).toContain(authority.replace(/^GROUP_/, ''));
    }
    expect(names.filter((n) => n.startsWith('GROUP_'))).toEqual([]);
  });

  it('has every demo user, each in an existing group, with a temporary first password', () => {
    expect(realm.users.map((u) => u.username).sort()).toEqual([...DEMO_USERS].sort());
    const paths = new Set(realm.groups.map((g) => g.path ?? `/${g.name}`));
    for (const user of realm.users) {
      expect(user.groups?.length ?? 0).withContext(user.username).toBeGreaterThan(0);
      for (const g of user.groups ?? []) expect(paths.has(g)).withContext(g).toBeTrue();
      const password = user.credentials?.find((c) => c.type === 'password');
      expect(password?.temporary).withContext(user.username).toBeTrue();
      expect(password?.value).toBe(readStackEnv().EFR_DEMO_PASSWORD);
    }
  });

  it('makes the app client public, code flow only, with PKCE S256', () => {
    const app = client(readStackEnv().EFR_APP_CLIENT_ID);
    expect(app.publicClient).toBeTrue();
    expect(app.secret).toBeUndefined();
    expect(app.standardFlowEnabled).toBeTrue();
    expect(app.implicitFlowEnabled).toBeFalse();
    expect(app.directAccessGrantsEnabled).toBeFalse();
    expect(app.attributes?.['pkce.code.challenge.method']).toBe('S256');
    const env = readStackEnv();
    const origin = `${env.EFR_SCHEME}://${env.EFR_HOST}:${env.EFR_PORT}`;
    expect(app.redirectUris).toEqual([`${origin}/*`]);
    expect(app.webOrigins).toEqual([origin]);
    expect(app.redirectUris.some((u) => u === '*' || u.startsWith('http://*'))).toBeFalse();
  });

  it('puts the repository in the app tokens\' audience and the groups in a claim', () => {
    const app = client(readStackEnv().EFR_APP_CLIENT_ID);
    const mappers = app.protocolMappers ?? [];
    const audience = mappers.find((m) => m.protocolMapper === 'oidc-audience-mapper');
    expect(audience?.config['included.client.audience'])
      .toBe(readStackEnv().EFR_REPOSITORY_CLIENT_ID);
    expect(audience?.config['access.token.claim']).toBe('true');
    const groups = mappers.find((m) => m.protocolMapper === 'oidc-group-membership-mapper');
    expect(groups?.config['claim.name']).toBe('groups');
    expect(groups?.config['full.path']).toBe('false');
  });

  it('gives the repository client the secret and grants identity-service uses', () => {
    const compose = readCompose();
    const props = javaProperties(serviceEnv(compose.services.alfresco).JAVA_OPTS ?? '');
    const repo = client(props.get('identity-service.resource') ?? '');
    expect(repo.publicClient).toBeFalse();
    expect(repo.secret).toBe(props.get('identity-service.credentials.secret'));
    // identity-service.enable-basic-auth=true exchanges Basic credentials with a password grant.
    expect(props.get('identity-service.enable-basic-auth')).toBe('true');
    expect(repo.directAccessGrantsEnabled).toBeTrue();
    const shareProps = javaProperties(serviceEnv(compose.services.share).JAVA_OPTS ?? '');
    expect(shareProps.get('aims.resource')).toBe(repo.clientId);
    expect(shareProps.get('aims.secret')).toBe(repo.secret);
  });
});
