// The SQL of archiving finished cases (format and readers: case-archive.ts). One pass walks the
// live history of cases received before the cut-off in case-id order, a batch at a time; each
// batch locks the cases it takes (skipping any another transaction holds), packs their live
// history, stopped clocks and state document together with what an earlier pass archived, writes
// one archive row per case, deletes the live rows it packed and leaves the stub in the row's
// `state`, in one transaction.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import {
  ARCHIVED_MARK,
  ARCHIVED_STUB,
  type ArchivedClockRow,
  type ArchivedHistoryRow,
  isArchivedStub,
  mergeClocks,
  mergeHistory,
  packArchive,
  unpackArchive,
} from './case-archive';

type Db = Kysely<Database>;

export interface ArchiveBatch {
  /** distinct cases with live history looked at (the batch is the last when fewer than asked) */
  scanned: number;
  /** the last case id looked at: where the next batch starts */
  lastCaseId: string | null;
  archived: number;
  historyRows: number;
  clockRows: number;
  /** months (yyyy-mm of receipt) whose history partition lost rows */
  months: string[];
}

export class CaseArchiveRepository {
  constructor(private readonly db: Db) {}

  async archiveBatch(o: { closedBefore: Date; afterCaseId: string | null; limit: number }): Promise<ArchiveBatch> {
    return this.db.transaction().execute(async (trx) => {
      const { rows: scan } = await sql<{ case_id: string }>`
        select distinct case_id from case_history
        where case_received_at < ${o.closedBefore} and case_id > ${o.afterCaseId ?? '00000000-0000-0000-0000-000000000000'}
        order by case_id limit ${o.limit}`.execute(trx);
      const ids = scan.map((r) => r.case_id);
      const none: ArchiveBatch = { scanned: ids.length, lastCaseId: ids[ids.length - 1] ?? null, archived: 0, historyRows: 0, clockRows: 0, months: [] };
      if (ids.length === 0) return none;
      const { rows: picked } = await sql<{ id: string; received_at: Date; closed_at: Date; state: Record<string, unknown> }>`
        select id, received_at, closed_at, state from cases
        where id in (${sql.join(ids)}) and closed_at is not null and closed_at < ${o.closedBefore}
        order by id for update skip locked`.execute(trx);
      if (picked.length === 0) return none;
      const pickedIds = picked.map((p) => p.id);
      // Matched on the case's own receipt time in SQL (a JS Date would drop its microseconds).
      const ofPicked = (ids: string[]) => sql<boolean>`(case_id, case_received_at) in (select id, received_at from cases where id in (${sql.join(ids)}))`;
      const history = await trx.selectFrom('case_history').selectAll().where(ofPicked(pickedIds)).orderBy('case_id').orderBy('seq').execute();
      const clocks = await trx.selectFrom('case_clocks').selectAll().where('case_id', 'in', pickedIds).where('status', '<>', 'running').execute();
      const earlier = await trx.selectFrom('case_archive').select(['case_id', 'packed']).where('case_id', 'in', pickedIds).execute();
      const byCase = <T extends { case_id: string }>(rows: T[]) => {
        const m = new Map<string, T[]>();
        for (const r of rows) m.set(r.case_id, [...(m.get(r.case_id) ?? []), r]);
        return m;
      };
      const liveHistory = byCase(history);
      const liveClocks = byCase(clocks);
      const before = new Map(earlier.map((e) => [e.case_id, unpackArchive(e.packed)]));
      const rows = [];
      const months = new Set<string>();
      for (const p of picked) {
        const prior = before.get(p.id);
        const h: ArchivedHistoryRow[] = mergeHistory(
          (liveHistory.get(p.id) ?? []).map(({ case_id: _c, case_received_at: _r, ...rest }) => rest),
          prior?.history ?? [],
        );
        const k: ArchivedClockRow[] = mergeClocks(
          (liveClocks.get(p.id) ?? []).map(({ case_id: _c, ...rest }) => rest),
          prior?.clocks ?? [],
        );
        // The row's document unless the row keeps the stub of an earlier pass (then that pass's).
        const document = isArchivedStub(p.state) ? (prior?.document ?? null) : p.state;
        const first = h[0];
        const last = h[h.length - 1];
        if (!first || !last || document === null) continue;
        if ((liveHistory.get(p.id) ?? []).length > 0) months.add(p.received_at.toISOString().slice(0, 7));
        rows.push({ case_id: p.id, closed_at: p.closed_at, first_at: first.at, last_at: last.at, last_seq: last.seq, packed: packArchive({ history: h, clocks: k, document }) });
      }
      if (rows.length === 0) return none;
      await trx
        .insertInto('case_archive')
        .values(rows)
        .onConflict((oc) =>
          oc.column('case_id').doUpdateSet((eb) => ({
            closed_at: eb.ref('excluded.closed_at'),
            first_at: eb.ref('excluded.first_at'),
            last_at: eb.ref('excluded.last_at'),
            last_seq: eb.ref('excluded.last_seq'),
            packed: eb.ref('excluded.packed'),
            archived_at: sql`now()`,
          })),
        )
        .execute();
      const archivedIds = rows.map((r) => r.case_id);
      // The cases are locked: no live row can have been added since the read.
      const deletedHistory = await trx.deleteFrom('case_history').where(ofPicked(archivedIds)).executeTakeFirst();
      const deletedClocks = await trx.deleteFrom('case_clocks').where('case_id', 'in', archivedIds).where('status', '<>', 'running').executeTakeFirst();
      // Not a change of the case: its version and updated_at stay.
      await trx
        .updateTable('cases')
        .set({ state: JSON.stringify(ARCHIVED_STUB) })
        .where('id', 'in', archivedIds)
        .where(sql<boolean>`not (state ? ${ARCHIVED_MARK})`)
        .execute();
      return {
        ...none,
        archived: rows.length,
        historyRows: Number(deletedHistory.numDeletedRows),
        clockRows: Number(deletedClocks.numDeletedRows),
        months: [...months].sort(),
      };
    });
  }
}
