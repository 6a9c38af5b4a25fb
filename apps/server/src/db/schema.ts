// Table types for Kysely. Column names are snake_case in SQL and here; repositories map rows to
// domain values. Keep in step with db/migrations/.
import type { ColumnType, Generated } from 'kysely';

/** A timestamptz the database fills in by default. */
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null, string | null>;

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
  /** 0013: consecutive failed logins, and the lockout they led to (an administrator can lift it). */
  failed_logins: Generated<number>;
  locked_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
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

/** Partitioned by month of `at` (migration 0034); primary key (at, id). */
export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_unit_path: string | null;
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
  /** Every unit code on the paths of unit_paths (0014): the scope test's GIN. */
  scope_codes: Generated<string[]>;
  /** jieba words as a tsvector literal (0014). */
  search_vector: Generated<string>;
  requester_phone: string | null;
  is_requester_anonymous: Generated<boolean>;
  address: Generated<string>;
  has_pending_extension: boolean;
  is_overdue: boolean;
  parent_case_id: string | null;
  idempotency_key: string | null;
  /** 0013: hash of the intake the idempotency key first carried; a different body under the key is refused. */
  idempotency_hash: ColumnType<string | null, string | null | undefined, string | null>;
  received_at: Timestamp;
  closed_at: Timestamp | null;
  updated_at: CreatedAt;
  state: Json<unknown>;
}

/** Partitioned by month of the case's receipt, `case_received_at` (migration 0033); primary key (case_id, seq, case_received_at). */
export interface CaseHistoryTable {
  case_id: string;
  case_received_at: Timestamp;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_user_id: string;
  actor_username: string;
  actor_display_name: string | null;
  actor_unit_code: string;
  at: Timestamp;
  note: string | null;
  /** null when the event has none */
  attachments: NullableJson<unknown[]>;
  /** null when empty */
  data: NullableJson<Record<string, unknown>>;
}

