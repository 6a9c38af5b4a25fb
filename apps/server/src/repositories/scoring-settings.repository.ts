// All SQL about scoring configuration: one JSON value per key (weights, policy), a street's
// community-ranking config and its communities' quarterly item scores.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

export class ScoringSettingsRepository {
  constructor(private readonly db: Db) {}

  async get<T>(key: string, trx: Db = this.db): Promise<T | null> {
    const row = await trx.selectFrom('scoring_settings').select('value').where('key', '=', key).executeTakeFirst();
    if (!row) return null;
    return (typeof row.value === 'string' ? JSON.parse(row.value) : row.value) as T;
  }

  async put(key: string, value: unknown, updatedBy: string, trx: Db = this.db): Promise<void> {
    const json = JSON.stringify(value);
    await trx
      .insertInto('scoring_settings')
      .values({ key, value: json, updated_by: updatedBy })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_by: updatedBy, updated_at: new Date() }))
      .execute();
  }

  async communityConfig<T>(streetCode: string, trx: Db = this.db): Promise<T | null> {
    const row = await trx.selectFrom('community_ranking_configs').select('config').where('street_code', '=', streetCode).executeTakeFirst();
    if (!row) return null;
    return (typeof row.config === 'string' ? JSON.parse(row.config) : row.config) as T;
  }

  async putCommunityConfig(streetCode: string, config: unknown, updatedBy: string, trx: Db = this.db): Promise<void> {
    const json = JSON.stringify(config);
    await trx
      .insertInto('community_ranking_configs')
      .values({ street_code: streetCode, config: json, updated_by: updatedBy })
      .onConflict((oc) => oc.column('street_code').doUpdateSet({ config: json, updated_by: updatedBy, updated_at: new Date() }))
      .execute();
  }

  async putItemScores(
    rows: Array<{ quarterKey: string; communityCode: string; streetCode: string; itemScores: Record<string, number> }>,
    updatedBy: string,
    trx: Db = this.db,
  ): Promise<void> {
    for (const r of rows) {
      const json = JSON.stringify(r.itemScores);
      await trx
        .insertInto('community_item_scores')
        .values({ quarter_key: r.quarterKey, community_code: r.communityCode, street_code: r.streetCode, item_scores: json, updated_by: updatedBy })
        .onConflict((oc) => oc.columns(['quarter_key', 'community_code']).doUpdateSet({ item_scores: json, updated_by: updatedBy, updated_at: new Date() }))
        .execute();
    }
  }

  async itemScores(quarterKey: string, streetCode: string, trx: Db = this.db): Promise<Map<string, Record<string, number>>> {
    const rows = await trx
      .selectFrom('community_item_scores')
      .select(['community_code', 'item_scores'])
      .where('quarter_key', '=', quarterKey)
      .where('street_code', '=', streetCode)
      .execute();
    return new Map(rows.map((r) => [r.community_code, (typeof r.item_scores === 'string' ? JSON.parse(r.item_scores) : r.item_scores) as Record<string, number>]));
  }
}
