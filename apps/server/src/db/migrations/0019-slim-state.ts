// The case document without its clocks (#17): every clock is already a row of case_clocks, written
// with every decision; the document's copy was 1.6 of its ~2 KB. The rows are made equal to the
// documents' clocks first (the documents are what the decider saw), then the copies are removed.
// The repository puts the rows back into the state when it loads a case.
// Also: the received-time index carries the three unit columns the monthly request counts group
// by (诉求量 in every ranking, demand.repository), so counting a month's cases reads the index only,
// not a month of ~2.4 KB case rows.
import { type Kysely, sql } from 'kysely';

const at = (field: string) => sql.raw(`(e->'${field}'->>'$date')::timestamptz`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    insert into case_clocks (case_id, key, name, owner_unit_code, owner_unit_path, started_at, due_at, remind_at, status, stopped_at, reminded_at, escalated_at)
    select c.id, e->>'key', e->>'name', e->>'ownerUnitCode', e->>'ownerUnitPath', ${at('startedAt')}, ${at('dueAt')}, ${at('remindAt')},
      e->>'status', ${at('stoppedAt')}, ${at('remindedAt')}, ${at('escalatedAt')}
    from cases c cross join lateral jsonb_array_elements(c.state->'clocks') e
    where jsonb_typeof(c.state->'clocks') = 'array'
    on conflict (case_id, key) do update set
      name = excluded.name, owner_unit_code = excluded.owner_unit_code, owner_unit_path = excluded.owner_unit_path,
      started_at = excluded.started_at, due_at = excluded.due_at, remind_at = excluded.remind_at, status = excluded.status,
      stopped_at = excluded.stopped_at, reminded_at = excluded.reminded_at, escalated_at = excluded.escalated_at`.execute(db);
  await sql`update cases set state = state - 'clocks' where state ? 'clocks'`.execute(db);
  await sql`drop index if exists cases_received`.execute(db);
  await sql`create index cases_received on cases (received_at, id) include (street_code, district_code, lead_unit_code)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists cases_received`.execute(db);
  await sql`create index cases_received on cases (received_at, id)`.execute(db);
  const date = (col: string) =>
    sql.raw(`case when k.${col} is null then null else jsonb_build_object('$date', to_char(k.${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) end`);
  await sql`
    update cases c set state = c.state || jsonb_build_object('clocks', coalesce((
      select jsonb_agg(jsonb_build_object(
        'key', k.key, 'name', k.name, 'ownerUnitCode', k.owner_unit_code, 'ownerUnitPath', k.owner_unit_path,
        'startedAt', ${date('started_at')}, 'dueAt', ${date('due_at')}, 'remindAt', ${date('remind_at')}, 'status', k.status,
        'stoppedAt', ${date('stopped_at')}, 'remindedAt', ${date('reminded_at')}, 'escalatedAt', ${date('escalated_at')}
      ) order by k.started_at, k.key) from case_clocks k where k.case_id = c.id), '[]'::jsonb))`.execute(db);
}
