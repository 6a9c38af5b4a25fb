// The archive of finished cases (#17, migration 0037): a case closed more than the archive age
// ago keeps its row, but its history rows and stopped clocks move into one packed case_archive row.
// What every reader answers — the case, its timeline, its state, the Open311 update feed — is the
// same before and after; an event written after archiving is merged in and packed by the next
// pass; migration 0037's down puts every row back.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as migration0037 from '../src/db/migrations/0037-case-archive';
import { packArchive, unpackArchive } from '../src/repositories/case-archive';
import { archiveFinishedCases } from '../src/use-cases/maintenance/archive-cases';
import { closedCase, intakeBody } from './case-helpers';
import { type Client, type TestEnv, startTestEnv } from './harness';

const DAY_MS = 86_400_000;

describe('archiving finished cases', () => {
  let env: TestEnv;
  let closedId = '';
  let openId = '';
  let operator: Client;
  let visitor: Client;
  beforeAll(async () => {
    env = await startTestEnv();
    operator = await env.as('operator');
    visitor = await env.as('visitor');
    closedId = await closedCase(env);
    const open = await operator.post('/api/cases', intakeBody({ subject: '还开着的案件' }));
    expect(open.statusCode, open.body).toBe(201);
    openId = open.json<{ id: string }>().id;
    // The closed case came in through Open311, so the update feed reads its archive too.
    // (a phoned-in case has its 查询码 row already: it is made an Open311 one here)
    await env.rt.ctx.db.updateTable('public_requests').set({ source: 'open311' }).where('case_id', '=', closedId).execute();
  });
  afterAll(async () => env?.close());

  const db = () => env.rt.ctx.db;
  const liveRows = async (id: string) => ({
    history: (
      await db()
        .selectFrom('case_history')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('case_id', '=', id)
        .executeTakeFirstOrThrow()
    ).n,
    stoppedClocks: (
      await db()
        .selectFrom('case_clocks')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('case_id', '=', id)
        .where('status', '<>', 'running')
        .executeTakeFirstOrThrow()
    ).n,
    archived: (
      await db()
        .selectFrom('case_archive')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('case_id', '=', id)
        .executeTakeFirstOrThrow()
    ).n,
  });
  const views = async (id: string) => ({
    detail: (await operator.get(`/api/cases/${id}`)).json<unknown>(),
    timeline: (await operator.get(`/api/cases/${id}/timeline`)).json<unknown>(),
    state: (await env.rt.ctx.repos.cases.load(id))?.state,
    feed: await env.rt.ctx.repos.publicRequests.historyBetween({
      source: 'open311',
      from: new Date(Date.now() - 10 * DAY_MS),
      to: new Date(Date.now() + 100 * DAY_MS),
      limit: 1000,
    }),
  });
  /** One pass as if `days` had passed since now. */
  const archiveIn = async (days: number) => {
    const realNow = env.rt.ctx.now;
    const later = new Date(Date.now() + days * DAY_MS);
    env.rt.ctx.now = () => later;
    try {
      return await archiveFinishedCases(env.rt.ctx, { afterDays: 35 });
    } finally {
      env.rt.ctx.now = realNow;
    }
  };

  it('packs a history and its clocks into bytes that unpack to the same rows', () => {
    const at = new Date('2026-11-02T03:04:05.678Z');
    const history = [
      {
        seq: 1,
        action: 'intake',
        from_status: null,
        to_status: 'received',
        actor_user_id: 'u',
        actor_username: 'operator',
        actor_display_name: '话务员 王芳',
        actor_unit_code: '110000',
        at,
        note: null,
        attachments: null,
        data: { kind: 'complaint', due: { $date: at.toISOString() } },
      },
      {
        seq: 2,
        action: 'note',
        from_status: 'received',
        to_status: 'received',
        actor_user_id: 'u',
        actor_username: 'operator',
        actor_display_name: null,
        actor_unit_code: '110000',
        at,
        note: '“引号” and \\ backslash',
        attachments: [{ id: 'a' }],
        data: null,
      },
    ];
    const clocks = [
      {
        key: 'dispatch',
        name: 'dispatch',
        owner_unit_code: '110000',
        owner_unit_path: '110000',
        started_at: at,
        due_at: at,
        remind_at: at,
        status: 'stopped',
        stopped_at: at,
        reminded_at: null,
        escalated_at: at,
      },
    ];
    const packed = packArchive({ history, clocks });
    expect(packed[0]).toBe(1);
    expect(unpackArchive(packed)).toEqual({ history, clocks });
    expect(() => unpackArchive(Buffer.from([9, 1, 2]))).toThrow(/unknown format 9/);
  });

  it('moves a long-closed case into the archive and every reader answers as before; an open case stays live', async () => {
    const before = await views(closedId);
    const openBefore = await liveRows(openId);
    const live = await liveRows(closedId);
    expect(live.history).toBeGreaterThanOrEqual(6);
    expect(live.stoppedClocks).toBeGreaterThanOrEqual(4);
    expect((before.feed as { caseId: string }[]).filter((r) => r.caseId === closedId).length).toBe(live.history);

    // Not yet: closed today, 30 days on it is still younger than 35.
    expect((await archiveIn(30)).archived).toBe(0);
    const report = await archiveIn(40);
    expect(report).toMatchObject({ archived: 1, historyRows: live.history, clockRows: live.stoppedClocks });
    expect(await liveRows(closedId)).toEqual({ history: 0, stoppedClocks: 0, archived: 1 });
    expect(await liveRows(openId)).toEqual(openBefore);
    expect(await views(closedId)).toEqual(before);
    // A second pass finds nothing to do.
    expect((await archiveIn(40)).archived).toBe(0);
  });

  it('merges an event written after archiving, and the next pass packs it with the rest', async () => {
    const visit = await visitor.post(`/api/visits/${closedId}/attempts`, { result: 'reached', isContacted: true, isSolved: true, satisfaction: 'satisfied' });
    expect(visit.statusCode, visit.body).toBe(200);
    const after = await views(closedId);
    const timeline = after.timeline as { events: { seq: number; action: string }[] };
    const seqs = timeline.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(timeline.events.at(-1)?.action).toBe('record_visit');
    expect((await liveRows(closedId)).history).toBeGreaterThan(0);
    expect((await archiveIn(40)).archived).toBe(1);
    expect(await liveRows(closedId)).toMatchObject({ history: 0, archived: 1 });
    expect(await views(closedId)).toEqual(after);
  });

  it("migration 0037's down puts every row back and its up starts an empty archive", async () => {
    const before = await views(closedId);
    const asUnknown = db() as unknown as Kysely<unknown>;
    await migration0037.down(asUnknown);
    const live = await liveRows(closedId).catch(() => null);
    expect(live).toBeNull(); // case_archive is gone
    const history = await db()
      .selectFrom('case_history')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('case_id', '=', closedId)
      .executeTakeFirstOrThrow();
    expect(history.n).toBe((before.timeline as { events: unknown[] }).events.length);
    await migration0037.up(asUnknown);
    expect(await views(closedId)).toEqual(before);
  });
});
