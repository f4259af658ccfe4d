import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/database.js';

/** The administrators group of ACS: its members see and may do everything. */
export const ADMIN_GROUP = 'GROUP_ALFRESCO_ADMINISTRATORS';
/** Every authenticated user belongs to this group. */
export const EVERYONE = 'GROUP_EVERYONE';

/** A person as stored. */
export interface PersonRow {
  id: string;
  firstName: string;
  lastName: string | null;
  email: string;
  enabled: boolean;
  props: Record<string, unknown>;
}

/** A group as stored. */
export interface GroupRow {
  id: string;
  displayName: string;
}

/** New person input. */
export interface NewPerson {
  id: string;
  firstName: string;
  lastName?: string;
  email: string;
  password: string;
  props?: Record<string, unknown>;
}

const TICKET_TTL_MS = 60 * 60 * 1000;

/** scrypt with a random salt; `salt:hash` hex. */
function hashPassword(pw: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(pw, salt, 32).toString('hex')}`;
}

/**
 * People, groups, memberships and tickets. Verified Basic credentials are cached in memory
 * (keyed by a SHA-256 of user and password) because scrypt on every request would dominate
 * the latency of listing calls.
 */
export class Authorities {
  private readonly verified = new Map<string, string>();
  /** Display names by user id: listings ask twice per row (creator, modifier). */
  private readonly names = new Map<string, string>();

  constructor(private readonly db: Db) {}

  /** Creates a person; returns false if the id exists. */
  createPerson(p: NewPerson): boolean {
    this.names.clear();
    const r = this.db
      .prepare(
        `INSERT OR IGNORE INTO people (id, first_name, last_name, email,
      password_hash, props) VALUES (?,?,?,?,?,?)`,
      )
      .run(
        p.id,
        p.firstName,
        p.lastName ?? null,
        p.email,
        hashPassword(p.password),
        JSON.stringify(p.props ?? {}),
      );
    return r.changes === 1;
  }

  /** A person by id (case-insensitive as ACS user names), or undefined. */
  person(id: string): PersonRow | undefined {
    const r = this.db.prepare('SELECT * FROM people WHERE id = ?').get(id) as
      | {
          id: string;
          first_name: string;
          last_name: string | null;
          email: string;
          enabled: number;
          props: string;
        }
      | undefined;
    if (!r) return undefined;
    return {
      id: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      email: r.email,
      enabled: r.enabled === 1,
      props: JSON.parse(r.props) as Record<string, unknown>,
    };
  }

  /** Every person ordered by id. */
  people(): PersonRow[] {
    return (this.db.prepare('SELECT id FROM people ORDER BY id').all() as { id: string }[]).map(
      (r) => this.person(r.id) as PersonRow,
    );
  }

  /** Display name as ACS builds it: first and last name. */
  displayName(id: string): string {
    const hit = this.names.get(id);
    if (hit !== undefined) return hit;
    const p = this.person(id);
    const name = p ? [p.firstName, p.lastName].filter(Boolean).join(' ') : id;
    if (p) this.names.set(id, name);
    return name;
  }

  /** Returns the canonical user id when the password matches, else undefined. */
  verifyPassword(userId: string, password: string): string | undefined {
    const key = createHash('sha256').update(`${userId}\u0000${password}`).digest('hex');
    const cached = this.verified.get(key);
    if (cached) return cached;
    const r = this.db
      .prepare('SELECT id, password_hash, enabled FROM people WHERE id = ?')
      .get(userId) as { id: string; password_hash: string; enabled: number } | undefined;
    if (!r || r.enabled !== 1) return undefined;
    const [salt, hash] = r.password_hash.split(':');
    const got = scryptSync(password, Buffer.from(salt, 'hex'), 32);
    if (!timingSafeEqual(got, Buffer.from(hash, 'hex'))) return undefined;
    this.verified.set(key, r.id);
    return r.id;
  }

  /** Creates a group; false when it exists. */
  createGroup(id: string, displayName: string): boolean {
    return (
      this.db
        .prepare('INSERT OR IGNORE INTO groups (id, display_name) VALUES (?, ?)')
        .run(id, displayName).changes === 1
    );
  }

  /** A group by id. */
  group(id: string): GroupRow | undefined {
    const r = this.db.prepare('SELECT id, display_name FROM groups WHERE id = ?').get(id) as
      | { id: string; display_name: string }
      | undefined;
    return r ? { id: r.id, displayName: r.display_name } : undefined;
  }

  /** Every group ordered by id. */
  groups(): GroupRow[] {
    return (
      this.db.prepare('SELECT id, display_name FROM groups ORDER BY id').all() as {
        id: string;
        display_name: string;
      }[]
    ).map((r) => ({ id: r.id, displayName: r.display_name }));
  }

  /** Adds a member to a group. */
  addMember(groupId: string, memberId: string, type: 'PERSON' | 'GROUP'): void {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO memberships (group_id, member_id, member_type)
      VALUES (?,?,?)`,
      )
      .run(groupId, memberId, type);
  }

  /** Direct members of a group. */
  members(groupId: string): { id: string; type: 'PERSON' | 'GROUP' }[] {
    return (
      this.db
        .prepare(
          `SELECT member_id, member_type FROM memberships WHERE group_id = ?
      ORDER BY member_type DESC, member_id`,
        )
        .all(groupId) as { member_id: string; member_type: 'PERSON' | 'GROUP' }[]
    ).map((r) => ({ id: r.member_id, type: r.member_type }));
  }

  /** Direct parent groups of an authority. */
  parentGroups(memberId: string): string[] {
    return (
      this.db.prepare('SELECT group_id FROM memberships WHERE member_id = ?').all(memberId) as {
        group_id: string;
      }[]
    ).map((r) => r.group_id);
  }

  /** All groups of a user, transitively, plus GROUP_EVERYONE. */
  groupsOf(userId: string): string[] {
    const out = new Set<string>([EVERYONE]);
    const queue = this.parentGroups(userId);
    while (queue.length) {
      const g = queue.pop() as string;
      if (out.has(g)) continue;
      out.add(g);
      queue.push(...this.parentGroups(g));
    }
    return [...out];
  }

  /** Whether a user is an administrator (admin or GROUP_ALFRESCO_ADMINISTRATORS). */
  isAdmin(userId: string): boolean {
    return userId === 'admin' || this.groupsOf(userId).includes(ADMIN_GROUP);
  }

  /** Issues a ticket as ACS (`TICKET_` + 40 hex). */
  issueTicket(userId: string, now = Date.now()): string {
    const id = `TICKET_${randomBytes(20).toString('hex')}`;
    this.db
      .prepare('INSERT INTO tickets (id, user_id, expires_at) VALUES (?,?,?)')
      .run(id, userId, now + TICKET_TTL_MS);
    return id;
  }

  /** The user of a valid ticket (sliding expiry), or undefined. */
  ticketUser(ticket: string, now = Date.now()): string | undefined {
    const r = this.db
      .prepare('SELECT user_id, expires_at FROM tickets WHERE id = ?')
      .get(ticket) as { user_id: string; expires_at: number } | undefined;
    if (!r || r.expires_at < now) return undefined;
    if (r.expires_at - now < TICKET_TTL_MS / 2) {
      this.db
        .prepare('UPDATE tickets SET expires_at = ? WHERE id = ?')
        .run(now + TICKET_TTL_MS, ticket);
    }
    return r.user_id;
  }

  /** Invalidates a ticket. */
  deleteTicket(ticket: string): void {
    this.db.prepare('DELETE FROM tickets WHERE id = ?').run(ticket);
  }
}
