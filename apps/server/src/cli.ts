// The jiesu command line: parses options and calls library code; no logic of its own.
import cluster from 'node:cluster';
import { Presets, SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import type { Unit } from '@jiesu/core';
import { createRuntime } from './app-context';
import { ConfigError, loadConfig } from './config';
import { buildApp } from './http/app';
import { startClockSweeper } from './jobs/clock-sweeper';
import { startNotificationDispatcher } from './jobs/notification-dispatcher';
import { startScoreFinalizer } from './jobs/score-finalizer';
import { startWarningScanner } from './jobs/warning-scanner';
import { startHotspotRefresher } from './jobs/hotspot-refresher';
import { startOrphanUploadSweeper } from './jobs/orphan-upload-sweeper';
import { startPartitionMaintainer } from './jobs/partition-maintainer';
import { startCaseArchiver } from './jobs/case-archiver';
import { archiveFinishedCases } from './use-cases/maintenance/archive-cases';
import { markAllScoredCases } from './use-cases/scoring/mark-scored-cases';
import { LogNotificationSender } from './adapters/notification-sender';
import { sweepAllClocks } from './use-cases/clocks/sweep-all-clocks';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from './seed/seed-demo';
import { seedReference } from './seed/seed-reference';
import { seedDemoKnowledge } from './seed/seed-knowledge';
import { seedDemoWorkItems } from './seed/seed-work-items';
import { evalModelFile, readModelFile, trainModelFile } from './intake/model-files';
import { systemActor } from './use-cases/cases/case-context';
import { publishRankings } from './use-cases/scoring/publish-rankings';
import { importCategoryModel, listCategoryModels, trainModelFromCases } from './use-cases/intake/category-models';
import { simulateCity } from './simulate/simulate-city';
import { simulateDeliberation } from './simulate/simulate-deliberation';
import { simulateTopics } from './simulate/simulate-topics';
import { computeHotspots } from './use-cases/hotspots/compute-hotspots';
import { listHotspots } from './use-cases/hotspots/list-hotspots';

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

/**
 * `serve --workers N`: the primary migrates (and seeds the demo) once, then forks N workers that
 * share the port; a worker that dies is replaced, and the job runner's replacement runs the jobs.
 */
async function serveWorkers(config: ReturnType<typeof loadConfig>, workers: number, demo: boolean): Promise<void> {
  if (!config.databaseUrl) {
    console.error('serve --workers needs PostgreSQL (DATABASE_URL): the embedded database belongs to one process.');
    process.exit(2);
  }
  const rt = await createRuntime(config);
  if (demo) {
    await seedReference(rt.ctx);
    await seedDemoUsers(rt.ctx);
    await seedDemoKnowledge(rt.ctx);
    await seedDemoWorkItems(rt.ctx);
  }
  await rt.close();
  const args = process.argv.slice(2).filter((a, i, all) => a !== '--demo' && !['-w', '--workers'].includes(a) && !['-w', '--workers'].includes(all[i - 1] ?? ''));
  cluster.setupPrimary({ args });
  let jobRunner: number | undefined;
  let stopping = false;
  const fork = (runsJobs: boolean) => {
    const w = cluster.fork({ JIESU_WORKER_RUNS_JOBS: runsJobs ? '1' : '0' });
    if (runsJobs) jobRunner = w.id;
  };
  for (let i = 0; i < workers; i++) fork(i === 0);
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return;
    console.error(`worker ${w.process.pid} exited (${signal ?? code}); starting another`);
    fork(w.id === jobRunner);
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`jiesu: ${workers} API processes on http://${config.host}:${config.port} — database: PostgreSQL (DATABASE_URL)`);
}

