// Table types for Kysely. Column names are snake_case in SQL and here; repositories map rows to
// domain values. Keep in step with db/migrations/.
import type { ColumnType, Generated } from 'kysely';

/** A timestamptz the database fills in by default. */
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface UnitsTable {
  code: string;
  name: string;
  class: string;
  kind: string | null;
  parent_code: string | null;
  path: string;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  unit_code: string;
  roles: string[];
  password_hash: string;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface CategoriesTable {
  code: string;
  name: string;
  parent_code: string | null;
  level: number;
  path: string;
  sort_order: Generated<number>;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface HolidaySchedulesTable {
  year: number;
  holidays: Json<string[]>;
  workdays: Json<string[]>;
  source: string;
  updated_by: string | null;
  updated_at: CreatedAt;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  actor_user_id: string | null;
  actor_username: string | null;
  action: string;
  target_type: string;
  target_id: string;
  data: Json<Record<string, unknown>>;
}

export interface Database {
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  categories: CategoriesTable;
  holiday_schedules: HolidaySchedulesTable;
  audit_log: AuditLogTable;
}
