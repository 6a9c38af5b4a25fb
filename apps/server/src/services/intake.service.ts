// What intake suggestions read on every call, built once and held in memory: the gazetteer and
// unit lookup (from the organisation and administrator aliases), boundaries, urgency and routing
// rules, category names, the active category model and knowledge-base statistics. Administrator
// edits call reload*(); edits made elsewhere to units or categories are noticed by a cheap
// signature check at most every `checkEveryMs`.
import {
  type BoundaryIndex,
  buildGazetteer,
  catalogueRoutingRules,
  type CategoryPathResolver,
  createUnitLookup,
  DISPATCH_CATALOGUE_SETTING,
  type DispatchEntry,
  DUPLICATE_SETTINGS_SETTING,
  type DuplicateSettings,
  type Gazetteer,
  type GazetteerAlias,
  type AliasKind,
  type PlaceLevel,
  prepareBoundaries,
  ROUTING_RULES_SETTING,
  type RoutingRule,
  type Unit,
  type UnitLookup,
  type UrgencyRule,
  URGENCY_RULES_SETTING,
} from '@jiesu/core';
import { type CategoryModel, loadModel } from '@jiesu/nlp';
import { DEFAULT_DISPATCH_CATALOGUE } from '@jiesu/reference';
import { categoryPathResolver, defaultRoutingRules } from '../intake/default-routing-rules';
import type { CategoryRepository } from '../repositories/category.repository';
import type { IntakeRepository } from '../repositories/intake.repository';
import type { CaseRepository } from '../repositories/case.repository';
import type { RecentCase } from '../repositories/intake.repository';
import type { ArticleCandidate, KnowledgeRepository } from '../repositories/knowledge.repository';
import type { SettingsStore } from '../settings/settings-store';

const PLACE_CLASSES = new Set<Unit['class']>(['district', 'street', 'community']);

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

export interface LoadedModel {
  id: number;
  createdAt: Date;
  model: CategoryModel;
}

export interface KnowledgeStats {
  n: number;
  meanLength: number;
  df: ReadonlyMap<string, number>;
}

interface Repos {
  intake: IntakeRepository;
  knowledge: KnowledgeRepository;
  categories: CategoryRepository;
  cases: CaseRepository;
}

/** The knowledge base held in memory with its BM25 statistics. */
export interface KnowledgeBase {
  articles: readonly ArticleCandidate[];
  stats: KnowledgeStats;
}

/**
 * How long data that other processes may change is trusted here: the knowledge base, duty lists
 * and each street's recent open cases. This process's own changes apply at once.
 */
const SHARED_TTL_MS = 10_000;

interface Timed<T> {
  value: Promise<T>;
  at: number;
}

export class IntakeService {
  private ref: Promise<IntakeReference> | null = null;
  private signature = '';
  private checkedAt = 0;
  private loadedModel: Promise<LoadedModel | null> | null = null;
  private kb: Timed<KnowledgeBase> | null = null;
  private readonly dutyLists = new Map<string, Timed<string[] | null>>();
  private readonly recent = new Map<string, Timed<{ since: Date; cases: RecentCase[] }>>();

  constructor(
    private readonly repos: Repos,
    private readonly settings: SettingsStore,
    private readonly checkEveryMs = 30_000,
  ) {}

  async reference(): Promise<IntakeReference> {
    if (this.ref !== null && Date.now() - this.checkedAt > this.checkEveryMs) {
      this.checkedAt = Date.now();
      if ((await this.repos.intake.referenceSignature()) !== this.signature) this.ref = null;
    }
    this.ref ??= this.loadReference().catch((e: unknown) => {
      this.ref = null;
      throw e;
    });
    return this.ref;
  }

  async model(): Promise<LoadedModel | null> {
    this.loadedModel ??= this.loadModel().catch((e: unknown) => {
      this.loadedModel = null;
      throw e;
    });
    return this.loadedModel;
  }

  /** Active articles and their statistics, ranked in memory (a city's knowledge base is thousands, not millions). */
  async knowledgeBase(): Promise<KnowledgeBase> {
    return this.timed(
      () => this.kb,
      (t) => (this.kb = t),
      async () => {
        const articles = await this.repos.knowledge.allActive();
        const df = new Map<string, number>();
        let total = 0;
        for (const a of articles) {
          total += a.tokens.length;
          for (const t of new Set(a.tokens)) df.set(t, (df.get(t) ?? 0) + 1);
        }
        return { articles, stats: { n: articles.length, meanLength: articles.length ? total / articles.length : 0, df } };
      },
    );
  }

  async knowledgeStats(): Promise<KnowledgeStats> {
    return (await this.knowledgeBase()).stats;
  }

  /** A community's duty list (社区职责清单), or null when none is on record. */
  async dutyList(communityCode: string): Promise<string[] | null> {
    return this.timed(
      () => this.dutyLists.get(communityCode) ?? null,
      (t) => this.dutyLists.set(communityCode, t),
      () => this.repos.cases.getDutyList(communityCode),
    );
  }

