// Benchmark: hotspot mining (每月一题) for a Beijing-size month on PostgreSQL. Seeds the real
// reference units and categories, generates BENCH_CASES cases (default 800,000) in November 2026
// with INSERT … SELECT generate_series — each with words drawn from one of 2,000 recurring problems
// (skewed sizes) plus common filler words, a requester phone in the case JSON, a place among
// Beijing's communities and, for a fifth, a visit result — then times:
//   floor   a plain SQL scan of the month's rows for mining (the same narrow rows and columns,
//           aggregated in the server), and the repository's read of them into this process
//   full    computeHotspots for the month (read, group, growth against 2 preceding months, rank, store)
//   attach  one new case attached to its group at intake (in-memory match; its member row is
//           written behind), p50/p99, and the time until that row is stored
//   intake  takeInCase with and without the attach hook, p50
// and prints peak RSS. `bash scripts/with-postgres.sh npx tsx scripts/bench-hotspots.ts`
// (BENCH_CASES=100000 to iterate; BENCH_KEEP / BENCH_DB as in bench-lib.ts).
import { performance } from 'node:perf_hooks';
import { GroupAttacher } from '@jiesu/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../apps/server/src/db/schema';
import { seedReference } from '../apps/server/src/seed/seed-reference';
import { level1Map, toTermWeights } from '../apps/server/src/services/hotspot-index.service';
import { systemActor } from '../apps/server/src/use-cases/cases/case-context';
import { takeInCase } from '../apps/server/src/use-cases/cases/take-in-case';
import { computeHotspots } from '../apps/server/src/use-cases/hotspots/compute-hotspots';
import { load, measure, peakRssMb, percentile, runBench, seconds, withBenchDatabase } from './bench-lib';

const CASES = Number(process.env.BENCH_CASES ?? 800_000);
const PROBLEMS = 2000;
const ATTACHES = Number(process.env.BENCH_ATTACHES ?? 2000);

