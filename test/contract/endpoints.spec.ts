/**
 * Issue 15: ONE list of EFR's web scripts (contract/endpoints.ts), checked against what each
 * host really serves: the routes server/ registers with Fastify, the descriptors the module
 * ships to ACS (behaviors/config/…/templates/webscripts/org/efr/**\/*.desc.xml, the files the
 * JAR copies as they are), and the table docs/api.md shows. The parity spec fails when a web
 * script is served by one host only, unless it is one of today's known gaps below; it fails too
 * when a known gap is closed, so that the list only shrinks.
 */
import Fastify, { type RouteOptions } from 'fastify';
import { XMLParser } from 'fast-xml-parser';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as contract from '../../contract/index.js';
import {
  ENDPOINT_TABLE_MARKERS, ENDPOINTS, endpointKey, renderEndpointTable, schemaNamesOf,
  serverPaths, templateShape, type Endpoint,
} from '../../contract/index.js';
import { tempRepository, type TempRepository } from '../../server/src/testing/temp-repository.js';
import { WEB_SCRIPT_MODULES } from '../../server/src/webscripts/modules.js';
import { registerWebScripts } from '../../server/src/webscripts/web-script-host.js';
import { ROOT } from '../support/server-harness.js';

/**
 * The web scripts served by server/ only today, each with why. The module's port of these is
 * issue 15's other half (one implementation over a repository port for both hosts); remove a
 * line when its module web script lands, and this spec says so if one is forgotten.
 */
const KNOWN_GAPS: readonly string[] = [
  // None: the destruction register, the last one, is rendered by efr worker for both hosts
  // and streamed as stored (issue 15).
];

const DESCRIPTOR_ROOT = join(ROOT, 'behaviors', 'config', 'alfresco', 'extension', 'templates',
  'webscripts', 'org', 'efr');

/** A module descriptor: its id (`<folder>/<id>.<method>`), method and URL under /efr. */
interface Descriptor { id: string; method: string; url: string }

function descriptorFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) return descriptorFiles(abs);
    return name.endsWith('.desc.xml') ? [abs] : [];
  });
}

/** Every descriptor of the module, read as ACS's DeclarativeRegistry reads its `<url>`s. */
function moduleDescriptors(): Descriptor[] {
  const parser = new XMLParser({ isArray: (name) => name === 'url' });
  return descriptorFiles(DESCRIPTOR_ROOT).map((file) => {
    const id = relative(DESCRIPTOR_ROOT, file).replace(/\.desc\.xml$/, '');
    const xml = parser.parse(readFileSync(file, 'utf8')) as { webscript: { url: string[] } };
    const urls = xml.webscript.url.map((u) => String(u).split('?')[0]);
    expect(urls.length).withContext(`${id}: one <url>`).toBe(1);
    return { id, method: id.slice(id.lastIndexOf('.') + 1).toUpperCase(), url: urls[0] };
  });
}

/**
 * Whether a descriptor's URL template serves an endpoint's path: segment by segment, a
 * `{name}` of the descriptor takes any segment, a literal must be equal (Surf's UriTemplate).
 */
function templateMatches(descriptorUrl: string, path: string): boolean {
  const d = descriptorUrl.split('/');
  const p = templateShape(path).split('/');
  return d.length === p.length && d.every((s, i) => /^\{[^}]*\}$/.test(s) || s === p[i]);
}

/** `METHOD /path` of every route server/ registers under /alfresco/s/efr. */
async function serverRoutes(t: TempRepository): Promise<Set<string>> {
  const app = Fastify();
  const routes = new Set<string>();
  app.addHook('onRoute', (r: RouteOptions) => {
    const mark = (r.config as { efrWebScript?: string } | undefined)?.efrWebScript;
    if (mark && r.url.startsWith('/alfresco/s/efr/')) routes.add(mark);
  });
  registerWebScripts(app, t.repo, WEB_SCRIPT_MODULES);
  await app.ready();
  await app.close();
  return routes;
}

describe('EFR endpoint list (issue 15, contract/endpoints.ts)', () => {
  let t: TempRepository;
  let routes: Set<string>;
  let descriptors: Descriptor[];

  beforeAll(async () => {
    t = await tempRepository();
    routes = await serverRoutes(t);
    descriptors = moduleDescriptors();
  });
  afterAll(async () => t.dispose());

  /**
   * The paths server/ registers for an endpoint: one route per step value (the web-script
   * host), or the template itself when the definition is written once over the repository port
   * (webscripts/, whose handler reads the step).
   */
  const serverForms = (e: Endpoint): string[] =>
    (routes.has(`${e.method} ${e.path}`) ? [e.path] : serverPaths(e));
  const served = (e: Endpoint): boolean =>
    serverForms(e).every((p) => routes.has(`${e.method} ${p}`));
  const shipped = (e: Endpoint): Descriptor | undefined => descriptors.find((d) => d.id === e.descriptor);

  it('lists each web script once, with a response for each and a descriptor id of its method', () => {
    const keys = ENDPOINTS.map(endpointKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of ENDPOINTS) {
      expect(Object.keys(e.responses).length).withContext(endpointKey(e)).toBeGreaterThan(0);
      expect(e.descriptor.endsWith(`.${e.method.toLowerCase()}`)).withContext(e.descriptor).toBe(true);
      expect(e.hosts.length).withContext(endpointKey(e)).toBeGreaterThan(0);
    }
  });

  it("server/'s routes are exactly the list's server endpoints", () => {
    const expected = ENDPOINTS.filter((e) => e.hosts.includes('server'))
      .flatMap((e) => serverForms(e).map((p) => `${e.method} ${p}`));
    expect([...routes].sort()).toEqual([...new Set(expected)].sort());
  });

  it("the module's descriptors are exactly the list's module endpoints, same method and URL", () => {
    const expected = ENDPOINTS.filter((e) => e.hosts.includes('module'));
    expect(descriptors.map((d) => d.id).sort())
      .toEqual([...new Set(expected.map((e) => e.descriptor))].sort());
    for (const e of expected) {
      const d = shipped(e);
      if (!d) continue;
      expect(d.method).withContext(e.descriptor).toBe(e.method);
      expect(templateMatches(d.url, `/efr${e.path}`))
        .withContext(`${e.descriptor} ${d.url} serves ${e.path}`).toBe(true);
    }
  });

  it('parity: every web script runs on both hosts but for the known gaps, which only shrink', () => {
    const oneHost = ENDPOINTS.filter((e) => served(e) !== (shipped(e) !== undefined))
      .map(endpointKey);
    const none = ENDPOINTS.filter((e) => !served(e) && !shipped(e)).map(endpointKey);
    expect(none).toEqual([]);
    // A new one-host web script fails here; so does a gap closed but still listed.
    expect(oneHost.sort()).toEqual([...KNOWN_GAPS].sort());
  });

  it('docs/api.md shows exactly this list', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'api.md'), 'utf8');
    const [start, end] = ENDPOINT_TABLE_MARKERS;
    const shown = doc.split(start)[1]?.split(end)[0];
    expect(shown?.trim()).toEqual(renderEndpointTable(ENDPOINTS, schemaNamesOf(contract)));
  });
});
