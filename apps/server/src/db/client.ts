// Opens the one database jiesu runs on: embedded PGlite in the data folder by default, or a
// PostgreSQL server when DATABASE_URL is set. Both go through Kysely's PostgresDialect and are
// configured to return the same JS types (int8/numeric as numbers, dates as 'YYYY-MM-DD').
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGlitePool } from './pglite-pool';
import type { Database } from './schema';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** PGlite only: the whole data folder as a tarball (what `OpenDatabaseOptions.loadDataDir` takes). */
  dumpDataDir?(): Promise<Blob>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

export interface OpenDatabaseOptions {
  databaseUrl: string | null;
  /** Folder for PGlite's files; null keeps it in memory (tests). */
  dataDir: string | null;
  poolSize?: number;
  /** PGlite in memory only: start from this data folder (a `dumpDataDir()` tarball) instead of an empty database. */
  loadDataDir?: Blob;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
          if (oid === DATE) return (v: string) => v;
          return pg.types.getTypeParser(oid, format);
        }) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection the server drops (restart, failover) must not crash the process: the
    // pool discards it and opens a new one on the next query.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL idle connection error: ${err.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  let dataDir: string | undefined;
  let unlock = () => {};
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    dataDir = join(options.dataDir, 'pglite');
    unlock = lockDataDir(options.dataDir);
  }
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(!dataDir && options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    // Trigram indexes for case numbers and addresses (migration 0014).
    extensions: { pg_trgm },
    parsers: { [INT8]: (v: string) => Number(v), [NUMERIC]: (v: string) => Number(v), [DATE]: (v: string) => v },
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new PGlitePool(pglite) }) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      unlock();
    },
    dumpDataDir: () => pglite.dumpDataDir('none'),
  };
}

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it.
 * A lock file names the owner; a live owner makes the second process stop with a clear message,
 * a dead one (a crash) is taken over.
 */
function lockDataDir(dir: string): () => void {
  const file = join(dir, 'pglite.lock');
  try {
    const owner = Number(readFileSync(file, 'utf8'));
    if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
      throw new Error(`The embedded database in ${dir} is in use by process ${owner} (jiesu serve?). Stop it first, or point both at a PostgreSQL server with DATABASE_URL.`);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
