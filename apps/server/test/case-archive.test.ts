// The archive of finished cases (#17, migrations 0037, 0038): a case closed more than the archive
// age ago keeps its row with its query columns, but its history rows, stopped clocks and state
// document move into one packed case_archive row (the row's `state` keeps a stub). What every
// reader answers — the case, its timeline, its state, the Open311 update feed, the classifier's
// training text — is the same before and after; an event written after archiving is merged in and
// packed by the next pass; 0038's down puts the documents back, 0037's down every row.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as migration0037 from '../src/db/migrations/0037-case-archive';
import * as migration0038 from '../src/db/migrations/0038-archive-documents';
import { ARCHIVED_STUB, packArchive, unpackArchive } from '../src/repositories/case-archive';
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
  /** The case's live history rows and stopped clocks, its archive rows, and whether its row keeps the archive's stub for a document. */
  const liveRows = async (id: string) =>
    (
      await sql<{ history: number; stoppedClocks: number; archived: number; stub: boolean }>`
        select (select count(*)::int from case_history where case_id = ${id}) as history,
          (select count(*)::int from case_clocks where case_id = ${id} and status <> 'running') as "stoppedClocks",
          (select count(*)::int from case_archive where case_id = ${id}) as archived,
          (select state ? '$archived' from cases where id = ${id}) as stub`.execute(db())
    ).rows[0];
  const views = async (id: string) => ({
    detail: (await operator.get(`/api/cases/${id}`)).json<unknown>(),
    timeline: (await operator.get(`/api/cases/${id}/timeline`)).json<unknown>(),
    state: (await env.rt.ctx.repos.cases.load(id))?.state,
    training: (await env.rt.ctx.repos.intake.trainingCases(1000)).filter((t) => t.subject === '小区门口道路破损'),
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
    const document = { detail: '楼上“噪声”', feedbacks: [{ round: 1, submittedAt: { $date: at.toISOString() } }] };
    const packed = packArchive({ history, clocks, document });
    expect(packed[0]).toBe(2);
    expect(unpackArchive(packed)).toEqual({ history, clocks, document });
    // Format 1 (0037, and 0038's down): history and clocks only.
    const v1 = packArchive({ history, clocks, document: null }, 1);
    expect(v1[0]).toBe(1);
    expect(unpackArchive(v1)).toEqual({ history, clocks, document: null });
    expect(() => packArchive({ history, clocks, document }, 1)).toThrow(/format 1 holds no document/);
    expect(() => unpackArchive(Buffer.from([9, 1, 2]))).toThrow(/unknown format 9/);
  });

  it('moves a long-closed case into the archive and every reader answers as before; an open case stays live', async () => {
    const before = await views(closedId);
    const openBefore = await liveRows(openId);
    const live = await liveRows(closedId);
    expect(live?.history).toBeGreaterThanOrEqual(6);
    expect(live?.stoppedClocks).toBeGreaterThanOrEqual(4);
    expect((before.feed as { caseId: string }[]).filter((r) => r.caseId === closedId).length).toBe(live?.history);
    expect(before.training).toHaveLength(1);
    expect(before.training[0]?.detail).toMatch(/\S/);

    // Not yet: closed today, 30 days on it is still younger than 35.
    expect((await archiveIn(30)).archived).toBe(0);
    const report = await archiveIn(40);
    expect(report).toMatchObject({ archived: 1, historyRows: live?.history, clockRows: live?.stoppedClocks });
    expect(await liveRows(closedId)).toEqual({ history: 0, stoppedClocks: 0, archived: 1, stub: true });
    expect((await db().selectFrom('cases').select('state').where('id', '=', closedId).executeTakeFirstOrThrow()).state).toEqual(ARCHIVED_STUB);
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
    // The visit's save wrote the whole document back into the row.
    expect(await liveRows(closedId)).toMatchObject({ archived: 1, stub: false });
    expect((await liveRows(closedId))?.history).toBeGreaterThan(0);
    expect((await archiveIn(40)).archived).toBe(1);
    expect(await liveRows(closedId)).toMatchObject({ history: 0, archived: 1, stub: true });
    expect(await views(closedId)).toEqual(after);
  });

  it("0038's down puts the documents back (format 1 again), 0037's down every row; up again archives anew", async () => {
    const before = await views(closedId);
    const asUnknown = db() as unknown as Kysely<unknown>;
    const packedOf = async () => (await db().selectFrom('case_archive').select('packed').where('case_id', '=', closedId).executeTakeFirstOrThrow()).packed;
    await migration0038.down(asUnknown);
    expect(await liveRows(closedId)).toMatchObject({ history: 0, archived: 1, stub: false });
    expect((await packedOf())[0]).toBe(1);
    expect(await views(closedId)).toEqual(before);
    // 0038's up packs the documents of what 0037 archived.
    await migration0038.up(asUnknown);
    expect(await liveRows(closedId)).toMatchObject({ history: 0, archived: 1, stub: true });
    expect((await packedOf())[0]).toBe(2);
    expect(await views(closedId)).toEqual(before);

    await migration0038.down(asUnknown);
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
    await migration0038.up(asUnknown);
    expect(await views(closedId)).toEqual(before);
    expect((await archiveIn(40)).archived).toBe(1);
    expect(await liveRows(closedId)).toMatchObject({ history: 0, archived: 1, stub: true });
    expect(await views(closedId)).toEqual(before);
  });
});
