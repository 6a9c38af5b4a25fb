// Builds the AppContext from configuration: opens the database, runs migrations, wires repositories.
import type { Config } from './config';
import type { AppContext } from './context';
import { type DatabaseHandle, openDatabase } from './db/client';
import { migrateToLatest } from './db/migrate';
import { ensurePartitions } from './use-cases/maintenance/ensure-partitions';
import { createRepositories } from './repositories';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderAttachmentStorage } from './adapters/attachment-storage';
import { CalendarService } from './caches/calendar-cache';
import { SessionCache } from './caches/session-cache';
import { CaseNumberAllocator } from './services/case-number-allocator';
import { CasePolicyService } from './caches/case-policy-cache';
import { UnitDirectory } from './caches/unit-directory';
import { IntakeCache } from './caches/intake-cache';
import { LiveRankingsCache } from './caches/live-rankings-cache';
import { HotspotIndexService } from './services/hotspot-index.service';
import { SettingsStore } from './settings/settings-store';

export interface Runtime {
  ctx: AppContext;
  database: DatabaseHandle;
  migrationsApplied: string[];
  /** Set when creating the coming months' partitions at boot failed (the default partitions take the rows meanwhile). */
  partitionError: Error | null;
  close(): Promise<void>;
}

/** `pgliteDataDir` (in memory only): start from this PGlite data folder tarball, e.g. a migrated test template. */
export async function createRuntime(config: Config, opts: { inMemory?: boolean; now?: () => Date; pgliteDataDir?: Blob } = {}): Promise<Runtime> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: opts.inMemory ? null : config.dataDir,
    poolSize: config.databasePoolSize,
    ...(opts.pgliteDataDir ? { loadDataDir: opts.pgliteDataDir } : {}),
  });
  const migrationsApplied = await migrateToLatest(database.db);
  const repos = createRepositories(database.db);
  // The one place that picks the pool dashboards and rankings read from (docs/scaling.md, Read replica).
  const replica = config.databaseReadUrl ? await openDatabase({ databaseUrl: config.databaseReadUrl, dataDir: null, poolSize: config.databasePoolSize }) : null;
  const reads = replica ? createRepositories(replica.db) : repos;
  const settings = new SettingsStore(database.db, repos);
  const cacheTtlMs = config.cacheTtlSeconds * 1000;
  const ctx: AppContext = {
    config,
    db: database.db,
    repos,
    reads,
    settings,
    calendar: new CalendarService(config.timeZone, repos.holidaySchedules, cacheTtlMs),
    intake: new IntakeCache(repos, settings),
    attachments: new FolderAttachmentStorage(opts.inMemory ? mkdtempSync(join(tmpdir(), 'jiesu-files-')) : join(config.dataDir, 'attachments')),
    unitDirectory: new UnitDirectory(repos.units, cacheTtlMs),
    caseNumbers: new CaseNumberAllocator(repos.cases),
    sessions: new SessionCache(),
    casePolicy: new CasePolicyService(settings, config.timeZone, cacheTtlMs),
    liveRankings: new LiveRankingsCache(cacheTtlMs),
    now: opts.now ?? (() => new Date()),
    hotspots: new HotspotIndexService(repos, async () => (await repos.hotspots.rootUnit())?.code ?? null),
  };
  // This month's and the next months' partitions (migrations 0033–0034); a failure here loses
  // nothing (rows go to the default partition) and is reported by the caller, not fatal.
  let partitionError: Error | null = null;
  try {
    await ensurePartitions(ctx);
  } catch (e) {
    partitionError = e instanceof Error ? e : new Error(String(e));
  }
  const close = async () => {
    // Member rows matched at intake are written behind: store them before the database goes.
    await ctx.hotspots.close();
    await replica?.close();
    await database.close();
  };
  return { ctx, database, migrationsApplied, partitionError, close };
}
