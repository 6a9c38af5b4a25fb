// Likely duplicates (重复诉求): a draft's words against a street's recent open cases, ranked by
// Jaccard similarity of their token sets (the core text-groups module's measure: one text-grouping
// module serves duplicates and hotspots). Pure: the caller supplies the cases.
import type { CaseStatus } from '../cases/case-status';
import { jaccard } from '../text-groups/text-groups';

/** A recent open case a new call might repeat, with its stored words. */
export interface DuplicateCandidate {
  caseId: string;
  caseNumber: string;
  subject: string;
  status: CaseStatus;
  receivedAt: Date;
  tokens: string[];
}

export interface DuplicateMatch {
  caseId: string;
  caseNumber: string;
  subject: string;
  status: CaseStatus;
  receivedAt: Date;
  similarity: number;
  sharedWords: string[];
}

export function rankDuplicates(tokens: readonly string[], cases: readonly DuplicateCandidate[], opts: { limit: number; minSimilarity: number }): DuplicateMatch[] {
  if (tokens.length === 0) return [];
  const out: DuplicateMatch[] = [];
  for (const c of cases) {
    const { similarity, shared } = jaccard(tokens, c.tokens);
    if (shared.length === 0 || similarity < opts.minSimilarity) continue;
    out.push({
      caseId: c.caseId,
      caseNumber: c.caseNumber,
      subject: c.subject,
      status: c.status,
      receivedAt: c.receivedAt,
      similarity: Math.round(similarity * 1000) / 1000,
      sharedWords: shared,
    });
  }
  return out.sort((a, b) => b.similarity - a.similarity || b.receivedAt.getTime() - a.receivedAt.getTime()).slice(0, opts.limit);
}
