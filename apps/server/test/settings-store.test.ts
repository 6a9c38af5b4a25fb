// The one settings store: the rows of the four older stores move into `settings`; every value is
// parsed by its core definition on read and on write; every change is audited and versioned.
import {
  type Actor,
  CASE_POLICY_SETTING,
  communityRankingSetting,
  DomainError,
  defineSetting,
  DUPLICATE_SETTINGS_SETTING,
  DEFAULT_SCORING_POLICY,
  SCORING_POLICY_SETTING,
  SCORING_WEIGHTS_SETTING,
  URGENCY_RULES_SETTING,
} from '@jiesu/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client';
import { migrateTo, migrateToLatest } from '../src/db/migrate';
import { createRepositories } from '../src/repositories';
import { SettingsStore } from '../src/settings/settings-store';
import { createPostgresDatabase, pgliteTemplate, type TestEnv, startTestEnv, TEST_PG_URL } from './harness';

describe('migration 0008', () => {
  it('moves scoring, intake, case-policy and community-ranking rows into settings and drops the old tables', async () => {
    const pgDb = TEST_PG_URL ? await createPostgresDatabase(TEST_PG_URL) : null;
    // an initialised, unmigrated PGlite from the run's template (saves initdb); it migrates itself below
    const bare = pgDb ? undefined : pgliteTemplate('bare');
    const database = await openDatabase({ databaseUrl: pgDb?.url ?? null, dataDir: null, ...(bare ? { loadDataDir: bare } : {}) });
    try {
      const db = database.db;
      await migrateTo(db, '0006-case-policy');
      await sql`insert into units (code, name, class, path) values ('110105', '朝阳区', 'district', '110105'), ('110105026', '望京街道', 'street', '110105.110105026')`.execute(db);
      const policy = { periodStartDay: 21, maxVisitAttempts: 4, publishCount: 5, minSampleSize: 2 };
      await sql`insert into scoring_settings (key, value, updated_by) values ('policy', ${JSON.stringify(policy)}::jsonb, 'admin')`.execute(db);
      await sql`insert into intake_settings (key, value, updated_by) values ('duplicates', '{"windowDays": 10, "limit": 3, "minSimilarity": 0.3}'::jsonb, null)`.execute(db);
      const { timeZone: _tz, ...casePolicy } = structuredClone({ ...CASE_POLICY_SETTING.defaultValue, timeZone: '' });
      casePolicy.maxExtensions = 4;
      await sql`insert into case_policy (policy, updated_by) values (${JSON.stringify(casePolicy)}::jsonb, 'admin2')`.execute(db);
      const community = { rateWeights: { response: 0.1, resolution: 0.5, satisfaction: 0.4 }, items: [] };
      await sql`insert into community_ranking_configs (street_code, config, updated_by) values ('110105026', ${JSON.stringify(community)}::jsonb, 'leader')`.execute(db);

      await migrateToLatest(db);
      const rows = await db.selectFrom('settings').select(['key', 'version', 'updated_by']).orderBy('key').execute();
      expect(rows).toEqual([
        { key: 'cases.policy', version: 1, updated_by: 'admin2' },
        { key: 'intake.duplicates', version: 1, updated_by: null },
        { key: 'scoring.community_ranking.110105026', version: 1, updated_by: 'leader' },
        { key: 'scoring.policy', version: 1, updated_by: 'admin' },
      ]);
      const left = await sql<{ n: number }>`
        select count(*)::int as n from information_schema.tables
        where table_name in ('scoring_settings', 'intake_settings', 'case_policy', 'community_ranking_configs')`.execute(db);
      expect(left.rows[0]?.n).toBe(0);

      const store = new SettingsStore(db, createRepositories(db));
      // Fields added to the policy since (appeal window, merged children, most improved) read back as their defaults.
      expect(await store.get(SCORING_POLICY_SETTING)).toEqual({ ...DEFAULT_SCORING_POLICY, ...policy });
      expect(await store.get(DUPLICATE_SETTINGS_SETTING)).toEqual({ windowDays: 10, limit: 3, minSimilarity: 0.3 });
      expect((await store.get(CASE_POLICY_SETTING)).maxExtensions).toBe(4);
      expect(await store.get(communityRankingSetting('110105026'))).toEqual(community);
      expect(await store.info(SCORING_WEIGHTS_SETTING)).toMatchObject({ isDefault: true, version: 0 });

      // And back down: the rows return to their old tables.
      await migrateTo(db, '0006-case-policy');
      const back = await sql<{ key: string; by: string | null }>`
        select key, updated_by as by from scoring_settings union all select key, updated_by from intake_settings
        union all select 'case_policy', updated_by from case_policy union all select street_code, updated_by from community_ranking_configs
        order by 1`.execute(db);
      expect(back.rows).toEqual([
        { key: '110105026', by: 'leader' },
        { key: 'case_policy', by: 'admin2' },
        { key: 'duplicates', by: null },
        { key: 'policy', by: 'admin' },
      ]);
    } finally {
      await database.close();
      await pgDb?.drop();
    }
  });
});

