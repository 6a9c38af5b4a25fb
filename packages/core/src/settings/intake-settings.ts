// Intake settings: the urgency rules, the routing rules, the dispatch catalogue (派单目录) and the
// duplicate search behind intake suggestions. Rule lists are replaced as a whole (their checks look at the list: unique ids).
import { type DispatchEntry, validateDispatchCatalogue } from '../intake/dispatch-catalogue';
import type { RoutingRule } from '../intake/routing-rules';
import { validateRoutingRules } from '../intake/routing-rules';
import { DEFAULT_URGENCY_RULES, type UrgencyRule, validateUrgencyRules } from '../intake/urgency-rules';
import { defineSetting, expectArray, expectNumber, expectObject } from './setting-definition';

export interface DuplicateSettings {
  /** Only cases received in the last N days are compared. */
  windowDays: number;
  limit: number;
  /** Jaccard similarity below which a case is not suggested. */
  minSimilarity: number;
}

export const DEFAULT_DUPLICATE_SETTINGS: DuplicateSettings = { windowDays: 30, limit: 5, minSimilarity: 0.15 };

/** A field left out keeps its default. */
export function parseDuplicateSettings(value: unknown): DuplicateSettings {
  const o = expectObject(value, '', ['windowDays', 'limit', 'minSimilarity']);
  return {
    windowDays: o.windowDays === undefined ? DEFAULT_DUPLICATE_SETTINGS.windowDays : expectNumber(o.windowDays, 'windowDays', { min: 1, max: 365, integer: true }),
    limit: o.limit === undefined ? DEFAULT_DUPLICATE_SETTINGS.limit : expectNumber(o.limit, 'limit', { min: 1, max: 20, integer: true }),
    minSimilarity: o.minSimilarity === undefined ? DEFAULT_DUPLICATE_SETTINGS.minSimilarity : expectNumber(o.minSimilarity, 'minSimilarity', { min: 0, max: 1 }),
  };
}

export function parseUrgencyRules(value: unknown): UrgencyRule[] {
  const rules = expectArray(value, 'rules') as UrgencyRule[];
  validateUrgencyRules(rules);
  return rules;
}

/** Shapes only; that named units exist is checked against the organisation when the rules are saved. */
export function parseRoutingRules(value: unknown): RoutingRule[] | null {
  if (value === null) return null;
  const rules = expectArray(value, 'rules') as RoutingRule[];
  validateRoutingRules(rules);
  return rules;
}

export const URGENCY_RULES_SETTING = defineSetting<UrgencyRule[]>('intake.urgency_rules', [...DEFAULT_URGENCY_RULES], parseUrgencyRules);
/** null: the default rules, derived from the category tree (`defaultRoutingRules`, intake/default-routing-rules.ts). */
export const ROUTING_RULES_SETTING = defineSetting<RoutingRule[] | null>('intake.routing_rules', null, parseRoutingRules);
export const DUPLICATE_SETTINGS_SETTING = defineSetting<DuplicateSettings>('intake.duplicates', DEFAULT_DUPLICATE_SETTINGS, parseDuplicateSettings);

/** Shapes only; that each entry's category path exists is checked against the tree when the catalogue is saved. */
export function parseDispatchCatalogue(value: unknown): DispatchEntry[] | null {
  if (value === null) return null;
  const entries = expectArray(value, 'entries') as DispatchEntry[];
  validateDispatchCatalogue(entries);
  return entries;
}

/** null: the catalogue shipped with jiesu (`DEFAULT_DISPATCH_CATALOGUE` in @jiesu/reference). */
export const DISPATCH_CATALOGUE_SETTING = defineSetting<DispatchEntry[] | null>('intake.dispatch_catalogue', null, parseDispatchCatalogue);
