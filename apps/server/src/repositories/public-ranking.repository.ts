// Read-only SQL for the public rankings page: which periods have a published snapshot
// (score_publications, written by the scoring area and immutable).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

export class PublicRankingRepository {
  constructor(private readonly db: Db) {}

  /** Period keys ('YYYY-MM') with at least one published version, newest first. */
  async publishedPeriodKeys(limit: number, trx: Db = this.db): Promise<string[]> {
    const rows = await trx.selectFrom('score_publications').select('period_key').groupBy('period_key').orderBy('period_key', 'desc').limit(limit).execute();
    return rows.map((r) => r.period_key);
  }
}
