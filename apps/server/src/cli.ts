// The jiesu command line: parses options and calls library code; no logic of its own.
import { Presets, SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import type { Unit } from '@jiesu/core';
import { createRuntime } from './app-context';
import { ConfigError, loadConfig } from './config';
import { buildApp } from './http/app';
import { startClockSweeper } from './jobs/clock-sweeper';
import { sweepClocks } from './use-cases/cases/sweep-clocks';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from './seed/seed-demo';
import { seedReference } from './seed/seed-reference';
import { simulateCity } from './simulate/simulate-city';

const program = new Command().name('jiesu').description('jiesu — 12345 citizen-request hotline platform (接诉即办)');

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
}

async function withRuntime<T>(fn: (rt: Awaited<ReturnType<typeof createRuntime>>) => Promise<T>): Promise<T> {
  const rt = await createRuntime(loadConfig());
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

program
  .command('serve')
  .description('run migrations and serve the API (and, with --demo, load reference data and demo users first)')
  .option('--demo', 'seed reference data and demo users before serving')
  .option('-p, --port <port>', 'port to listen on (overrides PORT)', positiveInt)
  .action(async (opts: { demo?: boolean; port?: number }) => {
    const config = loadConfig(process.env, opts.port !== undefined ? { port: opts.port } : {});
    const rt = await createRuntime(config);
    const app = await buildApp({ ctx: rt.ctx, logger: { level: config.logLevel } });
    if (rt.migrationsApplied.length) app.log.info({ migrations: rt.migrationsApplied }, 'migrations applied');
    if (opts.demo) {
      const ref = await seedReference(rt.ctx);
      const users = await seedDemoUsers(rt.ctx);
      app.log.info({ ...ref, demoUsersAdded: users }, 'reference and demo data loaded');
    }
    const sweeper = config.sweepIntervalSeconds > 0 ? startClockSweeper(rt.ctx, app.log, config.sweepIntervalSeconds * 1000) : null;
    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down: finishing requests in flight');
      await sweeper?.stop();
      await app.close();
      await rt.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    await app.listen({ host: config.host, port: config.port });
    const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
    app.log.info(`jiesu is ready on http://${config.host}:${config.port} — API docs at /docs — database: ${where}`);
    if (opts.demo) app.log.info(`demo users: ${DEMO_USERS.map((u) => u.username).join(', ')} (password ${DEMO_PASSWORD})`);
  });

program
  .command('migrate')
  .description('apply database migrations')
  .action(() =>
    withRuntime(async (rt) => {
      console.log(rt.migrationsApplied.length ? `applied: ${rt.migrationsApplied.join(', ')}` : 'database is up to date');
    }),
  );

program
  .command('seed')
  .description('load reference data (divisions, departments, categories); --demo adds demo users')
  .option('--demo', 'also add the demo users')
  .action((opts: { demo?: boolean }) =>
    withRuntime(async (rt) => {
      const ref = await seedReference(rt.ctx);
      console.log(`units added: ${ref.unitsAdded}; categories added: ${ref.categoriesAdded} (from ${ref.categorySource})`);
      if (opts.demo) console.log(`demo users added: ${await seedDemoUsers(rt.ctx)} (password ${DEMO_PASSWORD})`);
    }),
  );

program
  .command('sweep')
  .description('run one round of the clock sweep (reminders 催办, escalations 督办) and print what it did')
  .option('--at <instant>', 'pretend the time is this ISO instant (simulation and tests)')
  .action((opts: { at?: string }) =>
    withRuntime(async (rt) => {
      if (opts.at) {
        const at = new Date(opts.at);
        if (Number.isNaN(at.getTime())) throw new Error(`--at ${opts.at}: not an ISO instant`);
        rt.ctx.now = () => at;
      }
      console.log(JSON.stringify(await sweepClocks(rt.ctx)));
    }),
  );

program
  .command('simulate')
  .description('generate a realistic stream of cases through the real use cases (returns, disputes, extensions, late handling, visits)')
  .option('-n, --cases <n>', 'number of cases', positiveInt, 300)
  .option('-d, --days <n>', 'spread over the last N days', positiveInt, 30)
  .option('--seed <n>', 'random seed (same seed, same city)', positiveInt, 1)
  .action((opts: { cases: number; days: number; seed: number }) =>
    withRuntime(async (rt) => {
      await seedReference(rt.ctx);
      const bar = new SingleBar({ format: 'simulating |{bar}| {value}/{total} cases  {eta_formatted} left', hideCursor: true }, Presets.shades_classic);
      bar.start(opts.cases, 0);
      const report = await simulateCity(rt.ctx, {
        cases: opts.cases,
        days: opts.days,
        seed: opts.seed,
        end: new Date(),
        onProgress: (done) => bar.update(done),
      });
      bar.stop();
      console.log(JSON.stringify(report, null, 2));
    }),
  );

const org = program.command('org').description('show the organisation');

org
  .command('tree [code]')
  .description('print the tree below a unit (default: the centre)')
  .option('-d, --depth <n>', 'levels to show', positiveInt, 1)
  .action((code: string | undefined, opts: { depth: number }) =>
    withRuntime(async (rt) => {
      const { units } = rt.ctx.repos;
      const root = code ? await units.findByCode(code) : (await units.list({ scopePath: '/', class: 'centre', limit: 1, offset: 0 })).items[0];
      if (!root) throw new Error(code ? `no unit has the code ${code}` : 'the organisation is empty: run `jiesu seed` first');
      const print = async (u: Unit, depth: number, indent: string): Promise<void> => {
        const n = await units.countChildren(u.code);
        console.log(`${indent}${u.name} [${u.code}] ${u.class}${u.kind ? `/${u.kind}` : ''}${n ? ` (${n})` : ''}`);
        if (depth >= opts.depth) return;
        const children = await units.list({ scopePath: u.path, parentCode: u.code, limit: 10_000, offset: 0 });
        for (const c of children.items) await print(c, depth + 1, `${indent}  `);
      };
      await print(root, 0, '');
    }),
  );

org
  .command('unit <code>')
  .description('show one unit: its path, class and counts below it')
  .action((code: string) =>
    withRuntime(async (rt) => {
      const u = await rt.ctx.repos.units.findByCode(code);
      if (!u) throw new Error(`no unit has the code ${code}`);
      const ancestors = await rt.ctx.repos.units.findByCodes(u.path.split('/').filter(Boolean));
      ancestors.sort((a, b) => a.path.length - b.path.length);
      console.log(ancestors.map((a) => a.name).join(' › '));
      console.log(JSON.stringify({ ...u, below: await rt.ctx.repos.units.countByClass(u.path) }, null, 2));
    }),
  );

program.parseAsync().catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message);
  else console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
