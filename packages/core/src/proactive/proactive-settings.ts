// Configurable values of 未诉先办: each a default, a pure parse and its settings-store definition.
import { DomainError } from '../errors';
import { defineSetting, expectObject, type SettingDefinition } from '../settings/setting-definition';
import { DEFAULT_WARNING_SETTINGS, parseWarningSettings, type WarningSettings } from './forecast';

/**
 * How proactive cases (主动发现) enter the three rates. Both keep them apart from the rates of
 * requests residents made: 'excluded' scores them nowhere; 'own_measure' scores them as their own
 * measure (主动治理三率), shown beside the rankings and offered as an item of a street's quarterly
 * assessment of its communities.
 */
export const PROACTIVE_RATE_TREATMENTS = ['excluded', 'own_measure'] as const;
export type ProactiveRateTreatment = (typeof PROACTIVE_RATE_TREATMENTS)[number];
export const DEFAULT_PROACTIVE_RATE_TREATMENT: ProactiveRateTreatment = 'excluded';

export function parseProactiveRateTreatment(value: unknown): ProactiveRateTreatment {
  if (value === undefined || value === null) return DEFAULT_PROACTIVE_RATE_TREATMENT;
  if (typeof value === 'string' && (PROACTIVE_RATE_TREATMENTS as readonly string[]).includes(value)) return value as ProactiveRateTreatment;
  throw new DomainError('VALIDATION_FAILED', `proactiveRates must be one of ${PROACTIVE_RATE_TREATMENTS.join(', ')}.`, { field: 'proactiveRates', value });
}

/** Stored as an object ({ treatment }) so the value can grow fields without a new key. */
export const PROACTIVE_RATES_SETTING: SettingDefinition<{ treatment: ProactiveRateTreatment }> = defineSetting(
  'proactive.rates',
  { treatment: DEFAULT_PROACTIVE_RATE_TREATMENT },
  (value) => ({
    treatment: parseProactiveRateTreatment(expectObject(value, '', ['treatment']).treatment),
  }),
);
export const WARNING_SETTINGS_SETTING: SettingDefinition<WarningSettings> = defineSetting('proactive.warnings', DEFAULT_WARNING_SETTINGS, parseWarningSettings);