program
  .command('serve')
  .description('run migrations and serve the API (and, with --demo, load reference data and demo users first)')
  .option('--demo', 'seed reference data and demo users before serving')
  .option('-p, --port <port>', 'port to listen on (overrides PORT)', positiveInt)
  .option('-w, --workers <n>', 'API processes sharing the port (node:cluster; PostgreSQL only); periodic jobs run in one of them', positiveInt)
  .action(async (opts: { demo?: boolean; port?: number; workers?: number }) => {
    const config = loadConfig(process.env, opts.port !== undefined ? { port: opts.port } : {});
    const workers = opts.workers ?? 1;
    if (workers > 1 && cluster.isPrimary) {
      await serveWorkers(config, workers, opts.demo === true);
      return;
    }
    const isWorker = cluster.isWorker;
    // In a cluster the primary migrated and seeded already; only one worker runs the periodic jobs
    // (they claim their rows, so two would be safe, but would only double the polling).
    const runsJobs = !isWorker || process.env.JIESU_WORKER_RUNS_JOBS === '1';
    const rt = await createRuntime(config);
    const app = await buildApp({ ctx: rt.ctx, logger: { level: config.logLevel } });
    if (rt.migrationsApplied.length) app.log.info({ migrations: rt.migrationsApplied }, 'migrations applied');
    if (rt.partitionError)
      app.log.error({ err: rt.partitionError }, "could not create the coming months' partitions; rows go to the default partitions until the daily job succeeds");
    if (opts.demo && !isWorker) {
      const ref = await seedReference(rt.ctx);
      const users = await seedDemoUsers(rt.ctx);
      const articles = await seedDemoKnowledge(rt.ctx);
      const workItems = await seedDemoWorkItems(rt.ctx);
      app.log.info({ ...ref, demoUsersAdded: users, demoArticlesAdded: articles, demoWorkItemsAdded: workItems }, 'reference and demo data loaded');
    }
    const jobs = runsJobs && config.sweepIntervalSeconds > 0;
    const sweeper = jobs ? startClockSweeper(rt.ctx, app.log, config.sweepIntervalSeconds * 1000) : null;
    const dispatcher = jobs ? startNotificationDispatcher(rt.ctx, new LogNotificationSender(app.log), app.log, 5_000) : null;
    const finalizer = jobs ? startScoreFinalizer(rt.ctx, app.log, config.sweepIntervalSeconds * 1000) : null;
    const warnings = jobs ? startWarningScanner(rt.ctx, app.log, 3_600_000) : null;
    const hotspots = jobs && config.hotspotRefreshMinutes > 0 ? startHotspotRefresher(rt.ctx, app.log, { everyMs: config.hotspotRefreshMinutes * 60_000, checkMs: 300_000 }) : null;
    const orphans = jobs ? startOrphanUploadSweeper(rt.ctx, app.log, 3_600_000) : null;
    const partitions = jobs ? startPartitionMaintainer(rt.ctx, app.log, 86_400_000) : null;
    const archiver = jobs && config.archiveAfterDays > 0 ? startCaseArchiver(rt.ctx, app.log, 86_400_000) : null;
    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down: finishing requests in flight');
      await sweeper?.stop();
      await dispatcher?.stop();
      await finalizer?.stop();
      await warnings?.stop();
      await hotspots?.stop();
      await orphans?.stop();
      await partitions?.stop();
      await archiver?.stop();
      await app.close();
      await rt.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    await app.listen({ host: config.host, port: config.port });
    const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
    if (isWorker) {
      app.log.info(`worker ${process.pid} ready${runsJobs ? ' (runs the periodic jobs)' : ''}`);
      return;
    }
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
  .option('--demo', 'also add the demo users and the demo knowledge base')
  .action((opts: { demo?: boolean }) =>
    withRuntime(async (rt) => {
      const ref = await seedReference(rt.ctx);
      console.log(`units added: ${ref.unitsAdded}; categories added: ${ref.categoriesAdded} (from ${ref.categorySource})`);
      if (opts.demo) console.log(`demo users added: ${await seedDemoUsers(rt.ctx)} (password ${DEMO_PASSWORD})`);
      if (opts.demo) console.log(`demo knowledge articles added: ${await seedDemoKnowledge(rt.ctx)}`);
      if (opts.demo) console.log(`demo work items added: ${await seedDemoWorkItems(rt.ctx)}`);
    }),
  );

program
  .command('sweep')
  .description('run one round of the clock sweep of cases and work items (reminders 催办, escalations 督办) and print what it did')
  .option('--at <instant>', 'pretend the time is this ISO instant (simulation and tests)')
  .action((opts: { at?: string }) =>
    withRuntime(async (rt) => {
      if (opts.at) {
        const at = new Date(opts.at);
        if (Number.isNaN(at.getTime())) throw new Error(`--at ${opts.at}: not an ISO instant`);
        rt.ctx.now = () => at;
      }
      console.log(JSON.stringify(await sweepAllClocks(rt.ctx)));
    }),
  );

program
  .command('archive')
  .description("move the history and stopped clocks of cases closed more than N days ago into case_archive (the daily job's work, now) and print what it did")
  .option('--after-days <n>', 'days after closing (default JIESU_ARCHIVE_AFTER_DAYS, 35)', positiveInt)
  .option('--no-compact', 'leave the emptied history partitions as they are (no VACUUM FULL)')
  .action((opts: { afterDays?: number; compact: boolean }) =>
    withRuntime(async (rt) => {
      console.log(JSON.stringify(await archiveFinishedCases(rt.ctx, { ...(opts.afterDays !== undefined ? { afterDays: opts.afterDays } : {}), compact: opts.compact })));
    }),
  );

program
  .command('simulate')
  .description('generate a realistic month of cases drawn from the dispatch catalogue, decided by the real rules (returns, disputes, extensions, late handling, visits)')
  .option('-n, --cases <n>', 'number of cases (the default gives every street a meaningful month)', positiveInt, 30_000)
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
        onProgress: (done, total) => {
          bar.setTotal(total);
          bar.update(done);
        },
      });
      bar.stop();
      console.log(JSON.stringify(report, null, 2));
      console.log(JSON.stringify(await (await import('./simulate/simulate-proactive')).simulateProactive(rt.ctx, { days: 91, seed: opts.seed, end: new Date() }), null, 2));
    }),
  );

