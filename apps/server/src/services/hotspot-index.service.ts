// What intake needs to keep hotspot groups and topic problems current without recomputing: the
// latest city-wide run's group signatures (an inverted index, in memory) and the running topics'
// problem signatures. A case just taken in is matched in memory and, when it belongs, becomes a
// member row (and one auto-link per matching problem). Reloaded when this process computes a run
// or starts a topic, and otherwise when the stored latest run or topics change (checked at most
// every few seconds), so several processes converge.
//
// Member rows are written behind: intake does not wait for them. They go out at once, in one
// statement for all rows waiting (under a burst of intakes, one statement for many), and this
// process's hotspot reads wait for them first (`settled`), so what it shows is current. The case
// itself is stored before it is matched; a member row lost with a crashing process (or a failed
// write) is written again when the index is next loaded: the cases taken in since the run are
// matched again, and a row already there is left as it is (so no case is counted twice).
import { type GroupSignature, GroupAttacher, signatureSimilarity, type TermWeights } from '@jiesu/core';
import { caseTokens } from '../intake/text-tokens';
import type { CategoryRepository } from '../repositories/category.repository';
import type { HotspotRepository, StoredTermWeights } from '../repositories/hotspot.repository';
import type { TopicRepository } from '../repositories/topic.repository';

const CHECK_EVERY_MS = 10_000;
/** Member rows per statement. */
const WRITE_BATCH = 500;
/**
 * A batch whose write failed is written again after these waits (then left to the next index
 * load's catch-up): a database that was away for a moment loses no count until the next load.
 */
export const MEMBER_RETRY_AFTER_MS: readonly number[] = [1_000, 5_000, 30_000];
/** Cases matched again at a load, newest first (a run older than that many cases is due anyway). */
const CATCH_UP_LIMIT = 50_000;

export interface IntakenCase {
  caseId: string;
  categoryCode: string;
  tokens: readonly string[];
}

export interface AttachResult {
  groupId: string | null;
  similarity: number | null;
  problemIds: string[];
}

interface ProblemMatcher {
  id: string;
  block: string | null;
  signature: GroupSignature;
  weights: TermWeights;
  threshold: number;
}

interface MemberRow {
  groupId: string;
  caseId: string;
  similarity: number;
}

interface Loaded {
  runId: string | null;
  topicsSignature: string;
  attacher: GroupAttacher<string> | null;
  problems: ProblemMatcher[];
  blockOf: ReadonlyMap<string, string>;
}

export function toTermWeights(stored: StoredTermWeights): TermWeights {
  return { docCount: stored.docCount, idf: new Map(Object.entries(stored.idf)) };
}

/** Level-1 category of every category code (the block texts are grouped within), from the stored tree. */
export function level1Map(categories: readonly { code: string; parentCode: string | null }[]): Map<string, string> {
  const parent = new Map(categories.map((c) => [c.code, c.parentCode]));
  const out = new Map<string, string>();
  for (const c of categories) {
    let code = c.code;
    for (let guard = 0; guard < 10; guard++) {
      const p = parent.get(code);
      if (p === null || p === undefined) break;
      code = p;
    }
    out.set(c.code, code);
  }
  return out;
}

export class HotspotIndexService {
  private loaded: Promise<Loaded> | null = null;
  private places: Promise<ReadonlySet<string>> | null = null;
  private checkedAt = 0;
  private isChecking = false;
  /** Failures of the after-intake hook (the case itself is stored; the next load or run includes it). */
  failures = 0;
  private pending: MemberRow[] = [];
  private writing: Promise<void> | null = null;
  private catchingUp: Promise<void> = Promise.resolve();
  /** Rows whose write failed, waiting for their next attempt; attempts made so far per row. */
  private failed: MemberRow[] = [];
  private readonly attempts = new WeakMap<MemberRow, number>();
  private retryTimer: NodeJS.Timeout | null = null;
  private isClosed = false;

  constructor(
    private readonly repos: { hotspots: HotspotRepository; topics: TopicRepository; categories: CategoryRepository },
    private readonly rootUnitCode: () => Promise<string | null>,
    private readonly retryAfterMs: readonly number[] = MEMBER_RETRY_AFTER_MS,
  ) {}

  /** Forget the loaded index (after a computation or a topic change in this process). */
  reload(): void {
    this.loaded = null;
  }

  /**
   * Words of the division names (districts, streets, communities): they say where, not what, so
   * they link no two cases (see fitTermWeights). Segmented like case text; cached per process.
   */
  async placeWords(): Promise<ReadonlySet<string>> {
    this.places ??= this.repos.hotspots.placeNames().then(
      (names) => new Set(names.flatMap((n) => caseTokens(n, ''))),
      (e: unknown) => {
        this.places = null;
        throw e;
      },
    );
    return this.places;
  }

  async blockOf(categoryCode: string): Promise<string | null> {
    return (await this.current()).blockOf.get(categoryCode) ?? null;
  }

  /** Matches one case against the live groups and the running problems, and records what matched. */
  async attach(c: IntakenCase, linkedBy: string, at: Date): Promise<AttachResult> {
    const idx = await this.current();
    const block = idx.blockOf.get(c.categoryCode) ?? null;
    const result: AttachResult = { groupId: null, similarity: null, problemIds: [] };
    const m = idx.attacher?.attach(c.tokens, block) ?? null;
    if (m !== null) {
      this.write({ groupId: m.key, caseId: c.caseId, similarity: m.similarity });
      result.groupId = m.key;
      result.similarity = m.similarity;
    }
    for (const p of idx.problems) {
      if (p.block !== null && p.block !== block) continue;
      const sim = signatureSimilarity(c.tokens, p.signature, p.weights);
      if (sim >= p.threshold) {
        await this.repos.topics.linkCase({ problemId: p.id, caseId: c.caseId, linkKind: 'auto', similarity: sim, linkedBy, linkedAt: at });
        result.problemIds.push(p.id);
      }
    }
    return result;
  }

