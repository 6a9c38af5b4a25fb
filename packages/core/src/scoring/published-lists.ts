// The lists Beijing publishes beside the rankings: 诉求量 and 千人诉求量 (requests per 1,000
// residents), the most-improved list (进步较快) and the streets under special governance
// (治理类街乡镇), each by a rule an administrator sets.
import { DomainError } from '../errors';
import { expectNumber, expectObject, expectOneOf, expectString, fieldOf, invalidSetting } from '../settings/setting-definition';

/** 千人诉求量 = requests × 1000 / population; null without a population. */
export function requestsPerThousand(requests: number, population: number | null): number | null {
  if (population === null || population <= 0) return null;
  return (requests * 1000) / population;
}

// —— populations ——

export interface PopulationTable {
  /** Year or date the figures describe, e.g. '2025' (第七次人口普查 / 统计年鉴). */
  asOf: string;
  /** Where the figures come from. */
  source: string;
  /** Unit code → residents. */
  values: Record<string, number>;
}

export const EMPTY_POPULATIONS: PopulationTable = { asOf: '', source: '', values: {} };

export function parsePopulationTable(value: unknown): PopulationTable {
  const o = expectObject(value, '', ['asOf', 'source', 'values']);
  const values = expectObject(o.values, 'values');
  const out: Record<string, number> = {};
  for (const [code, n] of Object.entries(values)) {
    if (!/^[0-9A-Za-z-]{1,40}$/.test(code)) throw invalidSetting(fieldOf('values', code), 'is not a unit code.', code);
    out[code] = expectNumber(n, fieldOf('values', code), { min: 1, max: 100_000_000, integer: true });
  }
  return { asOf: expectString(o.asOf, 'asOf').slice(0, 40), source: expectString(o.source, 'source').slice(0, 200), values: out };
}

/** Header of the population template: 单位编码, 单位名称, 常住人口. */
export const POPULATION_CSV_HEADER = ['单位编码', '单位名称', '常住人口'] as const;

/**
 * Reads a filled-in population template (CSV, UTF-8, with or without a BOM): the first column the
 * unit code, the third the population; empty populations are skipped. Errors name the line.
 */
export function parsePopulationCsv(text: string): Array<{ unitCode: string; population: number }> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: Array<{ unitCode: string; population: number }> = [];
  const seen = new Set<string>();
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || (i === 0 && line.startsWith(POPULATION_CSV_HEADER[0]))) return;
    const cells = line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    const [code = '', , pop = ''] = cells;
    if (pop === '') return;
    const n = Number(pop.replace(/[\s_]/g, ''));
    if (!/^[0-9A-Za-z-]{1,40}$/.test(code)) throw new DomainError('VALIDATION_FAILED', `csv line ${i + 1}: "${code}" is not a unit code.`, { field: 'body.csv', line: i + 1 });
    if (!Number.isInteger(n) || n < 1 || n > 100_000_000) {
      throw new DomainError('VALIDATION_FAILED', `csv line ${i + 1}: population "${pop}" must be a whole number 1–100000000.`, { field: 'body.csv', line: i + 1 });
    }
    if (seen.has(code)) throw new DomainError('VALIDATION_FAILED', `csv line ${i + 1}: ${code} appears twice.`, { field: 'body.csv', line: i + 1 });
    seen.add(code);
    rows.push({ unitCode: code, population: n });
  });
  return rows;
}

// —— most improved (进步较快) ——

export interface ImprovementCandidate {
  unitId: string;
  rank: number | null;
  composite: number | null;
  previousRank: number | null;
  previousComposite: number | null;
}

export interface ImprovedEntry {
  unitId: string;
  /** Places gained (previous rank − rank), > 0. */
  rankChange: number;
  /** Composite gained, 0–1 scale. */
  compositeDelta: number;
}

export const IMPROVED_BY = ['rank_change', 'composite_delta'] as const;
export type ImprovedBy = (typeof IMPROVED_BY)[number];

/**
 * 进步较快: units ranked in both periods that moved up, best improvement first — by places gained
 * (ties by composite gained), or by composite gained (ties by places gained); then unit id. At most
 * `count`, plus any unit equal on both keys to the last.
 */
