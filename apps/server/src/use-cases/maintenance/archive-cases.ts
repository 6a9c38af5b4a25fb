// Moves the history and stopped clocks of cases closed more than `afterDays` ago into
// case_archive (repositories/case-archive.ts), batch by batch, then compacts the history
// partitions of months that are now mostly dead rows (their month no longer takes new cases,
// so the freed space would otherwise never be reused). Run daily by jobs/case-archiver.ts and by
// `jiesu archive`; idempotent, and safe beside live traffic (locked cases are left for the next pass).
import type { AppContext } from '../../context';
import { monthPartitionName } from '../../repositories/partition.repository';

const DAY_MS = 86_400_000;

export interface ArchiveReport {
  closedBefore: string;
  archived: number;
  historyRows: number;
  clockRows: number;
  compacted: string[];
  ms: number;
}

export async function archiveFinishedCases(ctx: AppContext, o: { afterDays?: number; batch?: number; compact?: boolean } = {}): Promise<ArchiveReport> {
  const started = Date.now();
  const afterDays = o.afterDays ?? ctx.config.archiveAfterDays;
  const closedBefore = new Date(ctx.now().getTime() - afterDays * DAY_MS);
  const report: ArchiveReport = { closedBefore: closedBefore.toISOString(), archived: 0, historyRows: 0, clockRows: 0, compacted: [], ms: 0 };
  if (afterDays <= 0) return report;
  const batch = o.batch ?? 500;
  const months = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const b = await ctx.repos.caseArchive.archiveBatch({ closedBefore, afterCaseId: after, limit: batch });
    report.archived += b.archived;
    report.historyRows += b.historyRows;
    report.clockRows += b.clockRows;
    for (const m of b.months) months.add(m);
    if (b.scanned < batch || b.lastCaseId === null) break;
    after = b.lastCaseId;
  }
  if (o.compact ?? true) {
    const partitions = (await ctx.repos.partitions.list('case_history')).map((p) => p.name);
    const candidates = [...months].map((m) => monthPartitionName('case_history', new Date(`${m}-01T00:00:00Z`)));
    for (const name of [...candidates, 'case_history_default']) {
      if (!partitions.includes(name) || report.compacted.includes(name)) continue;
      const t = await ctx.repos.partitions.tuples(name);
      if (t && t.dead > t.live) {
        await ctx.repos.partitions.compact(name);
        report.compacted.push(name);
      }
    }
  }
  report.ms = Date.now() - started;
  return report;
}
