// Integration-test harness: a fresh database per test file — in-memory PGlite by default, or a
// new database on the PostgreSQL server named by JIESU_TEST_DATABASE_URL (created here, dropped
// after) — migrated, seeded with reference data and demo users, behind a real Fastify app.
// The migrating and seeding is done once per run (template-database.ts, the integration project's
// globalSetup): each file starts from a copy of that template — a PGlite data-folder tarball, or
// CREATE DATABASE … TEMPLATE on PostgreSQL. Outside that globalSetup it migrates and seeds itself.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { createRuntime, type Runtime } from '../src/app-context';
import { type Config, loadConfig } from '../src/config';
import { buildApp } from '../src/http/app';
import { DEMO_PASSWORD, seedDemoUsers } from '../src/seed/seed-demo';
import { seedReference } from '../src/seed/seed-reference';
import type { DatabaseTemplates } from './template-database';

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

const NO_TEMPLATES: DatabaseTemplates = { pgliteSeeded: null, pgliteBare: null, postgresSeeded: null };

/** What the integration project's globalSetup built (nothing when a file runs without it). */
function templates(): DatabaseTemplates {
  return (inject('databaseTemplates') as DatabaseTemplates | undefined) ?? NO_TEMPLATES;
}

const tarballs = new Map<string, Blob>();
function tarball(file: string): Blob {
  let blob = tarballs.get(file);
  if (!blob) tarballs.set(file, (blob = new Blob([readFileSync(file)])));
  return blob;
}

/**
 * A PGlite data folder to start an in-memory database from: `'bare'` is freshly initialised (no
 * migrations; saves initdb), `'seeded'` migrated with reference data and demo users. Undefined
 * without the globalSetup (the database then initialises itself).
 */
export function pgliteTemplate(kind: 'bare' | 'seeded'): Blob | undefined {
  const file = kind === 'bare' ? templates().pgliteBare : templates().pgliteSeeded;
  return file ? tarball(file) : undefined;
}

/**
 * A new, empty database on the PostgreSQL server at `adminUrl` (dropped by `drop()`); with
 * `{ seeded: true }` a copy of the run's migrated and seeded template when there is one — check
 * `seeded` in the answer.
 */
export async function createPostgresDatabase(adminUrl: string, opts: { seeded?: boolean } = {}): Promise<{ url: string; seeded: boolean; drop(): Promise<void> }> {
  const name = `jiesu_test_${randomBytes(6).toString('hex')}`;
  const template = opts.seeded ? templates().postgresSeeded : null;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    seeded: template !== null,
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A request helper that sends `token` as the bearer token with every request to `app`. */
export function clientFor(app: FastifyInstance, token: string): Client {
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
}

export interface StartTestEnvOptions {
  config?: Partial<Config>;
  now?: () => Date;
  /** false: a migrated database without reference data or demo users. */
  seed?: boolean;
}

export async function startTestEnv(opts: StartTestEnvOptions = {}): Promise<TestEnv> {
  const seed = opts.seed !== false;
  const pgDb = TEST_PG_URL ? await createPostgresDatabase(TEST_PG_URL, { seeded: seed }) : null;
  // tests log in many times from one address: the per-address login limit is tested on its own (hardening tests)
  const config = loadConfig({ LOG_LEVEL: 'silent', JIESU_LOGIN_RATE_LIMIT: '100000' }, { databaseUrl: pgDb?.url ?? null, ...opts.config });
  const pgliteDataDir = pgDb ? undefined : pgliteTemplate(seed ? 'seeded' : 'bare');
  const rt = await createRuntime(config, { inMemory: true, ...(opts.now ? { now: opts.now } : {}), ...(pgliteDataDir ? { pgliteDataDir } : {}) });
  const fromTemplate = pgDb ? pgDb.seeded : seed && pgliteDataDir !== undefined;
  if (seed && !fromTemplate) {
    await seedReference(rt.ctx);
    await seedDemoUsers(rt.ctx);
  }
  const app = await buildApp({ ctx: rt.ctx });
  await app.ready();

  return {
    app,
    rt,
    kind: pgDb ? 'postgres' : 'pglite',
    async as(username: string) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
      return clientFor(app, res.json<{ token: string }>().token);
    },
    async close() {
      await app.close();
      await rt.close();
      await pgDb?.drop();
    },
  };
}
