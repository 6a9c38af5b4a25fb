// What the scoring use cases share: the weights and policy settings (core definitions), the
// period configuration in the city's time zone, and who may read rankings.
import {
  type Actor,
  DomainError,
  type EvaluationPeriodConfig,
  hasRole,
  RANKING_READER_ROLES,
  isCentreActor,
  GOVERNANCE_SETTING,
  type GovernanceSettings,
  type PopulationTable,
  POPULATIONS_SETTING,
  RANKING_CLASSES_SETTING,
  type RankingClassDef,
  SCORING_POLICY_SETTING,
  SCORING_WEIGHTS_SETTING,
  type ScoringPolicy,
  type WeightVersion,
} from '@jiesu/core';
import type { AppContext } from '../../context';
import type { Tx } from '../../repositories';

export type { ScoringPolicy } from '@jiesu/core';

export async function loadWeights(ctx: AppContext, trx?: Tx): Promise<WeightVersion[]> {
  return ctx.settings.get(SCORING_WEIGHTS_SETTING, trx);
}

export async function loadPolicy(ctx: AppContext, trx?: Tx): Promise<ScoringPolicy> {
  return ctx.settings.get(SCORING_POLICY_SETTING, trx);
}

export async function loadRankingClasses(ctx: AppContext, trx?: Tx): Promise<RankingClassDef[]> {
  return ctx.settings.get(RANKING_CLASSES_SETTING, trx);
}

export async function loadGovernance(ctx: AppContext, trx?: Tx): Promise<GovernanceSettings> {
  return ctx.settings.get(GOVERNANCE_SETTING, trx);
}

export async function loadPopulations(ctx: AppContext, trx?: Tx): Promise<PopulationTable> {
  return ctx.settings.get(POPULATIONS_SETTING, trx);
}

export function periodConfig(ctx: AppContext, policy: ScoringPolicy): EvaluationPeriodConfig {
  return { startDay: policy.periodStartDay, timeZone: ctx.config.timeZone };
}

/** Roles that read rankings; outside the centre they see only the rows of their own subtree. */
// Who reads rankings is the core's rule (the console's menu asks the same one).
export { RANKING_READER_ROLES };

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
