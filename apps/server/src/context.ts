// What every use case receives: the database, repositories, configuration, the calendar and a
// clock. Built once at start (see app-context.ts); tests build their own with a fixed clock.
import type { Kysely } from 'kysely';
import type { Config } from './config';
import type { Database } from './db/schema';
import type { Repositories } from './repositories';
import type { AttachmentStorage } from './adapters/attachment-storage';
import type { CaseNumberAllocator } from './services/case-number-allocator';
import type { CasePolicyService } from './caches/case-policy-cache';
import type { CalendarService } from './caches/calendar-cache';
import type { SessionCache } from './caches/session-cache';
import type { UnitDirectory } from './caches/unit-directory';
import type { IntakeCache } from './caches/intake-cache';
import type { LiveRankingsCache } from './caches/live-rankings-cache';
import type { HotspotIndexService } from './services/hotspot-index.service';
import type { SettingsStore } from './settings/settings-store';

export interface AppContext {
  config: Config;
  db: Kysely<Database>;
  repos: Repositories;
  /**
   * Repositories for screens that may show data a moment old — dashboards and rankings: on the read
   * replica (JIESU_DATABASE_READ_URL) when one is configured, else the same as `repos`. Never for
   * anything that writes, or that reads what it is about to write (publishing reads the primary).
   */
  reads: Repositories;
  /** Every administrator-edited value, by its core definition: get(def, trx?), set(def, value, actor, trx?). */
  settings: SettingsStore;
  calendar: CalendarService;
  /** Cached gazetteer, rules and category model for intake suggestions. */
  intake: IntakeCache;
  attachments: AttachmentStorage;
  /** Cached unit lookups for hot paths; cleared when this process changes a unit. */
  unitDirectory: UnitDirectory;
  caseNumbers: CaseNumberAllocator;
  /** Who is behind a session token, remembered for a few seconds. */
  sessions: SessionCache;
  /** Clocks, reminders, extensions, evidence and attachment limits: defaults overlaid with the administrator's. */
  casePolicy: CasePolicyService;
  /** Each period's live rankings, shared by the rankings screen and the unit score pages (caches/live-rankings-cache.ts). */
  liveRankings: LiveRankingsCache;
  /** Live hotspot groups and topic problems that intake attaches new cases to (每月一题). */
  hotspots: HotspotIndexService;
  /** The current instant; injectable so tests can move time. */
  now(): Date;
}
