// The administrator-edited rule lists behind suggestions: urgency rules, routing rules and the
// duplicate-search settings. Read by operators, dispatchers and administrators; replaced as a
// whole list by administrators, checked by the core validators (errors name the field, e.g.
// body.rules[2].pattern), audited, and the cached reference reloaded after commit.
import { type Actor, DomainError, type RoutingRule, type UrgencyRule, validateRoutingRules, validateUrgencyRules } from '@jiesu/core';
import type { AppContext } from '../../context';
import { type DuplicateSettings, type RuleSource, SETTING_KEYS } from '../../services/intake.service';
import { requireRole } from '../require';

const READERS = ['administrator', 'operator', 'dispatcher'] as const;

/** Rules as plain JSON values (the core types them read-only). */
const plainUrgency = (rules: readonly UrgencyRule[]) => rules.map((r) => ({ ...r, pattern: typeof r.pattern === 'string' ? r.pattern : [...r.pattern] }));

/** Core validators name the field inside the list; the API names it inside the body. */
export function asBodyField<T>(check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof DomainError && e.code === 'VALIDATION_FAILED' && typeof e.details?.field === 'string') {
      throw new DomainError('VALIDATION_FAILED', e.message, { ...e.details, field: `body.${e.details.field}` });
    }
    throw e;
  }
}

export async function getUrgencyRules(ctx: AppContext, opts: { actor: Actor }) {
  requireRole(opts.actor, ...READERS);
  const ref = await ctx.intake.reference();
  const stored = await ctx.repos.intake.getSetting<UrgencyRule[]>(SETTING_KEYS.urgencyRules);
  return { source: ref.urgencySource, updatedBy: stored?.updatedBy ?? null, rules: plainUrgency(ref.urgencyRules) };
}

export async function putUrgencyRules(ctx: AppContext, opts: { actor: Actor; rules: UrgencyRule[] }) {
  requireRole(opts.actor, 'administrator');
  asBodyField(() => validateUrgencyRules(opts.rules));
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repos.intake.putSetting(SETTING_KEYS.urgencyRules, opts.rules, opts.actor.username, trx);
    await ctx.repos.audit.record(opts.actor, { action: 'intake.urgency_rules.put', targetType: 'intake_settings', targetId: SETTING_KEYS.urgencyRules, data: { count: opts.rules.length, ids: opts.rules.map((r) => r.id) } }, trx);
  });
  ctx.intake.reloadReference();
  return { source: 'administrator' as RuleSource, updatedBy: opts.actor.username, rules: plainUrgency(opts.rules) };
}

export async function getRoutingRules(ctx: AppContext, opts: { actor: Actor }) {
  requireRole(opts.actor, ...READERS);
  const ref = await ctx.intake.reference();
  const stored = await ctx.repos.intake.getSetting<RoutingRule[]>(SETTING_KEYS.routingRules);
  return { source: ref.routingSource, updatedBy: stored?.updatedBy ?? null, rules: [...ref.routingRules] };
}

export async function putRoutingRules(ctx: AppContext, opts: { actor: Actor; rules: RoutingRule[] }) {
  requireRole(opts.actor, 'administrator');
  const ref = await ctx.intake.reference();
  asBodyField(() => validateRoutingRules(opts.rules, ref.lookup));
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repos.intake.putSetting(SETTING_KEYS.routingRules, opts.rules, opts.actor.username, trx);
    await ctx.repos.audit.record(opts.actor, { action: 'intake.routing_rules.put', targetType: 'intake_settings', targetId: SETTING_KEYS.routingRules, data: { count: opts.rules.length, ids: opts.rules.map((r) => r.id) } }, trx);
  });
  ctx.intake.reloadReference();
  return { source: 'administrator' as RuleSource, updatedBy: opts.actor.username, rules: opts.rules };
}

export async function getDuplicateSettings(ctx: AppContext, opts: { actor: Actor }): Promise<DuplicateSettings> {
  requireRole(opts.actor, ...READERS);
  return (await ctx.intake.reference()).duplicates;
}

export async function putDuplicateSettings(ctx: AppContext, opts: { actor: Actor; settings: DuplicateSettings }): Promise<DuplicateSettings> {
  requireRole(opts.actor, 'administrator');
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repos.intake.putSetting(SETTING_KEYS.duplicates, opts.settings, opts.actor.username, trx);
    await ctx.repos.audit.record(opts.actor, { action: 'intake.duplicates.put', targetType: 'intake_settings', targetId: SETTING_KEYS.duplicates, data: { ...opts.settings } }, trx);
  });
  ctx.intake.reloadReference();
  return opts.settings;
}
