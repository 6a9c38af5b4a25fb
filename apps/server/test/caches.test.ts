// The caches of data an administrator can change are coherent across processes within their TTL:
// two calendar caches on one database stand for two `jiesu serve` processes on one PostgreSQL.
// A schedule loaded through one is in force in the other once the TTL has passed, not before;
// the loading process sees it at once. Plus the expiring map they are all built on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeriodRankings } from '@jiesu/contracts';
import { CalendarService } from '../src/caches/calendar-cache';
import { LiveRankingsCache } from '../src/caches/live-rankings-cache';
import { TtlCache } from '../src/caches/ttl-cache';
import { type TestEnv, startTestEnv } from './harness';

describe('TtlCache', () => {
  it('expires an entry at its TTL, keeps a cached null, evicts the oldest when full', async () => {
    let now = 1_000;
    const cache = new TtlCache<string, number | null>(100, 2, () => now);
    cache.set('a', 1);
    cache.set('n', null);
    expect(cache.get('a')).toBe(1);
    expect(cache.has('n')).toBe(true);
    now += 99;
    expect(cache.get('a')).toBe(1);
    now += 1;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.has('n')).toBe(false);
    cache.set('x', 1);
    cache.set('y', 2);
    cache.set('z', 3); // full (2): the oldest, x, goes
    expect([cache.has('x'), cache.has('y'), cache.has('z')]).toEqual([false, true, true]);
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    await cache.getOrLoad('k', load);
    await cache.getOrLoad('k', load);
    expect(loads).toBe(1);
    cache.deleteWhere((v) => v === 1);
    await cache.getOrLoad('k', load);
    expect(loads).toBe(2);
  });
});

describe('LiveRankingsCache', () => {
  it('computes a period once per stamp within the TTL, shares a computation in flight, forgets a failure', async () => {
    let now = 0;
    const cache = new LiveRankingsCache(1_000, () => now);
    let computed = 0;
    const compute = (): Promise<PeriodRankings> => {
      computed += 1;
      return Promise.resolve({ periodKey: `run ${computed}` } as PeriodRankings);
    };
    const s1 = { facts: 'f1', rules: 'r1' };
    const s2 = { facts: 'f2', rules: 'r1' };
    const [a, b] = await Promise.all([cache.get('2026-11', s1, compute), cache.get('2026-11', s1, compute)]);
    expect([a.periodKey, b.periodKey, computed]).toEqual(['run 1', 'run 1', 1]);
    expect((await cache.get('2026-10', s1, compute)).periodKey).toBe('run 2'); // another period, its own entry
    expect((await cache.get('2026-11', s2, compute)).periodKey).toBe('run 3'); // the facts changed
    now = 999;
    expect((await cache.get('2026-11', s2, compute)).periodKey).toBe('run 3');
    now = 1_000;
    expect((await cache.get('2026-11', s2, compute)).periodKey).toBe('run 4'); // TTL passed
    await expect(cache.get('2026-09', s2, () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    expect((await cache.get('2026-09', s2, compute)).periodKey).toBe('run 5');
  });

  it("shares a period's request counts under their key for the TTL, apart from the rankings' stamp", async () => {
    let now = 0;
    const cache = new LiveRankingsCache(1_000, () => now);
    let counted = 0;
    const count = () => {
      counted += 1;
      return Promise.resolve({ byStreet: new Map([['110105026', counted]]), byDistrict: new Map(), byLead: new Map() });
    };
    const street = async (period: string, rules: string, load = count) => (await cache.requestCounts(period, { facts: 'any', rules }, load)).byStreet.get('110105026');
    const [a, b] = await Promise.all([street('2026-11', 'set1|pub1'), street('2026-11', 'set1|pub1')]);
    expect([a, b, counted]).toEqual([1, 1, 1]);
    // A recomputation for a changed fact (another rankings stamp, the same key) counts nothing again.
    await cache.get('2026-11', { facts: 'facts1', rules: 'set1|pub1' }, () => Promise.resolve({} as PeriodRankings));
    await cache.get('2026-11', { facts: 'facts2', rules: 'set1|pub1' }, () => Promise.resolve({} as PeriodRankings));
    expect(await street('2026-11', 'set1|pub1')).toBe(1);
    expect(await street('2026-11', 'set2|pub1')).toBe(2); // a setting changed: counted afresh
    now = 1_000;
    expect(await street('2026-11', 'set1|pub1')).toBe(3); // TTL passed
    await expect(street('2026-10', 'set1|pub1', () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    expect(await street('2026-10', 'set1|pub1')).toBe(4);
  });
});

describe('calendar cache across processes', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestEnv({ seed: false });
  });
  afterAll(async () => {
    await env.close();
  });

  it('a schedule loaded through one process reaches the other within the TTL', async () => {
    let now = 0;
    const ttlMs = 10_000;
    const repo = env.rt.ctx.repos.holidaySchedules;
    const a = new CalendarService('Asia/Shanghai', repo, ttlMs, () => now);
    const b = new CalendarService('Asia/Shanghai', repo, ttlMs, () => now);
    // 2031 is beyond what chinese-days publishes: 2031-03-03 is a Monday, an ordinary working day.
    expect((await a.get()).hasYear(2031)).toBe(false);
    expect((await b.get()).hasYear(2031)).toBe(false);

    await repo.upsert({ year: 2031, holidays: ['2031-03-03'], workdays: [], source: 'test', updatedBy: 'admin' });
    await a.reload();
    expect((await a.get()).isWorkingDay('2031-03-03')).toBe(false);
    now += ttlMs - 1;
    expect((await b.get()).hasYear(2031)).toBe(false);
    now += 1;
    const seen = await b.get();
    expect(seen.hasYear(2031)).toBe(true);
    expect(seen.isWorkingDay('2031-03-03')).toBe(false);
  });
});
