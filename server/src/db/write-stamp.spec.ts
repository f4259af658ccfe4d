import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { appendAccessLog } from '../access-log/access-log.js';
import { openDatabase, type Db } from './database.js';
import { writeStamp } from './write-stamp.js';

describe('write stamp (what kept search results and counts depend on)', () => {
  let dir: string;
  let db: Db;
  const home = (): string =>
    (db.prepare("SELECT value FROM meta WHERE key = 'company_home'").get() as
      { value: string } | undefined)?.value ?? '';

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'efr-stamp-'));
    db = openDatabase(dir);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const insertNode = (d: Db = db): string => {
    const id = randomUUID();
    d.prepare(`INSERT INTO nodes (id, type, parent_id, name, is_folder, is_file, created_at,
      created_by, modified_at, modified_by) VALUES (?, 'cm:folder', NULL, ?, 1, 0, 0, 'a', 0, 'a')`)
      .run(id, id);
    return id;
  };

  it('moves on every change to nodes, properties, permissions and memberships', () => {
    const s0 = writeStamp(db);
    const id = insertNode();
    const s1 = writeStamp(db);
    expect(s1).not.toBe(s0);
    db.prepare("INSERT INTO node_props (node_id, qname, v_text) VALUES (?, 'cm:title', 't')").run(id);
    const s2 = writeStamp(db);
    expect(s2).not.toBe(s1);
    db.prepare("INSERT INTO aces (node_id, authority, role, allowed) VALUES (?, 'u', 'Consumer', 1)")
      .run(id);
    const s3 = writeStamp(db);
    expect(s3).not.toBe(s2);
    db.prepare("INSERT INTO groups (id, display_name) VALUES ('GROUP_X', 'x')").run();
    db.prepare("INSERT INTO memberships (group_id, member_id, member_type) VALUES ('GROUP_X', 'u', 'PERSON')").run();
    expect(writeStamp(db)).not.toBe(s3);
  });

  it('stays when only the access log, tickets or meta change', () => {
    const s0 = writeStamp(db);
    appendAccessLog(db, { user: 'u', action: 'read', nodeId: home() || null });
    db.prepare("INSERT INTO tickets (id, user_id, expires_at) VALUES ('TICKET_x', 'u', 1)").run();
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('x', 'y')").run();
    expect(writeStamp(db)).toBe(s0);
  });

  it('sees the writes of another connection, and none of a rolled-back transaction', () => {
    const s0 = writeStamp(db);
    expect(() =>
      db.transaction(() => {
        insertNode();
        expect(writeStamp(db)).withContext('inside a transaction nothing is kept').toBeUndefined();
        throw new Error('roll back');
      })(),
    ).toThrowError('roll back');
    expect(writeStamp(db)).toBe(s0);
    const other = new Database(join(dir, 'repository.sqlite'));
    try {
      insertNode(other as unknown as Db);
    } finally {
      other.close();
    }
    expect(writeStamp(db)).not.toBe(s0);
  });
});
