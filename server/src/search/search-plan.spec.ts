import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/database.js';
import { loadModels } from '../model/load-model.js';
import { ModelRegistry } from '../model/model-registry.js';
import { parseAfts } from './afts-parser.js';
import { compileAfts } from './afts-sql.js';
import { searchFrom, topLevelTerms } from './search-plan.js';
import { NodeRows } from '../repo/node-rows.js';
import { randomUUID } from 'node:crypto';

describe('search plan (driving term, covering indexes)', () => {
  let dir: string;
  let db: Db;
  let model: ModelRegistry;

  beforeAll(async () => {
    model = new ModelRegistry(await loadModels());
    dir = mkdtempSync(join(tmpdir(), 'efr-plan-'));
    db = openDatabase(dir);
  });

  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('drives from a property term and drops its re-check from the WHERE', () => {
    const root = parseAfts(
      'TYPE:"efr:recording" AND =efr:activityType:"routineInspection" AND NOT =efr:source:"x"',
    );
    const whole = compileAfts(model, root);
    const plan = searchFrom(db, topLevelTerms(root).map((t) => compileAfts(model, t)));
    expect(plan.from).toContain('node_props_text_node');
    expect(plan.params).toEqual(['efr:activityType', 'routineInspection']);
    // The driving term reads as `1`; the NOT term, no larger than the driver, is an id set.
    expect(whole.sql).not.toContain('EXISTS');
    expect(whole.sql).toContain('NOT n.id IN (SELECT p.node_id FROM node_props p');
    expect(whole.params).toEqual(['efr:recording', 'efr:source', 'x']);
    const plans = db
      .prepare(`EXPLAIN QUERY PLAN SELECT COUNT(n.id) FROM ${plan.from} WHERE ${whole.sql}`)
      .all(...plan.params, ...whole.params) as { detail: string }[];
    for (const p of plans.filter((x) => /^SEARCH/.test(x.detail)))
      expect(p.detail).toContain('COVERING INDEX');
  });

  it('leaves a query without an indexable term over nodes, unchanged', () => {
    const root = parseAfts('TYPE:"efr:recording"');
    const whole = compileAfts(model, root);
    const plan = searchFrom(db, topLevelTerms(root).map((t) => compileAfts(model, t)));
    expect(plan.from).toBe('nodes n');
    expect(whole.sql).toContain('n.type IN');
  });

  it('counts a term again only after changes of 1% of its rows (issue 20: a million)', () => {
    const rows = new NodeRows(db);
    const add = (n: number): void =>
      db.transaction(() => {
        for (let i = 0; i < n; i++) {
          rows.insert({ id: randomUUID(), type: 'efr:recording', parentId: null,
            name: randomUUID(), isFolder: false, isFile: true, createdAt: 0, createdBy: 'a',
            modifiedAt: 0, modifiedBy: 'a', props: { 'efr:activityType': 'planCount' },
            aspects: [], content: null, inherit: true, aclLocal: false, lock: null });
        }
      })();
    const rowsOf = (): number => {
      const root = parseAfts('=efr:activityType:"planCount"');
      return searchFrom(db, topLevelTerms(root).map((t) => compileAfts(model, t))).rows;
    };
    add(300);
    expect(rowsOf()).toBe(300);
    add(1); // two row changes (node, property) of the 3 a count of 300 tolerates
    expect(rowsOf()).toBe(300);
    add(5);
    expect(rowsOf()).toBe(306);
  });

  it('migrates the narrow node_props index of an older data dir on open', () => {
    const old = mkdtempSync(join(tmpdir(), 'efr-plan-old-'));
    try {
      const a = openDatabase(old);
      a.exec(`DROP INDEX node_props_node_qname; DROP INDEX nodes_id_cover;
        CREATE INDEX node_props_node_qname ON node_props(node_id, qname);`);
      a.close();
      const b = openDatabase(old);
      expect((b.pragma("index_info('node_props_node_qname')") as unknown[]).length).toBe(4);
      expect(b.prepare("SELECT 1 FROM sqlite_master WHERE name = 'nodes_id_cover'").get())
        .toBeDefined();
      b.close();
    } finally {
      rmSync(old, { recursive: true, force: true });
    }
  });
});
