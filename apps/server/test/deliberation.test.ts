// 居民议事会 end to end through the HTTP API on a real database: auth, validation and permission
// failures first; then one meeting — agenda from two cases and one resident proposal that
// gathered support, a motion that passes and one that fails (counts and the rule applied), the
// linked cases' history notes and their requesters told the outcome — the public page without
// personal data, building leads masked and invited, and the measures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeBody } from './case-helpers';
import { type Client, startTestEnv, type TestEnv } from './harness';

const COMMUNITY = '110105026034'; // 花家地西里社区, 望京街道
const OTHER_COMMUNITY_STREET_HANDLER = 'jianwai.handler'; // 建外街道: another street
let now = new Date('2026-12-01T01:00:00Z'); // Tuesday 09:00 Beijing
let env: TestEnv;
let operator: Client;
let dispatcher: Client;
let wangjing: Client;
let huajiadi: Client;
let jianwai: Client;
let analyst: Client;
let taskDone = '';
let taskLate = '';
const taskDoneId = () => taskDone;
const taskLateId = () => taskLate;

async function logIn(): Promise<void> {
  [operator, dispatcher, wangjing, huajiadi, jianwai, analyst] = await Promise.all([
    env.as('operator'),
    env.as('dispatcher'),
    env.as('wangjing.handler'),
    env.as('huajiadi.handler'),
    env.as(OTHER_COMMUNITY_STREET_HANDLER),
    env.as('analyst'),
  ]);
}

/** Moves the test clock; sessions last hours, so everyone logs in again. */
async function setNow(instant: string): Promise<void> {
  now = new Date(instant);
  await logIn();
}

beforeAll(async () => {
  env = await startTestEnv({ now: () => now });
  await logIn();
});
afterAll(async () => {
  await env?.close();
});

