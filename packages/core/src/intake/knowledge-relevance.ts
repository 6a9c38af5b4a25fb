// When a knowledge-base article is offered as an answer with the intake suggestions: only when its
// relevance score (BM25 over jieba words, title words counting double — see the server's
// search-knowledge) reaches a threshold. Below it, a shared common word (丢失, 小区, 扰民) is not
// evidence that the article answers the request. The default was measured on a labelled set of
// requests (apps/server/test/fixtures/knowledge-relevance.json; docs/intake.md has the figures);
// a city with its own, larger knowledge base should measure again, as idf grows with the number
// of articles.

/** Minimum score for an article to be offered with the suggestions. */
export const DEFAULT_KNOWLEDGE_MIN_SCORE = 5.5;

/** Validates a configured threshold (a finite, non-negative number). */
export function parseKnowledgeMinScore(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`knowledge minimum score must be a non-negative number, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** The hits worth offering: score at or above the threshold, order kept. */
export function relevantHits<T extends { score: number }>(hits: readonly T[], minScore: number = DEFAULT_KNOWLEDGE_MIN_SCORE): { kept: T[]; belowThreshold: number } {
  const kept = hits.filter((h) => h.score >= minScore);
  return { kept, belowThreshold: hits.length - kept.length };
}
