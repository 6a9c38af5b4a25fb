// Ranking classes (考核类别): which units are ranked against which. Streets/townships, districts,
// city departments and enterprises are each ranked city-wide; a district's own departments are
// ranked within their district (one ranking per district), never beside the city's 委办局.
import { DomainError } from '../errors';
import type { UnitClass } from '../org/unit';
import { OFFICIAL_ORDERS, type OfficialOrder } from './ranking';

/** Where a unit hangs: under a district, or at city level (the centre, no district above it). */
export const RANKING_LEVELS = ['any', 'city', 'district'] as const;
export type RankingLevel = (typeof RANKING_LEVELS)[number];

/** One ranking for the whole city, or one per district. */
export const RANK_WITHIN = ['city', 'district'] as const;
export type RankWithin = (typeof RANK_WITHIN)[number];

export const RANKABLE_UNIT_CLASSES = ['street', 'district', 'department', 'enterprise'] as const satisfies readonly UnitClass[];
export type RankableUnitClass = (typeof RANKABLE_UNIT_CLASSES)[number];

export interface RankingClassDef {
  /** Stable key, a-z and _ (e.g. `city_department`). */
  key: string;
  /** Chinese label shown in the console, the portal and the score sheet (e.g. 市级部门). */
  label: string;
  unitClass: RankableUnitClass;
  /** Which units of that class: all, city-level only, or those under a district. */
  level: RankingLevel;
  rankWithin: RankWithin;
  /** Fewest valid visits to be ranked; null: the policy's minSampleSize. */
  minSampleSize: number | null;
  /** The score that ranks officially. */
  officialOrder: OfficialOrder;
}

export const DEFAULT_RANKING_CLASSES: readonly RankingClassDef[] = [
  { key: 'street', label: '街乡镇', unitClass: 'street', level: 'any', rankWithin: 'city', minSampleSize: null, officialOrder: 'composite' },
  { key: 'district', label: '区', unitClass: 'district', level: 'any', rankWithin: 'city', minSampleSize: null, officialOrder: 'composite' },
  { key: 'department', label: '市级部门', unitClass: 'department', level: 'city', rankWithin: 'city', minSampleSize: null, officialOrder: 'composite' },
  { key: 'district_department', label: '区级部门', unitClass: 'department', level: 'district', rankWithin: 'district', minSampleSize: null, officialOrder: 'composite' },
  { key: 'enterprise', label: '国有企业', unitClass: 'enterprise', level: 'any', rankWithin: 'city', minSampleSize: null, officialOrder: 'composite' },
];

function fail(message: string, details: Record<string, unknown>): never {
  throw new DomainError('VALIDATION_FAILED', message, details);
}

/** Unique keys; every unit in at most one class (no two classes of one unit class with overlapping levels). */
export function validateRankingClasses(defs: readonly RankingClassDef[]): void {
  if (defs.length === 0) fail('classes: name at least one ranking class.', { field: 'classes' });
  const keys = new Set<string>();
  defs.forEach((d, i) => {
    const field = `classes[${i}]`;
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(d.key)) fail(`${field}.key: 1–40 of a-z, 0-9 and _, starting with a letter.`, { field: `${field}.key`, value: d.key });
    if (keys.has(d.key)) fail(`${field}.key: ${d.key} is used twice.`, { field: `${field}.key`, value: d.key });
    keys.add(d.key);
    if (d.label.trim().length === 0 || d.label.length > 30) fail(`${field}.label: 1–30 characters.`, { field: `${field}.label` });
    if (!(RANKABLE_UNIT_CLASSES as readonly string[]).includes(d.unitClass))
      fail(`${field}.unitClass: one of ${RANKABLE_UNIT_CLASSES.join(', ')}.`, { field: `${field}.unitClass` });
    if (!(OFFICIAL_ORDERS as readonly string[]).includes(d.officialOrder))
      fail(`${field}.officialOrder: one of ${OFFICIAL_ORDERS.join(', ')}.`, { field: `${field}.officialOrder` });
    if (d.minSampleSize !== null && (!Number.isInteger(d.minSampleSize) || d.minSampleSize < 1 || d.minSampleSize > 10_000)) {
      fail(`${field}.minSampleSize: a whole number 1–10000, or null for the policy's.`, { field: `${field}.minSampleSize`, value: d.minSampleSize });
    }
    if (d.rankWithin === 'district' && d.level !== 'district')
      fail(`${field}.rankWithin: only units under a district (level district) are ranked within their district.`, { field: `${field}.rankWithin` });
    if (d.unitClass === 'district' && d.level !== 'any') fail(`${field}.level: districts are ranked at level any.`, { field: `${field}.level` });
  });
  for (const a of defs) {
    for (const b of defs) {
      if (a === b || a.unitClass !== b.unitClass) continue;
      if (a.level === 'any' || b.level === 'any' || a.level === b.level) {
        fail(`classes: ${a.key} and ${b.key} both rank ${a.unitClass} units at overlapping levels (${a.level}, ${b.level}).`, { field: 'classes', value: [a.key, b.key] });
      }
    }
  }
}

/** A unit as class assignment needs it: its class and the district above it (null at city level). */
export interface ClassifiableUnit {
  unitId: string;
  unitClass: UnitClass;
  districtId: string | null;
}

/** The ranking a unit belongs to: its class and, for classes ranked within a district, that district. */
export interface RankingGroup {
  classKey: string;
  /** The district for classes ranked within a district; null for city-wide classes. */
  groupId: string | null;
}

/** The class and group of each unit that some class ranks (units of no class are left out). */
export function assignRankingGroups(units: readonly ClassifiableUnit[], defs: readonly RankingClassDef[]): Map<string, RankingGroup> {
  const out = new Map<string, RankingGroup>();
  for (const u of units) {
    const level: RankingLevel = u.districtId === null ? 'city' : 'district';
    const def = defs.find((d) => d.unitClass === u.unitClass && (d.level === 'any' || d.level === level));
    if (def === undefined) continue;
    out.set(u.unitId, { classKey: def.key, groupId: def.rankWithin === 'district' ? u.districtId : null });
  }
  return out;
}

/** The minimum sample that applies to a class. */
export function classMinSample(def: RankingClassDef, policyMinSample: number): number {
  return def.minSampleSize ?? policyMinSample;
}

/** Version of the scoring rules this code implements, printed on every score sheet (成绩单). */
export const SCORING_RULES_VERSION = '2026.12';
