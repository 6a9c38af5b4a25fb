// All SQL about the month-partitioned tables (case_history by the case's receipt, audit_log by
// `at`; migrations 0033–0034): listing their partitions, creating months ahead, and moving rows
// that landed in the `default` partition (times no month covered yet) into their month. Used at
// boot and by the daily partition job; retention (detach, dump, drop) is an operator's step
// described in docs/scaling.md, not done by the server.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

/** The month-partitioned tables and their partition keys. */
export const MONTHLY_TABLES = [
  { table: 'case_history', key: 'case_received_at' },
  { table: 'audit_log', key: 'at' },
] as const;
export type MonthlyTable = (typeof MONTHLY_TABLES)[number]['table'];

export interface Partition {
  name: string;
  /** null for the default partition */
  from: Date | null;
  to: Date | null;
}

/** `<table>_yYYYYmMM` for the month starting at `from` (UTC). */
export function monthPartitionName(table: MonthlyTable, from: Date): string {
  return `${table}_y${from.getUTCFullYear()}m${String(from.getUTCMonth() + 1).padStart(2, '0')}`;
}

export class PartitionRepository {
  constructor(private readonly db: Db) {}

  /** The table's partitions with their bounds, oldest first, the default partition last. */
  async list(table: MonthlyTable, trx: Db = this.db): Promise<Partition[]> {
    const { rows } = await sql<{ name: string; bound: string }>`
      select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound
      from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
      where p.relname = ${table} and p.relnamespace = 'public'::regnamespace`.execute(trx);
    const parts = rows.map((r) => {
      const m = /FROM \('([^']+)'\) TO \('([^']+)'\)/.exec(r.bound);
      return { name: r.name, from: m?.[1] ? new Date(m[1]) : null, to: m?.[2] ? new Date(m[2]) : null };
    });
    return parts.sort((a, b) => (a.from === null ? 1 : b.from === null ? -1 : a.from.getTime() - b.from.getTime()));
  }

  /**
   * Makes sure the month starting at `from` (UTC) has its partition. Rows of that month already in
   * the default partition are moved into it in the same transaction (PostgreSQL refuses a new
   * partition whose rows sit in the default one). Returns whether a partition was created.
   */
  async ensureMonth(table: MonthlyTable, from: Date, trx: Db = this.db): Promise<boolean> {
    const key = MONTHLY_TABLES.find((t) => t.table === table)?.key ?? 'at';
    const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
    const name = monthPartitionName(table, from);
    return trx.transaction().execute(async (tx) => {
      const exists = await sql<{ n: number }>`select count(*)::int as n from pg_class where relname = ${name} and relnamespace = 'public'::regnamespace`.execute(tx);
      if ((exists.rows[0]?.n ?? 0) > 0) return false;
      const lo = sql.lit(from.toISOString());
      const hi = sql.lit(to.toISOString());
      // Lock the parent first so two processes creating the same month queue up (the second sees it exists).
      await sql`lock table ${sql.table(table)} in share row exclusive mode`.execute(tx);
      const again = await sql<{ n: number }>`select count(*)::int as n from pg_class where relname = ${name} and relnamespace = 'public'::regnamespace`.execute(tx);
      if ((again.rows[0]?.n ?? 0) > 0) return false;
      await sql`create table ${sql.table(name)} (like ${sql.table(table)} including defaults including constraints)`.execute(tx);
      const k = sql.ref(key);
      await sql`
        with moved as (delete from ${sql.table(`${table}_default`)} where ${k} >= ${lo} and ${k} < ${hi} returning *)
        insert into ${sql.table(name)} select * from moved`.execute(tx);
      await sql`alter table ${sql.table(table)} attach partition ${sql.table(name)} for values from (${lo}) to (${hi})`.execute(tx);
      return true;
    });
  }

  /** Rows in the table's default partition (times no monthly partition covers). */
  async defaultRows(table: MonthlyTable, trx: Db = this.db): Promise<number> {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(`${table}_default`)}`.execute(trx);
    return rows[0]?.n ?? 0;
  }

  /** The months (first instants, UTC) that rows in the default partition fall in. */
  async defaultMonths(table: MonthlyTable, trx: Db = this.db): Promise<Date[]> {
    const key = sql.ref(MONTHLY_TABLES.find((t) => t.table === table)?.key ?? 'at');
    const { rows } = await sql<{ m: Date }>`
      select distinct date_trunc('month', ${key} at time zone 'UTC') at time zone 'UTC' as m from ${sql.table(`${table}_default`)} order by 1`.execute(trx);
    return rows.map((r) => new Date(r.m));
  }

  /** Live and dead tuples of one partition, from the statistics (for deciding to compact it). */
  async tuples(partition: string, trx: Db = this.db): Promise<{ live: number; dead: number } | null> {
    const { rows } = await sql<{ live: number; dead: number }>`
      select n_live_tup::int as live, n_dead_tup::int as dead from pg_stat_user_tables where relname = ${partition}`.execute(trx);
    return rows[0] ?? null;
  }

  /**
   * Rewrites one partition without its dead rows (an exclusive lock on that month while it runs):
   * for a past month the archive pass emptied, whose freed space no new row would reuse.
   */
  async compact(partition: string, trx: Db = this.db): Promise<void> {
    const tables = MONTHLY_TABLES.map((t) => t.table).join('|');
    if (!new RegExp(`^(${tables})_(y\\d{4}m\\d{2}|default)$`).test(partition)) throw new Error(`not a monthly partition: ${partition}`);
    await sql`vacuum full ${sql.table(partition)}`.execute(trx);
  }
}
