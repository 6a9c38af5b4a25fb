// History and audit partitioning (#17): bytes per case_history row before and after migration 0033,
// per million cases, the migration's own time at that size, and EXPLAIN of a timeline read and of
// the audit list showing the partitions they read. A benchmark, not a test:
//   bash scripts/with-postgres.sh npx tsx scripts/bench-history.ts [--rows 6900000] [--cases 2000] [--audit 300000] [--keep]
// (or DATABASE_URL=postgres://… pointing at a server where a database may be created).
// Real history first: `--cases` cases simulated over 365 days by the real use cases (the city
// simulator), then their rows copied (new seq numbers, same cases, same sizes) up to `--rows`;
// 6.9 M rows is the issue's million cases (6.9 rows a case). Audit rows: `--audit` entries spread
// over the last 12 months. Sizes: heap + TOAST + indexes over every partition.
import pg from 'pg';
import { createRuntime } from '../apps/server/src/app-context';
import { loadConfig } from '../apps/server/src/config';
import { migrateTo, migrateToLatest } from '../apps/server/src/db/migrate';
import { timelineQuery } from '../apps/server/src/repositories/case-history';
import { seedDemoUsers } from '../apps/server/src/seed/seed-demo';
import { seedReference } from '../apps/server/src/seed/seed-reference';
import { simulateCity } from '../apps/server/src/simulate/simulate-city';
import { load } from './bench-lib';

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1] ?? '']));
const ROWS = Number(args.get('--rows') ?? 6_900_000);
const CASES = Number(args.get('--cases') ?? 2000);
const AUDIT = Number(args.get('--audit') ?? 300_000);
const KEEP = process.argv.includes('--keep');
const ROWS_PER_CASE = 6.9;
const ADMIN_URL = process.env.JIESU_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!ADMIN_URL) {
  console.error('Set DATABASE_URL (or run under scripts/with-postgres.sh).');
  process.exit(2);
}

const secs = (t: number) => ((performance.now() - t) / 1000).toFixed(1);

async function sizes(pool: pg.Pool, table: string) {
  const { rows } = await pool.query<{ rows: string; heap: string; toast: string; idx: string; parts: string }>(
    `with leaves as (select relid from pg_partition_tree($1::regclass) where isleaf and relid <> $1::regclass
       union all select $1::regclass where not exists (select 1 from pg_partitioned_table where partrelid = $1::regclass))
     select (select count(*) from ${table})::bigint as rows,
       sum(pg_relation_size(relid))::bigint as heap,
       sum(pg_total_relation_size(relid) - pg_relation_size(relid) - pg_indexes_size(relid))::bigint as toast,
       sum(pg_indexes_size(relid))::bigint as idx, count(*)::int as parts
     from leaves`,
    [table],
  );
  const r = rows[0];
  if (!r) throw new Error(`no sizes for ${table}`);
  const n = Number(r.rows);
  const total = Number(r.heap) + Number(r.toast) + Number(r.idx);
  return { rows: n, parts: Number(r.parts), heap: Number(r.heap), toast: Number(r.toast), idx: Number(r.idx), total, perRow: total / n };
}

async function columnBytes(pool: pg.Pool): Promise<Record<string, number>> {
  const { rows: cols } = await pool.query<{ column_name: string }>(
    `select column_name from information_schema.columns where table_schema = 'public' and table_name = 'case_history' order by ordinal_position`,
  );
  const list = cols.map((c) => `avg(coalesce(pg_column_size(h.${c.column_name}), 0))::numeric(8,1) as ${c.column_name}`).join(', ');
  // The simulated rows (seq < 1000), not the copies: the same sizes, fewer to read.
  const { rows } = await pool.query<Record<string, string>>(`select ${list}, avg(pg_column_size(h.*))::numeric(8,1) as whole_row from case_history h where seq < 1000`);
  return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v)]));
}

function report(label: string, s: Awaited<ReturnType<typeof sizes>>, cols: Record<string, number>) {
  const mb = (b: number) => (b / 1e6).toFixed(1);
  const perMillionCases = (s.perRow * ROWS_PER_CASE * 1e6) / 1e9;
  console.log(`\n${label}: ${s.rows.toLocaleString('en')} rows in ${s.parts} partition(s) (load ${load()})`);
  console.log(`  heap ${mb(s.heap)} MB, toast ${mb(s.toast)} MB, indexes ${mb(s.idx)} MB, total ${mb(s.total)} MB`);
  console.log(`  bytes per row on disk (heap+toast+indexes): ${s.perRow.toFixed(1)} — per million cases (${ROWS_PER_CASE} rows a case): ${perMillionCases.toFixed(2)} GB`);
  console.log(`  average stored bytes per column (pg_column_size): ${JSON.stringify(cols)}`);
}

async function explain(pool: pg.Pool, text: string, params: unknown[]): Promise<string> {
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`explain ${text}`, params);
  return rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n');
}

