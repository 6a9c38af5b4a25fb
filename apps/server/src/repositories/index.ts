import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { AuditRepository } from './audit.repository';
import { CaseQueryRepository } from './case-query.repository';
import { CaseRepository } from './case.repository';
import { CategoryRepository } from './category.repository';
import { HolidayScheduleRepository } from './holiday-schedule.repository';
import { UnitRepository } from './unit.repository';
import { UserRepository } from './user.repository';

export function createRepositories(db: Kysely<Database>) {
  return {
    units: new UnitRepository(db),
    users: new UserRepository(db),
    categories: new CategoryRepository(db),
    holidaySchedules: new HolidayScheduleRepository(db),
    audit: new AuditRepository(db),
    cases: new CaseRepository(db),
    caseQueries: new CaseQueryRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
