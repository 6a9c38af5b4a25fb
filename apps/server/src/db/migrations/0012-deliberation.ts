// 居民议事会 / 楼门层长 / proposals: meetings with their invitation list, agenda, motions; residents'
// proposals with one support per phone; the building-lead register. Follow-up tasks are work
// items (0007), not a table here. The outbox takes messages about a meeting, a proposal or a
// building lead (invitations, notices, outcomes) with a generic subject.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Messages about a meeting, a proposal or a building lead are about neither a case nor a work
  // item: the outbox names their subject generically, and the subject check (0007) admits it.
  await sql`alter table notification_outbox add column subject_type text`.execute(db);
  await sql`alter table notification_outbox add column subject_id text`.execute(db);
  await sql`alter table notification_outbox drop constraint notification_outbox_subject`.execute(db);
  await sql`alter table notification_outbox add constraint notification_outbox_subject check (case_id is not null or work_item_id is not null or subject_id is not null)`.execute(
    db,
  );

  await sql`
    create table meetings (
      id uuid primary key,
      community_code text not null references units(code),
      community_path text not null,
      title text not null,
      scheduled_at timestamptz not null,
      place text not null,
      chair_name text not null,
      is_chair_resident boolean not null default false,
      status text not null check (status in ('scheduled', 'in_session', 'closed', 'cancelled')),
      eligible_voters integer not null check (eligible_voters > 0),
      vote_rules jsonb,
      started_at timestamptz,
      closed_at timestamptz,
      cancel_reason text,
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    )`.execute(db);
  await sql`create index meetings_community on meetings (community_code, scheduled_at desc)`.execute(db);
  await sql`create index meetings_path on meetings (community_path text_pattern_ops)`.execute(db);

  await sql`
    create table meeting_participants (
      id bigserial primary key,
      meeting_id uuid not null references meetings(id) on delete cascade,
      kind text not null,
      name text not null,
      organisation text,
      unit_code text references units(code),
      building_lead_id uuid,
      invited_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index meeting_participants_meeting on meeting_participants (meeting_id)`.execute(db);
  await sql`create unique index meeting_participants_lead on meeting_participants (meeting_id, building_lead_id) where building_lead_id is not null`.execute(db);

  await sql`
    create table meeting_agenda_items (
      id uuid primary key,
      meeting_id uuid not null references meetings(id) on delete cascade,
      position integer not null,
      source_type text not null,
      source_id text,
      title_snapshot text not null,
      linked_case_ids uuid[] not null default '{}',
      minutes text,
      status text not null default 'pending',
      outcome_summary text,
      concluded_at timestamptz,
      created_at timestamptz not null default now(),
      unique (meeting_id, position)
    )`.execute(db);
  // A source goes on a meeting's agenda once: a retried "add" finds the item already there.
  await sql`create unique index meeting_agenda_source on meeting_agenda_items (meeting_id, source_type, source_id) where source_id is not null`.execute(db);
  await sql`create index meeting_agenda_cases on meeting_agenda_items using gin (linked_case_ids)`.execute(db);

  await sql`
    create table meeting_motions (
      id uuid primary key,
      meeting_id uuid not null references meetings(id) on delete cascade,
      agenda_item_id uuid not null references meeting_agenda_items(id) on delete cascade,
      text text not null,
      moved_by text not null,
      seconded_by text,
      status text not null,
      result jsonb,
      moved_at timestamptz not null,
      decided_at timestamptz,
      version integer not null default 1
    )`.execute(db);
  await sql`create index meeting_motions_meeting on meeting_motions (meeting_id, moved_at)`.execute(db);

  await sql`
    create table proposals (
      id uuid primary key,
      community_code text not null references units(code),
      community_path text not null,
      title text not null,
      detail text not null,
      status text not null check (status in ('submitted', 'open', 'on_agenda', 'answered')),
      support_count integer not null default 0,
      answer text,
      agenda_item_id uuid references meeting_agenda_items(id) on delete set null,
      proposer_name text,
      proposer_phone text not null,
      proposer_phone_hash text not null,
      submitted_at timestamptz not null,
      opened_at timestamptz,
      answered_at timestamptz,
      version integer not null default 1
    )`.execute(db);
  // A retried submission (same phone, community, title) finds the first one.
  await sql`create unique index proposals_once on proposals (community_code, proposer_phone_hash, title)`.execute(db);
  await sql`create index proposals_community on proposals (community_code, status, submitted_at desc)`.execute(db);

  await sql`
    create table proposal_supports (
      proposal_id uuid not null references proposals(id) on delete cascade,
      phone_hash text not null,
      supported_at timestamptz not null,
      primary key (proposal_id, phone_hash)
    )`.execute(db);

  await sql`
    create table building_leads (
      id uuid primary key,
      community_code text not null references units(code),
      community_path text not null,
      building text not null,
      door text,
      floor text,
      role text not null check (role in ('building', 'door', 'floor')),
      name text not null,
      phone text not null,
      is_active boolean not null default true,
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index building_leads_community on building_leads (community_code, building, door, floor)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from notification_outbox where case_id is null and work_item_id is null`.execute(db);
  await sql`alter table notification_outbox drop constraint if exists notification_outbox_subject`.execute(db);
  await sql`alter table notification_outbox add constraint notification_outbox_subject check (case_id is not null or work_item_id is not null)`.execute(db);
  await sql`alter table notification_outbox drop column if exists subject_id`.execute(db);
  await sql`alter table notification_outbox drop column if exists subject_type`.execute(db);
  for (const t of ['building_leads', 'proposal_supports', 'proposals', 'meeting_motions', 'meeting_agenda_items', 'meeting_participants', 'meetings']) {
    await sql`drop table if exists ${sql.raw(t)}`.execute(db);
  }
}
