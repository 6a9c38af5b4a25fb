// All SQL about 重复来电 links: a new case that repeats an earlier finished one (case_repeats).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

export interface RepeatLink {
  caseId: string;
  caseNumber: string;
  status: string;
  linkedBy: string;
  linkedAt: Date;
}

export class CaseRepeatRepository {
  constructor(private readonly db: Db) {}

  /** Inserts the link; false when the case already repeats one (the first link stands). */
  async insert(r: { caseId: string; repeatOfCaseId: string; linkedBy: string }, trx: Db = this.db): Promise<boolean> {
    const res = await trx
      .insertInto('case_repeats')
      .values({ case_id: r.caseId, repeat_of_case_id: r.repeatOfCaseId, linked_by: r.linkedBy })
      .onConflict((oc) => oc.column('case_id').doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** The earlier case this one repeats, if any. */
  async repeatOf(caseId: string, trx: Db = this.db): Promise<RepeatLink | null> {
    const row = await trx
      .selectFrom('case_repeats as r')
      .innerJoin('cases as c', 'c.id', 'r.repeat_of_case_id')
      .select(['c.id', 'c.case_number', 'c.status', 'r.linked_by', 'r.linked_at'])
      .where('r.case_id', '=', caseId)
      .executeTakeFirst();
    return row ? { caseId: row.id, caseNumber: row.case_number, status: row.status, linkedBy: row.linked_by, linkedAt: row.linked_at } : null;
  }

  /** The later cases that repeat this one, oldest first (at most 50). */
  async repeatedBy(caseId: string, trx: Db = this.db): Promise<RepeatLink[]> {
    const rows = await trx
      .selectFrom('case_repeats as r')
      .innerJoin('cases as c', 'c.id', 'r.case_id')
      .select(['c.id', 'c.case_number', 'c.status', 'r.linked_by', 'r.linked_at'])
      .where('r.repeat_of_case_id', '=', caseId)
      .orderBy('r.linked_at')
      .orderBy('c.id')
      .limit(50)
      .execute();
    return rows.map((row) => ({ caseId: row.id, caseNumber: row.case_number, status: row.status, linkedBy: row.linked_by, linkedAt: row.linked_at }));
  }
}
