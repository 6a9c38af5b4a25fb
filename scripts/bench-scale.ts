// City scale (#17): grows a PostgreSQL database with bulk SQL to N cases and times the everyday
// calls through HTTP as the users who make them, each beside a hand-written floor query for the
// same rows in the same run; plus disk per million cases, the #15 search figures, a keyset walk
// that must see every case of a scope exactly once, and intake cases/s with 1, 2 and 4 processes.
// A benchmark, not a test:
//   bash scripts/with-postgres.sh npx tsx scripts/bench-scale.ts --cases 1000000 [--search-at 50000] [--skip-intake] [--sweep-running 500000] [--keep] [--disk-only] [--archive]
// --archive: after growing, run the archive pass and print the disk again (archiveFigures).
// --disk-only: grow, print the disk figures (by table, by column of `cases`, by key of its document) and stop.
// --sweep-running: after the table, extra running clocks (none due) on the open cases up to that
// many, and the sweep timed again. Each figure prints the 1-minute load average beside it.
// Absolute times on a shared machine are noisy; the ratios to the floors are what count.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { evaluationPeriodKeyOf, pathCodes } from '@jiesu/core';
import pg from 'pg';
import { createRuntime } from '../apps/server/src/app-context';
import { loadConfig } from '../apps/server/src/config';
import { caseSearchVector } from '../apps/server/src/search/case-search-terms';
import { seedDemoUsers } from '../apps/server/src/seed/seed-demo';
import { seedReference } from '../apps/server/src/seed/seed-reference';
import { load, median, timed } from './bench-lib';

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1] ?? '']));
const TARGET = Number(args.get('--cases') ?? 1_000_000);
const SEARCH_AT = Number(args.get('--search-at') ?? 50_000);
const CHUNK = 250_000;
const RUNS = 5;
/** #15 asks its search timings as a median of 7. */
const SEARCH_RUNS = 7;
const ADMIN_URL = process.env.JIESU_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!ADMIN_URL) {
  console.error('Set DATABASE_URL (or run under scripts/with-postgres.sh).');
  process.exit(2);
}

const SUBJECTS: Array<[string, string]> = [
  ['小区门口道路破损', '小区门口路面塌陷一个大坑，晚上行人容易摔倒，请尽快修补。'],
  ['楼上装修噪声扰民', '楼上每天晚上十点后还在装修，电钻噪声很大，无法休息。'],
  ['夜间施工噪声', '附近工地夜间施工，机器轰鸣，噪声扰民严重。'],
  ['小区停水', '小区从早上开始停水，没有提前通知，生活受影响。'],
  ['暖气不热', '家里暖气温度只有十几度，老人孩子受冻，请供热公司检修。'],
  ['垃圾清运不及时', '小区垃圾桶满了好几天没人清运，气味很大。'],
  ['违规停车占用消防通道', '小区消防通道长期被私家车占用，存在安全隐患。'],
  ['路灯不亮', '道路两侧路灯已经坏了一周，夜间出行不安全。'],
  ['共享单车乱停放', '地铁站出口共享单车乱停乱放，堵塞人行道。'],
  ['占道经营', '商贩在人行道上摆摊占道经营，影响通行。'],
  ['电梯故障', '楼内电梯经常停运，老人上下楼困难。'],
  ['油烟扰民', '楼下餐馆油烟直排，窗户都不敢开。'],
  ['燃气异味', '楼道内有燃气异味，担心泄漏。'],
  ['树木修剪', '小区内树木过高遮挡采光，树枝碰到电线。'],
  ['物业服务差', '物业不作为，公共区域卫生长期无人打扫。'],
  ['咨询社保办理', '咨询灵活就业人员社保如何办理缴费。'],
];

async function timedOnce<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

/** Median of RUNS after one warm-up (bench-lib's timing loop). */
async function medianMs(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  return median(await timed(RUNS, fn));
}

interface Server {
  base: string;
  port: number;
  proc: ChildProcess;
}

