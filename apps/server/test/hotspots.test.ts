// Hotspot mining (每月一题 candidates) on a simulated city: ordinary recurring traffic for three
// months and one problem planted in the last month over many streets. Checks permissions and
// validation first, then that the planted problem is found as one group and ranked first, that
// the formula and weights are the stored ones, that a new case attaches to its group at intake, and
// that the scheduled refresh computes each month once per interval in one process at a time.
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as migration0036 from '../src/db/migrations/0036-case-mining';
import { type SimulateTopicsReport, simulateTopics } from '../src/simulate/simulate-topics';
import { refreshHotspots } from '../src/use-cases/hotspots/refresh-hotspots';
import { intakeBody } from './case-helpers';
import { type Client, type TestEnv, startTestEnv } from './harness';

let env: TestEnv;
let analyst: Client;
let report: SimulateTopicsReport;
const MONTH_START = new Date('2026-11-01T00:00:00+08:00');
/** The environment's clock: fixed, moved forward only by the refresh test (the last one). */
let clock = new Date('2026-12-01T10:00:00+08:00');

interface Group {
  id: string;
  rank: number;
  score: number;
  size: number;
  attachedCount: number;
  topWords: string[];
  metrics: { requesters: number; streets: number; growth: number; previousSizes: number[]; repeatShare: number; unresolvedShare: number; dissatisfiedShare: number };
  signals: { frequency: number; spread: number; growth: number; difficulty: number; score: number };
}

beforeAll(async () => {
  env = await startTestEnv({ now: () => clock });
  analyst = await env.as('analyst');
  report = await simulateTopics(env.rt.ctx, {
    casesPerMonth: 120,
    previousMonths: 2,
    plantedCases: 40,
    plantedStreets: 25,
    monthStart: MONTH_START,
    days: 30,
    seed: 12,
    handledShare: 0.5,
  });
}, 120_000);
afterAll(async () => env?.close());

