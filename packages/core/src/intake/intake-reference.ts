// What intake suggestions read on every call, assembled from what the server loads: the unit
// lookup and gazetteer (organisation plus administrator aliases), boundaries, urgency and routing
// rules (the administrator's or the defaults), the dispatch catalogue, category names, and the
// knowledge base's BM25 statistics. Pure: the caller loads the rows and holds the result
// (apps/server/src/caches/intake-cache.ts).
import type { Unit } from '../org/unit';
import type { DuplicateSettings } from '../settings/intake-settings';
import { categoryPathResolver, defaultRoutingRules, type NamedCategory } from './default-routing-rules';
import { catalogueRoutingRules, type CategoryPathResolver, type DispatchEntry } from './dispatch-catalogue';
import { buildGazetteer, type Gazetteer, type GazetteerAlias } from './gazetteer';
import { ALIAS_KINDS, type AliasKind, PLACE_LEVELS, type PlaceLevel } from './place-name-forms';
import { type BoundaryIndex, prepareBoundaries } from './point-in-polygon';
import type { RoutingRule } from './routing-rules';
import { createUnitLookup, type UnitLookup } from './unit-lookup';
import type { UrgencyRule } from './urgency-rules';

/** Whether rules in force are the defaults or an administrator's. */
export type RuleSource = 'default' | 'administrator';

export interface IntakeReference {
  lookup: UnitLookup;
  gazetteer: Gazetteer;
  boundaries: BoundaryIndex | null;
  urgencyRules: readonly UrgencyRule[];
  urgencySource: RuleSource;
  routingRules: readonly RoutingRule[];
  routingSource: RuleSource;
  /** The dispatch catalogue (派单目录): phrases → category leaf → lead and co-handlers. */
  catalogue: readonly DispatchEntry[];
  catalogueSource: RuleSource;
  /** One routing rule per catalogue leaf, kept apart from the editable routing rules and consulted with them. */
  catalogueRules: readonly RoutingRule[];
  /** Category path of names → code in the loaded tree. */
  codeOfPath: CategoryPathResolver;
  duplicates: DuplicateSettings;
  categoryNames: ReadonlyMap<string, string>;
  /** Level-1 category name → code: how a classifier label becomes a category. */
  level1CodeByName: ReadonlyMap<string, string>;
}

/** A setting as read: its value and whether it is still the default. */
interface SettingRead<T> {
  value: T;
  isDefault: boolean;
}

export interface IntakeReferenceInputs {
  units: readonly Unit[];
  aliases: readonly { alias: string; unitCode: string; kind: string }[];
  boundaries: readonly { unitCode: string; level: string; polygons: Array<Array<[number, number]>> }[];
  urgency: SettingRead<readonly UrgencyRule[]>;
  /** null value: the defaults derived from the category tree. */
  routing: SettingRead<readonly RoutingRule[] | null>;
  /** null value: `defaultCatalogue`. */
  catalogue: SettingRead<readonly DispatchEntry[] | null>;
  defaultCatalogue: readonly DispatchEntry[];
  duplicates: DuplicateSettings;
  /** Active categories. */
  categories: readonly (NamedCategory & { level: number })[];
}

const PLACE_CLASSES = new Set<Unit['class']>(['district', 'street', 'community']);
const isAliasKind = (k: string): k is AliasKind => (ALIAS_KINDS as readonly string[]).includes(k);
const isPlaceLevel = (l: string): l is PlaceLevel => (PLACE_LEVELS as readonly string[]).includes(l);

export function buildIntakeReference(i: IntakeReferenceInputs): IntakeReference {
  const codeOfPath = categoryPathResolver(i.categories);
  const entries = i.catalogue.value ?? i.defaultCatalogue;
  // An alias whose unit was since switched off (or of an unknown kind) is left out rather than failing the whole gazetteer.
  const places = new Set(i.units.filter((u) => u.isActive && PLACE_CLASSES.has(u.class)).map((u) => u.code));
  const aliases: GazetteerAlias[] = [];
  for (const a of i.aliases) if (places.has(a.unitCode) && isAliasKind(a.kind)) aliases.push({ alias: a.alias, unitCode: a.unitCode, kind: a.kind });
  const boundaries = i.boundaries.flatMap((b) => (isPlaceLevel(b.level) ? [{ unitCode: b.unitCode, level: b.level, polygons: b.polygons }] : []));
  return {
    lookup: createUnitLookup(i.units),
    gazetteer: buildGazetteer(i.units, aliases),
    boundaries: boundaries.length === 0 ? null : prepareBoundaries(boundaries),
    urgencyRules: i.urgency.value,
    urgencySource: i.urgency.isDefault ? 'default' : 'administrator',
    routingRules: i.routing.value ?? defaultRoutingRules(i.categories),
    routingSource: i.routing.isDefault ? 'default' : 'administrator',
    catalogue: entries,
    catalogueSource: i.catalogue.isDefault ? 'default' : 'administrator',
    catalogueRules: catalogueRoutingRules(entries, codeOfPath),
    codeOfPath,
    duplicates: i.duplicates,
    categoryNames: new Map(i.categories.map((c) => [c.code, c.name])),
    level1CodeByName: new Map(i.categories.filter((c) => c.level === 1).map((c) => [c.name, c.code])),
  };
}

/** BM25 statistics of a knowledge base: article count, mean length, document frequency per word. */
export interface KnowledgeStats {
  n: number;
  meanLength: number;
  df: ReadonlyMap<string, number>;
}

export function knowledgeStats(articles: readonly { tokens: readonly string[] }[]): KnowledgeStats {
  const df = new Map<string, number>();
  let total = 0;
  for (const a of articles) {
    total += a.tokens.length;
    for (const t of new Set(a.tokens)) df.set(t, (df.get(t) ?? 0) + 1);
  }
  return { n: articles.length, meanLength: articles.length ? total / articles.length : 0, df };
}