program
  .command('simulate-deliberation')
  .description('a quarter of 居民议事会 in one community: cases, proposals and support, meetings, votes, follow-up tasks on the shared clocks')
  .option('-q, --quarter <key>', 'evaluation quarter, e.g. 2026-Q4', '2026-Q4')
  .option('-c, --community <code>', 'community code (default 花家地西里社区)')
  .option('--seed <n>', 'random seed', positiveInt, 1)
  .action((opts: { quarter: string; community?: string; seed: number }) =>
    withRuntime(async (rt) => {
      await seedReference(rt.ctx);
      console.log(
        JSON.stringify(await simulateDeliberation(rt.ctx, { quarterKey: opts.quarter, seed: opts.seed, ...(opts.community ? { communityCode: opts.community } : {}) }), null, 2),
      );
    }),
  );

const topics = program.command('topics').description('每月一题: hotspot mining and topics of the month');

topics
  .command('hotspots')
  .description('compute hotspots for a period (stored as a run; new cases then attach to its groups) and print the top groups')
  .option('-m, --month <YYYY-MM>', 'the month (default: the previous month)')
  .option('--from <YYYY-MM-DD>', 'first day (with --to) instead of a month')
  .option('--to <YYYY-MM-DD>', 'last day')
  .option('-s, --scope <unitCode>', 'mine one area (district, street …); default the whole city')
  .option('-n, --top <n>', 'groups to print', positiveInt, 20)
  .option('--previous <n>', 'preceding periods growth is measured against', positiveInt, 2)
  .action((opts: { month?: string; from?: string; to?: string; scope?: string; top: number; previous: number }) =>
    withRuntime(async (rt) => {
      const actor = await systemActor(rt.ctx, ['analyst']);
      const d = new Date();
      const month =
        opts.month ??
        (opts.from ? undefined : `${d.getUTCMonth() === 0 ? d.getUTCFullYear() - 1 : d.getUTCFullYear()}-${String(d.getUTCMonth() === 0 ? 12 : d.getUTCMonth()).padStart(2, '0')}`);
      const { run, stages } = await computeHotspots(rt.ctx, {
        actor,
        period: { ...(month ? { month } : {}), ...(opts.from ? { from: opts.from } : {}), ...(opts.to ? { to: opts.to } : {}) },
        ...(opts.scope ? { scopeUnitCode: opts.scope } : {}),
        previousPeriods: opts.previous,
        onStage: (stage, ms) => console.error(`  ${stage}: ${ms} ms`),
      });
      console.log(`run ${run.id}: ${run.caseCount} cases, ${run.groupCount} groups of 2+, ${run.elapsedMs} ms (${JSON.stringify(stages)})`);
      const { formula, groups } = await listHotspots(rt.ctx, { actor, runId: run.id, limit: opts.top });
      console.log(formula);
      for (const g of groups) {
        const m = g.metrics;
        console.log(
          `#${g.rank} score ${g.score.toFixed(1)} size ${m.size} requesters ${m.requesters} streets ${m.streets} growth ${m.growth} unresolved ${m.unresolvedShare} dissatisfied ${m.dissatisfiedShare} repeat ${m.repeatShare}: ${g.topWords.join(' ')}`,
        );
      }
    }),
  );

