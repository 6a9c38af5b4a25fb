// Versioned migrations, run at start-up. The list is static (imported modules), so migrations
// work the same from source, from a bundle and in tests.
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database } from './schema';
import * as m0001 from './migrations/0001-foundation';
import * as m0002 from './migrations/0002-cases';
import * as m0003 from './migrations/0003-scoring';
import * as m0004 from './migrations/0004-open311';
import * as m0005 from './migrations/0005-intake';
import * as m0006 from './migrations/0006-case-policy';
import * as m0007 from './migrations/0007-work-items';
import * as m0008 from './migrations/0008-settings';
import * as m0010 from './migrations/0010-hotspots';
import * as m0011 from './migrations/0011-proactive';
import * as m0012 from './migrations/0012-deliberation';
import * as m0013 from './migrations/0013-hardening';
import * as m0014 from './migrations/0014-scale';
import * as m0015 from './migrations/0015-scoring-rules';
import * as m0016 from './migrations/0016-console';
import * as m0017 from './migrations/0017-job-leases';
import * as m0019 from './migrations/0019-slim-state';
import * as m0020 from './migrations/0020-repeat-calls';
import * as m0021 from './migrations/0021-hotspot-members';
import * as m0024 from './migrations/0024-ranking-stamp';
import * as m0031 from './migrations/0031-lean-state';
import * as m0033 from './migrations/0033-history-partitions';
import * as m0034 from './migrations/0034-audit-partitions';
import * as m0036 from './migrations/0036-case-mining';
import * as m0037 from './migrations/0037-case-archive';
import * as m0038 from './migrations/0038-archive-documents';
import * as m0039 from './migrations/0039-score-tallies';
import * as m0040 from './migrations/0040-overdue-board-index';
import * as m0041 from './migrations/0041-scope-search-index';

const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-cases': m0002,
  '0003-scoring': m0003,
  '0004-open311': m0004,
  '0005-intake': m0005,
  '0006-case-policy': m0006,
  '0007-work-items': m0007,
  '0008-settings': m0008,
  '0010-hotspots': m0010,
  '0011-proactive': m0011,
  '0012-deliberation': m0012,
  '0013-hardening': m0013,
  '0014-scale': m0014,
  '0015-scoring-rules': m0015,
  '0016-console': m0016,
  '0017-job-leases': m0017,
  '0019-slim-state': m0019,
  '0020-repeat-calls': m0020,
  '0021-hotspot-members': m0021,
  '0024-ranking-stamp': m0024,
  '0031-lean-state': m0031,
  '0033-history-partitions': m0033,
  '0034-audit-partitions': m0034,
  '0036-case-mining': m0036,
  '0037-case-archive': m0037,
  '0038-archive-documents': m0038,
  '0039-score-tallies': m0039,
  '0040-overdue-board-index': m0040,
  '0041-scope-search-index': m0041,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

/** Every migration, in order: what a fresh database gets. */
export const MIGRATION_NAMES = Object.keys(MIGRATIONS);

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Up (or down) to the named migration: for tests of a migration's data moves. */
export async function migrateTo(db: Kysely<Database>, name: string): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
