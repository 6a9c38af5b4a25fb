// 知识库 search: the query is cut into jieba tokens like the articles were; the articles valid at
// `now` that share a word (held in memory by IntakeCache) are ranked by a BM25-style score (a word that
// is rare across the knowledge base counts more; a hit in the title counts double).
import type { Actor } from '@jiesu/core';
import type { AppContext } from '../../context';
import { textTokens } from '../../intake/text-tokens';
import type { KnowledgeStats } from '../../caches/intake-cache';
import type { ArticleCandidate } from '../../repositories/knowledge.repository';
import { requireRole } from '../require';

export interface KnowledgeHit {
  id: string;
  title: string;
  answer: string;
  categoryCodes: string[];
  sourcePolicy: string | null;
  score: number;
  matchedWords: string[];
  isDemo: boolean;
}

const K1 = 1.2;
const B = 0.75;
const TITLE_BOOST = 2;

export function rankArticles(queryTokens: readonly string[], candidates: readonly ArticleCandidate[], stats: KnowledgeStats, limit: number): KnowledgeHit[] {
  const n = Math.max(stats.n, candidates.length, 1);
  const meanLength = stats.meanLength > 0 ? stats.meanLength : 1;
  const scored = candidates.map((a) => {
    const words = new Set(a.tokens);
    const title = new Set(a.titleTokens);
    const norm = K1 * (1 - B + (B * a.tokens.length) / meanLength);
    let score = 0;
    const matched: string[] = [];
    for (const t of queryTokens) {
      if (!words.has(t)) continue;
      const df = stats.df.get(t) ?? 1;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      // Tokens are stored once per article, so tf is 1: BM25 reduces to idf × (k1 + 1) / (1 + norm).
      score += idf * ((K1 + 1) / (1 + norm)) * (title.has(t) ? TITLE_BOOST : 1);
      matched.push(t);
    }
    return { a, score, matched };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((x, y) => y.score - x.score || x.a.title.localeCompare(y.a.title))
    .slice(0, limit)
    .map(({ a, score, matched }) => ({
      id: a.id,
      title: a.title,
      answer: a.answer,
      categoryCodes: a.categoryCodes,
      sourcePolicy: a.sourcePolicy,
      score: Math.round(score * 1000) / 1000,
      matchedWords: matched,
      isDemo: a.isDemo,
    }));
}

/** Best articles for already-segmented query tokens (the suggestion path segments once for everything). */
export async function searchKnowledgeByTokens(ctx: AppContext, tokens: readonly string[], limit: number): Promise<KnowledgeHit[]> {
  if (tokens.length === 0) return [];
  const kb = await ctx.intake.knowledgeBase();
  const at = ctx.now().getTime();
  const query = new Set(tokens);
  const candidates = kb.articles.filter(
    (a) => (a.validFrom === null || a.validFrom.getTime() <= at) && (a.validTo === null || a.validTo.getTime() > at) && a.tokens.some((t) => query.has(t)),
  );
  return rankArticles(tokens, candidates, kb.stats, limit);
}

export async function searchKnowledge(ctx: AppContext, opts: { actor: Actor; q: string; limit?: number }): Promise<{ query: string[]; items: KnowledgeHit[] }> {
  requireRole(opts.actor, 'operator', 'dispatcher', 'administrator', 'handler');
  const query = textTokens(opts.q, 32);
  return { query, items: await searchKnowledgeByTokens(ctx, query, opts.limit ?? 5) };
}
