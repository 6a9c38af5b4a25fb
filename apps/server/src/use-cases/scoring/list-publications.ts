// The published versions of a period, oldest first, with who published each and why.
import type { Actor } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { PublicationMeta } from '../../repositories/score-publication.repository';
import { requireRankingReader } from './scoring-config';

export async function listPublications(ctx: AppContext, opts: { actor: Actor; periodKey: string }): Promise<PublicationMeta[]> {
  requireRankingReader(opts.actor);
  return ctx.repos.scorePublications.list(opts.periodKey);
}
