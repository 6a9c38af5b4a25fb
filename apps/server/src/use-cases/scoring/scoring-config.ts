// What the scoring use cases share: the stored weights and policy (with their defaults), the
// period configuration in the city's time zone, and who may read rankings.
import {
  type Actor,
  DEFAULT_WEIGHT_VERSIONS,
  DomainError,
  type EvaluationPeriodConfig,
  hasRole,
  isCentreActor,
  type Role,
  validateWeightVersions,
  type WeightVersion,
} from '@jiesu/core';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context';
import type { Database } from '../../db/schema';

export interface ScoringPolicy {
  /** Local day of the month a period starts on (default 19: the 19th to the 18th). */
  periodStartDay: number;
  /** Unanswered calls before a return visit is given up as invalid. */
  maxVisitAttempts: number;
  /** Size of the published top and bottom lists. */
  publishCount: number;
  /** Fewest valid visits a unit needs to be ranked. */
  minSampleSize: number;
}

export const DEFAULT_SCORING_POLICY: ScoringPolicy = { periodStartDay: 19, maxVisitAttempts: 3, publishCount: 10, minSampleSize: 1 };

export const WEIGHTS_KEY = 'weights';
export const POLICY_KEY = 'policy';

export async function loadWeights(ctx: AppContext, trx?: Kysely<Database>): Promise<WeightVersion[]> {
  const stored = await ctx.repos.scoringSettings.get<WeightVersion[]>(WEIGHTS_KEY, trx);
  const versions = stored ?? [...DEFAULT_WEIGHT_VERSIONS];
  validateWeightVersions(versions);
  return versions;
}

export async function loadPolicy(ctx: AppContext, trx?: Kysely<Database>): Promise<ScoringPolicy> {
  const stored = await ctx.repos.scoringSettings.get<Partial<ScoringPolicy>>(POLICY_KEY, trx);
  return { ...DEFAULT_SCORING_POLICY, ...(stored ?? {}) };
}

export function periodConfig(ctx: AppContext, policy: ScoringPolicy): EvaluationPeriodConfig {
  return { startDay: policy.periodStartDay, timeZone: ctx.config.timeZone };
}

/** Roles that read rankings; outside the centre they see only the rows of their own subtree. */
export const RANKING_READER_ROLES: Role[] = ['evaluator', 'analyst', 'administrator', 'supervisor', 'unit_leader'];

export function requireRankingReader(actor: Actor): void {
  if (!hasRole(actor, ...RANKING_READER_ROLES)) {
    throw new DomainError('FORBIDDEN', `Rankings are for ${RANKING_READER_ROLES.join(', ')}; see your own unit's score at /api/scoring/periods/{period}/units/{code}.`, {
      roles: RANKING_READER_ROLES,
    });
  }
}

/** Evaluators of the city centre: publish rankings and decide appeals. */
export function requireCentreEvaluator(actor: Actor, what: string): void {
  if (!isCentreActor(actor) || !hasRole(actor, 'evaluator')) {
    throw new DomainError('FORBIDDEN', `Only an evaluator of the city centre may ${what}.`, { roles: ['evaluator'] });
  }
}