export function mostImproved(candidates: readonly ImprovementCandidate[], opts: { by: ImprovedBy; count: number }): ImprovedEntry[] {
  const eligible = candidates
    .filter((c) => c.rank !== null && c.previousRank !== null && c.composite !== null && c.previousComposite !== null)
    .map((c): ImprovedEntry => ({
      unitId: c.unitId,
      rankChange: (c.previousRank as number) - (c.rank as number),
      compositeDelta: (c.composite as number) - (c.previousComposite as number),
    }))
    .filter((e) => e.rankChange > 0 && e.compositeDelta > 1e-9);
  const keyed = (e: ImprovedEntry): [number, number] => (opts.by === 'rank_change' ? [e.rankChange, e.compositeDelta] : [e.compositeDelta, e.rankChange]);
  const cmp = (a: ImprovedEntry, b: ImprovedEntry) => {
    const [a1, a2] = keyed(a);
    const [b1, b2] = keyed(b);
    return Math.abs(b1 - a1) > 1e-9 ? b1 - a1 : Math.abs(b2 - a2) > 1e-9 ? b2 - a2 : 0;
  };
  const sorted = eligible.sort((a, b) => cmp(a, b) || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  let end = Math.min(opts.count, sorted.length);
  while (end > 0 && end < sorted.length && cmp(sorted[end] as ImprovedEntry, sorted[end - 1] as ImprovedEntry) === 0) end += 1;
  return sorted.slice(0, end);
}

// —— special governance (治理类街乡镇) ——

export type GovernanceRule =
  /** In the published bottom list of its class in each of the last `months` periods (this one included). */
  | { kind: 'bottom_composite'; months: number }
  /** The `count` units with the highest 千人诉求量 this period. */
  | { kind: 'highest_per_thousand'; count: number };

export const GOVERNANCE_RULE_KINDS = ['bottom_composite', 'highest_per_thousand'] as const;

export interface GovernanceSettings {
  /** The ranking class the list is drawn from (default the streets). */
  classKey: string;
  rule: GovernanceRule;
}

export const DEFAULT_GOVERNANCE_SETTINGS: GovernanceSettings = { classKey: 'street', rule: { kind: 'bottom_composite', months: 3 } };

export function parseGovernanceSettings(value: unknown): GovernanceSettings {
  const o = expectObject(value, '', ['classKey', 'rule']);
  const rule = expectObject(o.rule, 'rule');
  const kind = expectOneOf(rule.kind, GOVERNANCE_RULE_KINDS, 'rule.kind');
  const classKey = expectString(o.classKey, 'classKey');
  if (kind === 'bottom_composite') {
    expectObject(rule, 'rule', ['kind', 'months']);
    return { classKey, rule: { kind, months: expectNumber(rule.months, 'rule.months', { min: 1, max: 12, integer: true }) } };
  }
  expectObject(rule, 'rule', ['kind', 'count']);
  return { classKey, rule: { kind, count: expectNumber(rule.count, 'rule.count', { min: 1, max: 100, integer: true }) } };
}

export interface GovernanceInput {
  /** This period's and the previous periods' published-bottom unit ids, newest first. */
  bottomByPeriod: ReadonlyArray<readonly string[]>;
  /** This period's 千人诉求量 per unit (units without a population left out). */
  perThousand: ReadonlyArray<{ unitId: string; value: number }>;
}

export interface GovernanceEntry {
  unitId: string;
  /** bottom_composite: periods in a row in the bottom list (= months); highest_per_thousand: the 千人诉求量. */
  value: number;
}

/** The units the rule selects, in a stable order (bottom: by unit id; per thousand: highest first, ties included). */
export function specialGovernance(rule: GovernanceRule, input: GovernanceInput): GovernanceEntry[] {
  switch (rule.kind) {
    case 'bottom_composite': {
      const periods = input.bottomByPeriod.slice(0, rule.months);
      if (periods.length < rule.months) return [];
      const [first = [], ...rest] = periods;
      return [...first]
        .filter((id) => rest.every((p) => p.includes(id)))
        .sort()
        .map((unitId) => ({ unitId, value: rule.months }));
    }
    case 'highest_per_thousand': {
      const sorted = [...input.perThousand].sort((a, b) => b.value - a.value || (a.unitId < b.unitId ? -1 : 1));
      let end = Math.min(rule.count, sorted.length);
      while (end > 0 && end < sorted.length && Math.abs((sorted[end] as GovernanceEntry).value - (sorted[end - 1] as GovernanceEntry).value) <= 1e-9) end += 1;
      return sorted.slice(0, end).map((e) => ({ unitId: e.unitId, value: e.value }));
    }
  }
}
