// What intake suggestions read on every call, loaded once and held in memory: the intake reference
// (assembled by the core's buildIntakeReference from units, aliases, boundaries, rules, categories),
// the active category model, the knowledge base with its statistics, duty lists and each street's
// recent open cases. Administrator edits call reload*(); edits made elsewhere to units or
// categories are noticed by a cheap signature check at most every `checkEveryMs`.
import {
  buildIntakeReference,
  DISPATCH_CATALOGUE_SETTING,
  DUPLICATE_SETTINGS_SETTING,
  type IntakeReference,
  type KnowledgeStats,
  knowledgeStats,
  ROUTING_RULES_SETTING,
  URGENCY_RULES_SETTING,
} from '@jiesu/core';
import { type CategoryModel, loadModel } from '@jiesu/nlp';
import { DEFAULT_DISPATCH_CATALOGUE } from '@jiesu/reference';
import type { CategoryRepository } from '../repositories/category.repository';
import type { IntakeRepository } from '../repositories/intake.repository';
import type { CaseRepository } from '../repositories/case.repository';
import type { RecentCase } from '../repositories/intake.repository';
import type { ArticleCandidate, KnowledgeRepository } from '../repositories/knowledge.repository';
import type { SettingsStore } from '../settings/settings-store';

export type { IntakeReference, KnowledgeStats, RuleSource } from '@jiesu/core';

export interface LoadedModel {
  id: number;
  createdAt: Date;
  model: CategoryModel;
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

export class IntakeCache {
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
        return { articles, stats: knowledgeStats(articles) };
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
    return buildIntakeReference({
      units,
      aliases: aliasRows,
      boundaries: boundaryRows,
      urgency,
      routing,
      catalogue,
      defaultCatalogue: DEFAULT_DISPATCH_CATALOGUE,
      duplicates,
      categories,
    });
  }

  private async loadModel(): Promise<LoadedModel | null> {
    const row = await this.repos.intake.activeModel();
    if (row === null) return null;
    return { id: row.id, createdAt: row.createdAt, model: loadModel(row.artifact) };
  }
}
