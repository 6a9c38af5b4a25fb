// Intake throughput over HTTP against PostgreSQL (a benchmark, not a test).
//   bash scripts/with-postgres.sh npx tsx scripts/bench-intake.ts [--seconds 15] [--concurrency 32]
// Starts `jiesu serve` as its own process on a fresh database, logs in as the demo operator, and
// drives POST /api/cases from keep-alive clients for a fixed time. Prints cases/s and latency
// percentiles, then two in-process figures on the same database to show where the time goes:
// the intake use case alone (no HTTP), and a floor of bare single-row INSERTs.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createRuntime } from '../apps/server/src/app-context';
import { loadConfig } from '../apps/server/src/config';
import { seedDemoUsers } from '../apps/server/src/seed/seed-demo';
import { seedReference } from '../apps/server/src/seed/seed-reference';
import { takeInCase } from '../apps/server/src/use-cases/cases/take-in-case';

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1] ?? '']));
const SECONDS = Number(args.get('--seconds') ?? 15);
const CONCURRENCY = Number(args.get('--concurrency') ?? 32);
const ADMIN_URL = process.env.JIESU_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!ADMIN_URL) {
  console.error('Set DATABASE_URL (or run under scripts/with-postgres.sh).');
  process.exit(2);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function summary(label: string, latencies: number[], seconds: number) {
  const s = [...latencies].sort((a, b) => a - b);
  const line = {
    label,
    count: s.length,
    perSecond: Math.round(s.length / seconds),
    p50ms: +percentile(s, 50).toFixed(2),
    p99ms: +percentile(s, 99).toFixed(2),
    maxMs: +(s[s.length - 1] ?? NaN).toFixed(2),
  };
  console.log(JSON.stringify(line));
  return line;
}

/** Runs `task` from `concurrency` loops for `seconds` (after a warm-up) and returns latencies in ms. */
async function drive(concurrency: number, seconds: number, warmupSeconds: number, task: (i: number) => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  let counter = 0;
  const warmEnd = Date.now() + warmupSeconds * 1000;
  const end = warmEnd + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        await task(counter++);
        if (Date.now() > warmEnd) latencies.push(performance.now() - t);
      }
    }),
  );
  return latencies;
}

const body = (i: number) =>
  JSON.stringify({
    channel: 'phone',
    kind: 'complaint',
    categoryCode: '010101',
    urgency: i % 10 === 0 ? 'utilities' : 'general',
    requester: { name: '张三丰', phone: '13812341234' },
    subject: `小区门口道路破损 ${i}`,
    detail: '花家地西里三区门口路面塌陷一个大坑，晚上行人容易摔倒，请尽快修补。',
    location: { address: '朝阳区望京街道花家地西里三区5号楼', districtCode: '110105', streetCode: '110105026', communityCode: '110105026034' },
  });

async function main() {
  const dbName = `jiesu_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  admin.on('error', (e) => console.error(`admin connection: ${e.message}`));
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const url = new URL(ADMIN_URL as string);
  url.pathname = `/${dbName}`;
  const DATABASE_URL = url.toString();

  const config = loadConfig({ DATABASE_URL, LOG_LEVEL: 'silent' });
  const rt = await createRuntime(config);
  await seedReference(rt.ctx);
  await seedDemoUsers(rt.ctx);

  const port = 3900 + Math.floor(Math.random() * 90);
  const bin = fileURLToPath(new URL('../apps/server/bin/jiesu.mjs', import.meta.url));
  // BENCH_PROFILE_DIR=… writes a CPU profile of the server process (node --cpu-prof) to that folder.
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const server = spawn(process.execPath, [...profile, bin, 'serve', '--port', String(port)], {
    env: { ...process.env, DATABASE_URL, LOG_LEVEL: 'warn', JIESU_API_RATE_LIMIT: '10000000', JIESU_PUBLIC_RATE_LIMIT: '100000', JIESU_SWEEP_INTERVAL_SECONDS: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'operator', password: 'jiesu-demo' }),
  });
  const { token } = (await login.json()) as { token: string };

  console.log(`intake benchmark: ${SECONDS}s measured after 3s warm-up, ${CONCURRENCY} concurrent clients, PostgreSQL, server in its own process`);
  let errors = 0;
  // node:http with keep-alive: a lighter client than fetch, so the load generator takes less of
  // the two cores it shares with the server and PostgreSQL.
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const post = (payload: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: '127.0.0.1',
          port,
          path: '/api/cases',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  const overHttp = await drive(CONCURRENCY, SECONDS, 3, async (i) => {
    if ((await post(body(i))) !== 201) errors++;
  });
  agent.destroy();
  const httpLine = summary('HTTP POST /api/cases', overHttp, SECONDS);
  if (errors) console.log(`non-201 responses: ${errors}`);
  server.kill('SIGTERM');
  await once(server, 'exit');

  // Where the time goes: the use case in-process (no HTTP, no auth, no JSON), same concurrency.
  const operator = await rt.ctx.repos.users.findByUsername('operator');
  const actor = {
    userId: operator!.id,
    username: 'operator',
    displayName: 'op',
    unitCode: '110000',
    unitPath: '/110000/',
    unitClass: 'centre' as const,
    roles: ['operator' as const],
  };
  const rtPool = await createRuntime({ ...config }, {});
  const inProcess = await drive(CONCURRENCY, Math.min(SECONDS, 10), 2, async (i) => {
    const b = JSON.parse(body(i));
    await takeInCase(rtPool.ctx, { actor, idempotencyKey: randomUUID(), intake: { ...b, requester: { ...b.requester, isAnonymous: false } } });
  });
  const useCaseLine = summary('takeInCase in-process', inProcess, Math.min(SECONDS, 10));

  // Floor: one INSERT of a row of the same width per case, autocommit, same concurrency.
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10 });
  pool.on('error', (e) => console.error(`floor pool: ${e.message}`));
  await pool.query('create table bench_floor (id uuid primary key, state jsonb not null, created_at timestamptz default now())');
  const state = JSON.stringify({ subject: '小区门口道路破损', detail: 'x'.repeat(600), history: [1, 2, 3] });
  const floor = await drive(CONCURRENCY, Math.min(SECONDS, 10), 2, async () => {
    await pool.query('insert into bench_floor (id, state) values ($1, $2)', [randomUUID(), state]);
  });
  const floorLine = summary('floor: single-row INSERT', floor, Math.min(SECONDS, 10));
  console.log(
    JSON.stringify({
      httpCasesPerSecond: httpLine.perSecond,
      httpP50ms: httpLine.p50ms,
      httpP99ms: httpLine.p99ms,
      useCaseShareOfHttpThroughput: +(httpLine.perSecond / useCaseLine.perSecond).toFixed(2),
      floorInsertsPerSecond: floorLine.perSecond,
      httpVsFloor: +(floorLine.perSecond / httpLine.perSecond).toFixed(2),
    }),
  );

  await pool.end();
  await rtPool.close();
  await rt.close();
  // Our own pools are closed: dropping the database now ends no connection of ours.
  await admin.query(`drop database ${dbName} with (force)`);
  await admin.end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
