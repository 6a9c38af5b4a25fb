// All SQL about administrators' holiday schedules (years the chinese-days package does not cover,
// or corrections to years it does).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

export interface StoredHolidaySchedule {
  year: number;
  holidays: string[];
  workdays: string[];
  source: string;
  updatedBy: string | null;
  updatedAt: Date;
}

export class HolidayScheduleRepository {
  constructor(private readonly db: Db) {}

  async listAll(trx: Db = this.db): Promise<StoredHolidaySchedule[]> {
    const rows = await trx.selectFrom('holiday_schedules').selectAll().orderBy('year').execute();
    return rows.map((r) => ({
      year: r.year,
      holidays: r.holidays,
      workdays: r.workdays,
      source: r.source,
      updatedBy: r.updated_by,
      updatedAt: r.updated_at,
    }));
  }

  async upsert(s: { year: number; holidays: string[]; workdays: string[]; source: string; updatedBy: string }, trx: Db = this.db): Promise<void> {
    const values = {
      year: s.year,
      holidays: JSON.stringify(s.holidays),
      workdays: JSON.stringify(s.workdays),
      source: s.source,
      updated_by: s.updatedBy,
    };
    await trx
      .insertInto('holiday_schedules')
      .values(values)
      .onConflict((oc) => oc.column('year').doUpdateSet({ ...values, updated_at: new Date() }))
      .execute();
  }
}
