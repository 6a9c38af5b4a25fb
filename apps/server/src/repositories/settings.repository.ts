// All SQL about settings: one row per key that somebody changed (absent while the default applies).
// Values are stored as JSON as given; the settings store parses them with the core definition.
// They are read back as `value::text` and parsed here, because the drivers differ on jsonb: PGlite
// hands back the parsed value, so a value that is itself a JSON string ("excluded", "42") could not
// be told from text still to parse.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

export interface StoredSetting {
  key: string;
  value: unknown;
  version: number;
  updatedBy: string | null;
  updatedAt: Date;
}

export class SettingsRepository {
  constructor(private readonly db: Db) {}

  async find(key: string, trx: Db = this.db, opts: { forUpdate?: boolean } = {}): Promise<StoredSetting | null> {
    let q = trx
      .selectFrom('settings')
      .select(['key', sql<string>`value::text`.as('value_json'), 'version', 'updated_by', 'updated_at'])
      .where('key', '=', key);
    if (opts.forUpdate === true) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) return null;
    return {
      key: row.key,
      value: JSON.parse(row.value_json) as unknown,
      version: row.version,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at,
    };
  }

  /** Inserts or replaces; returns the new version (1 for a first value). */
  async put(key: string, value: unknown, updatedBy: string, trx: Db = this.db): Promise<number> {
    const json = JSON.stringify(value);
    const row = await trx
      .insertInto('settings')
      .values({ key, value: json, updated_by: updatedBy })
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: json, updated_by: updatedBy, updated_at: new Date(), version: eb('settings.version', '+', 1) })))
      .returning('version')
      .executeTakeFirstOrThrow();
    return row.version;
  }
}
