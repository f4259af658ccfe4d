/**
 * Issue 15: a web script written once has one definition (webscripts/src/definitions.ts);
 * this checks that the module's descriptor answers the definition's URL and method, that its
 * controller only runs that definition, and that server/ routes the same method and path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { PORT_WEB_SCRIPTS } from '../../webscripts/src/definitions.js';
import { WEB_SCRIPT_MODULES } from '../../server/src/webscripts/modules.js';
import type { WebScriptRouter } from '../../server/src/webscripts/web-script-host.js';
import type { Repository } from '../../server/src/repo/repository.js';

const ROOT = resolve(import.meta.dirname, '..');
const STORE = resolve(ROOT, 'config/alfresco/extension/templates/webscripts/org/efr');

/** `METHOD path` of every server/ web script route. */
function serverRoutes(): Set<string> {
  const out = new Set<string>();
  const add = (m: string) => (path: string): void => {
    out.add(`${m} ${path}`);
  };
  const router: WebScriptRouter = { get: add('GET'), post: add('POST'), put: add('PUT'),
    delete: add('DELETE') };
  // Registration only records paths: no handler runs, so no repository is needed.
  for (const mod of WEB_SCRIPT_MODULES) mod(router, {} as Repository);
  return out;
}

describe('web scripts written once: module descriptors and server/ routes (issue 15)', () => {
  const routes = serverRoutes();
  for (const def of PORT_WEB_SCRIPTS) {
    const file = `${def.id}.${def.method.toLowerCase()}`;
    it(`${def.method} ${def.path} (${def.area}/${file})`, () => {
      const desc = resolve(STORE, def.area, `${file}.desc.xml`);
      expect(existsSync(desc)).withContext(desc).toBeTrue();
      const xml = new XMLParser().parse(readFileSync(desc, 'utf8')) as
        { webscript: { url: string | string[] } };
      // A query template (`?status={status?}`) documents arguments; the path must match.
      const urls = ([] as string[]).concat(xml.webscript.url).map((u) => u.split('?')[0]);
      expect(urls).toEqual([`/efr${def.path}`]);
      const controller = resolve(ROOT, 'src/webscripts', def.area, `${file}.ts`);
      expect(readFileSync(controller, 'utf8')).toMatch(/runPortDefinition\(\w+\);/);
      expect(routes.has(`${def.method} ${def.path}`)).withContext('server/ route').toBeTrue();
    });
  }
});