async function startServer(databaseUrl: string, workers: number): Promise<Server> {
  const port = 3800 + Math.floor(Math.random() * 150);
  const bin = fileURLToPath(new URL('../apps/server/bin/jiesu.mjs', import.meta.url));
  const proc = spawn(process.execPath, [bin, 'serve', '--port', String(port), ...(workers > 1 ? ['--workers', String(workers)] : [])], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      JIESU_API_RATE_LIMIT: '10000000',
      JIESU_PUBLIC_RATE_LIMIT: '1000000',
      // The bench logs in a dozen users per table and again for the search figures: past the
      // default 10 logins per minute per address (the product's limit stays as configured).
      JIESU_LOGIN_RATE_LIMIT: '1000000',
      JIESU_SWEEP_INTERVAL_SECONDS: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  // Up to 20 minutes: on a loaded shared machine, or a big database, compiling, migrating and the
  // boot's jobs can take a while. A server that exits or never answers stops the run here.
  let up = false;
  for (let i = 0; i < 6000 && proc.exitCode === null && !up; i++) {
    try {
      up = (await fetch(`${base}/health`)).ok;
    } catch {
      /* not up yet */
    }
    if (!up) await new Promise((r) => setTimeout(r, 200));
  }
  if (!up) {
    proc.kill('SIGTERM');
    throw new Error(`jiesu serve did not answer /health (exit code ${String(proc.exitCode)})`);
  }
  // All workers up: give the others a moment after the first answers.
  if (workers > 1) await new Promise((r) => setTimeout(r, 3000));
  return { base, port, proc };
}

async function stopServer(s: Server) {
  s.proc.kill('SIGTERM');
  await once(s.proc, 'exit');
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function request(
  port: number,
  method: string,
  path: string,
  token: string | null,
  payload?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path,
        method,
        headers: {
          ...(payload !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function login(s: Server, username: string): Promise<string> {
  const r = await request(s.port, 'POST', '/api/auth/login', null, JSON.stringify({ username, password: 'jiesu-demo' }));
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.body}`);
  return (JSON.parse(r.body) as { token: string }).token;
}

async function getOk(s: Server, token: string, path: string): Promise<unknown> {
  const r = await request(s.port, 'GET', path, token);
  if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${r.body.slice(0, 300)}`);
  return JSON.parse(r.body) as unknown;
}

/** A real closed case made through the API: its state document and history rows are the templates the bulk rows copy. */
async function makeTemplate(s: Server): Promise<string> {
  const operator = await login(s, 'operator');
  const dispatcher = await login(s, 'dispatcher');
  const handler = await login(s, 'wangjing.handler');
  const body = JSON.stringify({
    channel: 'phone',
    kind: 'complaint',
    categoryCode: '010101',
    urgency: 'general',
    requester: { name: '张三丰', phone: '13812341234', isAnonymous: false },
    subject: SUBJECTS[0]![0],
    detail: SUBJECTS[0]![1],
    location: { address: '朝阳区望京街道花家地西里三区5号楼', districtCode: '110105', streetCode: '110105026', communityCode: '110105026034' },
  });
  const c = await request(s.port, 'POST', '/api/cases', operator, body, { 'idempotency-key': randomUUID() });
  if (c.status !== 201) throw new Error(`intake: ${c.status} ${c.body}`);
  const id = (JSON.parse(c.body) as { id: string }).id;
  const step = async (token: string, action: string, payload: Record<string, unknown>) => {
    const r = await request(s.port, 'POST', `/api/cases/${id}/${action}`, token, JSON.stringify(payload));
    if (r.status !== 200) throw new Error(`${action}: ${r.status} ${r.body}`);
  };
  await step(dispatcher, 'dispatch', { lead: '110105026' });
  await step(handler, 'sign', {});
  await step(handler, 'contact', { method: 'phone' });
  const form = new FormData();
  form.append(
    'file',
    new Blob([Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')], { type: 'image/png' }),
    'e.png',
  );
  const up = await fetch(`${s.base}/api/attachments?kind=photo`, { method: 'POST', headers: { authorization: `Bearer ${handler}` }, body: form });
  const photo = ((await up.json()) as { id: string }).id;
  await step(handler, 'submit-feedback', { summary: '已修补路面', isSolved: true, attachmentIds: [photo] });
  await step(dispatcher, 'close', {});
  return id;
}

const GROWN_TABLES = ['cases', 'case_history', 'case_clocks', 'return_visit_attempts', 'score_facts'];

/** Secondary indexes are dropped while rows are bulk-loaded and built afterwards (much faster than row-by-row GIN upkeep). */
async function withoutSecondaryIndexes(pool: pg.Pool, load: () => Promise<void>) {
  const { rows } = await pool.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any($1)
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [GROWN_TABLES],
  );
  for (const r of rows) await pool.query(`drop index ${r.indexname}`);
  await load();
  const t = performance.now();
  await pool.query(`set maintenance_work_mem = '512MB'`);
  for (const r of rows) await pool.query(r.indexdef);
  console.log(`  rebuilt ${rows.length} secondary indexes in ${((performance.now() - t) / 1000).toFixed(0)} s`);
}

async function grow(pool: pg.Pool, templateId: string, from: number, to: number) {
  for (let start = from; start < to; start += CHUNK) {
    const end = Math.min(to, start + CHUNK);
    const t = performance.now();
    await pool.query('truncate bench_g');
    // One row per new case: where, who leads, which status, when. Open cases are recent; the
    // rest spread over twelve months. Pseudo-random but repeatable (multiplicative hashing).
    await pool.query(
      `insert into bench_g
       select g,
         md5('bench-' || g)::uuid,
         p.*, l.code, l.path, l.cls, t.n,
         case when g % 1000 < 10 then 'received' when g % 1000 < 25 then 'dispatched' when g % 1000 < 50 then 'handling'
              when g % 1000 < 55 then 'feedback' when g % 1000 < 65 then 'closed' else 'scored' end,
         case when g % 1000 < 65 then now() - ((g::bigint * 7919) % 864000) * interval '1 second'
              else now() - interval '10 days' - ((g::bigint * 2654435761) % 31536000) * interval '1 second' end
       from generate_series($1::int, $2::int - 1) g
       join bench_places p on p.n = (g::bigint * 40503) % (select count(*) from bench_places)
       join bench_subjects t on t.n = (g::bigint * 97) % (select count(*) from bench_subjects)
       join bench_leads l on l.n = case when g % 100 < 70 then -1 else (g::bigint * 31) % (select count(*) from bench_leads where n >= 0) end
`,
      [start, end],
    );
    // Street-led rows take the location's street as the lead.
    await pool.query(`update bench_g set lead_code = street, lead_path = street_path, lead_class = 'street' where lead_code = '-'`);
    await pool.query(
      `insert into cases (id, case_number, status, version, channel, kind, category_code, urgency, subject, district_code, street_code, community_code,
         location_path, lead_unit_code, live_unit_codes, pending_unit_codes, unit_paths, scope_codes, search_vector, requester_phone, is_requester_anonymous,
         address, has_pending_extension, is_overdue, received_at, closed_at, updated_at, state)
       select b.id, to_char(b.received_at at time zone 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(b.g::text, 7, '0'), b.status, 6, 'phone', 'complaint',
         tc.category_code, 'general', s.subject, b.district, b.street, b.community, b.path,
         case when b.status = 'received' then null else b.lead_code end,
         case when b.status in ('dispatched', 'handling', 'feedback') then array[b.lead_code] else '{}' end,
         case when b.status = 'dispatched' then array[b.lead_code] else '{}' end,
         array(select distinct x from unnest(array[b.path, b.lead_path, '/110000/']) x),
         array(select distinct c from unnest(array[b.path, b.lead_path, '/110000/']) p, unnest(string_to_array(trim(both '/' from p), '/')) c),
         s.vec || b.addr_vec,
         '13' || lpad((((b.g % 200000)::bigint * 7919) % 1000000000)::text, 9, '0'), b.g % 50 = 0,
         b.addr, b.status = 'handling' and b.g % 20 = 0, b.g % 33 = 0,
         b.received_at, case when b.status in ('closed', 'scored') then b.received_at + interval '3 days' end, b.received_at + interval '3 days',
         tc.state
       from bench_g b join bench_subjects s on s.n = b.subject_n cross join (select state, category_code from cases where id = $1) tc`,
      [templateId],
    );
    // The document is the template's: id, status and subject are the row's columns (migration 0031).
    // History: the template's rows (all for finished cases, the first two for open ones).
    await pool.query(
      `insert into case_history (case_id, case_received_at, seq, action, from_status, to_status, actor_user_id, actor_username, actor_display_name, actor_unit_code, at, note, attachments, data)
       select b.id, b.received_at, h.seq, h.action, h.from_status, h.to_status, h.actor_user_id, h.actor_username, h.actor_display_name, h.actor_unit_code,
         b.received_at + (h.seq * interval '1 hour'), h.note, h.attachments, h.data
       from bench_g b join case_history h on h.case_id = $1 and (b.status in ('closed', 'scored') or h.seq <= 2)`,
      [templateId],
    );
    // Clocks: the template's clock rows (all stopped) for each finished case; one running clock
    // (dispatch before dispatch, feedback after) for each open case.
    await pool.query(
      `insert into case_clocks (case_id, key, name, owner_unit_code, owner_unit_path, started_at, due_at, remind_at, status, stopped_at, reminded_at, escalated_at)
       select b.id, k.key, k.name, case when k.owner_unit_code = '110000' then k.owner_unit_code else b.lead_code end,
         case when k.owner_unit_code = '110000' then k.owner_unit_path else b.lead_path end,
         b.received_at + (k.started_at - t.received_at), b.received_at + (k.due_at - t.received_at), b.received_at + (k.remind_at - t.received_at),
         k.status, b.received_at + (k.stopped_at - t.received_at), null, null
       from bench_g b cross join (select received_at from cases where id = $1) t join case_clocks k on k.case_id = $1
       where b.status in ('closed', 'scored')`,
      [templateId],
    );
    await pool.query(
      `insert into case_clocks (case_id, key, name, owner_unit_code, owner_unit_path, started_at, due_at, remind_at, status, stopped_at, reminded_at, escalated_at)
       select b.id, k.key, k.key, case when b.status = 'received' then '110000' else b.lead_code end, case when b.status = 'received' then '/110000/' else b.lead_path end,
         b.received_at, b.received_at + k.span, b.received_at + k.span * 0.75, 'running', null, null, null
       from bench_g b cross join (values ('dispatch', interval '24 hours'), ('feedback', interval '7 days')) k(key, span)
       where b.status not in ('closed', 'scored') and (b.status = 'received') = (k.key = 'dispatch')`,
    );
    // Visits and score facts of the scored cases.
    await pool.query(
      `insert into return_visit_attempts (case_id, attempt_no, at, result, is_contacted, is_solved, satisfaction, comment, visitor_user_id, visitor_username)
       select b.id, 1, b.received_at + interval '4 days', 'reached', true, b.g % 10 <> 0, case when b.g % 10 < 7 then 'satisfied' when b.g % 10 < 9 then 'basically_satisfied' else 'dissatisfied' end,
         null, 'bench', 'visitor' from bench_g b where b.status = 'scored'`,
    );
    await pool.query(
      `insert into score_facts (case_id, case_number, period_key, visited_at, lead_unit_code, lead_unit_class, street_code, district_code, is_valid, is_contacted, is_solved, satisfaction)
       select b.id, 'b' || b.g, to_char((b.received_at + interval '4 days') at time zone 'Asia/Shanghai' + interval '13 days', 'YYYY-MM'), b.received_at + interval '4 days',
         b.lead_code, b.lead_class, case when b.lead_class = 'street' then null else b.street end, case when b.lead_class = 'street' then b.district end,
         true, true, b.g % 10 <> 0, case when b.g % 10 < 7 then 'satisfied' when b.g % 10 < 9 then 'basically_satisfied' else 'dissatisfied' end
       from bench_g b where b.status = 'scored'`,
    );
    console.log(`  grew to ${end.toLocaleString('en')} cases (${((performance.now() - t) / 1000).toFixed(0)} s for ${(end - start).toLocaleString('en')})`);
  }
  await pool.query('vacuum analyze cases');
  await pool.query('vacuum analyze case_history');
  await pool.query('vacuum analyze case_clocks');
  await pool.query('vacuum analyze score_facts');
  await pool.query('vacuum analyze return_visit_attempts');
}

async function prepareTemplates(pool: pg.Pool) {
  await pool.query(`create unlogged table if not exists bench_g (
    g int, id uuid, n int, community text, street text, district text, path text, street_path text, addr text, addr_vec tsvector,
    lead_code text, lead_path text, lead_class text, subject_n int, status text, received_at timestamptz)`);
  await pool.query(
    'create table if not exists bench_places (n int primary key, community text, street text, district text, path text, street_path text, addr text, addr_vec tsvector)',
  );
  await pool.query('create table if not exists bench_leads (n int primary key, code text, path text, cls text)');
  await pool.query('create table if not exists bench_subjects (n int primary key, subject text, detail text, vec tsvector)');
  const { rows: communities } = await pool.query<{ code: string; path: string; name: string }>(`select code, path, name from units where class = 'community' order by code`);
  const { rows: streets } = await pool.query<{ code: string; path: string; name: string }>(`select code, path, name from units where class = 'street'`);
  const streetPath = new Map(streets.map((s) => [s.code, s]));
  let n = 0;
  for (const c of communities) {
    const codes = pathCodes(c.path);
    const street = codes[codes.length - 2]!;
    const district = codes[codes.length - 3]!;
    const st = streetPath.get(street);
    if (!st) continue;
    const addr = `${st.name}${c.name}${(n % 30) + 1}号楼`;
    await pool.query('insert into bench_places values ($1, $2, $3, $4, $5, $6, $7, $8::tsvector)', [
      n,
      c.code,
      street,
      district,
      c.path,
      st.path,
      addr,
      caseSearchVector('', '', addr),
    ]);
    n += 1;
  }
  const { rows: leads } = await pool.query<{ code: string; path: string; class: string }>(
    `select code, path, class from units where class in ('department', 'enterprise') order by code`,
  );
  await pool.query(`insert into bench_leads values (-1, '-', '-', 'street')`);
  for (const [i, l] of leads.entries()) await pool.query('insert into bench_leads values ($1, $2, $3, $4)', [i, l.code, l.path, l.class]);
  for (const [i, [subject, detail]] of SUBJECTS.entries()) {
    await pool.query('insert into bench_subjects values ($1, $2, $3, $4::tsvector)', [i, subject, detail, caseSearchVector(subject, detail, '')]);
  }
  console.log(`templates: ${n} communities, ${leads.length} departments and enterprises, ${SUBJECTS.length} subjects`);
}

/**
 * --archive: the daily archive pass (`jiesu archive`, the product's own code) over the grown year —
 * every case closed more than 35 days ago — then the disk again, and once more after VACUUM FULL
 * of case_clocks and cases (steady state: the space the pass's deleted clocks and replaced
 * documents leave is reused by new clocks and cases; the grown tables before the pass were as
 * compact, having never been updated; the history partitions the pass emptied it compacts itself).
 */
async function archiveFigures(pool: pg.Pool, databaseUrl: string) {
  const bin = fileURLToPath(new URL('../apps/server/bin/jiesu.mjs', import.meta.url));
  const jiesu = (command: string) =>
    new Promise<string>((resolve, reject) => {
      const p = spawn(process.execPath, [bin, command], { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      p.stdout.on('data', (d: Buffer) => (text += d.toString()));
      p.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`jiesu ${command} exited ${code}`))));
    });
  // The grower's history is in its month partitions already (main() makes them first); the
  // migrate is the product's own step, and an emptied default partition would be compacted here.
  await jiesu('migrate');
  await pool.query('vacuum full case_history_default');
  console.log('-- disk before the archive pass (history in its month partitions)');
  await diskFigures(pool);
  const t = performance.now();
  const out = await jiesu('archive');
  console.log(`archive pass: ${out.trim()} (${((performance.now() - t) / 1000).toFixed(1)} s wall)`);
  const { rows } = await pool.query<{ n: number; bytes: number }>(`select count(*)::int as n, coalesce(avg(length(packed)), 0)::int as bytes from case_archive`);
  console.log(JSON.stringify({ archivedCases: rows[0]?.n, avgPackedBytes: rows[0]?.bytes }));
  console.log('-- disk after the archive pass');
  await diskFigures(pool);
  await pool.query('vacuum full case_clocks');
  await pool.query('vacuum full cases');
  console.log('-- disk after VACUUM FULL case_clocks, cases (steady state: freed space is reused by new rows)');
  await diskFigures(pool);
}

async function diskFigures(pool: pg.Pool) {
  const { rows } = await pool.query<{ name: string; bytes: number; table_bytes: number; index_bytes: number }>(
    // a partitioned table (case_history, audit_log) counts as the sum of its partitions
    `select coalesce(p.relname, c.relname) as name, sum(pg_total_relation_size(c.oid))::bigint as bytes, sum(pg_table_size(c.oid))::bigint as table_bytes,
       sum(pg_indexes_size(c.oid))::bigint as index_bytes
     from pg_class c join pg_namespace n on n.oid = c.relnamespace left join pg_inherits i on i.inhrelid = c.oid left join pg_class p on p.oid = i.inhparent
     where n.nspname = 'public' and c.relkind = 'r' and c.relname not like 'bench_%' group by 1 order by 2 desc limit 12`,
  );
  const { rows: db } = await pool.query<{ bytes: number }>(`select pg_database_size(current_database())::bigint as bytes`);
  const { rows: cnt } = await pool.query<{ n: number }>(`select count(*)::bigint as n from cases`);
  const benchBytes = (
    await pool.query<{ bytes: number }>(
      `select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint as bytes from pg_class c where c.relname like 'bench_%' and c.relkind = 'r'`,
    )
  ).rows[0]!.bytes;
  const per = ((Number(db[0]!.bytes) - Number(benchBytes)) / Number(cnt[0]!.n)) * 1e6;
  const gb = (b: number) => +(Number(b) / 1e9).toFixed(3);
  console.log(JSON.stringify({ cases: Number(cnt[0]!.n), databaseGB: gb(Number(db[0]!.bytes) - Number(benchBytes)), gbPerMillionCases: gb(per) }));
  for (const r of rows) console.log(JSON.stringify({ table: r.name, totalGB: gb(r.bytes), tableGB: gb(r.table_bytes), indexesGB: gb(r.index_bytes) }));
  const avgState = await pool.query<{ avg: number }>(`select avg(pg_column_size(state))::int as avg from cases tablesample system (1)`);
  console.log(JSON.stringify({ avgStoredStateBytes: avgState.rows[0]?.avg }));
  await columnFigures(pool);
}

/** Where a `cases` row's bytes go: each column's average stored size (pg_column_size, after compression) and the document's top-level keys as JSON text. */
async function columnFigures(pool: pg.Pool) {
  const { rows: cols } = await pool.query<{ attname: string }>(
    `select attname from pg_attribute where attrelid = 'cases'::regclass and attnum > 0 and not attisdropped order by attnum`,
  );
  const sums = cols.map((c) => `avg(coalesce(pg_column_size(${JSON.stringify(c.attname)}), 0))::int as ${JSON.stringify(c.attname)}`).join(', ');
  const { rows } = await pool.query<Record<string, number>>(`select avg(pg_column_size(c.*))::int as "(whole row)", ${sums} from cases c tablesample system (1)`);
  const sizes = Object.entries(rows[0] ?? {})
    .map(([k, v]) => [k, Number(v)] as const)
    .sort((a, b) => b[1] - a[1]);
  console.log(JSON.stringify({ casesColumnBytes: Object.fromEntries(sizes) }));
  const { rows: keys } = await pool.query<{ key: string; chars: number }>(
    `select e.key, avg(length(e.value::text))::int as chars from cases c tablesample system (1), jsonb_each(c.state) e group by 1 order by 2 desc`,
  );
  console.log(JSON.stringify({ stateKeyChars: Object.fromEntries(keys.map((k) => [k.key, k.chars])) }));
}

/** `before`: run ahead of each timed HTTP call and timed with it (a fact changed, so a cached answer must be recomputed). */
type Call = { label: string; user: string; path: () => string; floor: (db: pg.Pool) => Promise<unknown>; before?: (db: pg.Pool) => Promise<unknown> };

const SUMMARY =
  'id, case_number, status, version, urgency, kind, channel, category_code, subject, district_code, street_code, community_code, lead_unit_code, is_overdue, has_pending_extension, received_at, closed_at';

async function measureCalls(s: Server, pool: pg.Pool, label: string) {
  const tokens = new Map<string, string>();
  for (const u of ['wangjing.handler', 'huajiadi.handler', 'water.handler', 'dispatcher', 'visitor', 'cy.leader', 'operator', 'evaluator', 'supervisor'])
    tokens.set(u, await login(s, u));
  const someNumber = (await pool.query<{ case_number: string }>(`select case_number from cases where scope_codes @> '{110105026}' order by received_at desc limit 100`)).rows.at(
    -1,
  )!.case_number;
  // The cursor that starts page 21 of the street list (what offset 1000 was) — or, on a small
  // database whose street list ends sooner, the last page there is (never `cursor=null`).
  let cursor: string | null = null;
  let pagesSkipped = 0;
  while (pagesSkipped < 20) {
    const p = (await getOk(s, tokens.get('wangjing.handler')!, `/api/cases?limit=50${cursor ? `&cursor=${cursor}` : ''}`)) as { nextCursor: string | null };
    if (!p.nextCursor) break;
    cursor = p.nextCursor;
    pagesSkipped++;
  }
  const deepPage = cursor ? `&cursor=${cursor}` : '';
  const deepPageKey = (
    await pool.query<{ received_at: string; id: string }>(
      `select received_at::text, id from cases where scope_codes @> '{110105026}' order by received_at desc, id desc limit $1`,
      [Math.max(1, pagesSkipped * 50)],
    )
  ).rows.at(-1)!;
  const period = evaluationPeriodKeyOf(new Date(Date.now() - 40 * 86_400_000));
  const touchFact = (db: pg.Pool) =>
    db.query(`update score_facts set updated_at = clock_timestamp() where case_id = (select case_id from score_facts where period_key = $1 limit 1)`, [period]);
  const now = new Date();
  const calls: Call[] = [
    {
      label: 'case list, first page',
      user: 'wangjing.handler',
      path: () => '/api/cases?limit=50',
      floor: (db) => db.query(`select ${SUMMARY} from cases where scope_codes @> '{110105026}' order by received_at desc, id desc limit 51`),
    },
    {
      label: `case list, page ${pagesSkipped + 1}${pagesSkipped === 20 ? ' (was offset 1000)' : ' (the last there is)'}`,
      user: 'wangjing.handler',
      path: () => `/api/cases?limit=50${deepPage}`,
      floor: (db) =>
        pagesSkipped === 0
          ? db.query(`select ${SUMMARY} from cases where scope_codes @> '{110105026}' order by received_at desc, id desc limit 51`)
          : db.query(
              `select ${SUMMARY} from cases where scope_codes @> '{110105026}' and (received_at, id) < ($1::timestamptz, $2::uuid) order by received_at desc, id desc limit 51`,
              [deepPageKey.received_at, deepPageKey.id],
            ),
    },
    {
      label: 'case list, community handler',
      user: 'huajiadi.handler',
      path: () => '/api/cases?limit=50',
      floor: (db) => db.query(`select ${SUMMARY} from cases where scope_codes @> '{110105026034}' order by received_at desc, id desc limit 51`),
    },
    {
      label: 'search q=噪声 (street handler)',
      user: 'wangjing.handler',
      path: () => `/api/cases?limit=50&q=${encodeURIComponent('噪声')}`,
      floor: (db) => db.query(`select ${SUMMARY} from cases where scope_codes @> '{110105026}' and search_vector @@ '''噪声'''::tsquery order by received_at desc limit 50`),
    },
    {
      label: 'search by case number (street handler)',
      user: 'wangjing.handler',
      path: () => `/api/cases?limit=50&q=${someNumber}`,
      floor: (db) => db.query(`select ${SUMMARY} from cases where case_number = $1`, [someNumber]),
    },
    {
      label: 'inbox (wangjing.handler)',
      user: 'wangjing.handler',
      path: () => '/api/queues/inbox',
      floor: (db) =>
        db
          .query(`select ${SUMMARY} from cases where pending_unit_codes @> '{110105026}' order by received_at limit 100`)
          .then(() => db.query(`select ${SUMMARY} from cases where live_unit_codes @> '{110105026}' order by received_at limit 100`)),
    },
    {
      label: 'inbox (water.handler)',
      user: 'water.handler',
      path: () => '/api/queues/inbox',
      floor: (db) =>
        db
          .query(`select ${SUMMARY} from cases where pending_unit_codes @> '{D110000-SWJ}' order by received_at limit 100`)
          .then(() => db.query(`select ${SUMMARY} from cases where live_unit_codes @> '{D110000-SWJ}' order by received_at limit 100`)),
    },
    {
      label: 'dispatch queue (dispatcher)',
      user: 'dispatcher',
      path: () => '/api/queues/dispatch',
      floor: (db) => db.query(`select ${SUMMARY} from cases where status = 'received' order by received_at, id limit 100`),
    },
    {
      label: 'visits queue (visitor)',
      user: 'visitor',
      path: () => '/api/visits/queue',
      floor: (db) => db.query(`select id, case_number, subject, category_code, closed_at from cases where status = 'closed' order by closed_at, id limit 50`),
    },
    {
      label: 'district dashboard data (cy.leader: cases limit 500)',
      user: 'cy.leader',
      path: () => '/api/cases?limit=500',
      floor: (db) => db.query(`select ${SUMMARY} from cases where scope_codes @> '{110105}' order by received_at desc, id desc limit 500`),
    },
    {
      label: 'overdue board (cy.leader)',
      user: 'cy.leader',
      path: () => '/api/queues/overdue',
      floor: (db) =>
        db.query(`select owner_unit_code, count(*) from case_clocks where status = 'running' and due_at <= $1 and owner_unit_path like '/110000/110105/%' group by 1`, [
          new Date(now.getTime() + 4 * 3600_000),
        ]),
    },
    {
      label: 'rankings live (evaluator)',
      user: 'evaluator',
      path: () => `/api/scoring/periods/${period}/rankings`,
      floor: (db) =>
        db.query(
          `select lead_unit_code, count(*), avg(is_solved::int) from score_facts where period_key = $1 and is_valid and not is_exempt and lead_unit_class = 'street' group by 1`,
          [period],
        ),
    },
    {
      label: 'rankings unit detail (evaluator)',
      user: 'evaluator',
      path: () => `/api/scoring/periods/${period}/units/110105026`,
      floor: (db) => db.query(`select count(*), avg(is_solved::int) from score_facts where period_key = $1 and lead_unit_code = '110105026'`, [period]),
    },
    {
      // What a busy day asks: a visit concluded a moment ago (its fact changed), so the cached
      // period is stale and the call computes the ranking again.
      label: 'rankings live, a fact just changed (evaluator)',
      user: 'evaluator',
      path: () => `/api/scoring/periods/${period}/rankings`,
      before: touchFact,
      floor: (db) =>
        db.query(
          `select lead_unit_code, count(*), avg(is_solved::int) from score_facts where period_key = $1 and is_valid and not is_exempt and lead_unit_class = 'street' group by 1`,
          [period],
        ),
    },
    {
      label: 'rankings unit detail, a fact just changed (evaluator)',
      user: 'evaluator',
      path: () => `/api/scoring/periods/${period}/units/110105026`,
      before: touchFact,
      floor: (db) => db.query(`select count(*), avg(is_solved::int) from score_facts where period_key = $1 and lead_unit_code = '110105026'`, [period]),
    },
  ];
  console.log(`\n${label}: median of ${RUNS} after a warm-up (ms), HTTP as the user vs the floor query alone`);
  for (const c of calls) {
    const token = tokens.get(c.user)!;
    const httpMs = await medianMs(async () => {
      await c.before?.(pool);
      return getOk(s, token, c.path());
    });
    const floorMs = await medianMs(() => c.floor(pool));
    console.log(JSON.stringify({ call: c.label, user: c.user, httpMs: +httpMs.toFixed(1), floorMs: +floorMs.toFixed(2), ratio: +(httpMs / floorMs).toFixed(1), load: load() }));
  }
  await sweepFigures(s, pool, tokens.get('supervisor')!, 'as grown');
  // The issue's goal: one sweep under 100 ms with 500,000 running clocks. Extra running clocks on
  // the open cases (keys bench:1…, none due) bring the count there; the due ones stay the grown ones.
  const running = await runningClocks(pool);
  const perCase = Math.ceil((SWEEP_RUNNING - running) / Math.max(1, (await pool.query<{ n: number }>(`select count(*)::int as n from cases where closed_at is null`)).rows[0]!.n));
  if (running < SWEEP_RUNNING) {
    await pool.query(
      `insert into case_clocks (case_id, key, name, owner_unit_code, owner_unit_path, started_at, due_at, remind_at, status, stopped_at, reminded_at, escalated_at)
       select c.id, 'bench:' || k, 'feedback', coalesce(c.lead_unit_code, '110000'), coalesce(c.unit_paths[1], '/110000/'), now(),
         now() + (1 + (k * 7 + abs(hashtext(c.id::text))) % 30) * interval '1 day', now() + (1 + (k * 7 + abs(hashtext(c.id::text))) % 30) * interval '18 hours', 'running', null, null, null
       from cases c cross join generate_series(1, $1::int) k where c.closed_at is null limit $2`,
      [perCase, SWEEP_RUNNING - running],
    );
    await pool.query('vacuum analyze case_clocks');
    await sweepFigures(s, pool, tokens.get('supervisor')!, 'with extra running clocks');
  }
}

const SWEEP_RUNNING = Number(args.get('--sweep-running') ?? 500_000);

async function runningClocks(pool: pg.Pool): Promise<number> {
  return (await pool.query<{ n: number }>(`select count(*)::int as n from case_clocks where status = 'running'`)).rows[0]!.n;
}

/** One clock sweep: the two due-clock questions (the sweep's query) and the sweep over HTTP (its first round does the work). */
async function sweepFigures(s: Server, pool: pg.Pool, token: string, label: string) {
  const sweepQueryMs = await medianMs(() =>
    pool.query(
      `select case_id from ((select case_id, due_at from case_clocks where status = 'running' and escalated_at is null and due_at <= now() order by due_at limit 200)
        union all (select case_id, due_at from case_clocks where status = 'running' and reminded_at is null and remind_at <= now() order by remind_at limit 200)) d order by due_at limit 200`,
    ),
  );
  const first = await timedOnce(() => request(s.port, 'POST', '/api/queues/sweep', token));
  const second = await timedOnce(() => request(s.port, 'POST', '/api/queues/sweep', token));
  console.log(
    JSON.stringify({
      call: `clock sweep (${label})`,
      runningClocks: await runningClocks(pool),
      queryMs: +sweepQueryMs.toFixed(2),
      firstSweepOverHttpMs: +first.ms.toFixed(0),
      firstSweep: first.value.body.slice(0, 120),
      nextSweepOverHttpMs: +second.ms.toFixed(0),
      status: first.value.status,
      load: load(),
    }),
  );
}

async function searchFigures(s: Server, pool: pg.Pool) {
  const operator = await login(s, 'operator');
  const wangjing = await login(s, 'wangjing.handler');
  const phoneRow = (
    await pool.query<{ requester_phone: string; n: number }>(`select requester_phone, count(*) over ()::int as n from cases where requester_phone is not null offset 777 limit 1`)
  ).rows[0]!;
  const expectPhone = (await pool.query<{ id: string }>(`select id from cases where requester_phone = $1`, [phoneRow.requester_phone])).rows.map((r) => r.id);
  const number = (await pool.query<{ case_number: string; id: string }>(`select case_number, id from cases order by received_at desc offset 1234 limit 1`)).rows[0]!;
  const tail = number.case_number.slice(-6);
  const streetNumber = (await pool.query<{ case_number: string }>(`select case_number from cases where scope_codes @> '{110105026}' order by received_at desc offset 3 limit 1`))
    .rows[0]!.case_number;
  const expectTail = (await pool.query<{ id: string }>(`select id from cases where case_number like $1`, [`%${tail}`])).rows.map((r) => r.id);
  const expectPlace = Number((await pool.query<{ n: number }>(`select count(*)::int as n from cases where address like '%花家地%'`)).rows[0]!.n);
  const expectPhrase = Number(
    (await pool.query<{ n: number }>(`select count(*)::int as n from cases where subject like '%噪声扰民%' or state->>'detail' like '%噪声扰民%' or subject like '%楼上装修%'`))
      .rows[0]!.n,
  );
  // Each search's floor: the SQL that any answer must run — the index lookup of the same rows, with
  // the count a ranked search's true total needs (for words, every match's row is read once).
  type SearchCase = {
    label: string;
    token: string;
    q: string;
    floor: () => Promise<unknown>;
    check: (p: { items: Array<{ id: string }>; total: number; totalExact: boolean }) => string;
  };
  const wordsCount = (tsquery: string) => () => pool.query(`select count(*) from cases where search_vector @@ $1::tsquery`, [tsquery]);
  const cases: SearchCase[] = [
    {
      label: 'phone (operator)',
      token: operator,
      q: phoneRow.requester_phone,
      floor: () => pool.query(`select id from cases where requester_phone = $1`, [phoneRow.requester_phone]),
      check: (p) => `found ${p.total}, expected ${expectPhone.length}; all expected found: ${expectPhone.every((id) => p.items.some((i) => i.id === id))}`,
    },
    {
      label: 'phone (street handler, not lead of them all)',
      token: wangjing,
      q: phoneRow.requester_phone,
      floor: () => pool.query(`select id from cases where requester_phone = $1 and scope_codes @> '{110105026}' and lead_unit_code = '110105026'`, [phoneRow.requester_phone]),
      check: (p) => `found ${p.total} (only cases it leads)`,
    },
    {
      label: 'address word 花家地 (operator)',
      token: operator,
      q: '花家地',
      floor: () => pool.query(`select count(*) from cases where address like '%花家地%'`),
      check: (p) => `total ${p.total} (exact ${p.totalExact}), SQL count ${expectPlace}`,
    },
    {
      label: `trailing digits ${tail} (operator)`,
      token: operator,
      q: tail,
      floor: () => pool.query(`select id from cases where case_number like $1`, [`%${tail}`]),
      check: (p) => `found ${p.total}, SQL count ${expectTail.length}, the case first: ${p.items[0]?.id === number.id || expectTail.length > 1}`,
    },
    {
      label: 'phrase 楼上装修噪声扰民 (operator)',
      token: operator,
      q: '楼上装修噪声扰民',
      floor: wordsCount(`'楼上' & '装修' & '噪声' & '扰民'`),
      check: (p) => `total ${p.total} (exact ${p.totalExact}); SQL count of subject/detail holding it ${expectPhrase}`,
    },
    {
      label: 'whole case number (street handler)',
      token: wangjing,
      q: streetNumber,
      floor: () => pool.query(`select id from cases where case_number = $1`, [streetNumber]),
      check: (p) => `found ${p.total}`,
    },
  ];
  const { rows: n } = await pool.query<{ n: number }>(`select count(*)::int as n from cases`);
  console.log(`\n#15 search on ${n[0]!.n.toLocaleString('en')} cases: HTTP ms, median of ${SEARCH_RUNS} after a warm-up, the floor query's median beside`);
  for (const c of cases) {
    const path = `/api/cases?limit=50&q=${encodeURIComponent(c.q)}`;
    await getOk(s, c.token, path);
    await c.floor();
    const ms = median(await timed(SEARCH_RUNS, () => getOk(s, c.token, path)));
    const floorMs = median(await timed(SEARCH_RUNS, c.floor));
    const page = (await getOk(s, c.token, path)) as { items: Array<{ id: string }>; total: number; totalExact: boolean };
    console.log(JSON.stringify({ search: c.label, ms: +ms.toFixed(1), floorMs: +floorMs.toFixed(2), result: c.check(page), load: load() }));
  }
}

/** Every case of a scope exactly once, walking keyset pages over HTTP, against a SQL list of the same scope. */
async function paginationCheck(s: Server, pool: pg.Pool) {
  const token = await login(s, 'cy.leader');
  // A street of 朝阳 with at least 15,000 cases if there is one; else the whole district.
  const { rows } = await pool.query<{ id: string }>(
    `select id from cases where exists (select 1 from unnest(unit_paths) p where p like (select path from units where code = '110105') || '%')`,
  );
  const expected = new Set(rows.map((r) => r.id));
  const seen: string[] = [];
  let cursor: string | null = null;
  const t = performance.now();
  do {
    const p = (await getOk(s, token, `/api/cases?limit=500${cursor ? `&cursor=${cursor}` : ''}`)) as { items: Array<{ id: string }>; nextCursor: string | null };
    for (const i of p.items) seen.push(i.id);
    cursor = p.nextCursor;
  } while (cursor);
  const unique = new Set(seen);
  const missing = [...expected].filter((id) => !unique.has(id)).length;
  console.log(
    JSON.stringify({
      paginationCheck: 'district 110105 as cy.leader, limit 500',
      casesInScopeBySql: expected.size,
      seen: seen.length,
      distinct: unique.size,
      repeated: seen.length - unique.size,
      missing,
      seconds: +((performance.now() - t) / 1000).toFixed(1),
    }),
  );
}

async function intakeThroughput(databaseUrl: string) {
  console.log('\nintake over HTTP (POST /api/cases as operator, 32 keep-alive clients, 10 s after 3 s warm-up)');
  for (const workers of [1, 2, 4]) {
    const s = await startServer(databaseUrl, workers);
    const token = await login(s, 'operator');
    let ok = 0;
    let bad = 0;
    let i = 0;
    const warmEnd = Date.now() + 3000;
    const end = warmEnd + 10_000;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (Date.now() < end) {
          const payload = JSON.stringify({
            channel: 'phone',
            kind: 'complaint',
            categoryCode: '010101',
            urgency: 'general',
            requester: { name: '张三丰', phone: '13812341234' },
            subject: `${SUBJECTS[i % SUBJECTS.length]![0]} ${i}`,
            detail: SUBJECTS[i++ % SUBJECTS.length]![1],
            location: { address: '朝阳区望京街道花家地西里三区5号楼', districtCode: '110105', streetCode: '110105026', communityCode: '110105026034' },
          });
          const r = await request(s.port, 'POST', '/api/cases', token, payload, { 'idempotency-key': randomUUID() });
          if (Date.now() > warmEnd) {
            if (r.status === 201) ok++;
            else bad++;
          }
        }
      }),
    );
    console.log(JSON.stringify({ processes: workers, casesPerSecond: Math.round(ok / 10), errors: bad }));
    await stopServer(s);
  }
}

