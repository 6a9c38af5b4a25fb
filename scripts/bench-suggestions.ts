// Benchmark of intake suggestions (a script, not a test):
//   bash scripts/with-postgres.sh npx tsx scripts/bench-suggestions.ts [--cases 100000] [--calls 5000]
// Loads 100,000 open cases (bulk SQL over generate_series, subjects and tokens from made-up
// templates, spread over every real street and the last 29 days), the demo knowledge base and a
// category model (trained on ../shared/data/messages-train.jsonl when present, else on the nlp
// test fixtures), then calls the same suggestIntake() the endpoint calls, in-process and
// sequentially, and reports suggestions per second, latency percentiles and time per stage;
// then the same over HTTP (app.inject, no sockets). Without DATABASE_URL it runs on in-memory PGlite.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Actor, DEFAULT_URGENCY_RULES } from '@jiesu/core';
import { type LabelledExample, readLabelledFile, serializeModel, trainCategoryModel } from '@jiesu/nlp';
import { sql } from 'kysely';
import { FIXTURES } from '../packages/nlp/test/fixtures';
import { createRuntime } from '../apps/server/src/app-context';
import { loadConfig } from '../apps/server/src/config';
import { buildApp } from '../apps/server/src/http/app';
import { caseTokens } from '../apps/server/src/intake/text-tokens';
import { DEMO_PASSWORD, seedDemoUsers } from '../apps/server/src/seed/seed-demo';
import { seedDemoKnowledge } from '../apps/server/src/seed/seed-knowledge';
import { seedReference } from '../apps/server/src/seed/seed-reference';
import { systemActor } from '../apps/server/src/use-cases/cases/case-context';
import { importCategoryModel } from '../apps/server/src/use-cases/intake/category-models';
import { type StageTimings, type SuggestionDraft, suggestIntake } from '../apps/server/src/use-cases/intake/suggest-intake';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const CASES = arg('--cases', 100_000);
const CALLS = arg('--calls', 5_000);
const HTTP_CALLS = arg('--http-calls', 2_000);
const SHARED = resolve('../shared/data/messages-train.jsonl');
const log = (...a: unknown[]) => console.error(...a);
const ms = (x: number) => Math.round(x * 1000) / 1000;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

// Extra templates so that streets hold more than the fixtures' forty kinds of request.
const EXTRA: Array<[string, string]> = [
  ['道路破损', '小区门口路面塌陷一个大坑，晚上行人容易摔倒，请尽快修补。'],
  ['暖气不热', '家里暖气不热，室温只有十四度，老人孩子受不了，请供热公司检修。'],
  ['楼道堆物', '楼道里堆满了杂物和纸箱，存在消防隐患，物业一直不清理。'],
  ['夜间施工噪音', '附近工地每天夜里施工到凌晨，噪音很大，严重影响休息。'],
  ['路灯不亮', '小区东侧道路的路灯坏了一个多月，晚上一片漆黑，很不安全。'],
  ['垃圾清运不及时', '小区垃圾桶满了好几天没人清运，气味很大，招来很多蚊蝇。'],
  ['违章停车', '消防通道上长期停着几辆私家车，堵住了通道，物业不管。'],
  ['水压低', '最近一周家里自来水水压很低，高层住户几乎用不上水。'],
  ['占道经营', '菜市场门口商贩占道经营，堵塞交通，行人只能走机动车道。'],
  ['电梯故障', '单元楼电梯经常停运，老人上下楼非常困难，请督促维修。'],
];

