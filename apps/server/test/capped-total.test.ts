// A list's total (keyset.ts cappedTotal): exact up to the cap; past it the planner's estimate,
// said so — and when the planner already expects more than twice the cap, nothing is counted
// (a street's case list at 10 M cases spent more on counting its first 10,000 rows than on the
// page). The units of the seeded city stand in for a big list; a sequence bumped by the WHERE
// clause shows whether rows were read.
import { type SqlBool, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cappedTotal } from '../src/repositories/keyset';
import { type TestEnv, startTestEnv } from './harness';

describe('capped totals', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestEnv();
    await sql`analyze units`.execute(env.rt.ctx.db);
  });
  afterAll(async () => env?.close());
  const db = () => env.rt.ctx.db;
  const codes = async (n: number) => (await db().selectFrom('units').select('code').orderBy('code').limit(n).execute()).map((u) => u.code);

  it('counts up to the cap, and says an estimate when there are more', async () => {
    expect(
      await cappedTotal(
        db(),
        db()
          .selectFrom('units')
          .where('code', 'in', await codes(5)),
        10,
      ),
    ).toEqual({ total: 5, totalExact: true });
    expect(
      await cappedTotal(
        db(),
        db()
          .selectFrom('units')
          .where('code', 'in', await codes(10)),
        10,
      ),
    ).toEqual({ total: 10, totalExact: true });
    // 15 expected (under twice the cap): counted, 11 found, so the estimate is given, not exact.
    expect(
      await cappedTotal(
        db(),
        db()
          .selectFrom('units')
          .where('code', 'in', await codes(15)),
        10,
      ),
    ).toEqual({ total: 15, totalExact: false });
  });

  it('does not read the rows when the estimate is past twice the cap', async () => {
    const units = (await sql<{ n: number }>`select count(*)::int as n from units`.execute(db())).rows[0]?.n ?? 0;
    expect(units).toBeGreaterThan(1_000);
    await sql`create sequence capped_total_probe`.execute(db());
    const probed = () =>
      db()
        .selectFrom('units')
        .where(sql<SqlBool>`nextval('capped_total_probe') > 0`);
    const big = await cappedTotal(db(), probed(), 10);
    expect(big.totalExact).toBe(false);
    expect(big.total).toBeGreaterThan(20);
    const probe = async () => (await sql<{ is_called: boolean }>`select is_called from capped_total_probe`.execute(db())).rows[0]?.is_called;
    expect(await probe()).toBe(false); // not one row read
    // With the cap above the estimate the same query is counted: the probe runs.
    const counted = await cappedTotal(db(), probed(), 100_000);
    expect(counted).toEqual({ total: units, totalExact: true });
    expect(await probe()).toBe(true);
  });
});
