// The one settings store (ctx.settings): read a setting by its core definition, change it with an
// actor. Every value is parsed by the definition on the way in and on the way out, so a stored row
// that no longer passes the core's checks fails loudly instead of reaching a use case; every change
// is written together with its audit entry ('settings.set', before and after) in one transaction.
import type { Actor, SettingDefinition } from '@jiesu/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { AuditRepository } from '../repositories/audit.repository';
import type { SettingsRepository, StoredSetting } from '../repositories/settings.repository';

type Db = Kysely<Database>;

export interface SettingInfo<T> {
  value: T;
  /** No row: the definition's default applies. */
  isDefault: boolean;
  /** 0 while the default applies; +1 on every change. */
  version: number;
  updatedBy: string | null;
  updatedAt: Date | null;
}

export class SettingsStore {
  constructor(
    private readonly db: Db,
    private readonly repos: { settings: SettingsRepository; audit: AuditRepository },
  ) {}

  async get<T>(def: SettingDefinition<T>, trx?: Db): Promise<T> {
    return (await this.info(def, trx)).value;
  }

  async info<T>(def: SettingDefinition<T>, trx?: Db): Promise<SettingInfo<T>> {
    return this.decode(def, await this.repos.settings.find(def.key, trx ?? this.db));
  }

  /** Parses `value` (throws VALIDATION_FAILED naming the field inside it), stores it and audits the change. */
  async set<T>(def: SettingDefinition<T>, value: T, actor: Actor, trx?: Db): Promise<SettingInfo<T>> {
    const after = def.parse(value);
    const write = async (t: Db): Promise<SettingInfo<T>> => {
      const before = this.decode(def, await this.repos.settings.find(def.key, t, { forUpdate: true }));
      const version = await this.repos.settings.put(def.key, after, actor.username, t);
      await this.repos.audit.record(
        actor,
        { action: 'settings.set', targetType: 'settings', targetId: def.key, data: { before: before.isDefault ? null : before.value, after, version } },
        t,
      );
      return { value: after, isDefault: false, version, updatedBy: actor.username, updatedAt: new Date() };
    };
    return trx ? write(trx) : this.db.transaction().execute(write);
  }

  private decode<T>(def: SettingDefinition<T>, row: StoredSetting | null): SettingInfo<T> {
    if (row === null) return { value: def.defaultValue, isDefault: true, version: 0, updatedBy: null, updatedAt: null };
    let value: T;
    try {
      value = def.parse(row.value);
    } catch (e) {
      throw new Error(`The stored setting ${def.key} (version ${row.version}) fails its check: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    return { value, isDefault: false, version: row.version, updatedBy: row.updatedBy, updatedAt: row.updatedAt };
  }
}