async function main() {
  // scripts/with-postgres.sh exports JIESU_TEST_DATABASE_URL (a throwaway server).
  const databaseUrl = process.env.DATABASE_URL ?? process.env.JIESU_TEST_DATABASE_URL ?? null;
  const config = loadConfig(process.env, { logLevel: 'silent', databaseUrl });
  const rt = await createRuntime(config, { inMemory: true });
  const { ctx } = rt;
  const db = ctx.db;
  log(`database: ${config.databaseUrl ? 'PostgreSQL' : 'PGlite (in-memory)'}`);
  await seedReference(ctx);
  await seedDemoUsers(ctx);
  await seedDemoKnowledge(ctx);

  // ---- model ----
  let training: LabelledExample[] = FIXTURES;
  let drafts: SuggestionDraft[] = FIXTURES.map((f) => ({ subject: f.subject ?? f.detail.slice(0, 12), detail: f.detail }));
  if (existsSync(SHARED)) {
    const { examples } = await readLabelledFile(SHARED);
    training = examples;
    // Drafts: real-length messages (cut at 300 characters, a long phone summary).
    drafts = examples.filter((_, i) => i % 20 === 0).map((e) => ({ subject: (e.subject ?? '').slice(0, 60) || e.detail.slice(0, 12), detail: e.detail.slice(0, 300) }));
  }
  let t0 = performance.now();
  const model = trainCategoryModel(training);
  const admin: Actor = await systemActor(ctx, ['administrator']);
  await importCategoryModel(ctx, { actor: admin, artifact: serializeModel(model), source: 'benchmark' });
  log(`model: trained on ${training.length} messages in ${ms((performance.now() - t0) / 1000)} s`);

  // ---- 100k open cases ----
  const streets = await db.selectFrom('units').select(['code', 'parent_code', 'name']).where('class', '=', 'street').where('is_active', '=', true).orderBy('code').execute();
  const districts = new Map((await db.selectFrom('units').select(['code', 'name']).where('class', '=', 'district').execute()).map((d) => [d.code, d.name]));
  const templates = [...FIXTURES.map((f) => [f.subject ?? f.detail.slice(0, 12), f.detail] as [string, string]), ...EXTRA];
  t0 = performance.now();
  await sql`create temporary table bench_templates (i int primary key, subject text, detail text, tokens text[])`.execute(db);
  await sql`create temporary table bench_streets (i int primary key, code text, district text)`.execute(db);
  for (const [i, [subject, detail]] of templates.entries()) {
    await sql`insert into bench_templates values (${i}, ${subject}, ${detail}, ${caseTokens(subject, detail)}::text[])`.execute(db);
  }
  for (let i = 0; i < streets.length; i += 200) {
    const batch = streets.slice(i, i + 200);
    await sql`insert into bench_streets select * from unnest(${batch.map((_, k) => i + k)}::int[], ${batch.map((s) => s.code)}::text[], ${batch.map((s) => s.parent_code ?? '')}::text[])`.execute(
      db,
    );
  }
  const T = templates.length;
  const S = streets.length;
  const categoryCode = (await db.selectFrom('categories').select('code').where('level', '=', 3).orderBy('code').executeTakeFirstOrThrow()).code;
  // In chunks so PGlite's single session is not held for one giant statement.
  for (let from = 1; from <= CASES; from += 25_000) {
    const to = Math.min(CASES, from + 24_999);
    await sql`
      insert into cases (id, case_number, status, version, channel, kind, category_code, urgency, subject, district_code, street_code,
                         location_path, received_at, state)
      select md5('bench' || g)::uuid, 'BENCH' || lpad(g::text, 7, '0'), 'dispatched', 1, 'phone', 'complaint', ${categoryCode}, 'general',
             t.subject, s.district, s.code, '/' || s.district || '/' || s.code || '/',
             now() - ((g % 29) * interval '1 day') - ((g % 1440) * interval '1 minute'), '{}'::jsonb
      from generate_series(${from}::int, ${to}::int) g
      join bench_templates t on t.i = (g * 7) % ${T}
      join bench_streets s on s.i = g % ${S}`.execute(db);
    await sql`
      insert into case_tokens (case_id, street_code, received_at, tokens)
      select c.id, c.street_code, c.received_at, t.tokens
      from generate_series(${from}::int, ${to}::int) g join bench_templates t on t.i = (g * 7) % ${T}
      join cases c on c.id = md5('bench' || g)::uuid`.execute(db);
  }
  // What autovacuum does on a live server: statistics, and the visibility map that lets the
  // duplicate search read tokens from the index alone (case_tokens_street includes them).
  await sql`vacuum analyze cases`.execute(db);
  await sql`vacuum analyze case_tokens`.execute(db);
  log(`cases: ${CASES} open cases over ${S} streets loaded in ${ms((performance.now() - t0) / 1000)} s`);

  // Each draft gets a real street's address, so location, routing and duplicates all do real work.
  const full = drafts.map((d, i) => {
    const s = streets[(i * 13) % S] as { code: string; parent_code: string | null; name: string };
    return {
      ...d,
      address: `${districts.get(s.parent_code ?? '') ?? ''}${s.name}幸福里小区${(i % 30) + 1}号楼`,
      kind: i % 5 === 0 ? ('consultation' as const) : ('complaint' as const),
    };
  });
  const operator: Actor = { ...admin, username: 'bench', roles: ['operator'] };

  if (process.argv.includes('--explain')) {
    const d = full[0] as (typeof full)[number];
    const street = (streets[0] as { code: string }).code;
    const q = caseTokens(d.subject, d.detail);
    const plan = await sql<Record<string, string>>`explain (analyze, buffers) select case_id, tokens from case_tokens
      where street_code = ${street} and received_at >= now() - interval '30 days' and tokens && ${q}::text[]`.execute(db);
    log(plan.rows.map((r) => Object.values(r)[0]).join('\n'));
  }

  // ---- in-process ----
  const blank = (): StageTimings => ({ reference: 0, category: 0, urgency: 0, location: 0, tokens: 0, queries: 0, leadUnit: 0 });
  for (let i = 0; i < 300; i++) await suggestIntake(ctx, { actor: operator, draft: full[i % full.length] as SuggestionDraft });
  const timings = blank();
  const latencies: number[] = [];
  let duplicatesFound = 0;
  let located = 0;
  const started = performance.now();
  for (let i = 0; i < CALLS; i++) {
    const a = performance.now();
    const s = await suggestIntake(ctx, { actor: operator, draft: full[i % full.length] as SuggestionDraft, timings });
    latencies.push(performance.now() - a);
    duplicatesFound += s.duplicates.length;
    if (s.location.street !== null) located++;
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((x, y) => x - y);
  const stages = Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, ms(v / CALLS)]));

  // Several calls in flight (as a server has): database waits overlap the CPU work of other calls,
  // so this is the throughput of one Node core, with PostgreSQL on its own process.
  const CONCURRENCY = 8;
  const concurrentLatencies: number[] = [];
  let next = 0;
  const concurrentStarted = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < CALLS) {
        const i = next++;
        const a = performance.now();
        await suggestIntake(ctx, { actor: operator, draft: full[i % full.length] as SuggestionDraft });
        concurrentLatencies.push(performance.now() - a);
      }
    }),
  );
  const concurrentSeconds = (performance.now() - concurrentStarted) / 1000;
  concurrentLatencies.sort((x, y) => x - y);

  // What the caches save: loading one street's recent open cases (done at most every 10 s per
  // street and process) and ranking the knowledge base in memory.
  const queryOnly = async (fn: (d: (typeof full)[number]) => Promise<unknown>) => {
    const l: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const d = full[i % full.length] as (typeof full)[number];
      const a = performance.now();
      await fn(d);
      l.push(performance.now() - a);
    }
    l.sort((x, y) => x - y);
    return { meanMs: ms(l.reduce((x, y) => x + y, 0) / l.length), p99Ms: ms(percentile(l, 99)) };
  };
  const { searchKnowledgeByTokens } = await import('../apps/server/src/use-cases/knowledge/search-knowledge');
  const streetOf = (i: number) => (streets[(i * 13) % S] as { code: string }).code;
  let k = 0;

  const duplicateQuery = await queryOnly(() => ctx.repos.intake.recentOpenCases(streetOf(k++), new Date(Date.now() - 30 * 86_400_000)));
  const knowledgeQuery = await queryOnly((d) => searchKnowledgeByTokens(ctx, caseTokens(d.subject, d.detail), 3));

  // ---- over HTTP (app.inject: routing, auth, validation, serialisation; no sockets) ----
  const app = await buildApp({ ctx });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'operator', password: DEMO_PASSWORD } });
  const token = login.json<{ token: string }>().token;
  const post = (d: SuggestionDraft) => app.inject({ method: 'POST', url: '/api/intake/suggestions', headers: { authorization: `Bearer ${token}` }, payload: d });
  for (let i = 0; i < 100; i++) await post(full[i % full.length] as SuggestionDraft);
  const httpLatencies: number[] = [];
  const httpStarted = performance.now();
  let httpErrors = 0;
  for (let i = 0; i < HTTP_CALLS; i++) {
    const a = performance.now();
    const res = await post(full[i % full.length] as SuggestionDraft);
    if (res.statusCode !== 200) httpErrors++;
    httpLatencies.push(performance.now() - a);
  }
  const httpSeconds = (performance.now() - httpStarted) / 1000;
  httpLatencies.sort((x, y) => x - y);
  await app.close();

  console.log(
    JSON.stringify(
      {
        database: config.databaseUrl ? 'postgresql' : 'pglite',
        openCases: CASES,
        streets: S,
        urgencyRules: DEFAULT_URGENCY_RULES.length,
        model: { trainedOn: training.length, terms: model.space.terms.length },
        inProcess: {
          calls: CALLS,
          perSecond: Math.round(CALLS / seconds),
          meanMs: ms((seconds * 1000) / CALLS),
          p50Ms: ms(percentile(latencies, 50)),
          p90Ms: ms(percentile(latencies, 90)),
          p99Ms: ms(percentile(latencies, 99)),
          maxMs: ms(latencies[latencies.length - 1] ?? 0),
          meanMsPerStage: stages,
          located: `${located}/${CALLS}`,
          meanDuplicatesPerCall: ms(duplicatesFound / CALLS),
        },
        inProcessConcurrent: {
          inFlight: CONCURRENCY,
          calls: CALLS,
          perSecond: Math.round(CALLS / concurrentSeconds),
          p50Ms: ms(percentile(concurrentLatencies, 50)),
          p99Ms: ms(percentile(concurrentLatencies, 99)),
        },
        queriesAlone: { streetRecentCasesLoad: duplicateQuery, knowledgeInMemory: knowledgeQuery },
        overHttp: {
          calls: HTTP_CALLS,
          errors: httpErrors,
          perSecond: Math.round(HTTP_CALLS / httpSeconds),
          p50Ms: ms(percentile(httpLatencies, 50)),
          p99Ms: ms(percentile(httpLatencies, 99)),
        },
      },
      null,
      2,
    ),
  );
  await rt.close();
}

await main();
