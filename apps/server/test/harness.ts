// Integration-test harness: a fresh database per test file — in-memory PGlite by default, or a
// new database on the PostgreSQL server named by JIESU_TEST_DATABASE_URL (created here, dropped
// after) — migrated, seeded with reference data and demo users, behind a real Fastify app.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { createRuntime, type Runtime } from '../src/app-context';
import { type Config, loadConfig } from '../src/config';
import { buildApp } from '../src/http/app';
import { DEMO_PASSWORD, seedDemoUsers } from '../src/seed/seed-demo';
import { seedReference } from '../src/seed/seed-reference';

export interface TestEnv {
  app: FastifyInstance;
  rt: Runtime;
  kind: 'pglite' | 'postgres';
  /** Logs a demo user in and returns a request helper carrying their token. */
  as(username: string): Promise<Client>;
  close(): Promise<void>;
}

export interface Client {
  token: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export const TEST_PG_URL = process.env.JIESU_TEST_DATABASE_URL ?? null;

export async function createPostgresDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `jiesu_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function startTestEnv(opts: { config?: Partial<Config>; now?: () => Date; seed?: boolean } = {}): Promise<TestEnv> {
  const pgDb = TEST_PG_URL ? await createPostgresDatabase(TEST_PG_URL) : null;
  // tests log in many times from one address: the per-address login limit is tested on its own (hardening tests)
  const config = loadConfig({ LOG_LEVEL: 'silent', JIESU_LOGIN_RATE_LIMIT: '100000' }, { databaseUrl: pgDb?.url ?? null, ...opts.config });
  const rt = await createRuntime(config, { inMemory: true, ...(opts.now ? { now: opts.now } : {}) });
  if (opts.seed !== false) {
    await seedReference(rt.ctx);
    await seedDemoUsers(rt.ctx);
  }
  const app = await buildApp({ ctx: rt.ctx });
  await app.ready();

  const clientFor = (token: string): Client => {
    const request = (o: InjectOptions) => app.inject({ ...o, headers: { authorization: `Bearer ${token}`, ...(o.headers ?? {}) } });
    return {
      token,
      request,
      get: (url) => request({ method: 'GET', url }),
      post: (url, payload) => request({ method: 'POST', url, ...(payload !== undefined ? { payload: payload as object } : {}) }),
      patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as object }),
      put: (url, payload) => request({ method: 'PUT', url, payload: payload as object }),
      delete: (url) => request({ method: 'DELETE', url }),
    };
  };

  return {
    app,
    rt,
    kind: pgDb ? 'postgres' : 'pglite',
    async as(username: string) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
      return clientFor(res.json<{ token: string }>().token);
    },
    async close() {
      await app.close();
      await rt.close();
      await pgDb?.drop();
    },
  };
}