async function ok<T = Record<string, unknown>>(p: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200): Promise<T> {
  const res = await p;
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

const pub = (method: 'GET' | 'POST', url: string, payload?: object) => env.app.inject({ method, url, ...(payload ? { payload } : {}) });

async function caseIn(subject: string, requester: { name: string; phone: string }, coHandlers: string[]) {
  const c = await ok<{ id: string; caseNumber: string }>(operator.post('/api/cases', intakeBody({ subject, requester: { ...requester, isAnonymous: false } })), 201);
  await ok(dispatcher.post(`/api/cases/${c.id}/dispatch`, { lead: '110105026', coHandlers }));
  await ok(wangjing.post(`/api/cases/${c.id}/sign`, {}));
  return c;
}

interface MeetingView {
  meeting: { id: string; status: string; version: number; allowedActions: string[] };
  items: Array<{
    id: string;
    status: string;
    sourceType: string;
    titleSnapshot: string;
    motions: Array<{ id: string; status: string; result: { statement: { zh: string; en: string }; base: number; forNeeded: number } | null }>;
    linkedCases: Array<{ caseNumber: string; requester: { name: string; phone: string }; outcomeToldAt: string | null }>;
  }>;
}

describe('who may run deliberation', () => {
  it('needs a login, community staff of the community or its street, and valid input', async () => {
    expect((await pub('GET', '/api/deliberation/meetings')).statusCode).toBe(401);
    const body = { communityCode: COMMUNITY, title: '议事会', scheduledAt: '2026-12-08T07:00:00Z', place: '活动室', chairName: '王大爷', eligibleVoters: 15 };
    const outside = await jianwai.post('/api/deliberation/meetings', body);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('OUT_OF_SCOPE');
    const centre = await analyst.post('/api/deliberation/meetings', body);
    expect(centre.json().error.code).toBe('FORBIDDEN');
    const bad = await huajiadi.post('/api/deliberation/meetings', { ...body, eligibleVoters: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('eligibleVoters');
    const badRules = await huajiadi.post('/api/deliberation/meetings', { ...body, voteRules: { majority: 'three_quarters' } });
    expect(badRules.statusCode).toBe(400);
    const notCommunity = await huajiadi.post('/api/deliberation/meetings', { ...body, communityCode: '110105026' });
    expect(notCommunity.json().error).toMatchObject({ code: 'UNIT_NOT_FOUND', field: 'body.communityCode' });
    expect(await env.rt.ctx.db.selectFrom('meetings').selectAll().execute()).toHaveLength(0);
  });
});

describe('one meeting end to end', () => {
  let caseA: { id: string; caseNumber: string };
  let caseB: { id: string; caseNumber: string };
  let proposalId: string;
  let meetingId: string;
  let view: MeetingView;

  it('a resident proposal gathers support from neighbours (one per phone, a retry counts once)', async () => {
    const bad = await pub('POST', '/api/public/proposals', { communityCode: COMMUNITY, title: '楼下加装休息座椅', detail: '老人多，楼下没有座椅可以歇脚。', phone: '12345' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('body.phone');
    const submission = {
      communityCode: COMMUNITY,
      title: '楼下加装休息座椅',
      detail: '老人多，楼下没有座椅可以歇脚，建议在5号楼前加装两张长椅。',
      name: '赵秀兰',
      phone: '13911112222',
    };
    const first = await ok<{ proposalId: string; isNew: boolean }>(pub('POST', '/api/public/proposals', submission), 201);
    const retry = await ok<{ proposalId: string; isNew: boolean }>(pub('POST', '/api/public/proposals', submission), 200);
    expect(retry).toMatchObject({ proposalId: first.proposalId, isNew: false });
    proposalId = first.proposalId;
    // not open yet: no support taken, and not on the public page
    expect((await pub('POST', `/api/public/proposals/${proposalId}/support`, { phone: '13700000001' })).statusCode).toBe(404);
    const queue = await ok<{ items: Array<{ id: string; proposer: { name: string; phone: string } }> }>(huajiadi.get(`/api/deliberation/proposals?communityCode=${COMMUNITY}`));
    expect(queue.items[0]?.proposer).toEqual({ name: '赵**', phone: '139****2222' });
    expect((await jianwai.post(`/api/deliberation/proposals/${proposalId}/open`, {})).statusCode).toBe(403);
    await ok(huajiadi.post(`/api/deliberation/proposals/${proposalId}/open`, {}));
    const supports = [];
    for (const phone of ['13700000001', '13700000002', '13700000003', '13700000004', '13700000005', '13700000006']) {
      supports.push(await ok<{ supportCount: number; isNew: boolean }>(pub('POST', `/api/public/proposals/${proposalId}/support`, { phone })));
    }
    const again = await ok<{ supportCount: number; isNew: boolean }>(pub('POST', `/api/public/proposals/${proposalId}/support`, { phone: '137-0000-0003' }));
    expect(supports.map((s) => s.supportCount)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(again).toEqual({ supportCount: 6, isNew: false });
    const after = await ok<{ items: Array<{ id: string; supportCount: number; isSupported: boolean; allowedActions: string[] }> }>(
      huajiadi.get(`/api/deliberation/proposals?communityCode=${COMMUNITY}`),
    );
    expect(after.items.find((p) => p.id === proposalId)).toMatchObject({ supportCount: 6, isSupported: true, allowedActions: ['put_on_agenda', 'answer'] });
  });

  it('a community schedules a meeting and sets the agenda from two cases and the proposal', async () => {
    caseA = await caseIn('5号楼前树木遮挡路灯，夏季前需修剪', { name: '张三丰', phone: '13812341234' }, ['110105026034']);
    caseB = await caseIn('3号楼纱窗破损，多户反映蚊虫进屋', { name: '李秋菊', phone: '13698765432' }, []);
    const m = await ok<{ id: string }>(
      huajiadi.post('/api/deliberation/meetings', {
        communityCode: COMMUNITY,
        title: '12月居民议事会：树木修剪与纱窗更换',
        scheduledAt: '2026-12-03T07:00:00Z',
        place: '花家地西里社区活动室',
        chairName: '王建国',
        isChairResident: true,
        eligibleVoters: 15,
      }),
      201,
    );
    meetingId = m.id;
    const a = await ok<{ item: { id: string }; isNew: boolean }>(huajiadi.post(`/api/deliberation/meetings/${meetingId}/items`, { sourceType: 'case', caseId: caseA.id }), 201);
    const retried = await ok<{ item: { id: string }; isNew: boolean }>(
      huajiadi.post(`/api/deliberation/meetings/${meetingId}/items`, { sourceType: 'case', caseId: caseA.id }),
      200,
    );
    expect(retried).toMatchObject({ isNew: false, item: { id: a.item.id } });
    await ok(huajiadi.post(`/api/deliberation/meetings/${meetingId}/items`, { sourceType: 'case', caseId: caseB.id }), 201);
    await ok(huajiadi.post(`/api/deliberation/meetings/${meetingId}/items`, { sourceType: 'proposal', proposalId }), 201);
    const missing = await huajiadi.post(`/api/deliberation/meetings/${meetingId}/items`, { sourceType: 'case', caseId: '00000000-0000-4000-8000-000000000000' });
    expect(missing.json().error).toMatchObject({ code: 'CASE_NOT_FOUND', field: 'body.caseId' });
    view = await ok<MeetingView>(huajiadi.get(`/api/deliberation/meetings/${meetingId}`));
    expect(view.items.map((i) => i.sourceType)).toEqual(['case', 'case', 'proposal']);
    // the requester is masked on the meeting page, for everyone
    expect(view.items[0]?.linkedCases[0]?.requester).toEqual({ name: '张**', phone: '138****1234', isAnonymous: false });
    const queue = await ok<{ items: Array<{ id: string; status: string }> }>(huajiadi.get(`/api/deliberation/proposals?communityCode=${COMMUNITY}`));
    expect(queue.items.find((p) => p.id === proposalId)?.status).toBe('on_agenda');
  });

  it('refuses motions before the session and a vote before a second', async () => {
    const [itemA] = view.items;
    const early = await huajiadi.post(`/api/deliberation/meetings/${meetingId}/motions`, { itemId: itemA?.id, text: '修剪', movedBy: '刘阿姨' });
    expect(early.json().error.code).toBe('ILLEGAL_TRANSITION');
    await setNow('2026-12-03T07:05:00Z');
    await ok(huajiadi.post(`/api/deliberation/meetings/${meetingId}/start`, {}));
    const mo = await ok<{ id: string }>(
      huajiadi.post(`/api/deliberation/meetings/${meetingId}/motions`, { itemId: itemA?.id, text: '请物业在5月底前修剪5号楼前树木', movedBy: '刘阿姨' }),
      201,
    );
    const noSecond = await huajiadi.post(`/api/deliberation/meetings/${meetingId}/motions/${mo.id}/vote`, { for: 9, against: 1, abstain: 0 });
    expect(noSecond.statusCode).toBe(422);
    expect(noSecond.json().error.code).toBe('MOTION_NEEDS_SECOND');
    const selfSecond = await huajiadi.post(`/api/deliberation/meetings/${meetingId}/motions/${mo.id}/second`, { secondedBy: '刘阿姨' });
    expect(selfSecond.json().error.field).toBe('secondedBy');
    const stillMoved = await ok<MeetingView>(huajiadi.get(`/api/deliberation/meetings/${meetingId}`));
    expect(stillMoved.items[0]?.motions[0]?.status).toBe('moved');
  });

  it('a motion passes and one fails: counts and the rule applied are stated', async () => {
    const [, itemB] = view.items;
    const cur = await ok<MeetingView>(huajiadi.get(`/api/deliberation/meetings/${meetingId}`));
    const moA = cur.items[0]?.motions[0]?.id;
    await ok(huajiadi.post(`/api/deliberation/meetings/${meetingId}/motions/${moA}/second`, { secondedBy: '陈师傅' }));
    await ok(huajiadi.post(`/api/deliberation/meetings/${meetingId}/motions/${moA}/open-discussion`, {}));
    // 15 eligible, quorum ceil(7.5) = 8; 12 present: 9 for, 2 against, 1 abstain.
    // Default rule: simple majority of votes cast, abstentions not counted → base 11, needed 6 → passed.
    const passed = await ok<{ status: string; result: { base: number; forNeeded: number; quorumRequired: number; statement: { zh: string; en: string } } }>(
      huajiadi.post(`/api/deliberation/meetings/${meetingId}/motions/${moA}/vote`, { for: 9, against: 2, abstain: 1, present: 12 }),
    );
    expect(passed).toMatchObject({ status: 'passed', result: { base: 11, forNeeded: 6, quorumRequired: 8 } });
    console.log(`[must-show] motion A: ${passed.result.statement.zh} | ${passed.result.statement.en}`);
    const again = await huajiadi.post(`/api/deliberation/meetings/${meetingId}/motions/${moA}/vote`, { for: 1, against: 11, abstain: 0 });
    expect(again.json().error.code).toBe('ILLEGAL_TRANSITION');

    const moB = await ok<{ id: string }>(
      huajiadi.post(`/api/deliberation/meetings/${meetingId}/motions`, { itemId: itemB?.id, text: '由社区公益金统一为3号楼更换纱窗', movedBy: '周大姐' }),
      201,
    );
    await ok(huajiadi.post(`/api/deliberation/meetings/${meetingId}/motions/${moB.id}/second`, { secondedBy: '吴先生' }));
    await ok(huajiadi.post(`/api/deliberation/meetings/${meetingId}/motions/${moB.id}/open-discussion`, {}));
    // 12 present: 4 for, 5 against, 3 abstain. Default rule: base 4 + 5 = 9, needed floor(9/2)+1 = 5; 4 < 5 → failed.
    const failed = await ok<{ status: string; result: { base: number; forNeeded: number; reason: string; statement: { zh: string; en: string } } }>(
      huajiadi.post(`/api/deliberation/meetings/${meetingId}/motions/${moB.id}/vote`, { for: 4, against: 5, abstain: 3, present: 12 }),
    );
    expect(failed).toMatchObject({ status: 'failed', result: { base: 9, forNeeded: 5, reason: 'not_enough_for' } });
    console.log(`[must-show] motion B: ${failed.result.statement.zh} | ${failed.result.statement.en}`);
  });

  it('concluding items notes the linked cases through the case decider and tells their requesters', async () => {
    const [itemA, itemB, itemP] = view.items;
    const noPass = await huajiadi.post(`/api/deliberation/meetings/${meetingId}/items/${itemB?.id}/conclusion`, { outcome: 'decided', summary: '更换纱窗' });
    expect(noPass.json().error.code).toBe('ITEM_HAS_NO_PASSED_MOTION');
    await ok(
      huajiadi.put(`/api/deliberation/meetings/${meetingId}/items/${itemA?.id}/minutes`, { minutes: '居民12人到会，物业经理列席。讨论树木遮挡路灯问题，一致认为须在夏季前修剪。' }),
    );
    const a = await ok<{ requestersTold: number; caseNotes: Array<{ caseNumber: string; isNoted: boolean; notedBy: string }> }>(
      huajiadi.post(`/api/deliberation/meetings/${meetingId}/items/${itemA?.id}/conclusion`, { outcome: 'decided', summary: '物业于5月31日前修剪5号楼前树木，社区监督。' }),
    );
    // case A has the community as co-handler: the community handler writes the note
    expect(a).toMatchObject({ requestersTold: 1, caseNotes: [{ caseNumber: caseA.caseNumber, isNoted: true, notedBy: 'huajiadi.handler' }] });
    const b = await ok<{ caseNotes: Array<{ isNoted: boolean; notedBy: string }> }>(
      huajiadi.post(`/api/deliberation/meetings/${meetingId}/items/${itemB?.id}/conclusion`, {
        outcome: 'not_decided',
        summary: '公益金方案未通过，改由各户自行更换，社区协调团购。',
      }),
    );
    // case B is the street's alone: the system supervisor writes the note on the meeting's behalf
    expect(b.caseNotes[0]).toMatchObject({ isNoted: true, notedBy: 'system' });
    await ok(huajiadi.post(`/api/deliberation/meetings/${meetingId}/items/${itemP?.id}/conclusion`, { outcome: 'deferred', summary: '座椅选址下次议事会再议。' }));

    const historyA = await env.rt.ctx.db.selectFrom('case_history').selectAll().where('case_id', '=', caseA.id).where('action', '=', 'note').execute();
    expect(historyA).toHaveLength(1);
    expect(historyA[0]?.note).toContain('物业于5月31日前修剪');
    const historyB = await env.rt.ctx.db.selectFrom('case_history').selectAll().where('case_id', '=', caseB.id).where('action', '=', 'note').execute();
    expect(historyB[0]?.note).toContain('由 花家地西里社区 承办人 记录');

    const outbox = await env.rt.ctx.db.selectFrom('notification_outbox').selectAll().where('kind', 'in', ['requester_outcome', 'proposer_outcome']).orderBy('id').execute();
    expect(outbox.map((o) => [o.kind, o.case_id])).toEqual([
      ['requester_outcome', caseA.id],
      ['requester_outcome', caseB.id],
      ['proposer_outcome', null],
    ]);
    // no identity in the messages: the sender looks the requester up when it delivers
    expect(JSON.stringify(outbox.map((o) => o.payload))).not.toMatch(/张三丰|13812341234|李秋菊|13698765432|赵秀兰|13911112222/);
    const told = await ok<MeetingView>(huajiadi.get(`/api/deliberation/meetings/${meetingId}`));
    expect(told.items.slice(0, 2).map((i) => i.linkedCases[0]?.outcomeToldAt !== null)).toEqual([true, true]);
    console.log(`[must-show] requesters told: ${outbox.filter((o) => o.kind === 'requester_outcome').length} (cases ${caseA.caseNumber}, ${caseB.caseNumber}); proposer told: 1`);
  });

  it('a passed motion gets follow-up tasks as work items: one for a unit, one for a resident', async () => {
    const cur = await ok<MeetingView>(huajiadi.get(`/api/deliberation/meetings/${meetingId}`));
    const passed = cur.items[0]?.motions[0];
    const failed = cur.items[1]?.motions[0];
    const onFailed = await huajiadi.post(`/api/deliberation/meetings/${meetingId}/follow-ups`, {
      motionId: failed?.id,
      title: 'x',
      owner: { unitCode: COMMUNITY },
      due: { amount: 2, unit: 'working_days' },
    });
    expect(onFailed.json().error.code).toBe('ILLEGAL_TRANSITION');
    const body = { motionId: passed?.id, title: '联系物业确定修剪方案并公示', owner: { unitCode: COMMUNITY }, due: { dueAt: '2026-12-10T10:00:00Z' } };
    const headers = { 'idempotency-key': 'followup-a-1' };
    const first = await huajiadi.request({ method: 'POST', url: `/api/deliberation/meetings/${meetingId}/follow-ups`, payload: body, headers });
    const retry = await huajiadi.request({ method: 'POST', url: `/api/deliberation/meetings/${meetingId}/follow-ups`, payload: body, headers });
    expect([first.statusCode, retry.statusCode]).toEqual([201, 200]);
    expect(retry.json().item.id).toBe(first.json().item.id);
    taskDone = first.json().item.id as string;
    const late = await ok<{ item: { id: string; kind: string; owner: { person: { name: string } | null }; linkedCaseIds: string[] } }>(
      huajiadi.post(`/api/deliberation/meetings/${meetingId}/follow-ups`, {
        motionId: passed?.id,
        title: '楼长动员5号楼住户配合修剪（挪车）',
        owner: { personName: '孙立华' },
        due: { dueAt: '2026-12-08T10:00:00Z' },
      }),
      201,
    );
    taskLate = late.item.id;
    expect(late.item).toMatchObject({ kind: 'meeting_followup', owner: { person: { name: '孙立华' } }, linkedCaseIds: [caseA.id] });
    const shown = await ok<MeetingView & { items: Array<{ motions: Array<{ followUps: Array<{ id: string }> }> }> }>(huajiadi.get(`/api/deliberation/meetings/${meetingId}`));
    expect(shown.items[0]?.motions[0]?.followUps.map((f) => f.id).sort()).toEqual([taskDone, taskLate].sort());
    // the work-item list (the shared one) finds them by source
    const listed = await ok<{ items: Array<{ id: string }> }>(huajiadi.get(`/api/work-items?sourceType=meeting_motion&sourceId=${passed?.id}`));
    expect(listed.items).toHaveLength(2);
  });

  it('closes, and the public page shows the matter without personal data', async () => {
    await setNow('2026-12-03T09:00:00Z');
    await ok(huajiadi.post(`/api/deliberation/meetings/${meetingId}/close`, {}));
    const page = await ok<{
      past: Array<{ items: Array<{ title: string; motions: Array<{ result: { statement: { zh: string } } | null }> }> }>;
      proposals: Array<{ supportCount: number }>;
    }>(pub('GET', `/api/public/communities/${COMMUNITY}/deliberation`));
    expect(page.past).toHaveLength(1);
    expect(page.past[0]?.items.map((i) => i.title)).toEqual(['5号楼前树木遮挡路灯，夏季前需修剪', '3号楼纱窗破损，多户反映蚊虫进屋', '楼下加装休息座椅']);
    expect(page.past[0]?.items[0]?.motions[0]?.result?.statement.zh).toContain('通过');
    expect(page.proposals[0]?.supportCount).toBe(6);
    const text = JSON.stringify(page);
    expect(page.past[0]?.items[0]?.motions[0]).toBeDefined();
    expect((page.past[0]?.items[0] as unknown as { followUps: Array<{ ownerLabel: string }> }).followUps.map((f) => f.ownerLabel).sort()).toEqual([
      '居民 · 花家地西里社区',
      '花家地西里社区',
    ]);
    // Phones whole and masked ('138****1234'); a bare '138' could sit in a random UUID.
    for (const personal of [
      '孙立华',
      '张三丰',
      '13812341234',
      '李秋菊',
      '13698765432',
      '赵秀兰',
      '13911112222',
      '王建国',
      '刘阿姨',
      '陈师傅',
      '周大姐',
      '吴先生',
      caseA.caseNumber,
    ])
      expect(text).not.toContain(personal);
    expect(text).not.toMatch(/\d{3}\*{4}\d{4}/);
  });
});

describe('follow-ups on the shared clocks, and the measures', () => {
  it('one task done on time, one overdue: the shared sweep escalates it', async () => {
    await setNow('2026-12-05T02:00:00Z');
    const done = await ok<{ status: string }>(huajiadi.post(`/api/work-items/${taskDoneId()}/actions/complete`, { text: '已与物业确定方案，5号楼前公示栏已公示。' }));
    expect(done.status).toBe('done');
    await setNow('2026-12-09T02:00:00Z');
    const supervisor = await env.as('supervisor');
    const first = (await supervisor.post('/api/queues/sweep')).json().workItems;
    const second = (await supervisor.post('/api/queues/sweep')).json().workItems;
    expect(first.escalated + second.escalated).toBe(1);
    const late = await ok<{ isOverdue: boolean; status: string }>(huajiadi.get(`/api/work-items/${taskLateId()}`));
    expect(late).toMatchObject({ isOverdue: true, status: 'open' });
    const page = await ok<{ past: Array<{ items: Array<{ followUps: Array<{ title: string; status: string; isOverdue: boolean }> }> }> }>(
      pub('GET', `/api/public/communities/${COMMUNITY}/deliberation`),
    );
    const progress = page.past[0]?.items[0]?.followUps.map((f) => [f.status, f.isOverdue]).sort();
    expect(progress).toEqual([
      ['done', false],
      ['open', true],
    ]);
    console.log(`[must-show] follow-ups: ${JSON.stringify(page.past[0]?.items[0]?.followUps.map((f) => ({ title: f.title, status: f.status, isOverdue: f.isOverdue })))}`);
  });

  it('the measures of the community for the quarter (2026-Q4: 19 Sep – 18 Dec)', async () => {
    const m = await ok<{ measures: Record<string, number | null>; assessmentScores: Record<string, number> }>(
      huajiadi.get(`/api/deliberation/measures?communityCode=${COMMUNITY}&quarterKey=2026-Q4`),
    );
    // by hand: 1 meeting closed; item A decided (B not decided, the proposal deferred); 2 tasks due
    // in the quarter, 1 done on time, 1 open past its deadline; 1 proposal, on an agenda; the 2
    // cases of the community both went through the meeting.
    expect(m.measures).toMatchObject({
      meetingsHeld: 1,
      itemsDecided: 1,
      tasksDue: 2,
      tasksDoneOnTime: 1,
      tasksDoneLate: 0,
      tasksOverdueOpen: 1,
      tasksOnTimeShare: 0.5,
      proposalsReceived: 1,
      proposalsAnswered: 1,
      proposalsAnsweredShare: 1,
      casesInCommunity: 2,
      casesDeliberated: 2,
      deliberatedCaseShare: 1,
    });
    expect(m.assessmentScores).toEqual({ deliberation_meetings: 33.3, deliberation_tasks_on_time: 50, deliberation_proposals_answered: 100 });
    expect((await jianwai.get(`/api/deliberation/measures?communityCode=${COMMUNITY}&quarterKey=2026-Q4`)).statusCode).toBe(403);
  });

  it("is available to the street's quarterly assessment of its communities as measured items", async () => {
    const available = await ok<Array<{ key: string }>>(huajiadi.get('/api/deliberation/assessment-items'));
    expect(available.map((i) => i.key)).toEqual(['deliberation_meetings', 'deliberation_tasks_on_time', 'deliberation_proposals_answered']);
    const leader = await env.as('wangjing.leader');
    await ok(
      leader.put('/api/scoring/communities/110105026/config', {
        rateWeights: { response: 0.07, resolution: 0.35, satisfaction: 0.28 },
        items: [
          { key: 'face_to_face', label: '面对面沟通', weight: 0.1, maxScore: 100 },
          { key: 'deliberation_meetings', label: '议事会召开', weight: 0.1, maxScore: 100 },
          { key: 'deliberation_tasks_on_time', label: '议定事项按期完成', weight: 0.1, maxScore: 100 },
        ],
      }),
    );
    const ranking = await ok<{ rows: Array<{ unitCode: string; items: Array<{ key: string; score: number; points: number }> }> }>(
      leader.get('/api/scoring/communities/110105026/quarters/2026-Q4'),
    );
    const row = ranking.rows.find((r) => r.unitCode === COMMUNITY);
    // by hand: meetings 1 of 3 → 33.3, points 0.1 × 33.3 / 100 = 0.0333; tasks on time 1 of 2 → 50, points 0.05
    expect(row?.items.find((i) => i.key === 'deliberation_meetings')).toMatchObject({ score: 33.3 });
    expect(row?.items.find((i) => i.key === 'deliberation_meetings')?.points).toBeCloseTo(0.0333, 4);
    expect(row?.items.find((i) => i.key === 'deliberation_tasks_on_time')).toMatchObject({ score: 50, points: 0.05 });
  });
});

describe('building leads (楼门层长)', () => {
  it('a register with contacts masked, unmasked views audited, invitations and notices through the outbox', async () => {
    const bad = await huajiadi.post('/api/deliberation/building-leads', { communityCode: COMMUNITY, building: '5号楼', name: '孙立', phone: '555' });
    expect(bad.json().error.field).toBe('phone');
    const lead = await ok<{ id: string; name: string; phone: string; role: string }>(
      huajiadi.post('/api/deliberation/building-leads', { communityCode: COMMUNITY, building: '5号楼', door: '2单元', name: '孙立华', phone: '13566667777' }),
      201,
    );
    expect(lead).toMatchObject({ name: '孙**', phone: '135****7777', role: 'door' });
    await ok(huajiadi.post('/api/deliberation/building-leads', { communityCode: COMMUNITY, building: '3号楼', floor: '6', name: '钱芳', phone: '13588889999' }), 201);
    expect((await jianwai.get(`/api/deliberation/building-leads?communityCode=${COMMUNITY}`)).statusCode).toBe(403);
    const list = await ok<Array<{ phone: string }>>(huajiadi.get(`/api/deliberation/building-leads?communityCode=${COMMUNITY}`));
    expect(list.map((l) => l.phone).sort()).toEqual(['135****7777', '135****9999']);
    const before = (await env.rt.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'building_lead.view_unmasked').execute()).length;
    const full = await ok<{ phone: string }>(huajiadi.post(`/api/deliberation/building-leads/${lead.id}/reveal`));
    expect(full.phone).toBe('13566667777');
    expect((await env.rt.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'building_lead.view_unmasked').execute()).length).toBe(before + 1);

    const m = await ok<{ id: string }>(
      huajiadi.post('/api/deliberation/meetings', {
        communityCode: COMMUNITY,
        title: '1月居民议事会',
        scheduledAt: '2027-01-07T07:00:00Z',
        place: '活动室',
        chairName: '王建国',
        eligibleVoters: 15,
      }),
      201,
    );
    const participants = await ok<Array<{ kind: string; name: string }>>(
      huajiadi.post(`/api/deliberation/meetings/${m.id}/participants`, {
        participants: [{ kind: 'property_company', name: '物业经理', organisation: '某物业公司' }],
        allBuildingLeads: true,
      }),
    );
    expect(participants.map((p) => p.name)).toEqual(['物业经理', '3号楼 6层 层长', '5号楼 2单元 门长']);
    await ok(huajiadi.post(`/api/deliberation/meetings/${m.id}/participants`, { allBuildingLeads: true }));
    expect(
      (await ok<unknown[]>(huajiadi.get(`/api/deliberation/meetings/${m.id}`).then((r) => ({ ...r, json: () => (r.json() as { participants: unknown[] }).participants })))).length,
    ).toBe(3);
    expect(await ok(huajiadi.post(`/api/deliberation/meetings/${m.id}/invitations`))).toEqual({ invited: 3 });
    expect(await ok(huajiadi.post(`/api/deliberation/meetings/${m.id}/invitations`))).toEqual({ invited: 0 });
    expect(await ok(huajiadi.post('/api/deliberation/building-leads/notices', { communityCode: COMMUNITY, text: '本周六上午开展楼道清理，请通知本楼居民。' }))).toEqual({
      sent: 2,
    });
    const outbox = await env.rt.ctx.db.selectFrom('notification_outbox').selectAll().where('kind', 'in', ['meeting_invitation', 'building_lead_notice']).execute();
    expect(outbox).toHaveLength(5);
    expect(JSON.stringify(outbox.map((o) => o.payload))).not.toMatch(/孙立华|13566667777|钱芳/);
  });
});
