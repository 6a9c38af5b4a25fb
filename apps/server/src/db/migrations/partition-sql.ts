// For migrations 0033 and 0034 (frozen with them): a month-partitioned table's first partitions —
// one per calendar month (UTC) from the month of `first` (or the current month) through three
// months ahead (at most 36 months back) — and its `default` partition. Later months are created by the running server
// (repositories/partition.repository.ts), which follows the same naming: <table>_yYYYYmMM.
import { type Kysely, sql } from 'kysely';

export async function createMonthlyPartitions(db: Kysely<unknown>, table: string, first: Date | null): Promise<void> {
  const now = new Date();
  // At most 36 months back: anything older goes to the default partition (and the server's
  // maintenance never creates months before the oldest it finds, so nothing is lost).
  const floor = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 36, 1));
  const start = first && first < now ? (first < floor ? floor : first) : now;
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth();
  const lastY = now.getUTCFullYear() + Math.floor((now.getUTCMonth() + 3) / 12);
  const lastM = (now.getUTCMonth() + 3) % 12;
  while (y < lastY || (y === lastY && m <= lastM)) {
    const from = new Date(Date.UTC(y, m, 1));
    const to = new Date(Date.UTC(y, m + 1, 1));
    const name = `${table}_y${y}m${String(m + 1).padStart(2, '0')}`;
    await sql`create table ${sql.table(name)} partition of ${sql.table(table)} for values from (${sql.lit(from.toISOString())}) to (${sql.lit(to.toISOString())})`.execute(db);
    m += 1;
    if (m === 12) {
      m = 0;
      y += 1;
    }
  }
  await sql`create table ${sql.table(`${table}_default`)} partition of ${sql.table(table)} default`.execute(db);
}
