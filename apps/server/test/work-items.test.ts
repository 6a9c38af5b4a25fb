// Work items through the HTTP API on a fresh database: auth and validation failures first, then
// the owner's path (start → progress → complete with evidence), reminders and escalation by the
// one clock sweep (each at most once), a person-owned item, scope, optimistic concurrency,
// keyset paging, idempotent creation, and creation inside another use case's transaction.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../src/use-cases/auth/authenticate';
import { createWorkItem } from '../src/use-cases/work-items/create-work-item';
import { sweepWorkItems } from '../src/use-cases/work-items/sweep-work-items';
import { seedDemoWorkItems } from '../src/seed/seed-work-items';
import { intakeBody, uploadPhoto } from './case-helpers';
import { type Client, type TestEnv, startTestEnv, TEST_PG_URL } from './harness';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = new Date('2026-11-23T09:00:00+08:00'); // a Monday
const WANGJING = '110105026'; // 望京街道
const HUAJIADI = '110105026034'; // 花家地西里社区, under 望京街道

describe('work items', () => {
  let env: TestEnv;
  let now = T0;
  let streetLeader: Client; // wangjing.leader: sets items for its communities
  let streetHandler: Client;
  let community: Client; // huajiadi.handler: owns them
  let otherStreet: Client; // jianwai.handler
  let districtLeader: Client;
  let supervisor: Client;
  let operator: Client;

  beforeAll(async () => {
    // Sessions expire on the same clock: keep them alive while the test moves time forward.
    env = await startTestEnv({ now: () => now, config: { sessionTtlHours: 24 * 90 } });
    streetLeader = await env.as('wangjing.leader');
    streetHandler = await env.as('wangjing.handler');
    community = await env.as('huajiadi.handler');
    otherStreet = await env.as('jianwai.handler');
    districtLeader = await env.as('cy.leader');
    supervisor = await env.as('supervisor');
    operator = await env.as('operator');
  });
  afterAll(async () => env?.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    kind: 'general',
    title: '清理5号楼楼道堆物',
    detail: '居民反映楼道堆放杂物，存在消防隐患。',
    owner: { unitCode: HUAJIADI },
    due: { amount: 4, unit: 'calendar_days' },
    ...overrides,
  });
  const create = async (c: Client = streetLeader, overrides: Record<string, unknown> = {}) => {
    const res = await c.post('/api/work-items', body(overrides));
    if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const action = (c: Client, id: string, name: string, payload: Record<string, unknown> = {}) => c.post(`/api/work-items/${id}/actions/${name}`, payload);
  const rows = async (table: 'work_items' | 'work_item_history') =>
    Number(
      (
        await env.rt.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const historyOf = async (id: string, act: string) =>
    (await env.rt.ctx.db.selectFrom('work_item_history').select('seq').where('work_item_id', '=', id).where('action', '=', act).execute()).length;
  const outboxOf = async (id: string) =>
    (await env.rt.ctx.db.selectFrom('notification_outbox').select(['kind', 'unit_code', 'case_id']).where('work_item_id', '=', id).orderBy('id').execute()).map((r) => [
      r.kind,
      r.unit_code,
      r.case_id,
    ]);

  describe('refusals first', () => {
    it('needs a login', async () => {
      expect((await env.app.inject({ method: 'GET', url: '/api/work-items' })).statusCode).toBe(401);
      expect((await env.app.inject({ method: 'POST', url: '/api/work-items', payload: body() })).statusCode).toBe(401);
    });

    it('refuses bad input naming the field, and writes nothing', async () => {
      const before = await rows('work_items');
      const cases: Array<[Record<string, unknown>, number, string]> = [
        [{ title: '' }, 400, 'body.title'],
        [{ kind: 'party' }, 400, 'body.kind'],
        [{ owner: {} }, 400, 'body.owner.unitCode'],
        [{ due: {} }, 400, 'body.due'],
        [{ due: { amount: 3 } }, 400, 'body.due'],
        [{ due: { amount: 3, unit: 'fortnights' } }, 400, 'body.due.unit'],
        [{ due: { dueAt: 'tomorrow' } }, 400, 'body.due.dueAt'],
        [{ due: { dueAt: new Date(T0.getTime() - HOUR).toISOString() } }, 422, 'due'],
        [{ owner: { unitCode: 'NOPE' } }, 404, 'owner.unitCode'],
        [{ linkedCaseIds: ['00000000-0000-4000-8000-000000000001'] }, 404, 'linkedCaseIds[0]'],
        [{ sourceType: 'topic' }, 400, 'sourceId'],
        [{ colour: 'red' }, 400, 'body.colour'],
      ];
      for (const [overrides, status, field] of cases) {
        const res = await streetLeader.post('/api/work-items', body(overrides));
        expect([JSON.stringify(overrides), res.statusCode, res.json().error.field]).toEqual([JSON.stringify(overrides), status, field]);
      }
      expect(await rows('work_items')).toBe(before);
    });

    it('lets only supervisors, leaders and admins set items, within their area', async () => {
      const asHandler = await streetHandler.post('/api/work-items', body());
      expect([asHandler.statusCode, asHandler.json().error.code]).toEqual([403, 'FORBIDDEN']);
      const outside = await streetLeader.post('/api/work-items', body({ owner: { unitCode: '110105001' } }));
      expect([outside.statusCode, outside.json().error.code, outside.json().error.field]).toEqual([403, 'OUT_OF_SCOPE', 'owner.unitCode']);
    });

    it('documents every route in the OpenAPI description', async () => {
      const paths = Object.keys((await env.app.inject({ method: 'GET', url: '/docs/json' })).json().paths);
      expect(paths).toEqual(expect.arrayContaining(['/api/work-items/', '/api/work-items/{id}', '/api/work-items/{id}/actions/complete', '/api/work-items/{id}/actions/escalate']));
    });

    it('answers unknown items and malformed ids with 404 and 400', async () => {
      expect((await streetLeader.get('/api/work-items/00000000-0000-4000-8000-000000000009')).json().error.code).toBe('WORK_ITEM_NOT_FOUND');
      expect((await streetLeader.get('/api/work-items/not-a-uuid')).statusCode).toBe(400);
      expect((await action(community, '00000000-0000-4000-8000-000000000009', 'start')).statusCode).toBe(404);
      expect((await action(community, '00000000-0000-4000-8000-000000000009', 'fly')).statusCode).toBe(404);
    });
  });

  describe("the owner's path", () => {
    it('starts, reports progress and completes with evidence; each step is one history row', async () => {
      now = T0;
      const item = await create();
      expect(item).toMatchObject({ status: 'open', version: 1, kind: 'general', owner: { unit: { code: HUAJIADI }, person: null }, creator: { unit: { code: WANGJING } } });
      expect(new Date(item.clock.dueAt)).toEqual(new Date(T0.getTime() + 4 * DAY));
      // 75 % of 4 days: the reminder after 3.
      expect(new Date(item.clock.remindAt)).toEqual(new Date(T0.getTime() + 3 * DAY));
      // The creator steers, the owner works: the server says which buttons each has.
      expect(item.allowedActions).toEqual(['cancel', 'extend', 'remind']);
      const seen = (await community.get(`/api/work-items/${item.id}`)).json();
      expect(seen.allowedActions).toEqual(['start', 'progress', 'complete', 'acknowledge']);

      const started = await action(community, item.id, 'start', { expectedVersion: 1 });
      expect([started.statusCode, started.json().status, started.json().version]).toEqual([200, 'in_progress', 2]);
      const photo = await uploadPhoto(community);
      const progressed = await action(community, item.id, 'progress', { text: '已张贴通知，约定周三清理', attachmentIds: [photo], expectedVersion: 2 });
      expect(progressed.json().evidence).toHaveLength(1);
      const finishPhoto = await uploadPhoto(community);
      const done = (await action(community, item.id, 'complete', { text: '楼道已清理完毕', attachmentIds: [finishPhoto], note: '物业协助' })).json();
      expect(done).toMatchObject({ status: 'done', version: 4, isOverdue: false, allowedActions: [] });
      expect(done.evidence.map((e: { kind: string; text: string; attachments: Array<{ id: string }> }) => [e.kind, e.text, e.attachments.map((a) => a.id)])).toEqual([
        ['progress', '已张贴通知，约定周三清理', [photo]],
        ['completion', '楼道已清理完毕', [finishPhoto]],
      ]);
      const detail = (await streetLeader.get(`/api/work-items/${item.id}`)).json();
      expect(detail.history.map((h: { action: string; toStatus: string }) => `${h.action}:${h.toStatus}`)).toEqual([
        'create:open',
        'start:in_progress',
        'progress:in_progress',
        'complete:done',
      ]);
      expect(detail.history[3]).toMatchObject({ note: '物业协助', actor: { username: 'huajiadi.handler' } });
      expect(detail.allowedActions).toEqual(['reopen']);
      // The owner was told of the item, the creator of its completion — through the one outbox.
      expect(await outboxOf(item.id)).toEqual([
        ['work_item_assigned', HUAJIADI, null],
        ['work_item_completed', WANGJING, null],
      ]);
      const inbox = (await community.get('/api/notifications')).json();
      expect(inbox.items.find((n: { workItemId: string | null }) => n.workItemId === item.id)).toMatchObject({
        kind: 'work_item_assigned',
        caseId: null,
        subject: '清理5号楼楼道堆物',
      });
    });

    it('refuses an illegal step or the wrong actor and changes nothing', async () => {
      now = T0;
      const item = await create();
      const done = await action(community, item.id, 'complete', { text: '已清理' });
      expect(done.statusCode).toBe(200);
      const before = await rows('work_item_history');
      const again = await action(community, item.id, 'complete', { text: '再次' });
      expect([again.statusCode, again.json().error.code]).toEqual([409, 'WORK_ITEM_CLOSED']);
      const ownerReopens = await action(community, item.id, 'reopen', { reason: '自己重开' });
      expect([ownerReopens.statusCode, ownerReopens.json().error.code]).toEqual([403, 'NOT_WORK_ITEM_SUPERVISOR']);
      const creatorCompletes = await action(streetLeader, (await create()).id, 'complete', { text: '代办' });
      expect([creatorCompletes.statusCode, creatorCompletes.json().error.code]).toEqual([403, 'NOT_WORK_ITEM_OWNER']);
      const noText = await action(community, (await create()).id, 'complete', {});
      expect([noText.statusCode, noText.json().error.field]).toEqual([400, 'body.text']);
      expect(await rows('work_item_history')).toBe(before + 2); // only the two creations
      expect((await streetLeader.get(`/api/work-items/${item.id}`)).json()).toMatchObject({ status: 'done', version: 2 });
    });

    it('requires files when the item says so', async () => {
      const item = await create(streetLeader, { isEvidenceRequired: true });
      const bare = await action(community, item.id, 'complete', { text: '已清理' });
      expect([bare.statusCode, bare.json().error.code]).toEqual([422, 'EVIDENCE_REQUIRED']);
      expect((await action(community, item.id, 'complete', { text: '已清理', attachmentIds: [await uploadPhoto(community)] })).json().status).toBe('done');
    });
  });

  describe('reminders and escalation', () => {
    it('reminds once before the deadline, escalates once after it, marks the item overdue and tells owner and supervisor', async () => {
      const sweep = async () => (await supervisor.post('/api/queues/sweep')).json().workItems;
      // Later than everything the other tests set, after a sweep that settles their items: the counts below are this item's alone.
      const B = new Date(T0.getTime() + 20 * DAY);
      now = B;
      await sweep();
      const item = await create();
      now = new Date(B.getTime() + 3 * DAY - 1);
      expect(await sweep()).toMatchObject({ reminded: 0, escalated: 0 });
      now = new Date(B.getTime() + 3 * DAY);
      expect(await sweep()).toMatchObject({ reminded: 1, escalated: 0 });
      expect(await sweep()).toMatchObject({ reminded: 0, escalated: 0 });
      now = new Date(B.getTime() + 4 * DAY);
      // Two sweeps at once (two processes): one escalation.
      const [a, b] = await Promise.all([sweepWorkItems(env.rt.ctx), sweepWorkItems(env.rt.ctx)]);
      expect(a.escalated + b.escalated).toBe(1);
      expect(await sweep()).toMatchObject({ reminded: 0, escalated: 0 });
      expect(await historyOf(item.id, 'remind')).toBe(1);
      expect(await historyOf(item.id, 'escalate')).toBe(1);

      const late = (await community.get(`/api/work-items/${item.id}`)).json();
      expect(late).toMatchObject({ isOverdue: true, isPastDue: true, status: 'open' });
      expect(late.overdue).toEqual([{ unitCode: HUAJIADI, dueAt: new Date(B.getTime() + 4 * DAY).toISOString(), markedAt: new Date(B.getTime() + 4 * DAY).toISOString() }]);
      expect(await outboxOf(item.id)).toEqual([
        ['work_item_assigned', HUAJIADI, null],
        ['work_item_reminder', HUAJIADI, null],
        ['work_item_escalation', HUAJIADI, null],
        ['work_item_escalation', WANGJING, null],
      ]);
      const overdueIds = (await streetLeader.get('/api/work-items?overdue=true')).json().items.map((i: { id: string }) => i.id);
      expect(overdueIds).toContain(item.id);
      const manual = await action(supervisor, item.id, 'escalate');
      expect([manual.statusCode, manual.json().error.code]).toEqual([409, 'WORK_ITEM_ALREADY_ESCALATED']);

      // An extension is a new deadline with its own reminder and escalation; the mark stays.
      const extended = (await action(streetLeader, item.id, 'extend', { reason: '等待物业排期', due: { amount: 2, unit: 'calendar_days' } })).json();
      expect(new Date(extended.clock.dueAt)).toEqual(new Date(B.getTime() + 6 * DAY));
      expect(extended).toMatchObject({ isOverdue: true, isPastDue: false, clock: { escalatedAt: null } });
      now = new Date(B.getTime() + 6 * DAY);
      expect(await sweep()).toMatchObject({ escalated: 1 });
      expect((await streetLeader.get(`/api/work-items/${item.id}`)).json().overdue).toHaveLength(2);
    });

    it('does not sweep finished items', async () => {
      now = T0;
      const item = await create();
      await action(community, item.id, 'complete', { text: '已清理' });
      now = new Date(T0.getTime() + 30 * DAY);
      await supervisor.post('/api/queues/sweep');
      expect(await historyOf(item.id, 'escalate')).toBe(0);
      expect(await historyOf(item.id, 'remind')).toBe(0);
    });
  });

  describe('a person supervised by a community', () => {
    it("is worked by the community's staff and counts against the community", async () => {
      now = T0;
      const item = await create(streetLeader, {
        kind: 'meeting_followup',
        title: '议事会决定：5号楼加装雨棚',
        owner: { unitCode: HUAJIADI, personName: '王楼长', personContact: '13900001111' },
        due: { amount: 1, unit: 'working_days' },
      });
      expect(item.owner).toMatchObject({ unit: { code: HUAJIADI }, person: { name: '王楼长', contact: '13900001111' } });
      // One working day from Monday 09:00.
      expect(new Date(item.clock.dueAt)).toEqual(new Date(T0.getTime() + DAY));
      const row = await env.rt.ctx.db.selectFrom('work_items').select(['owner_person_name', 'owner_unit_code']).where('id', '=', item.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ owner_person_name: '王楼长', owner_unit_code: HUAJIADI });
      // The lead's phone is for the units that work with them; the district above sees it masked.
      expect((await community.get(`/api/work-items/${item.id}`)).json().owner.person.contact).toBe('13900001111');
      expect((await districtLeader.get(`/api/work-items/${item.id}`)).json().owner.person.contact).toBe('139****1111');
      now = new Date(T0.getTime() + 2 * DAY);
      await supervisor.post('/api/queues/sweep');
      const late = (await community.get(`/api/work-items/${item.id}`)).json();
      expect(late.overdue.map((o: { unitCode: string }) => o.unitCode)).toEqual([HUAJIADI]);
      const done = (await action(community, item.id, 'complete', { text: '雨棚已装好' })).json();
      expect(done).toMatchObject({ status: 'done', isOverdue: true });
    });
  });

  describe('scope', () => {
    it("keeps one street's items from another street, and shows them to the district above", async () => {
      now = T0;
      const item = await create();
      const peek = await otherStreet.get(`/api/work-items/${item.id}`);
      expect([peek.statusCode, peek.json().error.code]).toEqual([403, 'OUT_OF_SCOPE']);
      expect((await action(otherStreet, item.id, 'start')).statusCode).toBe(403);
      const theirs = (await otherStreet.get('/api/work-items?limit=200')).json();
      expect(theirs.items.map((i: { id: string }) => i.id)).not.toContain(item.id);
      expect(theirs.total).toBe(0);
      expect((await districtLeader.get(`/api/work-items/${item.id}`)).statusCode).toBe(200);
      // The district leader is not the creator, so it may look but not steer: no buttons.
      expect((await districtLeader.get(`/api/work-items/${item.id}`)).json().allowedActions).toEqual([]);
      expect((await operator.get(`/api/work-items/${item.id}`)).statusCode).toBe(200); // the centre sees all
    });
  });

  describe('concurrency, paging, idempotency, transactions', () => {
    it('answers a stale version with 409 and changes nothing', async () => {
      now = T0;
      const item = await create();
      expect((await action(community, item.id, 'start', { expectedVersion: 1 })).statusCode).toBe(200);
      const stale = await action(community, item.id, 'progress', { text: '进展', expectedVersion: 1 });
      expect([stale.statusCode, stale.json().error.code, stale.json().error.details.currentVersion]).toEqual([409, 'VERSION_CONFLICT', 2]);
      expect((await community.get(`/api/work-items/${item.id}`)).json()).toMatchObject({ version: 2, evidence: [] });
    });

    it('pages by deadline with a tie-breaker: every item once, none twice', async () => {
      now = T0;
      const source = { sourceType: 'topic', sourceId: 'paging-test' };
      const same = { dueAt: new Date(T0.getTime() + 10 * DAY).toISOString() };
      const ids = new Set<string>();
      for (let i = 0; i < 5; i++) ids.add((await create(streetLeader, { ...source, title: `同一期限任务 ${i}`, due: same })).id);
      ids.add((await create(streetLeader, { ...source, title: '更早的任务', due: { amount: 1, unit: 'calendar_days' } })).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const q: string = `/api/work-items?sourceType=topic&sourceId=paging-test&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page: { total: number; items: Array<{ id: string }>; nextCursor: string | null } = (await community.get(q)).json();
        expect(page.total).toBe(6);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toHaveLength(6);
      expect(new Set(seen)).toEqual(ids);
      expect((await community.get(`/api/work-items?sourceId=paging-test&limit=1`)).json().items[0].title).toBe('更早的任务');
      const bad = await community.get('/api/work-items?cursor=garbage');
      expect([bad.statusCode, bad.json().error.field]).toEqual([400, 'querystring.cursor']);
      expect((await community.get('/api/work-items?status=lost')).statusCode).toBe(400);
    });

    it('filters by kind, status, owner and linked case', async () => {
      now = T0;
      const c = (await operator.post('/api/cases', intakeBody())).json();
      const linked = await create(streetLeader, { kind: 'warning_action', title: '预警：井盖缺失', linkedCaseIds: [c.id] });
      const byCase = (await streetLeader.get(`/api/work-items?linkedCase=${c.id}`)).json();
      expect(byCase.items.map((i: { id: string }) => i.id)).toEqual([linked.id]);
      const warnings = (await streetLeader.get('/api/work-items?kind=warning_action&status=open')).json();
      expect(warnings.items.every((i: { kind: string; status: string }) => i.kind === 'warning_action' && i.status === 'open')).toBe(true);
      expect(warnings.items.map((i: { id: string }) => i.id)).toContain(linked.id);
      const owned = (await streetLeader.get(`/api/work-items?owner=${WANGJING}`)).json();
      expect(owned.total).toBe(0);
    });

    it('returns the first item for a retried creation with the same Idempotency-Key', async () => {
      const before = await rows('work_items');
      const send = () => streetLeader.request({ method: 'POST', url: '/api/work-items', payload: body({ title: '重试不重复' }), headers: { 'idempotency-key': 'wi-retry-0001' } });
      const first = await send();
      const second = await send();
      expect([first.statusCode, second.statusCode]).toEqual([201, 200]);
      expect(second.json().id).toBe(first.json().id);
      expect(await rows('work_items')).toBe(before + 1);
      // A key is no way into another street's items.
      const stranger = await otherStreet.request({
        method: 'POST',
        url: '/api/work-items',
        payload: body({ title: '重试不重复' }),
        headers: { 'idempotency-key': 'wi-retry-0001' },
      });
      expect([stranger.statusCode, stranger.json().error.code]).toEqual([403, 'OUT_OF_SCOPE']);
      expect(await rows('work_items')).toBe(before + 1);
    });

    it("creates inside another use case's transaction: rolled back with it, committed with it", async () => {
      now = T0;
      const actor = await authenticate(env.rt.ctx, { token: streetLeader.token });
      const before = await rows('work_items');
      await expect(
        env.rt.ctx.db.transaction().execute(async (trx) => {
          await createWorkItem(env.rt.ctx, { actor, kind: 'topic_task', title: '回滚的任务', owner: { unitCode: HUAJIADI }, due: { amount: 3, unit: 'working_days' } }, trx);
          throw new Error('the feature failed after creating its item');
        }),
      ).rejects.toThrow('the feature failed');
      expect(await rows('work_items')).toBe(before);
      const kept = await env.rt.ctx.db
        .transaction()
        .execute(async (trx) =>
          createWorkItem(
            env.rt.ctx,
            { actor, kind: 'topic_task', title: '提交的任务', owner: { unitCode: HUAJIADI }, due: { amount: 3, unit: 'working_days' }, sourceType: 'topic', sourceId: 't-42' },
            trx,
          ),
        );
      expect(await rows('work_items')).toBe(before + 1);
      expect((await community.get(`/api/work-items/${kept.id}`)).json()).toMatchObject({ title: '提交的任务', source: { type: 'topic', id: 't-42' } });
    });
  });
});

// Two OS processes on one PostgreSQL (`jiesu sweep` twice at once): needs a server, so it runs in the PostgreSQL pass.
describe.runIf(TEST_PG_URL)('two processes sweeping work items on one PostgreSQL', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestEnv({ now: () => T0 });
  });
  afterAll(async () => env?.close());

  it('escalates each overdue item exactly once', async () => {
    const leader = await env.as('wangjing.leader');
    const actor = await authenticate(env.rt.ctx, { token: leader.token });
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      ids.push((await createWorkItem(env.rt.ctx, { actor, kind: 'general', title: `并发督办 ${i}`, owner: { unitCode: HUAJIADI }, due: { amount: 1, unit: 'hours' } })).id);
    }
    const at = new Date(T0.getTime() + 2 * HOUR).toISOString(); // past every deadline
    const bin = join(__dirname, '..', 'bin', 'jiesu.mjs');
    const vars = { ...process.env, DATABASE_URL: env.rt.ctx.config.databaseUrl ?? '', LOG_LEVEL: 'silent' };
    const run = promisify(execFile);
    const [a, b] = await Promise.all([run(process.execPath, [bin, 'sweep', '--at', at], { env: vars }), run(process.execPath, [bin, 'sweep', '--at', at], { env: vars })]);
    const ra = JSON.parse(a.stdout.trim().split('\n').pop() as string);
    const rb = JSON.parse(b.stdout.trim().split('\n').pop() as string);
    console.log('work-item sweep process A:', ra.workItems, 'process B:', rb.workItems);
    expect(ra.workItems.escalated + rb.workItems.escalated).toBe(30);
    const rows = await env.rt.ctx.db
      .selectFrom('work_item_history')
      .select(['work_item_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('action', '=', 'escalate')
      .where('work_item_id', 'in', ids)
      .groupBy('work_item_id')
      .execute();
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
    const outbox = await env.rt.ctx.db.selectFrom('notification_outbox').select('id').where('kind', '=', 'work_item_escalation').where('work_item_id', 'in', ids).execute();
    expect(outbox).toHaveLength(60); // owner and creating unit, once each
  });
});

describe('demo work items', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestEnv({ now: () => T0 });
  });
  afterAll(async () => env?.close());

  it('are seeded once, for the demo community and street', async () => {
    expect(await seedDemoWorkItems(env.rt.ctx)).toBe(4);
    expect(await seedDemoWorkItems(env.rt.ctx)).toBe(0);
    const community = await env.as('huajiadi.handler');
    const mine = (await community.get('/api/work-items')).json();
    expect(mine.items.map((i: { kind: string }) => i.kind).sort()).toEqual(['general', 'meeting_followup', 'notice_ack']);
    const street = (await (await env.as('wangjing.handler')).get(`/api/work-items?owner=${WANGJING}`)).json();
    expect(street.items.map((i: { kind: string; allowedActions: string[] }) => [i.kind, i.allowedActions])).toEqual([
      ['topic_task', ['start', 'progress', 'complete', 'acknowledge']],
    ]);
  });
});
