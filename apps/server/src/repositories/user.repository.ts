// All SQL about users and their login sessions.
import type { Actor, Role, UnitClass } from '@jiesu/core';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, UsersTable } from '../db/schema';
import { escapeLike } from './unit.repository';

type Db = Kysely<Database>;

export interface User {
  id: string;
  username: string;
  displayName: string;
  unitCode: string;
  roles: Role[];
  isActive: boolean;
}

export interface UserWithSecret extends User {
  passwordHash: string;
}

function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    unitCode: row.unit_code,
    roles: row.roles as Role[],
    isActive: row.is_active,
  };
}

export class UserRepository {
  constructor(private readonly db: Db) {}

  async findByUsername(username: string, trx: Db = this.db): Promise<UserWithSecret | null> {
    const row = await trx.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
  }

  async findById(id: string, trx: Db = this.db): Promise<User | null> {
    const row = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async listInScope(filter: { scopePath: string; unitCode?: string; role?: Role; limit: number; offset: number }, trx: Db = this.db): Promise<{ total: number; items: User[] }> {
    let q = trx
      .selectFrom('users')
      .innerJoin('units', 'units.code', 'users.unit_code')
      .where('units.path', 'like', `${escapeLike(filter.scopePath)}%`);
    if (filter.unitCode) q = q.where('users.unit_code', '=', filter.unitCode);
    if (filter.role) q = q.where(sql<boolean>`${filter.role} = any(users.roles)`);
    const [{ total } = { total: 0 }] = await q.select(sql<number>`count(*)::int`.as('total')).execute();
    const rows = await q.selectAll('users').orderBy('users.username').limit(filter.limit).offset(filter.offset).execute();
    return { total, items: rows.map(toUser) };
  }

  /** Inserts a user; returns null when the username is taken. */
  async insert(user: { username: string; displayName: string; unitCode: string; roles: Role[]; passwordHash: string }, trx: Db = this.db): Promise<User | null> {
    const row = await trx
      .insertInto('users')
      .values({
        username: user.username,
        display_name: user.displayName,
        unit_code: user.unitCode,
        roles: user.roles,
        password_hash: user.passwordHash,
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .returningAll()
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async update(id: string, patch: { displayName?: string; roles?: Role[]; isActive?: boolean; passwordHash?: string; unitCode?: string }, trx: Db = this.db): Promise<User | null> {
    const row = await trx
      .updateTable('users')
      .set({
        ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
        ...(patch.roles !== undefined ? { roles: patch.roles } : {}),
        ...(patch.isActive !== undefined ? { is_active: patch.isActive } : {}),
        ...(patch.passwordHash !== undefined ? { password_hash: patch.passwordHash } : {}),
        ...(patch.unitCode !== undefined ? { unit_code: patch.unitCode } : {}),
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  /** Counts a failed login; at `maxFailures` in a row the account locks until `lockUntil`. Returns the new count and lock. */
  async recordFailedLogin(id: string, maxFailures: number, lockUntil: Date, trx: Db = this.db): Promise<{ failedLogins: number; lockedUntil: Date | null }> {
    const row = await trx
      .updateTable('users')
      .set((eb) => ({
        failed_logins: eb('failed_logins', '+', 1),
        locked_until: eb
          .case()
          .when('failed_logins', '>=', maxFailures - 1)
          .then(lockUntil)
          .else(eb.ref('locked_until'))
          .end(),
      }))
      .where('id', '=', id)
      .returning(['failed_logins', 'locked_until'])
      .executeTakeFirstOrThrow();
    return { failedLogins: row.failed_logins, lockedUntil: row.locked_until };
  }

  /** When the account is locked until (null: not locked). */
  async lockedUntil(id: string, trx: Db = this.db): Promise<Date | null> {
    const row = await trx.selectFrom('users').select('locked_until').where('id', '=', id).executeTakeFirst();
    return row?.locked_until ?? null;
  }

  /** Clears the failure count and any lockout (a good login, or an administrator lifting it). Returns whether a lock was lifted. */
  async clearLoginFailures(id: string, trx: Db = this.db): Promise<boolean> {
    const before = await trx.selectFrom('users').select(['locked_until', 'failed_logins']).where('id', '=', id).executeTakeFirst();
    if (!before || (before.failed_logins === 0 && before.locked_until === null)) return false;
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
    return before.locked_until !== null;
  }

  async createSession(session: { tokenHash: string; userId: string; expiresAt: Date }, trx: Db = this.db): Promise<void> {
    await trx.insertInto('sessions').values({ token_hash: session.tokenHash, user_id: session.userId, expires_at: session.expiresAt }).execute();
  }

  async deleteSession(tokenHash: string, trx: Db = this.db): Promise<void> {
    await trx.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteSessionsOf(userId: string, trx: Db = this.db): Promise<void> {
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  /** The actor behind a live session of an active user, or null. */
  async findActorBySession(tokenHash: string, now: Date, trx: Db = this.db): Promise<(Actor & { sessionExpiresAt: Date }) | null> {
    const row = await trx
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .innerJoin('units', 'units.code', 'users.unit_code')
      .select([
        'users.id',
        'users.username',
        'users.display_name',
        'users.roles',
        'units.code as unit_code',
        'units.path as unit_path',
        'units.class as unit_class',
        'sessions.expires_at',
      ])
      .where('sessions.token_hash', '=', tokenHash)
      .where('sessions.expires_at', '>', now)
      .where('users.is_active', '=', true)
      .executeTakeFirst();
    if (!row) return null;
    return {
      userId: row.id,
      username: row.username,
      displayName: row.display_name,
      unitCode: row.unit_code,
      unitPath: row.unit_path,
      unitClass: row.unit_class as UnitClass,
      roles: row.roles as Role[],
      sessionExpiresAt: row.expires_at,
    };
  }
}
