// The case document without what the row already holds (#17): the fields that are also query
// columns (number, version, status, channel, kind, category, urgency, subject, received/closed
// times, the location's address and division codes) and the top-level nulls and empty lists
// (most cases never have a return, dispute, whistle, extension, child or overdue mark). The
// repository rebuilds them on load. Measured on the bench's template case: 2,293 → ~1,620
// characters of JSON, 1,704 → ~1,260 bytes stored.
// The document is what the decider saw, so where a column disagrees with it the column is set
// from the document first; then the fields are removed. `down` puts them back from the columns.
import { type Kysely, sql } from 'kysely';

/** Top-level fields left out when null or empty: [field, its empty value]. A snapshot of the repository's list in 0031. */
const EMPTYABLE: Array<[string, 'list' | 'null']> = [
  ['attachments', 'list'],
  ['answer', 'null'],
  ['assignments', 'list'],
  ['firstReceiverUnitCode', 'null'],
  ['returns', 'list'],
  ['disputes', 'list'],
  ['contactedAt', 'null'],
  ['whistles', 'list'],
  ['extensions', 'list'],
  ['feedbacks', 'list'],
  ['visit', 'null'],
  ['scoredPeriodKey', 'null'],
  ['parent', 'null'],
  ['children', 'list'],
  ['overdue', 'list'],
];
const COLUMN_FIELDS = ['id', 'caseNumber', 'version', 'status', 'channel', 'kind', 'categoryCode', 'urgency', 'subject', 'receivedAt', 'closedAt', 'location'];

const textArray = (xs: string[]) => sql.raw(`array[${xs.map((x) => `'${x}'`).join(', ')}]::text[]`);

export async function up(db: Kysely<unknown>): Promise<void> {
  const emptyable = textArray(EMPTYABLE.map(([k]) => k));
  await sql`
    update cases c set
      case_number = c.state->>'caseNumber',
      version = (c.state->>'version')::int,
      status = c.state->>'status',
      channel = c.state->>'channel',
      kind = c.state->>'kind',
      category_code = c.state->>'categoryCode',
      urgency = c.state->>'urgency',
      subject = c.state->>'subject',
      received_at = (c.state->'receivedAt'->>'$date')::timestamptz,
      closed_at = (c.state->'closedAt'->>'$date')::timestamptz,
      address = coalesce(c.state->'location'->>'address', ''),
      district_code = c.state->'location'->>'districtCode',
      street_code = c.state->'location'->>'streetCode',
      community_code = c.state->'location'->>'communityCode',
      state = (c.state - ${textArray(COLUMN_FIELDS)}
        - array(select e.key from jsonb_each(c.state) e where e.key = any(${emptyable}) and e.value in ('null'::jsonb, '[]'::jsonb)))
        || case when jsonb_typeof(c.state->'location'->'coordinates') = 'object'
             then jsonb_build_object('location', jsonb_build_object('coordinates', c.state->'location'->'coordinates')) else '{}'::jsonb end
    where c.state ? 'caseNumber'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const date = (col: string) => sql.raw(`jsonb_build_object('$date', to_char(c.${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`);
  const empties = sql.raw(`(values ${EMPTYABLE.map(([k, v]) => `('${k}', '${v === 'list' ? '[]' : 'null'}'::jsonb)`).join(', ')}) d(key, value)`);
  await sql`
    update cases c set state = (c.state - 'location')
      || jsonb_build_object(
        'id', c.id::text, 'caseNumber', c.case_number, 'version', c.version, 'status', c.status, 'channel', c.channel, 'kind', c.kind,
        'categoryCode', c.category_code, 'urgency', c.urgency, 'subject', c.subject, 'receivedAt', ${date('received_at')},
        'closedAt', case when c.closed_at is null then 'null'::jsonb else ${date('closed_at')} end,
        'location', jsonb_build_object('address', c.address, 'coordinates', coalesce(c.state->'location'->'coordinates', 'null'::jsonb),
          'districtCode', c.district_code, 'streetCode', c.street_code, 'communityCode', c.community_code))
      || coalesce((select jsonb_object_agg(d.key, d.value) from ${empties} where not c.state ? d.key), '{}'::jsonb)
    where not c.state ? 'caseNumber'`.execute(db);
}