async function main() {
  const admin = new pg.Pool({ connectionString: ADMIN_URL, max: 1 });
  const dbName = `bench_history_${process.pid}`;
  await admin.query(`create database ${dbName}`);
  const url = new URL(ADMIN_URL as string);
  url.pathname = `/${dbName}`;
  console.log(`database ${dbName}; target ${ROWS.toLocaleString('en')} history rows, ${CASES} simulated cases, ${AUDIT.toLocaleString('en')} audit rows`);
  const rt = await createRuntime(loadConfig({ ...process.env, DATABASE_URL: url.toString() }));
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  try {
    let t = performance.now();
    await seedReference(rt.ctx);
    await seedDemoUsers(rt.ctx);
    const sim = await simulateCity(rt.ctx, { cases: CASES, days: 365, seed: 1, end: new Date() });
    const base = Number((await pool.query<{ n: string }>('select count(*) as n from case_history')).rows[0]?.n ?? 0);
    console.log(`simulated ${sim.cases} cases (${base} history rows, ${(base / sim.cases).toFixed(2)} a case) in ${secs(t)} s`);

    t = performance.now();
    const copies = Math.max(0, Math.ceil(ROWS / base) - 1);
    for (let g = 1; g <= copies; g += 50) {
      await pool.query(
        `insert into case_history (case_received_at, at, case_id, actor_user_id, seq, action, from_status, to_status, actor_username, actor_display_name, actor_unit_code, note, attachments, data)
         select case_received_at, at, case_id, actor_user_id, seq + 1000 * g, action, from_status, to_status, actor_username, actor_display_name, actor_unit_code, note, attachments, data
         from case_history cross join generate_series($1::int, $2::int) g where seq < 1000`,
        [g, Math.min(copies, g + 49)],
      );
    }
    // Audit rows over the last 12 months, as the application writes them (actor, unit path, target).
    await pool.query(
      `insert into audit_log (at, actor_user_id, actor_username, actor_unit_path, action, target_type, target_id, data)
       select now() - ((g::bigint * 7919) % 31536000) * interval '1 second', u.id, u.username, un.path,
         (array['case.view_unmasked', 'user.update', 'appeal.decide', 'unit.update'])[1 + g % 4], 'case', md5(g::text), jsonb_build_object('n', g)
       from generate_series(1, $1::int) g join (select row_number() over (order by username) - 1 as n, id, username, unit_code from users) u
         on u.n = g % (select count(*) from users) join units un on un.code = u.unit_code`,
      [AUDIT],
    );
    // New months the audit rows reach, created as the running server would (rows move out of default).
    const { ensurePartitions } = await import('../apps/server/src/use-cases/maintenance/ensure-partitions');
    await ensurePartitions(rt.ctx);
    await pool.query('vacuum analyze case_history');
    await pool.query('vacuum analyze audit_log');
    console.log(`grown in ${secs(t)} s`);

    report('AFTER (migration 0033, grown in place)', await sizes(pool, 'case_history'), await columnBytes(pool));

    // The old layout, by the migrations' own `down` (0034, 0033), then up again timed.
    t = performance.now();
    await migrateTo(rt.ctx.db, '0024-ranking-stamp');
    await pool.query('vacuum analyze case_history');
    console.log(`\nmigrated down to 0024 in ${secs(t)} s`);
    report('BEFORE (layout of 0002, the rows 0033 rewrote back)', await sizes(pool, 'case_history'), await columnBytes(pool));
    const sample = (
      await pool.query<{ case_id: string; received_at: Date }>(
        `select h.case_id, c.received_at from case_history h join cases c on c.id = h.case_id order by c.received_at limit 1 offset 100`,
      )
    ).rows[0];
    if (!sample) throw new Error('no history');
    console.log(
      `\nEXPLAIN timeline before (case received ${sample.received_at.toISOString()}):\n${await explain(pool, 'select * from case_history where case_id = $1 order by seq', [sample.case_id])}`,
    );

    t = performance.now();
    await migrateToLatest(rt.ctx.db);
    console.log(`\nmigrated up (0033 + 0034) at ${ROWS.toLocaleString('en')} history rows and ${AUDIT.toLocaleString('en')} audit rows in ${secs(t)} s`);
    await pool.query('vacuum analyze case_history');
    await pool.query('vacuum analyze audit_log');
    report('AFTER (migrated up from the old layout)', await sizes(pool, 'case_history'), await columnBytes(pool));

    const tl = timelineQuery(rt.ctx.db, { id: sample.case_id, receivedAt: sample.received_at }).compile();
    console.log(`\nEXPLAIN timeline after (the repository's query):\n${await explain(pool, tl.sql, [...tl.parameters])}`);
    const to = new Date();
    const from = new Date(to.getTime() - 30 * 86_400_000);
    const scoped =
      (await pool.query<{ path: string }>(`select un.path from users u join units un on un.code = u.unit_code where un.class = 'street' limit 1`)).rows[0]?.path ?? '/';
    for (const [label, scopePath, action] of [
      ['centre, last 30 days', null, undefined],
      [`street ${scoped}, last 30 days, action case.view_unmasked`, scoped, 'case.view_unmasked'],
    ] as const) {
      const q = rt.ctx.repos.audit.pageQuery({ scopePath, from, to, ...(action ? { action } : {}) }, { limit: 51, after: null }).compile();
      console.log(`\nEXPLAIN audit list (${label}):\n${await explain(pool, q.sql, [...q.parameters])}`);
      const started = performance.now();
      const page = await pool.query(q.sql, [...q.parameters]);
      console.log(`  → ${page.rowCount} rows in ${(performance.now() - started).toFixed(1)} ms`);
    }
    const parts = await rt.ctx.repos.partitions.list('audit_log');
    console.log(`\naudit_log partitions: ${parts.map((p) => p.name).join(', ')}`);
    console.log(
      `audit rows by partition: ${JSON.stringify((await pool.query(`select tableoid::regclass::text as part, count(*)::int as n from audit_log group by 1 order by 1`)).rows)}`,
    );
  } finally {
    await pool.end();
    await rt.close();
    if (!KEEP) await admin.query(`drop database ${dbName} with (force)`);
    await admin.end();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
