// All SQL about return visits (回访): the attempts of each case and the visitor's queue of closed
// cases awaiting their visit.
import type { VisitSatisfaction } from '@jiesu/core';
import { type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import { chunks } from './case.repository';
import type { Database, ReturnVisitAttemptsTable } from '../db/schema';
import { inScope } from './case-query.repository';
import { cappedTotal, decodeCursor, encodeCursor } from './keyset';

type Db = Kysely<Database>;

export type VisitAttemptResult = 'reached' | 'no_answer' | 'declined' | 'wrong_number';

export interface VisitAttemptRow {
  caseId: string;
  attemptNo: number;
  at: Date;
  result: VisitAttemptResult;
  isContacted: boolean | null;
  isSolved: boolean | null;
  satisfaction: VisitSatisfaction | null;
  comment: string | null;
  visitor: { userId: string; username: string };
}

function toAttempt(r: Selectable<ReturnVisitAttemptsTable>): VisitAttemptRow {
  return {
    caseId: r.case_id,
    attemptNo: r.attempt_no,
    at: r.at,
    result: r.result as VisitAttemptResult,
    isContacted: r.is_contacted,
    isSolved: r.is_solved,
    satisfaction: r.satisfaction as VisitAttemptRow['satisfaction'],
    comment: r.comment,
    visitor: { userId: r.visitor_user_id, username: r.visitor_username },
  };
}

export interface VisitQueueItem {
  caseId: string;
  caseNumber: string;
  subject: string;
  categoryCode: string;
  closedAt: Date | null;
  attempts: number;
  lastAttemptAt: Date | null;
}

export class ReturnVisitRepository {
  constructor(private readonly db: Db) {}

  async attemptsFor(caseId: string, trx: Db = this.db): Promise<VisitAttemptRow[]> {
    const rows = await trx.selectFrom('return_visit_attempts').selectAll().where('case_id', '=', caseId).orderBy('attempt_no').execute();
    return rows.map(toAttempt);
  }

  async insertAttempt(a: VisitAttemptRow, trx: Db = this.db): Promise<void> {
    await this.insertAttempts([a], trx);
  }

  /** Many attempts in multi-row statements (bulk loading). */
  async insertAttempts(attempts: readonly VisitAttemptRow[], trx: Db = this.db): Promise<void> {
    const rows = attempts.map((a) => ({
      case_id: a.caseId,
      attempt_no: a.attemptNo,
      at: a.at,
      result: a.result,
      is_contacted: a.isContacted,
      is_solved: a.isSolved,
      satisfaction: a.satisfaction,
      comment: a.comment,
      visitor_user_id: a.visitor.userId,
      visitor_username: a.visitor.username,
    }));
    for (const part of chunks(rows, 10)) await trx.insertInto('return_visit_attempts').values(part).execute();
  }

  /** Locks the case row for an attempt that does not change the case itself; null when there is no such case. */
  async lockCaseStatus(caseId: string, trx: Db): Promise<{ status: string; caseNumber: string; unitPaths: string[] } | null> {
    const row = await trx.selectFrom('cases').select(['status', 'case_number', 'unit_paths']).where('id', '=', caseId).forUpdate().executeTakeFirst();
    return row ? { status: row.status, caseNumber: row.case_number, unitPaths: row.unit_paths } : null;
  }

  /**
   * Closed cases in scope still awaiting their visit, oldest closure first, with attempts so far;
   * merged children (并案) only when asked. Keyset pages on (closed_at, id); the total is exact up
   * to EXACT_TOTAL_CAP, estimated beyond.
   */
  async queue(
    scopePath: string,
    page: { limit: number; cursor?: string },
    trx: Db = this.db,
    opts: { withMergedChildren?: boolean } = {},
  ): Promise<{ total: number; totalExact: boolean; nextCursor: string | null; items: VisitQueueItem[] }> {
    let base = trx.selectFrom('cases').where('status', '=', 'closed').where(inScope(scopePath));
    if (opts.withMergedChildren !== true) base = base.where('cases.parent_case_id', 'is', null);
    const totalP = cappedTotal(trx, base);
    let q = base;
    if (page.cursor !== undefined) {
      const [at, id] = decodeCursor(page.cursor, CURSOR_QUEUE, [{ kind: 'timestamp' }, { kind: 'uuid' }]);
      q = q.where(sql<SqlBool>`(cases.closed_at, cases.id) > (${at}::timestamptz, ${id}::uuid)`);
    }
    const rows = await q
      // Attempts of the page's cases only (a lateral lookup on the (case_id, attempt_no) key), not
      // an aggregate of every visit attempt ever made.
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('return_visit_attempts')
            .select([sql<number>`count(*)::int`.as('attempts'), sql<Date>`max(at)`.as('last_at')])
            .whereRef('return_visit_attempts.case_id', '=', 'cases.id')
            .as('a'),
        (j) => j.onTrue(),
      )
      .select([
        'cases.id',
        'cases.case_number',
        'cases.subject',
        'cases.category_code',
        'cases.closed_at',
        sql<string>`cases.closed_at::text`.as('closed_key'),
        'a.attempts',
        'a.last_at',
      ])
      .orderBy('cases.closed_at')
      .orderBy('cases.id')
      .limit(page.limit + 1)
      .execute();
    const shown = rows.slice(0, page.limit);
    const last = shown.at(-1);
    const { total, totalExact } = await totalP;
    return {
      total,
      totalExact,
      nextCursor: rows.length > page.limit && last ? encodeCursor(CURSOR_QUEUE, [last.closed_key, last.id]) : null,
      items: shown.map((r) => ({
        caseId: r.id,
        caseNumber: r.case_number,
        subject: r.subject,
        categoryCode: r.category_code,
        closedAt: r.closed_at,
        attempts: r.attempts ?? 0,
        lastAttemptAt: r.last_at ?? null,
      })),
    };
  }
}

const CURSOR_QUEUE = 'v';
