// The administrator-edited rule lists behind suggestions: urgency rules, routing rules and the
// duplicate-search settings. Read by operators, dispatchers and administrators; replaced as a
// whole list by administrators, checked by the core validators (errors name the field, e.g.
// body.rules[2].pattern), stored and audited by the settings store, and the cached reference
// reloaded after commit.
import {
  type Actor,
  DUPLICATE_SETTINGS_SETTING,
  type DuplicateSettings,
  ROUTING_RULES_SETTING,
  type RoutingRule,
  URGENCY_RULES_SETTING,
  type UrgencyRule,
  validateRoutingRules,
} from '@jiesu/core';
import type { AppContext } from '../../context';
import type { RuleSource } from '../../caches/intake-cache';
import { asBodyField, asBodyFieldAsync } from '../body-field';
import { requireRole } from '../require';

const READERS = ['administrator', 'operator', 'dispatcher'] as const;

/** Rules as plain JSON values (the core types them read-only). */
const plainUrgency = (rules: readonly UrgencyRule[]) => rules.map((r) => ({ ...r, pattern: typeof r.pattern === 'string' ? r.pattern : [...r.pattern] }));

export async function getUrgencyRules(ctx: AppContext, opts: { actor: Actor }) {
  requireRole(opts.actor, ...READERS);
  const ref = await ctx.intake.reference();
  const stored = await ctx.settings.info(URGENCY_RULES_SETTING);
  return { source: ref.urgencySource, updatedBy: stored.updatedBy, rules: plainUrgency(ref.urgencyRules) };
}

export async function putUrgencyRules(ctx: AppContext, opts: { actor: Actor; rules: UrgencyRule[] }) {
  requireRole(opts.actor, 'administrator');
  await asBodyFieldAsync(() => ctx.settings.set(URGENCY_RULES_SETTING, opts.rules, opts.actor));
  ctx.intake.reloadReference();
  return { source: 'administrator' as RuleSource, updatedBy: opts.actor.username, rules: plainUrgency(opts.rules) };
}

export async function getRoutingRules(ctx: AppContext, opts: { actor: Actor }) {
  requireRole(opts.actor, ...READERS);
  const ref = await ctx.intake.reference();
  const stored = await ctx.settings.info(ROUTING_RULES_SETTING);
  return { source: ref.routingSource, updatedBy: stored.updatedBy, rules: [...ref.routingRules] };
}

export async function putRoutingRules(ctx: AppContext, opts: { actor: Actor; rules: RoutingRule[] }) {
  requireRole(opts.actor, 'administrator');
  const ref = await ctx.intake.reference();
  asBodyField(() => validateRoutingRules(opts.rules, ref.lookup));
  await asBodyFieldAsync(() => ctx.settings.set(ROUTING_RULES_SETTING, opts.rules, opts.actor));
  ctx.intake.reloadReference();
  return { source: 'administrator' as RuleSource, updatedBy: opts.actor.username, rules: opts.rules };
}

export async function getDuplicateSettings(ctx: AppContext, opts: { actor: Actor }): Promise<DuplicateSettings> {
  requireRole(opts.actor, ...READERS);
  return (await ctx.intake.reference()).duplicates;
}

export async function putDuplicateSettings(ctx: AppContext, opts: { actor: Actor; settings: DuplicateSettings }): Promise<DuplicateSettings> {
  requireRole(opts.actor, 'administrator');
  const saved = await asBodyFieldAsync(() => ctx.settings.set(DUPLICATE_SETTINGS_SETTING, opts.settings, opts.actor));
  ctx.intake.reloadReference();
  return saved.value;
}