/** Finished cases' history, stopped clocks and (format 2, migration 0038) state document, packed (migration 0037, repositories/case-archive.ts). */
export interface CaseArchiveTable {
  case_id: string;
  closed_at: Timestamp;
  first_at: Timestamp;
  last_at: Timestamp;
  last_seq: number;
  packed: Uint8Array;
  archived_at: Generated<Timestamp>;
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
  /** Null for a message about a work item (then work_item_id is set). */
  case_id: string | null;
  work_item_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** 0012: a meeting, proposal or building lead a message is about (when neither a case nor a work item). */
  subject_type: ColumnType<string | null, string | null | undefined, string | null>;
  subject_id: ColumnType<string | null, string | null | undefined, string | null>;
  kind: string;
  unit_code: string | null;
  payload: Json<unknown>;
  created_at: CreatedAt;
  delivered_at: Timestamp | null;
  /** 0013: delivery attempts so far, the last failure, and when the next attempt is due. */
  attempts: Generated<number>;
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
  next_attempt_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
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
  /** 0013: the case the file belongs to (its scope), once a case uses it. */
  case_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** 0013: the uploader's unit path: the scope of a file no case holds. */
  uploader_unit_path: ColumnType<string | null, string | null | undefined, string | null>;
  /** 0013: when a record first used the file; unlinked files expire. */
  linked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface Open311ServicesTable {
  service_code: string;
  category_code: string;
  service_name: string | null;
  description: string | null;
  group_name: string | null;
  keywords: string | null;
  type: Generated<string>;
  attributes: Json<unknown>;
  sort_order: Generated<number>;
  is_active: Generated<boolean>;
  updated_by: string | null;
  updated_at: CreatedAt;
}

export interface Open311ApiKeysTable {
  id: string;
  client_name: string;
  key_hash: string;
  key_prefix: string;
  contact: string | null;
  created_by: string;
  created_at: CreatedAt;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  last_used_at: Timestamp | null;
}

export interface PublicRequestsTable {
  case_id: string;
  source: string;
  service_code: string | null;
  token: string;
  api_key_id: string | null;
  tracking_hash: string | null;
  media_url: string | null;
  address_id: string | null;
  attributes: Json<unknown>;
  created_at: CreatedAt;
}

export interface CaseRatingsTable {
  case_id: string;
  satisfaction: string;
  comment: string | null;
  rated_at: CreatedAt;
}

export interface ReturnVisitAttemptsTable {
  id: Generated<number>;
  case_id: string;
  attempt_no: number;
  at: Timestamp;
  result: string;
  is_contacted: boolean | null;
  is_solved: boolean | null;
  satisfaction: string | null;
  comment: string | null;
  visitor_user_id: string;
  visitor_username: string;
}

export interface ScoreFactsTable {
  case_id: string;
  case_number: string;
  period_key: string;
  visited_at: Timestamp;
  lead_unit_code: string;
  lead_unit_class: string;
  street_code: string | null;
  district_code: string | null;
  is_valid: boolean;
  is_contacted: boolean;
  is_solved: boolean;
  satisfaction: string | null;
  is_exempt: boolean;
  is_proactive: Generated<boolean>;
  updated_at: CreatedAt;
}

/** Running sums of score_facts per period and lead × street × district (migration 0039; kept by triggers, never written by the application). */
export interface ScoreTalliesTable {
  period_key: string;
  is_proactive: boolean;
  lead_unit_code: string;
  lead_unit_class: string;
  /** '' when the fact has none */
  street_code: string;
  /** '' when the fact has none */
  district_code: string;
  cases: number;
  exemptions: number;
  valid_visits: number;
  invalid_visits: number;
  contacted: number;
  solved: number;
  satisfied: number;
  basically_satisfied: number;
  dissatisfied: number;
}

export interface ScoreAppealsTable {
  id: string;
  case_id: string;
  case_number: string;
  unit_code: string;
  unit_path: string;
  reason: string;
  explanation: string;
  attachment_ids: string[];
  status: string;
  filed_by_user_id: string;
  filed_by_username: string;
  filed_at: Timestamp;
  decided_by_user_id: string | null;
  decided_by_username: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
  late_override_by_user_id: string | null;
  late_override_by_username: string | null;
  late_override_reason: string | null;
  late_override_deadline: Timestamp | null;
}

export interface ScorePublicationsTable {
  id: Generated<number>;
  period_key: string;
  version: number;
  reason: string | null;
  published_at: Timestamp;
  published_by_user_id: string;
  published_by_username: string;
  rankings: Json<unknown>;
}

export interface CommunityItemScoresTable {
  quarter_key: string;
  community_code: string;
  street_code: string;
  item_scores: Json<Record<string, number>>;
  updated_by: string | null;
  updated_at: CreatedAt;
}

export interface CategoryModelsTable {
  id: Generated<number>;
  created_at: CreatedAt;
  format: string;
  format_version: number;
  labels: string[];
  training_size: number;
  metrics: Json<unknown> | null;
  source: string;
  artifact: Json<unknown>;
  is_active: Generated<boolean>;
  created_by: string | null;
}

export interface GazetteerAliasesTable {
  id: Generated<number>;
  alias: string;
  unit_code: string;
  kind: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface UnitBoundariesTable {
  unit_code: string;
  level: string;
  polygons: Json<unknown>;
  source: string | null;
  updated_by: string | null;
  updated_at: CreatedAt;
}

export interface CaseRepeatsTable {
  case_id: string;
  repeat_of_case_id: string;
  linked_by: string;
  linked_at: CreatedAt;
}

export interface JobLeasesTable {
  name: string;
  holder: string;
  expires_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface CaseTokensTable {
  case_id: string;
  street_code: string | null;
  received_at: Timestamp;
  tokens: string[];
}

/** Written by the database with each case_tokens row (migration 0036): mining's narrow row. */
export interface CaseMiningTable {
  case_id: string;
  received_at: Timestamp;
  requester_key: string | null;
  /** Copied from cases (and kept current by a trigger on cases). */
  category_code: string;
  district_code: string | null;
  street_code: string | null;
  community_code: string | null;
  location_path: string | null;
  is_closed: boolean;
  /** The case's word ids (mining_words), big-endian int4 one after another. */
  word_ids: Uint8Array;
}

export interface MiningWordsTable {
  id: Generated<number>;
  word: string;
}

export interface KnowledgeArticlesTable {
  id: string;
  title: string;
  answer: string;
  category_codes: string[];
  source_policy: string | null;
  valid_from: Timestamp | null;
  valid_to: Timestamp | null;
  is_active: Generated<boolean>;
  is_demo: Generated<boolean>;
  tokens: string[];
  title_tokens: string[];
  created_by: string | null;
  created_at: CreatedAt;
  updated_by: string | null;
  updated_at: CreatedAt;
}

/** One row per changed setting (0008); the value is checked by its core definition. */
export interface SettingsTable {
  key: string;
  value: Json<unknown>;
  version: ColumnType<number, number | undefined, number>;
  updated_by: string | null;
  updated_at: CreatedAt;
}

// 0012 deliberation (议事会, proposals, 楼门层长)
export interface MeetingsTable {
  id: string;
  community_code: string;
  community_path: string;
  title: string;
  scheduled_at: Timestamp;
  place: string;
  chair_name: string;
  is_chair_resident: boolean;
  status: string;
  eligible_voters: number;
  vote_rules: Json<unknown> | null;
  started_at: Timestamp | null;
  closed_at: Timestamp | null;
  cancel_reason: string | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  version: number;
}

export interface MeetingParticipantsTable {
  id: Generated<number>;
  meeting_id: string;
  kind: string;
  name: string;
  organisation: string | null;
  unit_code: string | null;
  building_lead_id: string | null;
  invited_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface MeetingAgendaItemsTable {
  id: string;
  meeting_id: string;
  position: number;
  source_type: string;
  source_id: string | null;
  title_snapshot: string;
  linked_case_ids: string[];
  minutes: string | null;
  status: string;
  outcome_summary: string | null;
  concluded_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface MeetingMotionsTable {
  id: string;
  meeting_id: string;
  agenda_item_id: string;
  text: string;
  moved_by: string;
  seconded_by: string | null;
  status: string;
  result: Json<unknown> | null;
  moved_at: Timestamp;
  decided_at: Timestamp | null;
  version: number;
}

export interface ProposalsTable {
  id: string;
  community_code: string;
  community_path: string;
  title: string;
  detail: string;
  status: string;
  support_count: number;
  answer: string | null;
  agenda_item_id: string | null;
  proposer_name: string | null;
  proposer_phone: string;
  proposer_phone_hash: string;
  submitted_at: Timestamp;
  opened_at: Timestamp | null;
  answered_at: Timestamp | null;
  version: number;
}

export interface ProposalSupportsTable {
  proposal_id: string;
  phone_hash: string;
  supported_at: Timestamp;
}

export interface BuildingLeadsTable {
  id: string;
  community_code: string;
  community_path: string;
  building: string;
  door: string | null;
  floor: string | null;
  role: string;
  name: string;
  phone: string;
  is_active: Generated<boolean>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

// ---- 每月一题: hotspots and topics (0010) ----
export interface HotspotRunsTable {
  id: string;
  seq: Generated<number>;
  period_from: Timestamp;
  period_to: Timestamp;
  scope_unit_code: string;
  scope_unit_path: string;
  computed_at: Timestamp;
  computed_by: string;
  case_count: number;
  group_count: number;
  weights: Json<unknown>;
  options: Json<unknown>;
  term_weights: Json<unknown>;
  elapsed_ms: number;
}

export interface HotspotGroupsTable {
  id: string;
  run_id: string;
  rank: number;
  score: number;
  block: string | null;
  signature: Json<unknown>;
  top_words: string[];
  size: number;
  attached_count: Generated<number>;
  metrics: Json<unknown>;
  signals: Json<unknown>;
  representative_case_ids: string[];
}

export interface HotspotMembersTable {
  group_id: string;
  case_id: string;
  similarity: number;
  is_attached: Generated<boolean>;
}

export interface TopicsTable {
  id: string;
  month: string;
  title: string;
  description: string;
  status: string;
  version: number;
  source_run_id: string | null;
  started_at: Timestamp | null;
  closed_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
  idempotency_key: string | null;
}

export interface TopicProblemsTable {
  id: string;
  topic_id: string;
  seq: number;
  title: string;
  description: string;
  lead_unit_code: string;
  co_unit_codes: string[];
  source_group_id: string | null;
  block: string | null;
  signature: Json<unknown> | null;
  term_weights: Json<unknown> | null;
  match_threshold: number;
  created_at: Timestamp;
}

export interface TopicProblemCasesTable {
  problem_id: string;
  case_id: string;
  link_kind: string;
  similarity: number | null;
  linked_by: string;
  linked_at: Timestamp;
}

export interface TopicPoliciesTable {
  id: string;
  topic_id: string;
  problem_id: string | null;
  title: string;
  issuing_body: string;
  issued_on: ColumnType<string, string, string>;
  attachment_id: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface ProactiveZonesTable {
  id: string;
  street_code: string;
  name: string;
  community_codes: string[];
  polygon: Json<unknown> | null;
  leader_user_id: string;
  team: Json<unknown>;
  term_start: string;
  term_end: string | null;
  is_active: Generated<boolean>;
  version: Generated<number>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface PatrolsTable {
  id: string;
  kind: string;
  street_code: string;
  community_code: string;
  zone_id: string | null;
  unit_code: string;
  patroller_user_id: string;
  patroller_name: string;
  patrolled_at: Timestamp;
  lng: number | null;
  lat: number | null;
  observations: string;
  attachment_ids: string[];
  case_ids: Generated<string[]>;
  idempotency_key: string | null;
  created_at: CreatedAt;
}

export interface ProactiveWarningsTable {
  id: string;
  street_code: string;
  community_code: string;
  category_code: string;
  kind: string;
  detected_on: string;
  observed: number;
  expected: number;
  upper_bound: number;
  ratio: number;
  forecast: Json<unknown>;
  series: Json<unknown>;
  case_ids: Generated<string[]>;
  status: Generated<string>;
  work_item_id: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface PolicyNoticesTable {
  id: string;
  sender_unit_code: string;
  sender_unit_path: string;
  title: string;
  body: string;
  attachment_ids: string[];
  ack_due_at: Timestamp;
  created_by: string;
  idempotency_key: string | null;
  created_at: CreatedAt;
}

export interface NoticeRecipientsTable {
  notice_id: string;
  unit_code: string;
  unit_path: string;
  work_item_id: string | null;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  actions: Json<unknown>;
}

export interface WorkItemsTable {
  id: string;
  kind: string;
  title: string;
  status: string;
  version: number;
  owner_unit_code: string;
  owner_unit_path: string;
  owner_person_name: string | null;
  creator_unit_code: string;
  creator_unit_path: string;
  source_type: string | null;
  source_id: string | null;
  linked_case_ids: string[];
  due_at: Timestamp;
  remind_at: Timestamp;
  reminded_at: Timestamp | null;
  escalated_at: Timestamp | null;
  is_overdue: boolean;
  idempotency_key: string | null;
  created_at: Timestamp;
  closed_at: Timestamp | null;
  updated_at: CreatedAt;
  state: Json<unknown>;
}

export interface WorkItemHistoryTable {
  work_item_id: string;
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

/** 0016: the last notification each user has read (the bell's watermark). */
export interface NotificationReadsTable {
  user_id: string;
  last_read_id: ColumnType<number, number, number>;
  updated_at: CreatedAt;
}

export interface Database {
  notification_reads: NotificationReadsTable;
  hotspot_runs: HotspotRunsTable;
  hotspot_groups: HotspotGroupsTable;
  hotspot_members: HotspotMembersTable;
  topics: TopicsTable;
  topic_problems: TopicProblemsTable;
  topic_problem_cases: TopicProblemCasesTable;
  topic_policies: TopicPoliciesTable;
  work_items: WorkItemsTable;
  work_item_history: WorkItemHistoryTable;
  proactive_zones: ProactiveZonesTable;
  patrols: PatrolsTable;
  proactive_warnings: ProactiveWarningsTable;
  policy_notices: PolicyNoticesTable;
  notice_recipients: NoticeRecipientsTable;
  cases: CasesTable;
  category_models: CategoryModelsTable;
  gazetteer_aliases: GazetteerAliasesTable;
  unit_boundaries: UnitBoundariesTable;
  case_tokens: CaseTokensTable;
  case_mining: CaseMiningTable;
  mining_words: MiningWordsTable;
  job_leases: JobLeasesTable;
  case_repeats: CaseRepeatsTable;
  knowledge_articles: KnowledgeArticlesTable;
  case_history: CaseHistoryTable;
  case_archive: CaseArchiveTable;
  case_clocks: CaseClocksTable;
  case_number_counters: CaseNumberCountersTable;
  notification_outbox: NotificationOutboxTable;
  community_duty_lists: CommunityDutyListsTable;
  attachments: AttachmentsTable;
  open311_services: Open311ServicesTable;
  open311_api_keys: Open311ApiKeysTable;
  public_requests: PublicRequestsTable;
  case_ratings: CaseRatingsTable;
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  categories: CategoriesTable;
  holiday_schedules: HolidaySchedulesTable;
  audit_log: AuditLogTable;
  return_visit_attempts: ReturnVisitAttemptsTable;
  score_facts: ScoreFactsTable;
  score_tallies: ScoreTalliesTable;
  score_appeals: ScoreAppealsTable;
  score_publications: ScorePublicationsTable;
  community_item_scores: CommunityItemScoresTable;
  settings: SettingsTable;
  meetings: MeetingsTable;
  meeting_participants: MeetingParticipantsTable;
  meeting_agenda_items: MeetingAgendaItemsTable;
  meeting_motions: MeetingMotionsTable;
  proposals: ProposalsTable;
  proposal_supports: ProposalSupportsTable;
  building_leads: BuildingLeadsTable;
}