  /** Resolves when every member row matched so far in this process is stored (or its write failed). */
  async settled(): Promise<void> {
    await this.catchingUp;
    while (this.writing !== null) await this.writing;
  }

  /** Before the database goes: rows waiting for a retry get one last attempt now, then no more. */
  async close(): Promise<void> {
    this.isClosed = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.pending.push(...this.failed.splice(0));
    // (writeAll with nothing to write finishes before it returns: started only with rows.)
    if (this.pending.length > 0) this.writing ??= this.writeAll();
    await this.settled();
  }

  private write(row: MemberRow): void {
    this.pending.push(row);
    this.writing ??= this.writeAll();
  }

  private async writeAll(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, WRITE_BATCH);
        try {
          await this.repos.hotspots.attachMembers(batch);
        } catch {
          this.failures += batch.length;
          this.retryLater(batch);
        }
      }
    } finally {
      this.writing = null;
    }
  }

  /**
   * A failed batch is written again after a wait (a row already stored is not counted twice: see
   * attachMembers); after the last attempt it is left to the next index load (see catchUp).
   */
  private retryLater(rows: readonly MemberRow[]): void {
    if (this.isClosed) return;
    for (const r of rows) {
      const n = this.attempts.get(r) ?? 0;
      if (n >= this.retryAfterMs.length) continue;
      this.attempts.set(r, n + 1);
      this.failed.push(r);
    }
    if (this.failed.length === 0 || this.retryTimer !== null) return;
    const first = this.failed[0] as MemberRow;
    const wait = this.retryAfterMs[(this.attempts.get(first) ?? 1) - 1] ?? 0;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.pending.push(...this.failed.splice(0));
      if (this.pending.length > 0) this.writing ??= this.writeAll();
    }, wait);
    // A process that is done anyway does not stay up for a retry (close writes the rows once more).
    this.retryTimer.unref();
  }

  /**
   * Matches again the cases taken in since the run was computed that have no member row of it
   * (lost with a process or a failed write; a case that matched no group is matched again, in
   * vain). In the background: attaching never waits for it.
   */
  private catchUp(attacher: GroupAttacher<string>, run: { id: string; computedAt: Date }, blockOf: ReadonlyMap<string, string>): void {
    this.catchingUp = this.repos.hotspots
      .casesToAttachSince(run.id, run.computedAt, CATCH_UP_LIMIT)
      .then((cases) => {
        for (const c of cases) {
          const m = attacher.attach(c.tokens, blockOf.get(c.categoryCode) ?? null);
          if (m !== null) this.write({ groupId: m.key, caseId: c.caseId, similarity: m.similarity });
        }
      })
      .catch(() => {
        this.failures++;
      });
  }

  /**
   * The loaded index. Whether the stored latest run or topics changed is checked in the background
   * (at most every few seconds), so attaching a case never waits for that check: it uses the index
   * it has, and the next case the fresh one.
   */
  private async current(): Promise<Loaded> {
    if (this.loaded !== null && !this.isChecking && Date.now() - this.checkedAt > CHECK_EVERY_MS) {
      this.checkedAt = Date.now();
      this.isChecking = true;
      const loaded = this.loaded;
      void this.isStale(loaded)
        .then((stale) => {
          if (stale && this.loaded === loaded) this.loaded = null;
        })
        .catch(() => {
          this.failures++;
        })
        .finally(() => {
          this.isChecking = false;
        });
    }
    this.loaded ??= this.load().catch((e: unknown) => {
      this.loaded = null;
      throw e;
    });
    return this.loaded;
  }

  private async isStale(loaded: Promise<Loaded>): Promise<boolean> {
    const l = await loaded;
    const root = await this.rootUnitCode();
    const latest = root === null ? null : await this.repos.hotspots.latestRun(root);
    return (latest?.id ?? null) !== l.runId || (await this.repos.topics.runningSignature()) !== l.topicsSignature;
  }

  private async load(): Promise<Loaded> {
    this.checkedAt = Date.now();
    const root = await this.rootUnitCode();
    const run = root === null ? null : await this.repos.hotspots.latestRun(root);
    let attacher: GroupAttacher<string> | null = null;
    if (run !== null) {
      const tw = await this.repos.hotspots.termWeights(run.id);
      const groups = await this.repos.hotspots.signatures(run.id);
      if (tw !== null)
        attacher = new GroupAttacher(
          toTermWeights(tw),
          groups.map((g) => ({ key: g.id, block: g.block, signature: g.signature, size: g.size })),
          optionsOf(run.options),
        );
    }
    const problems = (await this.repos.topics.runningProblemSignatures()).map((p) => ({ ...p, weights: toTermWeights(p.termWeights) }));
    const blockOf = level1Map(await this.repos.categories.listAll({ includeInactive: true }));
    if (attacher !== null && run !== null) this.catchUp(attacher, run, blockOf);
    return { runId: run?.id ?? null, topicsSignature: await this.repos.topics.runningSignature(), attacher, problems, blockOf };
  }
}

function optionsOf(options: Record<string, unknown>) {
  const g = options.grouping;
  return typeof g === 'object' && g !== null ? (g as ConstructorParameters<typeof GroupAttacher<string>>[2]) : undefined;
}
