// Setting definitions: every default passes its own check, a round trip through JSON keeps the
// value, and a bad value is refused with the field named.
import { describe, expect, it } from 'vitest';
import {
  CASE_POLICY_SETTING,
  communityRankingSetting,
  DomainError,
  DUPLICATE_SETTINGS_SETTING,
  ROUTING_RULES_SETTING,
  SCORING_POLICY_SETTING,
  SCORING_WEIGHTS_SETTING,
  type SettingDefinition,
  URGENCY_RULES_SETTING,
} from '../src';

const ALL: SettingDefinition<unknown>[] = [
  CASE_POLICY_SETTING,
  SCORING_POLICY_SETTING,
  SCORING_WEIGHTS_SETTING,
  URGENCY_RULES_SETTING,
  ROUTING_RULES_SETTING,
  DUPLICATE_SETTINGS_SETTING,
  communityRankingSetting('110105026'),
];

function fieldOfError(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.details?.field ?? e.code;
    throw e;
  }
  return 'accepted';
}

describe('setting definitions', () => {
  it.each(ALL.map((d) => [d.key, d] as const))('%s: the default passes its check and survives JSON', (_key, def) => {
    expect(def.parse(JSON.parse(JSON.stringify(def.defaultValue)))).toEqual(def.defaultValue);
  });

  it('keys are unique and dotted', () => {
    const keys = ALL.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/);
  });

  it('case policy: names the bad field, refuses unknown fields and a sign limit longer than feedback', () => {
    const p = structuredClone(CASE_POLICY_SETTING.defaultValue) as unknown as Record<string, Record<string, unknown>>;
    expect(fieldOfError(() => CASE_POLICY_SETTING.parse({ ...p, maxExtentions: 3 }))).toBe('maxExtentions');
    const longSign = structuredClone(CASE_POLICY_SETTING.defaultValue);
    (longSign.clocks.byUrgency.general as { sign: { amount: number; unit: string } }).sign = { amount: 30, unit: 'calendar_days' };
    expect(fieldOfError(() => CASE_POLICY_SETTING.parse(longSign))).toBe('clocks.byUrgency.general');
    const badUnit = structuredClone(CASE_POLICY_SETTING.defaultValue);
    (badUnit.clocks.byUrgency.emergency as { dispatch: { amount: number; unit: string } }).dispatch = { amount: 1, unit: 'weeks' };
    expect(fieldOfError(() => CASE_POLICY_SETTING.parse(badUnit))).toBe('clocks.byUrgency.emergency.dispatch.unit');
    expect(fieldOfError(() => CASE_POLICY_SETTING.parse({ ...CASE_POLICY_SETTING.defaultValue, maxExtensions: 1.5 }))).toBe('maxExtensions');
  });

  it('scoring policy: a stored value missing a field keeps that field’s default; ranges are checked', () => {
    expect(SCORING_POLICY_SETTING.parse({ publishCount: 5 })).toEqual({
      periodStartDay: 19,
      maxVisitAttempts: 3,
      publishCount: 5,
      minSampleSize: 10,
      appealWindowDays: 7,
      mergedChildren: 'main_case_visit',
      improvedCount: 10,
      improvedBy: 'rank_change',
    });
    expect(fieldOfError(() => SCORING_POLICY_SETTING.parse({ periodStartDay: 29 }))).toBe('periodStartDay');
  });

  it('weights and community config: the scoring checks apply', () => {
    const weights = [{ validFrom: '2026-01-01', response: 0.5, resolution: 0.5, satisfaction: 0.5, basicallySatisfiedFactor: 0.9 }];
    expect(fieldOfError(() => SCORING_WEIGHTS_SETTING.parse(weights))).toBe('SCORING_INVALID_WEIGHTS');
    expect(fieldOfError(() => SCORING_WEIGHTS_SETTING.parse([{ ...weights[0], unitClass: 'planet' }]))).toBe('versions[0].unitClass');
    const config = { rateWeights: { response: 0.1, resolution: 0.5, satisfaction: 0.3 }, items: [] };
    expect(fieldOfError(() => communityRankingSetting('x').parse(config))).toBe('SCORING_INVALID_WEIGHTS');
  });

  it('intake rules: the rule validators name the rule', () => {
    expect(fieldOfError(() => URGENCY_RULES_SETTING.parse([{ id: 'a', pattern: '', urgency: 'general', priority: 1 }]))).toBe('rules[0].pattern');
    expect(ROUTING_RULES_SETTING.parse(null)).toBeNull();
    expect(fieldOfError(() => DUPLICATE_SETTINGS_SETTING.parse({ limit: 0 }))).toBe('limit');
  });
});