  /**
   * Open cases of a street received since `since`, for duplicate search. Loaded per street and
   * kept briefly; cases this process takes in are added at once (rememberCase).
   */
  async recentCases(streetCode: string, since: Date): Promise<RecentCase[]> {
    const cached = this.recent.get(streetCode);
    if (cached && Date.now() - cached.at < SHARED_TTL_MS) {
      const loaded = await cached.value;
      if (loaded.since.getTime() <= since.getTime()) return loaded.cases.filter((c) => c.receivedAt.getTime() >= since.getTime());
    }
    const value = this.repos.intake.recentOpenCases(streetCode, since).then((cases) => ({ since, cases }));
    this.recent.set(streetCode, { value, at: Date.now() });
    value.catch(() => this.recent.delete(streetCode));
    return (await value).cases;
  }

  /** A case this process just took in: visible to duplicate search without waiting for a reload. */
  rememberCase(streetCode: string | null, c: RecentCase): void {
    if (streetCode === null) return;
    const cached = this.recent.get(streetCode);
    if (cached)
      void cached.value.then(
        (loaded) => loaded.cases.push(c),
        () => {},
      );
  }

  /** A case this process finished or merged: no longer a duplicate candidate. */
  forgetCase(streetCode: string | null, caseId: string): void {
    if (streetCode === null) return;
    const cached = this.recent.get(streetCode);
    if (!cached) return;
    void cached.value.then(
      (loaded) => {
        const i = loaded.cases.findIndex((c) => c.caseId === caseId);
        if (i >= 0) loaded.cases.splice(i, 1);
      },
      () => {},
    );
  }

  forgetDutyList(communityCode: string): void {
    this.dutyLists.delete(communityCode);
  }

  private async timed<T>(get: () => Timed<T> | null, set: (t: Timed<T>) => void, load: () => Promise<T>): Promise<T> {
    const cached = get();
    if (cached && Date.now() - cached.at < SHARED_TTL_MS) return cached.value;
    const value = load();
    set({ value, at: Date.now() });
    try {
      return await value;
    } catch (e) {
      // A failed load is not cached.
      set({ value: Promise.reject(e), at: 0 });
      throw e;
    }
  }

  /** After an edit of rules, aliases, boundaries or settings. */
  reloadReference(): void {
    this.ref = null;
  }

  reloadModel(): void {
    this.loadedModel = null;
  }

  reloadKnowledge(): void {
    this.kb = null;
  }

  /** Forget what other processes may have changed (tests and administrators' reloads). */
  forgetShared(): void {
    this.kb = null;
    this.dutyLists.clear();
    this.recent.clear();
  }

  private async loadReference(): Promise<IntakeReference> {
    const { intake } = this.repos;
    this.signature = await intake.referenceSignature();
    this.checkedAt = Date.now();
    const [units, aliasRows, boundaryRows, urgency, routing, duplicates, catalogue, categories] = await Promise.all([
      intake.allUnits(),
      intake.listAliases(),
      intake.listBoundaries(),
      this.settings.info(URGENCY_RULES_SETTING),
      this.settings.info(ROUTING_RULES_SETTING),
      this.settings.get(DUPLICATE_SETTINGS_SETTING),
      this.settings.info(DISPATCH_CATALOGUE_SETTING),
      this.repos.categories.listAll({ includeInactive: false }),
    ]);
    const codeOfPath = categoryPathResolver(categories);
    const entries = catalogue.value ?? DEFAULT_DISPATCH_CATALOGUE;
    // An alias whose unit was since switched off is left out rather than failing the whole gazetteer.
    const places = new Set(units.filter((u) => u.isActive && PLACE_CLASSES.has(u.class)).map((u) => u.code));
    const aliases: GazetteerAlias[] = aliasRows.map((a) => ({ alias: a.alias, unitCode: a.unitCode, kind: a.kind as AliasKind }));
    return {
      lookup: createUnitLookup(units),
      gazetteer: buildGazetteer(
        units,
        aliases.filter((a) => places.has(a.unitCode)),
      ),
      boundaries: boundaryRows.length === 0 ? null : prepareBoundaries(boundaryRows.map((b) => ({ unitCode: b.unitCode, level: b.level as PlaceLevel, polygons: b.polygons }))),
      urgencyRules: urgency.value,
      urgencySource: urgency.isDefault ? 'default' : 'administrator',
      routingRules: routing.value ?? defaultRoutingRules(categories),
      routingSource: routing.isDefault ? 'default' : 'administrator',
      catalogue: entries,
      catalogueSource: catalogue.isDefault ? 'default' : 'administrator',
      catalogueRules: catalogueRoutingRules(entries, codeOfPath),
      codeOfPath,
      duplicates,
      categoryNames: new Map(categories.map((c) => [c.code, c.name])),
      level1CodeByName: new Map(categories.filter((c) => c.level === 1).map((c) => [c.name, c.code])),
    };
  }

  private async loadModel(): Promise<LoadedModel | null> {
    const row = await this.repos.intake.activeModel();
    if (row === null) return null;
    return { id: row.id, createdAt: row.createdAt, model: loadModel(row.artifact) };
  }
}
