/**
 * Issue 17, without a browser: the calls the Alfresco Content App 8.0.0 (with ADF 9.0.0 and
 * js-api 10.0.0) makes when each screen of its side navigation loads, replayed against
 * server/ as a user of the demo (legal1) and as admin. None may answer 404 or 5xx, and each
 * body must match its ACS definition.
 *
 * Where the calls come from (published npm packages):
 * - shell: discovery, people/-me-, people/-me-/groups, the saved-searches preference (ACA's
 *   SavedSearchesService, repository 25.1+);
 * - Personal Files: ADF DocumentList on `-my-` (getNode, then children with ACA's include
 *   list, `isFolder desc,name asc`);
 * - Libraries: ADF CustomResourcesService `-mysites-` (people/-me-/sites) and `-sites-`
 *   (sites), aca-shared ContentApiService.getFavoriteLibraries (favorites, EXISTS(target/site));
 * - Recent: CustomResourcesService.getRecentFiles (people/-me-, then POST search with
 *   `cm:modified:[NOW/DAY-30DAYS TO NOW/DAY+1DAY]`, the creator/modifier filter and the
 *   TYPE filter list);
 * - Favorites: loadFavorites (`(EXISTS(target/file) OR EXISTS(target/folder))`);
 * - Shared: loadSharedLinks (shared-links);
 * - Trash: loadTrashcan (deleted-nodes);
 * - search: ACA's query builder `(cm:name:"mp4*" OR cm:title:"mp4*" OR …)` (aca-content
 *   formatSearchQuery) with the default search filter queries of Alfresco's clients, and the
 *   info drawer's types/{type} and classes web script.
 */
import { AcsHttp, checkContract } from '../support/acs-http.js';
import { CORE, DEMO_PASSWORD, DISCOVERY, SEARCH } from '../support/server-harness.js';
import { adminClient } from '../contract/contract-target.js';

/** One call as ACA sends it. */
interface Call { method: 'get' | 'post'; path: string; body?: unknown }

const NODE_INCLUDE = 'path,properties,allowableOperations,permissions,aspectNames,isFavorite,' +
  'definition,isLink';
const LIST_INCLUDE = 'path,properties,allowableOperations,permissions,aspectNames';
const PAGE = 'maxItems=25&skipCount=0';
const q = encodeURIComponent;

const RECENT_TYPES = ['TYPE:"content"', '-PATH:"//cm:wiki/*"', '-TYPE:"app:filelink"',
  '-TYPE:"cm:thumbnail"', '-TYPE:"cm:failedThumbnail"', '-TYPE:"cm:rating"', '-TYPE:"dl:dataList"',
  '-TYPE:"dl:todoList"', '-TYPE:"dl:issue"', '-TYPE:"dl:contact"', '-TYPE:"dl:eventAgenda"',
  '-TYPE:"dl:event"', '-TYPE:"dl:task"', '-TYPE:"dl:simpletask"', '-TYPE:"dl:meetingAgenda"',
  '-TYPE:"dl:location"', '-TYPE:"fm:topic"', '-TYPE:"fm:post"', '-TYPE:"ia:calendarEvent"',
  '-TYPE:"lnk:link"'];

/** ADF's Recent Files search for a user. */
function recentFiles(user: string): Call {
  return { method: 'post', path: `${SEARCH}/search`, body: {
    query: { query: '*', language: 'afts' },
    filterQueries: [{ query: 'cm:modified:[NOW/DAY-30DAYS TO NOW/DAY+1DAY]' },
      { query: `cm:modifier:'${user}' OR cm:creator:'${user}'` },
      { query: RECENT_TYPES.join(' AND ') }],
    include: ['path', 'properties', 'allowableOperations', 'aspectNames'],
    sort: [{ type: 'FIELD', field: 'cm:modified', ascending: false }],
    paging: { maxItems: 25, skipCount: 0 },
  } };
}

