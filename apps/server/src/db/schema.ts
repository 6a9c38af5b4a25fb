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

export interface CasesTable {
  id: string;
  case_number: string;
  status: string;
  version: number;
  channel: string;
  kind: string;
  category_code: string;
  urgency: string;
  subject: string;
  district_code: string | null;
  street_code: string | null;
  community_code: string | null;
  location_path: string | null;
  lead_unit_code: string | null;
  live_unit_codes: string[];
  pending_unit_codes: string[];
  unit_paths: string[];
  has_pending_extension: boolean;
  is_overdue: boolean;
  parent_case_id: string | null;
  idempotency_key: string | null;
  received_at: Timestamp;
  closed_at: Timestamp | null;
  updated_at: CreatedAt;
  state: Json<unknown>;
}

export interface CaseHistoryTable {
  case_id: string;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_user_id: string;
  actor_username: string;
  actor_unit_code: string;
  at: Timestamp;
  note: string | null;
  attachments: Json<unknown>;
  data: Json<unknown>;
}

export interface CaseClocksTable {
  case_id: string;
  key: string;
  name: string;
  owner_unit_code: string;
  owner_unit_path: string;
  started_at: Timestamp;
  due_at: Timestamp;
  remind_at: Timestamp;
  status: string;
  stopped_at: Timestamp | null;
  reminded_at: Timestamp | null;
  escalated_at: Timestamp | null;
}

export interface CaseNumberCountersTable {
  day: string;
  last: number;
}

export interface NotificationOutboxTable {
  id: Generated<number>;
  case_id: string;
  kind: string;
  unit_code: string | null;
  payload: Json<unknown>;
  created_at: CreatedAt;
  delivered_at: Timestamp | null;
}

export interface CommunityDutyListsTable {
  community_code: string;
  category_prefixes: string[];
  updated_by: string | null;
  updated_at: CreatedAt;
}

export interface AttachmentsTable {
  id: string;
  kind: string;
  mime_type: string;
  size_bytes: number;
  name: string | null;
  sha256: string;
  uploaded_by: string;
  uploaded_at: CreatedAt;
}

export interface Database {
  cases: CasesTable;
  case_history: CaseHistoryTable;
  case_clocks: CaseClocksTable;
  case_number_counters: CaseNumberCountersTable;
  notification_outbox: NotificationOutboxTable;
  community_duty_lists: CommunityDutyListsTable;
  attachments: AttachmentsTable;
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  categories: CategoriesTable;
  holiday_schedules: HolidaySchedulesTable;
  audit_log: AuditLogTable;
}