describe('hotspot mining', () => {
  it('refuses roles without analysis rights, bad periods and areas outside the actor’s', async () => {
    const handler = await env.as('wangjing.handler');
    expect((await handler.post('/api/hotspots/runs', { month: '2026-11' })).statusCode).toBe(403);
    const bad = await analyst.post('/api/hotspots/runs', { month: '2026-13' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('month');
    const noPeriod = await analyst.post('/api/hotspots/runs', {});
    expect(noPeriod.statusCode).toBe(400);
    expect(noPeriod.json().error.field).toBe('from');
    const leader = await env.as('wangjing.leader');
    const outside = await leader.post('/api/hotspots/runs', { month: '2026-11', scopeUnitCode: '110105001' });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('OUT_OF_SCOPE');
    expect((await analyst.get('/api/hotspots')).statusCode).toBe(404);
  });

  it('finds the planted problem as one group and ranks it first', async () => {
    expect(report.failures).toEqual([]);
    expect(report.planted).toBe(40);
    const res = await analyst.post('/api/hotspots/runs', { month: '2026-11', previousPeriods: 2 });
    expect(res.statusCode).toBe(201);
    const run = res.json().run;
    expect(run.caseCount).toBe(120 + 40);
    const list = await analyst.get('/api/hotspots?limit=10');
    expect(list.statusCode).toBe(200);
    const body = list.json<{ formula: string; groups: Group[] }>();
    expect(body.formula).toContain('0.35·F');
    const top = body.groups[0] as Group;
    const members = await env.rt.ctx.db.selectFrom('hotspot_members').select('case_id').where('group_id', '=', top.id).execute();
    const planted = new Set(report.plantedCaseIds);
    const plantedIn = members.filter((m) => planted.has(m.case_id)).length;
    console.log(
      `planted problem: rank ${top.rank}, group holds ${plantedIn} of ${report.planted} planted cases (group size ${top.size}, ${top.metrics.streets} streets, growth ${top.metrics.growth}); top words ${top.topWords.join(' ')}`,
    );
    for (const g of body.groups.slice(0, 5))
      console.log(`  #${g.rank} score ${g.score} size ${g.size} streets ${g.metrics.streets} growth ${g.metrics.growth}: ${g.topWords.slice(0, 5).join(' ')}`);
    // 40 planted cases over 25 streets, against 20 ordinary problems sharing 120 cases (≈6 each, steady):
    // the planted one is the largest, widest and the only one that grew from nothing.
    expect(plantedIn).toBeGreaterThanOrEqual(36);
    expect(members.length - plantedIn).toBeLessThanOrEqual(2);
    expect(top.metrics.previousSizes).toEqual([0, 0]);
    expect(top.metrics.growth).toBeGreaterThan(10);
    expect(top.metrics.streets).toBeGreaterThanOrEqual(15);
    // Half the planted cases were handled and visited, 70% of those unsolved and dissatisfied.
    expect(top.metrics.dissatisfiedShare).toBeGreaterThan(0.4);
    // Ordinary problems recur every month: a small one may swing (3 cases after 1), but none grows
    // like the planted problem, which came from nothing.
    const ordinaryGrowth = body.groups.slice(1).map((g) => g.metrics.growth);
    expect(Math.max(...ordinaryGrowth)).toBeLessThan(top.metrics.growth / 3);
    expect(top.rank).toBe(1);

    const detail = await analyst.get(`/api/hotspots/groups/${top.id}`);
    expect(detail.statusCode).toBe(200);
    const d = detail.json<{ trend: { count: number }[]; byStreet: { name: string; count: number }[]; representativeCases: { caseNumber: string; subject: string }[] }>();
    expect(d.trend.reduce((s, x) => s + x.count, 0)).toBe(top.size);
    expect(d.byStreet.reduce((s, x) => s + x.count, 0)).toBe(top.size);
    expect(d.byStreet[0]?.name).not.toMatch(/^\d+$/);
    expect(d.representativeCases.length).toBeGreaterThan(0);
    // No requester identity in the detail: not the members' phones or names, not even masked. (A bare
    // '138' is no test: the run's random UUIDs hold it now and then — CI failed on one.)
    const requesters = await env.rt.ctx.db
      .selectFrom('hotspot_members as m')
      .innerJoin('cases as c', 'c.id', 'm.case_id')
      .select([sql<string | null>`c.state->'requester'->>'phone'`.as('phone'), sql<string | null>`c.state->'requester'->>'name'`.as('name')])
      .where('m.group_id', '=', top.id)
      .execute();
    const phones = requesters.map((r) => r.phone).filter((p): p is string => p !== null && p.length >= 7);
    expect(phones.length).toBeGreaterThan(0);
    const text = JSON.stringify(d);
    for (const phone of phones) expect(text).not.toContain(phone);
    for (const name of requesters.map((r) => r.name).filter((n): n is string => n !== null && n.length >= 2)) expect(text).not.toContain(`"${name}"`);
    expect(text).not.toMatch(/\d{3}\*{4}\d{4}/);
  });

  it('counts cases linked as repeat calls (重复来电) in the group’s hard signal, either side of the link', async () => {
    const db = env.rt.ctx.db;
    const top = (await analyst.get('/api/hotspots?limit=1')).json<{ groups: Group[] }>().groups[0] as Group;
    const members = await db
      .selectFrom('hotspot_members as m')
      .innerJoin('cases as c', 'c.id', 'm.case_id')
      .select(['c.id', 'c.received_at', sql<string | null>`c.state->'requester'->>'phone'`.as('phone')])
      .where('m.group_id', '=', top.id)
      .orderBy('c.received_at')
      .execute();
    const phones = new Map<string, number>();
    for (const m of members) if (m.phone !== null) phones.set(m.phone, (phones.get(m.phone) ?? 0) + 1);
    const isSamePhone = (m: { phone: string | null }) => m.phone !== null && (phones.get(m.phone) ?? 0) > 1;
    const samePhone = members.filter(isSamePhone).length;
    expect(top.metrics.repeatShare).toBe(Math.round((samePhone / top.size) * 1000) / 1000);
    // Two members not yet counted: the newest repeats a case outside the group (from October); a
    // case outside the group repeats the oldest.
    const single = members.filter((m) => !isSamePhone(m));
    const [oldest, newest] = [single[0], single.at(-1)];
    const outside = await db
      .selectFrom('cases')
      .select('id')
      .where(
        'id',
        'not in',
        members.map((m) => m.id),
      )
      .where('received_at', '<', MONTH_START)
      .orderBy('received_at')
      .limit(2)
      .execute();
    expect([oldest, newest, ...outside].every((x) => x !== undefined) && outside.length === 2).toBe(true);
    await env.rt.ctx.repos.caseRepeats.insert({ caseId: newest?.id as string, repeatOfCaseId: outside[0]?.id as string, linkedBy: 'operator' });
    await env.rt.ctx.repos.caseRepeats.insert({ caseId: outside[1]?.id as string, repeatOfCaseId: oldest?.id as string, linkedBy: 'operator' });
    expect((await analyst.post('/api/hotspots/runs', { month: '2026-11', previousPeriods: 2 })).statusCode).toBe(201);
    const again = (await analyst.get('/api/hotspots?limit=1')).json<{ groups: Group[] }>().groups[0] as Group;
    expect(again.size).toBe(top.size);
    expect(again.metrics.repeatShare).toBe(Math.round(((samePhone + 2) / top.size) * 1000) / 1000);
    expect(again.signals.difficulty).toBeGreaterThan(top.signals.difficulty);
  });

  it('attaches a new case to its group as it is taken in', async () => {
    const top = (await analyst.get('/api/hotspots?limit=1')).json<{ groups: Group[] }>().groups[0] as Group;
    const operator = await env.as('operator');
    // Classified as the planted cases were (groups are formed within a level-1 category).
    const planted = await env.rt.ctx.db
      .selectFrom('cases')
      .select('category_code')
      .where('id', '=', report.plantedCaseIds[0] as string)
      .executeTakeFirstOrThrow();
    const res = await operator.post(
      '/api/cases',
      intakeBody({
        categoryCode: planted.category_code,
        subject: '小区电动自行车没地方充电',
        detail: '花家地西里没有电动自行车充电桩，居民飞线充电，楼道里停满电动车，有火灾隐患，希望增设充电桩。',
      }),
    );
    expect(res.statusCode).toBe(201);
    const after = (await analyst.get(`/api/hotspots/groups/${top.id}`)).json<{ group: Group }>().group;
    expect(after.size).toBe(top.size + 1);
    expect(after.attachedCount).toBe(top.attachedCount + 1);
    // An unrelated case joins no group of the planted problem.
    await operator.post('/api/cases', intakeBody({ subject: '咨询护照办理', detail: '想问一下出入境办理护照需要带什么材料，在哪里办理。' }));
    expect((await analyst.get(`/api/hotspots/groups/${top.id}`)).json<{ group: Group }>().group.size).toBe(top.size + 1);

    // Member rows are written behind intake. One lost with its process (here: deleted and the
    // counts put back) is written again when the index is next loaded; one already stored is not
    // counted twice.
    const caseId = res.json<{ id: string }>().id;
    const db = env.rt.ctx.db;
    await sql`delete from hotspot_members where case_id = ${caseId}`.execute(db);
    await sql`update hotspot_groups set size = size - 1, attached_count = attached_count - 1 where id = ${top.id}`.execute(db);
    expect((await analyst.get(`/api/hotspots/groups/${top.id}`)).json<{ group: Group }>().group.size).toBe(top.size);
    for (let load = 0; load < 2; load++) {
      env.rt.ctx.hotspots.reload();
      await env.rt.ctx.hotspots.blockOf(planted.category_code);
      const g = (await analyst.get(`/api/hotspots/groups/${top.id}`)).json<{ group: Group }>().group;
      expect([g.size, g.attachedCount]).toEqual([top.size + 1, top.attachedCount + 1]);
    }
  });

  it('writes a member row whose write failed again within seconds, without waiting for the next index load', async () => {
    const top = (await analyst.get('/api/hotspots?limit=1')).json<{ groups: Group[] }>().groups[0] as Group;
    const operator = await env.as('operator');
    const planted = await env.rt.ctx.db
      .selectFrom('cases')
      .select('category_code')
      .where('id', '=', report.plantedCaseIds[0] as string)
      .executeTakeFirstOrThrow();
    const repo = env.rt.ctx.repos.hotspots;
    const real = repo.attachMembers.bind(repo);
    let refused = 0;
    // The database refuses the first write (as when it restarts): the row is not lost until a reload.
    repo.attachMembers = async (rows, trx) => {
      if (refused++ === 0) throw new Error('connection terminated');
      return real(rows, trx);
    };
    const failuresBefore = env.rt.ctx.hotspots.failures;
    try {
      const res = await operator.post(
        '/api/cases',
        intakeBody({ categoryCode: planted.category_code, subject: '电动车充电难', detail: '小区没有电动自行车充电桩，居民只好飞线充电，楼道里停满电动车，火灾隐患大。' }),
      );
      expect(res.statusCode).toBe(201);
      await env.rt.ctx.hotspots.settled();
      expect(env.rt.ctx.hotspots.failures).toBe(failuresBefore + 1);
      expect((await analyst.get(`/api/hotspots/groups/${top.id}`)).json<{ group: Group }>().group.size).toBe(top.size);
      let g = top;
      for (let waited = 0; waited < 10_000 && g.size === top.size; waited += 100) {
        await new Promise((r) => setTimeout(r, 100));
        g = (await analyst.get(`/api/hotspots/groups/${top.id}`)).json<{ group: Group }>().group;
      }
      expect([g.size, g.attachedCount, refused]).toEqual([top.size + 1, top.attachedCount + 1, 2]);
    } finally {
      repo.attachMembers = real;
    }
  });

  it('keeps a narrow mining row per case (words as vocabulary ids, requester, category, place, closed), kept current and rebuilt by migration 0036', async () => {
    const db = env.rt.ctx.db;
    // Decoded here independently of the repository: big-endian int4 ids, looked up in mining_words;
    // every other column compared with the case's own.
    const snapshot = async () => {
      const vocab = new Map((await sql<{ id: number; word: string }>`select id, word from mining_words`.execute(db)).rows.map((r) => [r.id, r.word]));
      const rows = (
        await sql<{ case_id: string; tokens: string[]; word_ids: Uint8Array | null; mine: unknown[] | null; theirs: unknown[] }>`
          select t.case_id, t.tokens, m.word_ids,
            case when m.case_id is null then null else
              jsonb_build_array(m.received_at, m.requester_key, m.category_code, m.district_code, m.street_code, m.community_code, m.location_path, m.is_closed) end as mine,
            jsonb_build_array(t.received_at, c.state->'requester'->>'phone', c.category_code, c.district_code, c.street_code, c.community_code, c.location_path, c.closed_at is not null) as theirs
          from case_tokens t join cases c on c.id = t.case_id left join case_mining m on m.case_id = t.case_id order by t.case_id`.execute(db)
      ).rows;
      return rows.map((r) => {
        const bytes = r.word_ids === null ? null : Buffer.from(r.word_ids);
        const words = bytes === null ? null : Array.from({ length: bytes.length / 4 }, (_, k) => vocab.get(bytes.readInt32BE(4 * k)));
        return { caseId: r.case_id, words, tokens: r.tokens, mine: r.mine, theirs: r.theirs };
      });
    };
    const expectInStep = (rows: Awaited<ReturnType<typeof snapshot>>) => {
      for (const r of rows) expect({ caseId: r.caseId, words: r.words, columns: r.mine }).toEqual({ caseId: r.caseId, words: r.tokens, columns: r.theirs });
    };
    const rows = await snapshot();
    // Every case with words: the template's demo cases, the simulated months, the attach test's two intakes.
    expect(rows.length).toBeGreaterThanOrEqual(report.ordinary + report.planted + 2);
    expectInStep(rows);
    expect(rows.filter((r) => r.mine?.[1] !== null && r.mine?.[7] === true).length).toBeGreaterThan(0);

    // A case re-categorised, moved or reopened after intake: its mining row follows.
    const some = rows.find((r) => r.mine?.[7] === true) as (typeof rows)[number];
    const other = await sql<{ code: string }>`select code from categories where code <> ${some.theirs[2] as string} and level = 3 limit 1`.execute(db);
    const before = (
      await sql<{
        category_code: string;
        street_code: string | null;
        closed_at: Date | null;
      }>`select category_code, street_code, closed_at from cases where id = ${some.caseId}`.execute(db)
    ).rows[0];
    await sql`update cases set category_code = ${other.rows[0]?.code as string}, street_code = null, closed_at = null where id = ${some.caseId}`.execute(db);
    const changed = (await snapshot()).find((r) => r.caseId === some.caseId) as (typeof rows)[number];
    expect([changed.mine?.[2], changed.mine?.[4], changed.mine?.[7]]).toEqual([other.rows[0]?.code, null, false]);
    expectInStep([changed]);
    await sql`update cases set category_code = ${before?.category_code}, street_code = ${before?.street_code}, closed_at = ${before?.closed_at} where id = ${some.caseId}`.execute(
      db,
    );
    expectInStep((await snapshot()).filter((r) => r.caseId === some.caseId));

    // A case stored before the migration (no trigger, no mining row) is backfilled by it; down leaves no trace.
    await migration0036.down(db as unknown as Kysely<unknown>);
    const old = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name in ('case_mining', 'mining_words')`.execute(db);
    expect(old.rows[0]?.n).toBe(0);
    const operator = await env.as('operator');
    const res = await operator.post('/api/cases', intakeBody({ subject: '老旧小区加装电梯', detail: '楼里老人多，上下楼困难，希望加装电梯。' }));
    expect(res.statusCode).toBe(201);
    await migration0036.up(db as unknown as Kysely<unknown>);
    const rebuilt = await snapshot();
    expect(rebuilt.length).toBe(rows.length + 1);
    expectInStep(rebuilt);
    expect(rebuilt.find((r) => r.caseId === res.json<{ id: string }>().id)?.words?.length).toBeGreaterThan(0);
  });

  it('ranks with the configured weights and shows them in the formula', async () => {
    const bad = await analyst.put('/api/hotspots/weights', { frequency: -1, spread: 1, growth: 1, difficulty: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('frequency');
    const handler = await env.as('wangjing.handler');
    expect((await handler.put('/api/hotspots/weights', { frequency: 1, spread: 1, growth: 1, difficulty: 1 })).statusCode).toBe(403);
    const ok = await analyst.put('/api/hotspots/weights', { frequency: 1, spread: 0, growth: 0, difficulty: 0 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().formula).toContain('1·F + 0·S');
    await analyst.post('/api/hotspots/runs', { month: '2026-11', previousPeriods: 0 });
    const groups = (await analyst.get('/api/hotspots?limit=50')).json<{ groups: Group[] }>().groups;
    // Frequency alone: the order is by distinct requesters.
    const requesters = groups.map((g) => g.metrics.requesters);
    expect(requesters).toEqual([...requesters].sort((a, b) => b - a));
  });

  it('refreshes the month on a schedule, once per interval, in one process at a time', async () => {
    const ctx = env.rt.ctx;
    const hours = (n: number) => n * 3_600_000;
    const runs = async () => (await ctx.db.selectFrom('hotspot_runs').select(['id', 'case_count', 'options']).orderBy('seq').execute()).map((r) => r.id);
    const before = await runs();
    const every = hours(6);
    // First round (no refresh ever finished): November once over all its days, then December to date.
    const first = await refreshHotspots(ctx, { holder: 'A', everyMs: every });
    expect(first).toMatchObject({ claimed: true, months: ['2026-11', '2026-12'] });
    const november = await ctx.repos.hotspots.findRun(first.runIds[0] as string);
    const inNovember = await ctx.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('received_at', '>=', MONTH_START)
      .where('received_at', '<', new Date('2026-12-01T00:00:00+08:00'))
      .executeTakeFirstOrThrow();
    expect(november?.caseCount).toBe(Number(inNovember.n));
    // The live run (what intake attaches to) is the current month's.
    const root = await ctx.repos.hotspots.rootUnit();
    expect((await ctx.repos.hotspots.latestRun(root?.code as string))?.id).toBe(first.runIds[1]);
    // The same instant again, from another process: not due, nothing computed.
    expect(await refreshHotspots(ctx, { holder: 'B', everyMs: every })).toEqual({ claimed: true, months: [], runIds: [] });
    // Seven hours on, while a third process holds the lease: B does nothing.
    clock = new Date(clock.getTime() + hours(7));
    expect(await ctx.repos.jobLeases.claim('hotspots.refresh', 'C', clock, new Date(clock.getTime() + hours(1)))).not.toBeNull();
    expect(await refreshHotspots(ctx, { holder: 'B', everyMs: every })).toEqual({ claimed: false, months: [], runIds: [] });
    expect(await runs()).toHaveLength(before.length + 2);
    // C's lease ran out (C died): two processes at once, exactly one computes December.
    clock = new Date(clock.getTime() + hours(2));
    const both = await Promise.all([refreshHotspots(ctx, { holder: 'A', everyMs: every }), refreshHotspots(ctx, { holder: 'B', everyMs: every })]);
    expect(both.flatMap((r) => r.months)).toEqual(['2026-12']);
    expect(await runs()).toHaveLength(before.length + 3);
    // The month turns: December is computed once over all its days, then January.
    clock = new Date('2027-01-01T01:00:00+08:00');
    expect((await refreshHotspots(ctx, { holder: 'B', everyMs: every })).months).toEqual(['2026-12', '2027-01']);
    expect((await refreshHotspots(ctx, { holder: 'A', everyMs: every })).months).toEqual([]);
    expect(await runs()).toHaveLength(before.length + 5);
  });
});