runBench(() =>
  withBenchDatabase(async ({ rt, isReused }) => {
    const db = rt.ctx.db;
    let t0 = performance.now();
    if (!isReused) {
      await seedReference(rt.ctx);
      console.log(`reference seeded (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
      t0 = performance.now();
      await generate(rt.ctx.db);
      console.log(`generated ${CASES} cases, ${PROBLEMS} recurring problems (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    } else {
      // A kept database: earlier runs' groups and members go (and the bench's topics, none), so every
      // run stores into empty tables.
      await sql`truncate hotspot_members, hotspot_groups, hotspot_runs cascade`.execute(db);
    }
    const nCats = Number((await sql<{ n: number }>`select count(*)::int as n from bench_cats`.execute(db)).rows[0]?.n);
    const from = new Date('2026-11-01T00:00:00+08:00');
    const to = new Date('2026-12-01T00:00:00+08:00');

    // Floors: the same rows and columns the computation starts with, (a) scanned and aggregated in
    // the database, (b) read into this process by the repository.
    // (The rows are the narrow mining rows, migration 0036; before it the scan joined case_tokens
    // to the wide cases row for the requester in its state document.)
    const scan = await measure(() =>
      sql`select count(*) as n, count(distinct t.requester_key) as requesters, sum(length(t.word_ids) / 4) as words,
            count(*) filter (where t.is_closed) as closed, count(f.is_solved) as visited, count(distinct t.category_code || t.street_code || t.community_code) as places
          from case_mining t left join score_facts f on f.case_id = t.case_id and f.is_valid
          where t.received_at >= ${from} and t.received_at < ${to}`.execute(db),
    );
    console.log(`floor (a) plain SQL scan of the month's rows: ${seconds(scan.ms)}`);
    // Only the count is kept: the batch itself is garbage before the computation starts (held, it
    // would make the computation's garbage collection scan a second month).
    const read = await measure(async () => (await rt.ctx.repos.hotspots.miningBatch({ from, to, scopePath: null })).count);
    console.log(`floor (b) read the month's ${read.value} rows into the process: ${seconds(read.ms)} (CPU ${seconds(read.cpuMs)}), RSS peak so far ${peakRssMb()} MB`);

    const analyst = await systemActor(rt.ctx, ['analyst']);
    // CPU time of this process per stage, beside the wall times computeHotspots reports.
    const stageCpu: Record<string, number> = {};
    let cpuMark = process.cpuUsage();
    const onStage = (name: string) => {
      const c = process.cpuUsage(cpuMark);
      stageCpu[name] = Math.round((c.user + c.system) / 1000);
      cpuMark = process.cpuUsage();
    };
    const full = await measure(() => computeHotspots(rt.ctx, { actor: analyst, period: { month: '2026-11' }, previousPeriods: 2, onStage }));
    const { run, stages } = full.value;
    console.log(
      `full computation: ${seconds(full.ms)} = ${(full.ms / scan.ms).toFixed(2)} × floor (a), ${(full.ms / read.ms).toFixed(2)} × floor (b); stages ${JSON.stringify(stages)}`,
    );
    console.log(`  CPU per stage (ms) ${JSON.stringify(stageCpu)}; ${run.groupCount} groups of 2+, ${run.caseCount} cases`);
    // On a shared machine wall time includes waiting for a core: this process's own CPU time beside it.
    console.log(`this process's CPU during the computation: ${seconds(full.cpuMs)} (load average ${load()})`);
    console.log(`peak RSS after the computation: ${peakRssMb()} MB`);
    const top = await rt.ctx.repos.hotspots.groups(run.id, { limit: 5 });
    for (const g of top) console.log(`  #${g.rank} size ${g.size} streets ${g.metrics.streets}: ${g.topWords.slice(0, 5).join(' ')}`);

    // Attach: new cases of random problems, one at a time, as the intake hook does.
    const ids = (await sql<{ id: string; t: number }>`select id, t from bench_cases order by random() limit ${ATTACHES}`.execute(db)).rows;
    await rt.ctx.hotspots.attach({ caseId: ids[0]?.id as string, categoryCode: 'x', tokens: [] }, 'bench', new Date()); // load the index
    await rt.ctx.hotspots.settled();
    const attachTimes: number[] = [];
    // Member rows are written behind (intake does not wait): the time until this one is stored.
    const storedTimes: number[] = [];
    let attached = 0;
    for (const { id, t } of ids) {
      const cat = (await sql<{ code: string }>`select code from bench_cats where idx = ${1 + (t % nCats)}`.execute(db)).rows[0]?.code as string;
      const tokens = [...Array.from({ length: 9 }, () => `p${t}_${Math.floor(Math.random() * 14)}`), ...Array.from({ length: 8 }, () => `c${Math.floor(Math.random() * 8000)}`)];
      const a0 = performance.now();
      const r = await rt.ctx.hotspots.attach({ caseId: id, categoryCode: cat, tokens }, 'bench', new Date());
      attachTimes.push(performance.now() - a0);
      await rt.ctx.hotspots.settled();
      storedTimes.push(performance.now() - a0);
      if (r.groupId !== null) attached++;
    }
    console.log(
      `attach one case (what intake waits for): p50 ${percentile(attachTimes, 0.5).toFixed(2)} ms, p99 ${percentile(attachTimes, 0.99).toFixed(2)} ms over ${ATTACHES} cases (${attached} joined a group); load ${load()}`,
    );
    console.log(`  until its member row and the group's count are stored: p50 ${percentile(storedTimes, 0.5).toFixed(2)} ms, p99 ${percentile(storedTimes, 0.99).toFixed(2)} ms`);

    // The in-memory part of attach alone (the stored signatures' index, no database write).
    const tw = await rt.ctx.repos.hotspots.termWeights(run.id);
    const sigs = await rt.ctx.repos.hotspots.signatures(run.id);
    const attacher = new GroupAttacher(
      toTermWeights(tw ?? { docCount: 0, idf: {} }),
      sigs.map((g) => ({ key: g.id, block: g.block, signature: g.signature, size: g.size })),
    );
    const blockOf = level1Map(await rt.ctx.repos.categories.listAll({ includeInactive: true }));
    const matchTimes: number[] = [];
    for (const { t } of ids) {
      const cat = (await sql<{ code: string }>`select code from bench_cats where idx = ${1 + (t % nCats)}`.execute(db)).rows[0]?.code as string;
      const tokens = [...Array.from({ length: 9 }, () => `p${t}_${Math.floor(Math.random() * 14)}`), ...Array.from({ length: 8 }, () => `c${Math.floor(Math.random() * 8000)}`)];
      const a0 = performance.now();
      attacher.attach(tokens, blockOf.get(cat) ?? cat);
      matchTimes.push(performance.now() - a0);
    }
    console.log(
      `  of which the in-memory match: p50 ${percentile(matchTimes, 0.5).toFixed(3)} ms, p99 ${percentile(matchTimes, 0.99).toFixed(3)} ms (${sigs.length} groups indexed)`,
    );

    // Intake with and without the hook (the hook's share of taking a case in).
    const operator = await systemActor(rt.ctx, ['operator']);
    const place = (await sql<{ community: string; street: string; district: string }>`select community, street, district from bench_places limit 1`.execute(db)).rows[0];
    const cat0 = (await sql<{ code: string }>`select code from bench_cats where idx = 1`.execute(db)).rows[0]?.code as string;
    const runTag = Math.random().toString(36).slice(2, 8);
    const intakeOnce = async (i: number) => {
      const a0 = performance.now();
      await takeInCase(rt.ctx, {
        actor: operator,
        idempotencyKey: `bench-${runTag}-${i}`,
        intake: {
          channel: 'phone',
          kind: 'complaint',
          categoryCode: cat0,
          urgency: 'general',
          requester: { name: '张三', phone: '13800000000', isAnonymous: false },
          subject: '小区电动自行车充电难',
          detail: '小区没有充电桩，居民飞线充电，存在火灾隐患。',
          location: {
            address: '某小区1号楼',
            coordinates: null,
            districtCode: place?.district ?? null,
            streetCode: place?.street ?? null,
            communityCode: place?.community ?? null,
          },
        },
      });
      return performance.now() - a0;
    };
    for (let i = 0; i < 20; i++) await intakeOnce(i);
    const withHook: number[] = [];
    for (let i = 0; i < 200; i++) withHook.push(await intakeOnce(1000 + i));
    const realAttach = rt.ctx.hotspots.attach.bind(rt.ctx.hotspots);
    rt.ctx.hotspots.attach = async () => ({ groupId: null, similarity: null, problemIds: [] });
    const withoutHook: number[] = [];
    for (let i = 0; i < 200; i++) withoutHook.push(await intakeOnce(2000 + i));
    rt.ctx.hotspots.attach = realAttach;
    console.log(`intake p50 with the attach hook ${percentile(withHook, 0.5).toFixed(2)} ms, without ${percentile(withoutHook, 0.5).toFixed(2)} ms`);
    console.log(`peak RSS: ${peakRssMb()} MB`);
  }),
);

/** Cases, their words and a fifth with a visit result, in a few INSERT … SELECT statements. */
async function generate(db: Kysely<Database>): Promise<void> {
  await sql`create table bench_places as
    select row_number() over (order by c.code) as idx, c.code as community, s.code as street, s.parent_code as district, c.path
    from units c join units s on s.code = c.parent_code where c.class = 'community' and s.class = 'street'`.execute(db);
  await sql`create table bench_cats as select row_number() over (order by code) as idx, code from categories where level = 3`.execute(db);
  const nPlaces = Number((await sql<{ n: number }>`select count(*)::int as n from bench_places`.execute(db)).rows[0]?.n);
  const nCats = Number((await sql<{ n: number }>`select count(*)::int as n from bench_cats`.execute(db)).rows[0]?.n);
  // Each case: a problem t (skewed: a few large, many small), a place, a time in the month.
  await sql`create table bench_cases as
    select gen_random_uuid() as id, g as i, floor(power(random(), 3) * ${PROBLEMS})::int as t,
      1 + floor(random() * ${nPlaces})::int as place,
      timestamptz '2026-11-01 00:00:00+08' + random() * interval '30 days' as received_at
    from generate_series(1, ${CASES}) g`.execute(db);
  await sql`
    insert into cases (id, case_number, status, version, channel, kind, category_code, urgency, subject, district_code, street_code, community_code,
      location_path, received_at, closed_at, state)
    select b.id, 'B' || lpad(b.i::text, 10, '0'), 'closed', 1, 'phone', 'complaint', c.code, 'general', '问题' || b.t, p.district, p.street, p.community,
      p.path, b.received_at, b.received_at + interval '3 days',
      jsonb_build_object('requester', jsonb_build_object('name', '居民', 'phone', '13' || lpad((floor(random() * 1e9))::bigint::text, 9, '0'), 'isAnonymous', false),
        'detail', repeat('居民反映问题需要处理。', 20), 'subject', '问题' || b.t)
    from bench_cases b join bench_places p on p.idx = b.place join bench_cats c on c.idx = 1 + (b.t % ${nCats})`.execute(db);
  await sql`
    insert into case_tokens (case_id, street_code, received_at, tokens)
    select b.id, p.street, b.received_at,
      array(select 'p' || b.t || '_' || floor(random() * 14)::int from generate_series(1, 9 + (b.i % 2)))
        || array(select 'c' || floor(random() * 8000)::int from generate_series(1, 8 + (b.i % 3)))
    from bench_cases b join bench_places p on p.idx = b.place`.execute(db);
  await sql`
    insert into score_facts (case_id, case_number, period_key, visited_at, lead_unit_code, lead_unit_class, street_code, district_code, is_valid, is_contacted, is_solved, satisfaction, is_exempt)
    select b.id, 'B' || lpad(b.i::text, 10, '0'), '2026-11', b.received_at + interval '4 days', p.street, 'street', p.street, p.district, true, true,
      random() < 0.8, case when random() < 0.7 then 'satisfied' when random() < 0.5 then 'basically_satisfied' else 'dissatisfied' end, false
    from bench_cases b join bench_places p on p.idx = b.place where b.i % 5 = 0`.execute(db);
  await sql`vacuum analyze cases`.execute(db);
  await sql`vacuum analyze case_tokens`.execute(db);
  await sql`vacuum analyze score_facts`.execute(db);
}
