// 知识库 articles: read by intake staff, written by administrators. Title and answer are cut
// into jieba tokens on every write (the search index), and every write is audited; the ranking
// statistics are rebuilt after commit.
import { randomUUID } from 'node:crypto';
import { type Actor, DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import { textTokens } from '../../intake/text-tokens';
import type { ArticleWrite, KnowledgeArticle } from '../../repositories/knowledge.repository';
import { requireRole } from '../require';

export interface ArticleInput {
  title: string;
  answer: string;
  categoryCodes?: string[];
  sourcePolicy?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  isActive?: boolean;
}

const READERS = ['administrator', 'operator', 'dispatcher', 'handler'] as const;

function toWrite(a: Required<Omit<ArticleInput, 'validFrom' | 'validTo'>> & { validFrom: Date | null; validTo: Date | null }, isDemo: boolean): ArticleWrite {
  if (a.validFrom !== null && a.validTo !== null && a.validTo <= a.validFrom) {
    throw new DomainError('VALIDATION_FAILED', 'validTo must be later than validFrom.', { field: 'body.validTo' });
  }
  const titleTokens = textTokens(a.title, 32);
  return {
    title: a.title.trim(),
    answer: a.answer.trim(),
    categoryCodes: [...new Set(a.categoryCodes)],
    sourcePolicy: a.sourcePolicy,
    validFrom: a.validFrom,
    validTo: a.validTo,
    isActive: a.isActive,
    isDemo,
    tokens: [...new Set([...titleTokens, ...textTokens(a.answer, 400)])],
    titleTokens,
  };
}

const date = (s: string | null | undefined): Date | null => (s == null ? null : new Date(s));

async function checkCategories(ctx: AppContext, codes: readonly string[]): Promise<void> {
  for (const [i, code] of codes.entries()) {
    if (!(await ctx.repos.categories.findByCode(code))) throw new DomainError('CATEGORY_NOT_FOUND', `No category has the code ${code}.`, { field: `body.categoryCodes[${i}]` });
  }
}

export async function createArticle(ctx: AppContext, opts: { actor: Actor; article: ArticleInput; isDemo?: boolean }): Promise<KnowledgeArticle> {
  requireRole(opts.actor, 'administrator');
  const a = opts.article;
  await checkCategories(ctx, a.categoryCodes ?? []);
  const write = toWrite(
    {
      title: a.title,
      answer: a.answer,
      categoryCodes: a.categoryCodes ?? [],
      sourcePolicy: a.sourcePolicy ?? null,
      validFrom: date(a.validFrom),
      validTo: date(a.validTo),
      isActive: a.isActive ?? true,
    },
    opts.isDemo ?? false,
  );
  const id = randomUUID();
  const created = await ctx.db.transaction().execute(async (trx) => {
    const row = await ctx.repos.knowledge.insert(id, write, opts.actor.username, trx);
    await ctx.repos.audit.record(opts.actor, { action: 'knowledge.create', targetType: 'knowledge_article', targetId: id, data: { title: write.title } }, trx);
    return row;
  });
  ctx.intake.reloadKnowledge();
  return created;
}

export async function updateArticle(ctx: AppContext, opts: { actor: Actor; id: string; patch: Partial<ArticleInput> }): Promise<KnowledgeArticle> {
  requireRole(opts.actor, 'administrator');
  const current = await ctx.repos.knowledge.findById(opts.id);
  if (!current) throw new DomainError('NOT_FOUND', `No knowledge article has the id ${opts.id}.`, { field: 'id' });
  const p = opts.patch;
  if (p.categoryCodes) await checkCategories(ctx, p.categoryCodes);
  const write = toWrite(
    {
      title: p.title ?? current.title,
      answer: p.answer ?? current.answer,
      categoryCodes: p.categoryCodes ?? current.categoryCodes,
      sourcePolicy: p.sourcePolicy !== undefined ? p.sourcePolicy : current.sourcePolicy,
      validFrom: p.validFrom !== undefined ? date(p.validFrom) : current.validFrom,
      validTo: p.validTo !== undefined ? date(p.validTo) : current.validTo,
      isActive: p.isActive ?? current.isActive,
    },
    current.isDemo,
  );
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const row = await ctx.repos.knowledge.update(opts.id, write, opts.actor.username, trx);
    if (!row) throw new DomainError('NOT_FOUND', `No knowledge article has the id ${opts.id}.`, { field: 'id' });
    await ctx.repos.audit.record(opts.actor, { action: 'knowledge.update', targetType: 'knowledge_article', targetId: opts.id, data: { fields: Object.keys(p) } }, trx);
    return row;
  });
  ctx.intake.reloadKnowledge();
  return updated;
}

export async function deleteArticle(ctx: AppContext, opts: { actor: Actor; id: string }): Promise<void> {
  requireRole(opts.actor, 'administrator');
  await ctx.db.transaction().execute(async (trx) => {
    const current = await ctx.repos.knowledge.findById(opts.id, trx);
    if (!current || !(await ctx.repos.knowledge.delete(opts.id, trx))) throw new DomainError('NOT_FOUND', `No knowledge article has the id ${opts.id}.`, { field: 'id' });
    await ctx.repos.audit.record(opts.actor, { action: 'knowledge.delete', targetType: 'knowledge_article', targetId: opts.id, data: { title: current.title } }, trx);
  });
  ctx.intake.reloadKnowledge();
}

export async function getArticle(ctx: AppContext, opts: { actor: Actor; id: string }): Promise<KnowledgeArticle> {
  requireRole(opts.actor, ...READERS);
  const a = await ctx.repos.knowledge.findById(opts.id);
  if (!a) throw new DomainError('NOT_FOUND', `No knowledge article has the id ${opts.id}.`, { field: 'id' });
  return a;
}

export async function listArticles(ctx: AppContext, opts: { actor: Actor; limit: number; offset: number }) {
  requireRole(opts.actor, ...READERS);
  return ctx.repos.knowledge.list({ limit: opts.limit, offset: opts.offset });
}
