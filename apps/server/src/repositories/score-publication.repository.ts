// All SQL about published rankings: immutable snapshots, one version per publication (a trigger
// refuses UPDATE and DELETE; a correction is a new version with its reason).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

export interface PublicationMeta {
  periodKey: string;
  version: number;
  reason: string | null;
  publishedAt: Date;
  publishedBy: { userId: string; username: string };
}

export interface Publication<T> extends PublicationMeta {
  rankings: T;
}

export class ScorePublicationRepository {
  constructor(private readonly db: Db) {}

  async latestVersion(periodKey: string, trx: Db = this.db): Promise<number> {
    const row = await trx
      .selectFrom('score_publications')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('period_key', '=', periodKey)
      .executeTakeFirst();
    return row?.v === null || row?.v === undefined ? 0 : Number(row.v);
  }

  async insert<T>(p: Publication<T>, trx: Db = this.db): Promise<void> {
    await trx
      .insertInto('score_publications')
      .values({
        period_key: p.periodKey,
        version: p.version,
        reason: p.reason,
        published_at: p.publishedAt,
        published_by_user_id: p.publishedBy.userId,
        published_by_username: p.publishedBy.username,
        rankings: JSON.stringify(p.rankings),
      })
      .execute();
  }

  async list(periodKey: string, trx: Db = this.db): Promise<PublicationMeta[]> {
    const rows = await trx
      .selectFrom('score_publications')
      .select(['period_key', 'version', 'reason', 'published_at', 'published_by_user_id', 'published_by_username'])
      .where('period_key', '=', periodKey)
      .orderBy('version')
      .execute();
    return rows.map((r) => ({
      periodKey: r.period_key,
      version: r.version,
      reason: r.reason,
      publishedAt: r.published_at,
      publishedBy: { userId: r.published_by_user_id, username: r.published_by_username },
    }));
  }

  /** A version of the period's ranking, or the latest when version is omitted. */
  async get<T>(periodKey: string, version: number | null, trx: Db = this.db): Promise<Publication<T> | null> {
    let q = trx.selectFrom('score_publications').selectAll().where('period_key', '=', periodKey);
    q = version === null ? q.orderBy('version', 'desc').limit(1) : q.where('version', '=', version);
    const r = await q.executeTakeFirst();
    if (!r) return null;
    return {
      periodKey: r.period_key,
      version: r.version,
      reason: r.reason,
      publishedAt: r.published_at,
      publishedBy: { userId: r.published_by_user_id, username: r.published_by_username },
      rankings: (typeof r.rankings === 'string' ? JSON.parse(r.rankings) : r.rankings) as T,
    };
  }

  /** When the period was first published (version 1); null if never. */
  async firstPublishedAt(periodKey: string, trx: Db = this.db): Promise<Date | null> {
    const r = await trx.selectFrom('score_publications').select('published_at').where('period_key', '=', periodKey).orderBy('version').limit(1).executeTakeFirst();
    return r?.published_at ?? null;
  }
}
