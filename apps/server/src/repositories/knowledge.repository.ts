// All SQL of the knowledge base (知识库): articles with their jieba tokens, the candidate search
// over the GIN index on tokens (articles valid at a given instant only) and the document
// frequencies the ranking needs.
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, KnowledgeArticlesTable } from '../db/schema';

type Db = Kysely<Database>;

export interface KnowledgeArticle {
  id: string;
  title: string;
  answer: string;
  categoryCodes: string[];
  sourcePolicy: string | null;
  validFrom: Date | null;
  validTo: Date | null;
  isActive: boolean;
  isDemo: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface ArticleCandidate extends KnowledgeArticle {
  tokens: string[];
  titleTokens: string[];
}

export interface ArticleWrite {
  title: string;
  answer: string;
  categoryCodes: string[];
  sourcePolicy: string | null;
  validFrom: Date | null;
  validTo: Date | null;
  isActive: boolean;
  isDemo: boolean;
  tokens: string[];
  titleTokens: string[];
}

function toArticle(r: Selectable<KnowledgeArticlesTable>): KnowledgeArticle {
  return {
    id: r.id,
    title: r.title,
    answer: r.answer,
    categoryCodes: r.category_codes,
    sourcePolicy: r.source_policy,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    isActive: r.is_active,
    isDemo: r.is_demo,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function columns(a: ArticleWrite) {
  return {
    title: a.title,
    answer: a.answer,
    category_codes: a.categoryCodes,
    source_policy: a.sourcePolicy,
    valid_from: a.validFrom,
    valid_to: a.validTo,
    is_active: a.isActive,
    is_demo: a.isDemo,
    tokens: a.tokens,
    title_tokens: a.titleTokens,
  };
}

export class KnowledgeRepository {
  constructor(private readonly db: Db) {}

  async insert(id: string, a: ArticleWrite, by: string, trx: Db = this.db): Promise<KnowledgeArticle> {
    const row = await trx
      .insertInto('knowledge_articles')
      .values({ id, ...columns(a), created_by: by, updated_by: by })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toArticle(row);
  }

  async update(id: string, a: ArticleWrite, by: string, trx: Db = this.db): Promise<KnowledgeArticle | null> {
    const row = await trx
      .updateTable('knowledge_articles')
      .set({ ...columns(a), updated_by: by, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ? toArticle(row) : null;
  }

  async delete(id: string, trx: Db = this.db): Promise<boolean> {
    const r = await trx.deleteFrom('knowledge_articles').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async findById(id: string, trx: Db = this.db): Promise<KnowledgeArticle | null> {
    const row = await trx.selectFrom('knowledge_articles').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toArticle(row) : null;
  }

  async list(opts: { limit: number; offset: number }, trx: Db = this.db): Promise<{ total: number; items: KnowledgeArticle[] }> {
    const { total } = await trx
      .selectFrom('knowledge_articles')
      .select(sql<number>`count(*)::int`.as('total'))
      .executeTakeFirstOrThrow();
    const rows = await trx.selectFrom('knowledge_articles').selectAll().orderBy('title').orderBy('id').limit(opts.limit).offset(opts.offset).execute();
    return { total, items: rows.map(toArticle) };
  }

  async countDemo(trx: Db = this.db): Promise<number> {
    const r = await trx
      .selectFrom('knowledge_articles')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('is_demo', '=', true)
      .executeTakeFirstOrThrow();
    return r.n;
  }

  /** Active articles valid at `at` that share a word with `tokens`, most shared words first (ranked again by the caller). */

  /** Every active article with its tokens: the knowledge base is small enough to rank in memory. */
  async allActive(trx: Db = this.db): Promise<ArticleCandidate[]> {
    const rows = await trx.selectFrom('knowledge_articles').selectAll().where('is_active', '=', true).execute();
    return rows.map((r) => ({ ...toArticle(r), tokens: r.tokens, titleTokens: r.title_tokens }));
  }
}
