// The settings of 未诉先办 (how proactive cases enter the three rates; the warning thresholds),
// read by anyone who reads rankings, changed by administrators through the one settings store.
import { type Actor, DomainError, hasRole, PROACTIVE_RATES_SETTING, type ProactiveRateTreatment, WARNING_SETTINGS_SETTING, type WarningSettings } from '@jiesu/core';
import type { AppContext } from '../../context';

export interface ProactiveSettingsView {
  proactiveRates: ProactiveRateTreatment;
  warnings: WarningSettings;
}

export async function getProactiveSettings(ctx: AppContext): Promise<ProactiveSettingsView> {
  const [proactiveRates, warnings] = await Promise.all([ctx.settings.get(PROACTIVE_RATES_SETTING), ctx.settings.get(WARNING_SETTINGS_SETTING)]);
  return { proactiveRates: proactiveRates.treatment, warnings };
}

export async function updateProactiveSettings(ctx: AppContext, opts: { actor: Actor; proactiveRates?: unknown; warnings?: unknown }): Promise<ProactiveSettingsView> {
  if (!hasRole(opts.actor, 'administrator')) throw new DomainError('FORBIDDEN', 'Only an administrator may change the proactive settings.', { roles: ['administrator'] });
  // Parse both before writing either, so a bad half changes nothing.
  const rates = opts.proactiveRates === undefined ? undefined : PROACTIVE_RATES_SETTING.parse({ treatment: opts.proactiveRates });
  const current = await ctx.settings.get(WARNING_SETTINGS_SETTING);
  const warnings = opts.warnings === undefined ? undefined : WARNING_SETTINGS_SETTING.parse({ ...current, ...(opts.warnings as object) });
  await ctx.db.transaction().execute(async (trx) => {
    if (rates !== undefined) await ctx.settings.set(PROACTIVE_RATES_SETTING, rates, opts.actor, trx);
    if (warnings !== undefined) await ctx.settings.set(WARNING_SETTINGS_SETTING, warnings, opts.actor, trx);
  });
  return getProactiveSettings(ctx);
}