topics
  .command('simulate')
  .description('plant a problem over many streets amid ordinary traffic (this and preceding months), through the real use cases')
  .option('-n, --cases <n>', 'ordinary cases per month', positiveInt, 600)
  .option('--planted <n>', 'planted cases in the month', positiveInt, 80)
  .option('--streets <n>', 'streets the planted problem spreads over', positiveInt, 40)
  .option('--previous <n>', 'months of ordinary traffic before', positiveInt, 2)
  .option('--seed <n>', 'random seed', positiveInt, 1)
  .action((opts: { cases: number; planted: number; streets: number; previous: number; seed: number }) =>
    withRuntime(async (rt) => {
      await seedReference(rt.ctx);
      const d = new Date();
      // The month just ended is the planted month (30 days ending at the start of today).
      const monthStart = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - 30 * 86_400_000);
      const total = opts.cases * (opts.previous + 1) + opts.planted;
      const bar = new SingleBar({ format: 'simulating |{bar}| {value}/{total} cases  {eta_formatted} left', hideCursor: true }, Presets.shades_classic);
      bar.start(total, 0);
      const report = await simulateTopics(rt.ctx, {
        casesPerMonth: opts.cases,
        previousMonths: opts.previous,
        plantedCases: opts.planted,
        plantedStreets: opts.streets,
        monthStart,
        days: 30,
        seed: opts.seed,
        onProgress: (n) => bar.update(n),
      });
      bar.stop();
      const { plantedCaseIds, ...rest } = report;
      console.log(JSON.stringify({ ...rest, monthStart, plantedCaseIds: plantedCaseIds.length }, null, 2));
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

function share(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n < 1)) throw new InvalidArgumentError('expected a share from 0 up to (not including) 1, e.g. 0.2');
  return n;
}

const model = program.command('model').description('category classifier: train and evaluate on labelled files (JSONL or CSV), store models in the database');