/** The calls of each screen. */
function screens(user: string): Record<string, Call[]> {
  const get = (path: string): Call => ({ method: 'get', path });
  return {
    shell: [get(DISCOVERY), get(`${CORE}/people/-me-`), get(`${CORE}/people/-me-/groups`),
      get(`${CORE}/people/-me-/preferences`)],
    'Personal Files': [get(`${CORE}/nodes/-my-?include=${LIST_INCLUDE}`),
      get(`${CORE}/nodes/-my-/children?${PAGE}&orderBy=${q('isFolder desc,name asc')}` +
        `&include=${NODE_INCLUDE}&includeSource=true`)],
    Libraries: [get(`${CORE}/people/-me-/sites?include=properties&${PAGE}`),
      get(`${CORE}/sites?include=properties,aspectNames&${PAGE}`),
      get(`${CORE}/people/-me-/favorites?${PAGE}&where=${q('(EXISTS(target/site))')}`),
      get(`${CORE}/queries/sites?term=efr&${PAGE}`)],
    Recent: [get(`${CORE}/people/-me-`), recentFiles(user)],
    Favorites: [get(`${CORE}/people/-me-/favorites?${PAGE}&where=${
      q('(EXISTS(target/file) OR EXISTS(target/folder))')}&include=${LIST_INCLUDE}`)],
    Shared: [get(`${CORE}/shared-links?include=${LIST_INCLUDE}&${PAGE}`)],
    Trash: [get(`${CORE}/deleted-nodes?include=${LIST_INCLUDE}&${PAGE}`)],
    search: [{ method: 'post', path: `${SEARCH}/search`, body: {
      query: { query: ['cm:name', 'cm:title', 'cm:description', 'TEXT', 'TAG']
        .map((f) => `${f}:"mp4*"`).join(' OR ').replace(/^/, '(').replace(/$/, ')'),
      language: 'afts' },
      include: ['path', 'allowableOperations', 'properties'],
      paging: { maxItems: 25, skipCount: 0 },
      filterQueries: [{ query: '+TYPE:\'cm:folder\' OR +TYPE:\'cm:content\'' },
        { query: '-TYPE:\'cm:thumbnail\' AND -TYPE:\'cm:failedThumbnail\' AND ' +
          '-TYPE:\'cm:rating\'' },
        { query: '-cm:creator:System AND -QNAME:comment' },
        { query: '-TYPE:\'st:site\' AND -ASPECT:\'st:siteContainer\' AND -ASPECT:\'sys:hidden\'' },
        { query: '-TYPE:\'dl:dataList\' AND -TYPE:\'dl:todoList\' AND -TYPE:\'dl:issue\'' },
        { query: '-TYPE:\'fm:topic\' AND -TYPE:\'fm:post\'' }, { query: '-TYPE:\'lnk:link\'' },
        { query: '-PNAME:\'0/wiki\'' }],
    } }, get(`${CORE}/types/efr:recording`), get('/alfresco/s/api/classes/efr_recording')],
  };
}

describe('ACA 8 side-navigation screens load from server/ (issue 17)', () => {
  let admin: AcsHttp;

  beforeAll(async () => {
    admin = await adminClient();
  });

  for (const [user, password] of [['admin', 'admin'], ['legal1', DEMO_PASSWORD]]) {
    for (const screen of Object.keys(screens(user))) {
      it(`${screen} as ${user}: no 404, no 5xx, every body per its ACS definition`, async () => {
        const http = admin.as(user, password);
        for (const call of screens(user)[screen]) {
          const res = call.method === 'get' ? await http.get(call.path)
            : await http.post(call.path, call.body);
          const what = `${call.method.toUpperCase()} ${call.path}: ${res.text.slice(0, 300)}`;
          expect(res.status).withContext(what).toBe(200);
          if (!call.path.startsWith('/alfresco/s/')) {
            expect(checkContract(res).errors).withContext(what).toEqual([]);
          }
        }
      });
    }
  }

  it('finds a demo recording by "mp4" in ACA\'s search and a new file in Recent', async () => {
    const hits = await admin.post<{ list: { entries: { entry: { name: string } }[] } }>(
      `${SEARCH}/search`, screens('admin').search[0].body);
    expect(hits.body.list.entries.some((e) => /\.mp4$/.test(e.entry.name))).toBeTrue();
    const home = await admin.get<{ entry: { id: string } }>(`${CORE}/nodes/-my-`);
    const made = await admin.upload<{ entry: { id: string } }>(home.body.entry.id,
      Buffer.from('recent'), `recent-${Date.now()}.txt`);
    const recent = await admin.post<{ list: { entries: { entry: { id: string } }[] } }>(
      `${SEARCH}/search`, recentFiles('admin').body);
    expect(recent.body.list.entries.map((e) => e.entry.id)).toContain(made.body.entry.id);
    await admin.delete(`${CORE}/nodes/${made.body.entry.id}?permanent=true`);
  });
});