async function main() {
  const dbName = `jiesu_scale_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const url = new URL(ADMIN_URL as string);
  url.pathname = `/${dbName}`;
  const DATABASE_URL = url.toString();
  const rt = await createRuntime(loadConfig({ DATABASE_URL, LOG_LEVEL: 'silent' }));
  await seedReference(rt.ctx);
  await seedDemoUsers(rt.ctx);
  // The grown receipt times reach ~12.5 months back: their history partitions first, so the rows
  // land in their months (in the default partition, the next boot would move them — at 10 M that
  // is ~58 M rows in one transaction, longer than any wait for the server and ~20 GB of disk).
  const thisMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1));
  for (let i = 1; i <= 14; i++) {
    await rt.ctx.repos.partitions.ensureMonth('case_history', new Date(Date.UTC(thisMonth.getUTCFullYear(), thisMonth.getUTCMonth() - i, 1)));
  }
  await rt.close();
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
  pool.on('error', (e) => console.error(`bench pool: ${e.message}`));
  let s = await startServer(DATABASE_URL, 1);
  try {
    const templateId = await makeTemplate(s);
    await prepareTemplates(pool);
    const t0 = performance.now();
    const searchAt = Math.min(SEARCH_AT, TARGET);
    await grow(pool, templateId, 0, searchAt);
    if (!args.has('--disk-only')) await searchFigures(s, pool);
    await withoutSecondaryIndexes(pool, () => grow(pool, templateId, searchAt, TARGET));
    await pool.query('analyze');
    console.log(`grown to ${TARGET.toLocaleString('en')} cases in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    await diskFigures(pool);
    if (args.has('--archive')) await archiveFigures(pool, DATABASE_URL);
    if (args.has('--disk-only')) return;
    await stopServer(s);
    s = await startServer(DATABASE_URL, 1);
    await measureCalls(s, pool, `${TARGET.toLocaleString('en')} cases`);
    await searchFigures(s, pool);
    await paginationCheck(s, pool);
    await stopServer(s);
    if (!args.has('--skip-intake')) await intakeThroughput(DATABASE_URL);
  } catch (e) {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    throw e;
  } finally {
    s.proc.kill('SIGTERM');
    agent.destroy();
    await pool.end();
    if (!args.has('--keep')) await admin.query(`drop database ${dbName} with (force)`);
    await admin.end();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
