// Keeps the month-partitioned tables (case_history, audit_log) ready: this month's and the next
// MONTHS_AHEAD months' partitions exist, and rows that fell into a `default` partition (a time
// no month covered: a clock far off, an import of old cases) move into their own month. Run at
// boot and daily (jobs/partition-maintainer.ts); idempotent, and safe in several processes at once.
import type { AppContext } from '../../context';
import { MONTHLY_TABLES, type MonthlyTable } from '../../repositories/partition.repository';

export const MONTHS_AHEAD = 3;

export interface EnsurePartitionsReport {
  created: Array<{ table: MonthlyTable; month: string }>;
}

function monthStart(d: Date, plus = 0): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + plus, 1));
}

export async function ensurePartitions(ctx: AppContext): Promise<EnsurePartitionsReport> {
  const created: EnsurePartitionsReport['created'] = [];
  const now = ctx.now();
  for (const { table } of MONTHLY_TABLES) {
    const months = [...Array.from({ length: MONTHS_AHEAD + 1 }, (_, i) => monthStart(now, i)), ...(await ctx.repos.partitions.defaultMonths(table))];
    const seen = new Set<number>();
    for (const month of months) {
      if (seen.has(month.getTime())) continue;
      seen.add(month.getTime());
      if (await ctx.repos.partitions.ensureMonth(table, month)) created.push({ table, month: month.toISOString().slice(0, 7) });
    }
  }
  return { created };
}
