// vitest globalSetup of the integration project: migrates and seeds one template database per run,
// which every test file then copies instead of running the migrations and the seeding itself
// (see harness.ts). On PGlite the template is a data-folder tarball in a temporary folder (with a
// second one of a bare, unmigrated database for tests that migrate on their own); on PostgreSQL
// (JIESU_TEST_DATABASE_URL) it is a database each file clones with CREATE DATABASE … TEMPLATE.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createRuntime } from '../src/app-context';
import { loadConfig } from '../src/config';
import { type DatabaseHandle, openDatabase } from '../src/db/client';
import { seedDemoUsers } from '../src/seed/seed-demo';
import { seedReference } from '../src/seed/seed-reference';

export interface DatabaseTemplates {
  /** PGlite: tarball of a migrated, seeded data folder. */
  pgliteSeeded: string | null;
  /** PGlite: tarball of a freshly initialised data folder (no migrations). */
  pgliteBare: string | null;
  /** PostgreSQL: name of the migrated, seeded template database on JIESU_TEST_DATABASE_URL's server. */
  postgresSeeded: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplates: DatabaseTemplates;
  }
}

/** Reference data and demo users: what `startTestEnv()` seeds unless told `seed: false`. */
async function buildSeeded(databaseUrl: string | null) {
  const rt = await createRuntime(loadConfig({ LOG_LEVEL: 'silent' }, { databaseUrl }), { inMemory: true });
  await seedReference(rt.ctx);
  await seedDemoUsers(rt.ctx);
  return rt;
}

async function tarball(database: DatabaseHandle, file: string): Promise<void> {
  if (!database.dumpDataDir) throw new Error('template-database: the embedded database cannot dump its data folder');
  writeFileSync(file, Buffer.from(await (await database.dumpDataDir()).arrayBuffer()));
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const adminUrl = process.env.JIESU_TEST_DATABASE_URL ?? null;
  if (adminUrl) {
    const name = `jiesu_template_${randomBytes(6).toString('hex')}`;
    await adminQuery(adminUrl, `create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const rt = await buildSeeded(url.toString());
    await rt.close();
    project.provide('databaseTemplates', { pgliteSeeded: null, pgliteBare: null, postgresSeeded: name });
    console.log(`[template-database] PostgreSQL template ${name} migrated and seeded in ${Math.round(performance.now() - started)} ms`);
    return () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'jiesu-template-'));
  const bare = await openDatabase({ databaseUrl: null, dataDir: null });
  const bareFile = join(dir, 'bare.tar');
  await tarball(bare, bareFile);
  await bare.close();
  const rt = await buildSeeded(null);
  const seededFile = join(dir, 'seeded.tar');
  await tarball(rt.database, seededFile);
  await rt.close();
  project.provide('databaseTemplates', { pgliteSeeded: seededFile, pgliteBare: bareFile, postgresSeeded: null });
  console.log(`[template-database] PGlite templates migrated and seeded in ${Math.round(performance.now() - started)} ms`);
  return async () => rmSync(dir, { recursive: true, force: true });
}