const ADMIN: Actor = {
  userId: '00000000-0000-0000-0000-000000000001',
  username: 'admin',
  displayName: '管理员',
  unitCode: '110000',
  unitPath: '110000',
  unitClass: 'centre',
  roles: ['administrator'],
};

describe('the settings store', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestEnv();
  });
  afterAll(async () => env?.close());

  it('returns the default until a value is set, then the value; each change audited with before and after', async () => {
    const store = env.rt.ctx.settings;
    expect(await store.get(SCORING_POLICY_SETTING)).toEqual(SCORING_POLICY_SETTING.defaultValue);
    const first = await store.set(SCORING_POLICY_SETTING, { ...SCORING_POLICY_SETTING.defaultValue, publishCount: 7 }, ADMIN);
    expect(first).toMatchObject({ version: 1, isDefault: false, updatedBy: 'admin' });
    const second = await store.set(SCORING_POLICY_SETTING, { ...SCORING_POLICY_SETTING.defaultValue, publishCount: 8 }, ADMIN);
    expect(second.version).toBe(2);
    expect(await store.info(SCORING_POLICY_SETTING)).toMatchObject({ version: 2, value: { publishCount: 8 } });
    const audit = await env.rt.ctx.db.selectFrom('audit_log').select(['action', 'data']).where('target_id', '=', 'scoring.policy').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['settings.set', 'settings.set']);
    const data = audit.map(
      (a) => (typeof a.data === 'string' ? JSON.parse(a.data) : a.data) as { before: { publishCount: number } | null; after: { publishCount: number }; version: number },
    );
    expect(data.map((d) => [d.before?.publishCount ?? null, d.after.publishCount, d.version])).toEqual([
      [null, 7, 1],
      [7, 8, 2],
    ]);
  });

  it('refuses a bad value on write, naming the field, and writes nothing', async () => {
    const store = env.rt.ctx.settings;
    const bad = [{ id: 'x', pattern: '', urgency: 'emergency', priority: 1 }];
    const err = await store.set(URGENCY_RULES_SETTING, bad as never, ADMIN).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).details?.field).toBe('rules[0].pattern');
    expect(await store.info(URGENCY_RULES_SETTING)).toMatchObject({ isDefault: true });
    const unknownField = await store.set(DUPLICATE_SETTINGS_SETTING, { windowDays: 3, limit: 2, minSimilarity: 0.1, extra: 1 } as never, ADMIN).catch((e: unknown) => e);
    expect((unknownField as DomainError).details?.field).toBe('extra');
  });

  it('fails loudly on read when a stored row no longer passes its check', async () => {
    await env.rt.ctx.repos.settings.put(DUPLICATE_SETTINGS_SETTING.key, { windowDays: 0, limit: 5, minSimilarity: 0.1 }, 'someone');
    await expect(env.rt.ctx.settings.get(DUPLICATE_SETTINGS_SETTING)).rejects.toThrow(/intake\.duplicates .*windowDays: must be at least 1/);
  });

  it('reads back a value that is itself a JSON string, number or null, exactly as it was set', async () => {
    // A bare JSON string was JSON-parsed a second time on PGlite: "excluded" threw, "42" came back a number.
    const text = defineSetting<string>('test.bare_string', 'default', (v) => {
      if (typeof v !== 'string') throw new DomainError('VALIDATION_FAILED', `must be text, got ${typeof v}`, { field: '' });
      return v;
    });
    const anything = defineSetting<unknown>('test.any_json', 'default', (v) => v);
    const store = env.rt.ctx.settings;
    for (const value of ['excluded', '42', 'null', '"quoted"', '']) {
      await store.set(text, value, ADMIN);
      expect(await store.get(text)).toBe(value);
    }
    for (const value of [42, null, true, ['a', 1], { nested: '{"not":"parsed"}' }]) {
      await store.set(anything, value, ADMIN);
      expect(await store.get(anything)).toEqual(value);
    }
    expect(await store.info(text)).toMatchObject({ version: 5, isDefault: false });
  });
});