model
  .command('train')
  .description('train on a labelled file with a stratified hold-out; write the model (and the held-out rows) and print the evaluation as JSON')
  .requiredOption('--data <file>', 'labelled JSONL or CSV (subject, detail, label)')
  .requiredOption('--out <file>', 'where to write the model artifact (JSON)')
  .option('--test-share <share>', 'share of each label held out for evaluation (0 = train on everything)', share, 0.2)
  .option('--seed <n>', 'seed of the split and of training', positiveInt, 42)
  .option('--holdout-out <file>', 'write the held-out rows as JSONL, to run `model eval` on exactly them')
  .action(async (opts: { data: string; out: string; testShare: number; seed: number; holdoutOut?: string }) => {
    const report = await trainModelFile({
      data: opts.data,
      out: opts.out,
      testShare: opts.testShare,
      seed: opts.seed,
      ...(opts.holdoutOut ? { holdoutOut: opts.holdoutOut } : {}),
    });
    console.log(JSON.stringify(report, null, 2));
  });

model
  .command('eval')
  .description('evaluate a model file on a labelled file: accuracy, macro-F1, per-label precision/recall/F1 and the confusion matrix, as JSON')
  .requiredOption('--model <file>', 'model artifact written by `model train`')
  .requiredOption('--data <file>', 'labelled JSONL or CSV')
  .action(async (opts: { model: string; data: string }) => {
    console.log(JSON.stringify(await evalModelFile(opts), null, 2));
  });

model
  .command('import')
  .description('store a model artifact in the database and make it the active model for suggestions')
  .requiredOption('--model <file>', 'model artifact (JSON)')
  .option('--no-activate', 'store it without making it active')
  .action((opts: { model: string; activate: boolean }) =>
    withRuntime(async (rt) => {
      const actor = await systemActor(rt.ctx, ['administrator']);
      const stored = await importCategoryModel(rt.ctx, { actor, artifact: await readModelFile(opts.model), source: `file ${opts.model}`, activate: opts.activate });
      console.log(JSON.stringify(stored, null, 2));
    }),
  );

model
  .command('train-from-cases')
  .description("train from the platform's finished cases (label = level-1 category), store and activate the model")
  .option('--min-cases <n>', 'do nothing below this many finished cases', positiveInt, 200)
  .option('--test-share <share>', 'share held out for the stored figures', share, 0.2)
  .option('--seed <n>', 'seed of the split and of training', positiveInt, 42)
  .action((opts: { minCases: number; testShare: number; seed: number }) =>
    withRuntime(async (rt) => {
      const actor = await systemActor(rt.ctx, ['administrator']);
      const result = await trainModelFromCases(rt.ctx, { actor, minCases: opts.minCases, testShare: opts.testShare, seed: opts.seed });
      console.log(JSON.stringify(result, null, 2));
    }),
  );

model
  .command('list')
  .description('stored models, newest first')
  .action(() =>
    withRuntime(async (rt) => {
      const actor = await systemActor(rt.ctx, ['administrator']);
      console.log(JSON.stringify((await listCategoryModels(rt.ctx, { actor })).items, null, 2));
    }),
  );

const scores = program.command('scores').description('three-rate scoring (三率) and rankings');
scores
  .command('publish')
  .description("publish a period's rankings as an immutable snapshot (again, with --reason, for a new version)")
  .requiredOption('--period <YYYY-MM>', 'the evaluation period, e.g. 2026-11')
  .option('--reason <text>', 'why a new version is published')
  .action((opts: { period: string; reason?: string }) =>
    withRuntime(async (rt) => {
      const actor = await systemActor(rt.ctx, ['evaluator']);
      const meta = await publishRankings(rt.ctx, { actor, periodKey: opts.period, reason: opts.reason ?? null });
      console.log(`published ${meta.periodKey} version ${meta.version}${meta.reason ? ` (${meta.reason})` : ''}`);
    }),
  );

scores
  .command('finalize')
  .description('mark the visited cases of published periods as scored (已考核); `serve` does this on its own')
  .action(() =>
    withRuntime(async (rt) => {
      console.log(`cases marked scored: ${await markAllScoredCases(rt.ctx)}`);
    }),
  );

program.parseAsync().catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message);
  else console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
