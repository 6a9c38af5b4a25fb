// What the PostgreSQL benchmarks share: a throwaway database on a server (JIESU_TEST_DATABASE_URL or
// DATABASE_URL, e.g. through scripts/with-postgres.sh), jiesu's runtime on it, and the timing and
// reporting helpers. Set BENCH_KEEP=1 to keep the generated database (its name is printed) and
// BENCH_DB=<name> to run again on it without generating the data again.
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createRuntime, type Runtime } from '../apps/server/src/app-context';
import { loadConfig } from '../apps/server/src/config';

export interface BenchDatabase {
  rt: Runtime;
  name: string;
  /** True when BENCH_DB named an existing database: its data is already there. */
  isReused: boolean;
}

/** Runs `fn` on a fresh database (or BENCH_DB's), then drops it unless BENCH_KEEP=1 or it was reused. */
export async function withBenchDatabase(fn: (b: BenchDatabase) => Promise<void>): Promise<void> {
  const adminUrl = process.env.JIESU_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('set JIESU_TEST_DATABASE_URL or DATABASE_URL (or run through scripts/with-postgres.sh)');
  const reuse = process.env.BENCH_DB;
  if (reuse !== undefined && !/^[a-z0-9_]+$/.test(reuse)) throw new Error('BENCH_DB must be a plain database name');
  const name = reuse ?? `jiesu_bench_${randomBytes(4).toString('hex')}`;
  const keep = reuse !== undefined || process.env.BENCH_KEEP === '1';
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  if (reuse === undefined) await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let rt: Runtime | null = null;
  try {
    rt = await createRuntime(loadConfig({ LOG_LEVEL: 'silent' }, { databaseUrl: url.toString() }), { inMemory: true });
    await fn({ rt, name, isReused: reuse !== undefined });
  } finally {
    await rt?.close();
    // Let the pool's connections finish closing before the database goes.
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (keep) console.log(`database kept: BENCH_DB=${name}`);
    else await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** Wall times (ms) of `runs` sequential calls. */
export async function timed(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}

/** Wall time (ms), this process's CPU time (ms) and the value of one call. */
export async function measure<T>(fn: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, value };
}

export const percentile = (xs: readonly number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
export const median = (xs: readonly number[]): number => percentile(xs, 0.5);
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
/** Peak resident memory of this process so far (MB). */
export const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
/** The 1-minute load average: on a shared machine wall times include waiting for a core. */
export const load = (): string => (loadavg()[0] ?? 0).toFixed(1);

/** Runs a benchmark's main, printing a failure and setting the exit code. */
export function runBench(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
