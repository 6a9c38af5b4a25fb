// Benchmark: every monthly ranking of a Beijing-size month. Seeds the real reference units
// (≈349 streets/townships, 16 districts, the departments and enterprises), bulk-generates
// 2,000,000 scoring facts with INSERT … SELECT generate_series, then times the code path the API
// uses (computePeriodRankings: the GROUP BY + GROUPING SETS query, scoring and ranking in the
// core) against a floor — one plain GROUP BY scan of the same rows — and prints both medians.
//   bash scripts/with-postgres.sh npx tsx scripts/bench-rankings.ts
// Reads JIESU_TEST_DATABASE_URL or DATABASE_URL (a server where it may create a database; see bench-lib.ts).
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { seedReference } from '../apps/server/src/seed/seed-reference';
import { computePeriodRankings } from '../apps/server/src/use-cases/scoring/compute-rankings';
import { median, runBench, timed, withBenchDatabase } from './bench-lib';

const ROWS = Number(process.env.BENCH_ROWS ?? 2_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PERIOD = '2026-11';

runBench(() =>
  withBenchDatabase(async ({ rt }) => {
    const db = rt.ctx.db;
    let t0 = performance.now();
    await seedReference(rt.ctx);
    const counts = await sql<{ class: string; n: number }>`select class, count(*)::int as n from units group by class order by class`.execute(db);
    console.log(`reference units: ${counts.rows.map((r) => `${r.class} ${r.n}`).join(', ')} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

    // Lead candidates with the street and district above each (from the unit path), in three
    // pools: communities lead 60% of cases, streets 30%, departments and enterprises 10%.
    t0 = performance.now();
    await sql`
      create table bench_leads as
      select u.code, u.class,
        case when u.class in ('community', 'section') then 'community' when u.class = 'street' then 'street' else 'body' end as pool,
        (select s.code from units s where s.class = 'street' and s.code <> u.code and u.path like s.path || '%') as street_code,
        (select d.code from units d where d.class = 'district' and d.code <> u.code and u.path like d.path || '%') as district_code
      from units u where u.class in ('community', 'street', 'department', 'enterprise')`.execute(db);
    await sql`alter table bench_leads add column idx integer`.execute(db);
    await sql`update bench_leads b set idx = r.rn from (select code, row_number() over (partition by pool order by code)::int - 1 as rn from bench_leads) r where r.code = b.code`.execute(
      db,
    );
    await sql`create index on bench_leads (pool, idx)`.execute(db);
    const pools: Array<[string, number]> = [
      ['community', Math.round(ROWS * 0.6)],
      ['street', Math.round(ROWS * 0.3)],
      ['body', ROWS - Math.round(ROWS * 0.6) - Math.round(ROWS * 0.3)],
    ];
    for (const [pool, n] of pools) {
      // Answers vary by case (g) and by unit (idx), so units differ and rankings mean something.
      await sql`
        insert into score_facts (case_id, case_number, period_key, visited_at, lead_unit_code, lead_unit_class, street_code, district_code,
                                 is_valid, is_contacted, is_solved, satisfaction, is_exempt)
        select md5(${pool} || g::text)::uuid, '20261101-' || lpad(g::text, 7, '0'), ${PERIOD}, timestamptz '2026-11-01 10:00+08',
               b.code, b.class, b.street_code, b.district_code,
               (g * 7 + b.idx) % 100 < 92,
               (g * 31 + b.idx * 3) % 100 < 90 + b.idx % 10,
               (g * 17 + b.idx * 5) % 100 < 70 + b.idx % 25,
               case when (g * 13 + b.idx) % 100 < 60 + b.idx % 30 then 'satisfied'
                    when (g * 13 + b.idx) % 100 < 90 then 'basically_satisfied' else 'dissatisfied' end,
               (g * 11) % 1000 < 5
        from generate_series(1::bigint, ${n}::bigint) g
        join bench_leads b on b.pool = ${pool} and b.idx = (g * 7919) % (select count(*) from bench_leads where pool = ${pool})`.execute(db);
    }
    await sql`update score_facts set satisfaction = null where not is_valid`.execute(db);
    await sql`vacuum analyze score_facts`.execute(db);
    const total = Number((await sql<{ n: number }>`select count(*)::int as n from score_facts where period_key = ${PERIOD}`.execute(db)).rows[0]?.n);
    console.log(`generated ${total.toLocaleString('en')} fact rows (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

    // Warm up once each (plans, caches), then time.
    const rankings = await computePeriodRankings(rt.ctx, { periodKey: PERIOD });
    const floorQuery = () =>
      sql`select lead_unit_code, count(*), sum(case when is_contacted then 1 else 0 end), sum(case when is_solved then 1 else 0 end),
                 sum(case when satisfaction = 'satisfied' then 1 else 0 end)
          from score_facts where period_key = ${PERIOD} group by lead_unit_code`.execute(db);
    await floorQuery();
    const rankingTimes = await timed(RUNS, () => computePeriodRankings(rt.ctx, { periodKey: PERIOD }));
    const aggregateTimes = await timed(RUNS, () => rt.ctx.repos.scoreFacts.periodTallies([PERIOD]));
    const floorTimes = await timed(RUNS, floorQuery);

    for (const c of rankings.classes) {
      const ranked = c.rows.filter((r) => r.rank !== null);
      const best = c.rows[0];
      console.log(
        `  ${c.unitClass.padEnd(10)} ${String(c.rows.length).padStart(4)} units, ${String(ranked.length).padStart(4)} ranked; #1 ${best?.unitName ?? '-'} ${((best?.composite ?? 0) * 100).toFixed(2)} (n=${best?.sampleSize ?? 0})`,
      );
    }
    const r = median(rankingTimes);
    const a = median(aggregateTimes);
    const f = median(floorTimes);
    const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
    console.log(`all rankings (API path): median ${r.toFixed(0)} ms   [${fmt(rankingTimes)}]`);
    console.log(`  of which the aggregate query: median ${a.toFixed(0)} ms   [${fmt(aggregateTimes)}]`);
    console.log(`floor (one GROUP BY scan):  median ${f.toFixed(0)} ms   [${fmt(floorTimes)}]`);
    console.log(`ratio ranking / floor: ${(r / f).toFixed(2)}×   target: < 2000 ms and ≤ 3×  →  ${r < 2000 && r / f <= 3 ? 'met' : 'NOT met'}`);
  }),
);
