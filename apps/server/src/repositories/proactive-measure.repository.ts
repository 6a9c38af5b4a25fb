// All SQL behind the measures of 未诉先办: proactive cases found and solved per community, and
// residents' calls in the same community and category before and after each proactive case.
import { FINISHED_CASE_STATUSES } from '@jiesu/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

export class ProactiveMeasureRepository {
  constructor(private readonly db: Db) {}

  /** Proactive cases received in [from, to) per community of the street, and how many are finished (办结). */
  async proactiveCases(streetCode: string, from: Date, to: Date, trx: Db = this.db): Promise<Map<string, { found: number; solved: number }>> {
    const { rows } = await sql<{ community_code: string; found: number; solved: number }>`
      select community_code, count(*)::int as found, count(*) filter (where status in (${sql.join([...FINISHED_CASE_STATUSES])}))::int as solved
      from cases
      where street_code = ${streetCode} and channel = 'proactive' and community_code is not null and received_at >= ${from} and received_at < ${to}
      group by community_code`.execute(trx);
    return new Map(rows.map((r) => [r.community_code, { found: Number(r.found), solved: Number(r.solved) }]));
  }

  /**
   * For each proactive case of the street received in [from, to): residents' requests of the same
   * community and category in the `days` before it was received and in the `days` after it was
   * closed (or received, while open), summed per community.
   */
  async callsAround(streetCode: string, from: Date, to: Date, days: number, trx: Db = this.db): Promise<Map<string, { cases: number; before: number; after: number }>> {
    const span = `${days} days`;
    const { rows } = await sql<{ community_code: string; cases: number; before: number; after: number }>`
      select p.community_code, count(*)::int as cases, coalesce(sum(b.n), 0)::int as before, coalesce(sum(a.n), 0)::int as after
      from cases p
      cross join lateral (
        select count(*)::int as n from cases r
        where r.community_code = p.community_code and r.category_code = p.category_code and r.channel <> 'proactive'
          and r.received_at >= p.received_at - ${span}::interval and r.received_at < p.received_at
      ) b
      cross join lateral (
        select count(*)::int as n from cases r
        where r.community_code = p.community_code and r.category_code = p.category_code and r.channel <> 'proactive'
          and r.received_at >= coalesce(p.closed_at, p.received_at) and r.received_at < coalesce(p.closed_at, p.received_at) + ${span}::interval
      ) a
      where p.street_code = ${streetCode} and p.channel = 'proactive' and p.community_code is not null and p.received_at >= ${from} and p.received_at < ${to}
      group by p.community_code`.execute(trx);
    return new Map(rows.map((r) => [r.community_code, { cases: Number(r.cases), before: Number(r.before), after: Number(r.after) }]));
  }
}
