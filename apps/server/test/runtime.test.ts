// Start-up behaviour: data survives a restart on the embedded database, migrations are idempotent,
// seeding twice adds nothing, bad configuration is refused with every bad key, and public
// endpoints are rate-limited.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../src/app-context';
import { ConfigError, loadConfig } from '../src/config';
import { MIGRATION_NAMES } from '../src/db/migrate';
import { seedReference } from '../src/seed/seed-reference';
import { computePeriodRankings } from '../src/use-cases/scoring/compute-rankings';
import { createPostgresDatabase, startTestEnv, TEST_PG_URL } from './harness';

const run = promisify(execFile);

describe('configuration', () => {
  it('works with no configuration at all', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, databaseUrl: null, timeZone: 'Asia/Shanghai' });
  });

  it('lists every bad key', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', JIESU_TIME_ZONE: 'Mars/Olympus', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      for (const key of ['PORT', 'DATABASE_URL', 'JIESU_TIME_ZONE', 'LOG_LEVEL']) expect(problems).toContain(key);
    }
  });

  it('refuses a read replica without DATABASE_URL (the embedded database has none)', () => {
    expect(() => loadConfig({ JIESU_DATABASE_READ_URL: 'postgres://reader@replica/jiesu' })).toThrow(/JIESU_DATABASE_READ_URL: a read replica needs DATABASE_URL/);
    expect(loadConfig({}).databaseReadUrl).toBeNull();
  });
});

// The replica option, with the same server behind both URLs (a real standby only adds lag).
describe.runIf(TEST_PG_URL)('read replica', () => {
  it('reads dashboards and rankings through their own pool and everything else through the primary', async () => {
    const database = await createPostgresDatabase(TEST_PG_URL as string);
    const rt = await createRuntime(loadConfig({ LOG_LEVEL: 'silent' }, { databaseUrl: database.url, databaseReadUrl: database.url }), { inMemory: true });
    try {
      expect(rt.ctx.reads).not.toBe(rt.ctx.repos);
      await seedReference(rt.ctx);
      // Written through the primary, read through the replica's pool.
      expect(await rt.ctx.reads.units.findByCode('110105026')).toMatchObject({ name: '望京街道' });
      const rankings = await computePeriodRankings(rt.ctx, { periodKey: '2026-11', fromReplica: true });
      expect(rankings.classes.find((c) => c.classKey === 'street')?.rows.length).toBeGreaterThan(300);
    } finally {
      await rt.close();
      await database.drop();
    }
  });
});

// Only on the embedded database: with DATABASE_URL, keeping data across restarts is the server's job.
describe.runIf(!TEST_PG_URL)('embedded database on disk', () => {
  it('keeps its data across a restart and does not reseed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiesu-restart-'));
    try {
      const config = loadConfig({ JIESU_DATA_DIR: dir, LOG_LEVEL: 'silent' });
      const first = await createRuntime(config);
      expect(first.migrationsApplied).toEqual(MIGRATION_NAMES);
      expect(MIGRATION_NAMES[0]).toBe('0001-foundation');
      const seeded = await seedReference(first.ctx);
      expect(seeded.unitsAdded).toBeGreaterThan(8000);
      await first.ctx.repos.units.update('110105026', { name: '望京街道（改名测试）' });
      await first.close();

      const second = await createRuntime(config);
      expect(second.migrationsApplied).toEqual([]);
      expect((await second.ctx.repos.units.findByCode('110105026'))?.name).toBe('望京街道（改名测试）');
      const again = await seedReference(second.ctx);
      expect(again).toMatchObject({ unitsAdded: 0, categoriesAdded: 0 });
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a second process on the same data folder, and frees it on close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiesu-lock-'));
    const bin = join(__dirname, '..', 'bin', 'jiesu.mjs');
    const env = { ...process.env, JIESU_DATA_DIR: dir, LOG_LEVEL: 'silent' };
    try {
      const open = await createRuntime(loadConfig(env));
      const refused = await run(process.execPath, [bin, 'migrate'], { env }).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(refused?.code).toBe(1);
      expect(refused?.stderr).toContain(`in use by process ${process.pid}`);
      await open.close();
      const after = await run(process.execPath, [bin, 'migrate'], { env });
      expect(after.stdout).toContain('database is up to date');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rate limits', () => {
  it('limits login attempts per client', async () => {
    const env = await startTestEnv({ config: { loginRateLimit: 3 }, seed: false });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } });
        codes.push(r.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      const last = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } });
      expect(last.json().error.code).toBe('RATE_LIMITED');
    } finally {
      await env.close();
    }
  });
});
