// All SQL about the quarterly item scores a street gives its communities (面对面沟通, 科室协同 …).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

export class CommunityItemScoreRepository {
  constructor(private readonly db: Db) {}

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
