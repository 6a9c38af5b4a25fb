// What use cases pass to a repository method: the database or an open transaction (a Kysely
// Transaction is one), so that use cases need not import the query builder's types; and the one
// optimistic-version update the versioned rows (meetings, motions, work items, zones) share.
import { type Kysely, sql, type UpdateObject, type UpdateQueryBuilder, type UpdateResult } from 'kysely';
import type { Database } from '../db/schema';

/** The database, or a transaction opened on it. */
export type Tx = Kysely<Database>;

/** Tables whose rows carry an `id` and a `version` counter. */
export type VersionedTable = { [T in keyof Database]: Database[T] extends { id: unknown; version: unknown } ? T : never }[keyof Database];

/**
 * `update <table> set … where id = <id> and version = <expectedVersion>`: true when the row was
 * still at that version and is now written, false (nothing written) when someone changed it
 * meanwhile. `values` sets the new version itself.
 */
export async function updateIfVersion<T extends VersionedTable>(trx: Tx, table: T, id: string, expectedVersion: number, values: UpdateObject<Database, T>): Promise<boolean> {
  // Kysely's updateTable spreads a generic table name over every table; name the one builder type.
  const builder = trx.updateTable(table) as unknown as UpdateQueryBuilder<Database, T, T, UpdateResult>;
  const result = await builder
    .set(values)
    .where(sql<boolean>`id = ${id} and version = ${expectedVersion}`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
