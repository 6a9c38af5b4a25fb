// One case walked through every path of the lifecycle over HTTP — intake (idempotent), direct
// answer, dispatch, return accepted and refused, dispute and binding ruling, duty list, dual and
// backstop dispatch, sign, contact, whistle, extension, feedback, send-back, close with a merged
// repeat request, masking and its audit log, timeline and queues. Runs on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestEnv, startTestEnv } from './harness';
import { caseCount, historyCount, intakeBody, uploadPhoto } from './case-helpers';

let env: TestEnv;
let operator: Client;
let dispatcher: Client;
let wangjing: Client;
let jianwai: Client;
let water: Client;

beforeAll(async () => {
  env = await startTestEnv();
  operator = await env.as('operator');
  dispatcher = await env.as('dispatcher');
  wangjing = await env.as('wangjing.handler');
  jianwai = await env.as('jianwai.handler');
  water = await env.as('water.handler');
});
afterAll(async () => {
  await env?.close();
});

async function takeIn(overrides: Record<string, unknown> = {}) {
  const res = await operator.post('/api/cases', intakeBody(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; caseNumber: string; version: number; status: string };
}

async function act(c: Client, id: string, action: string, body: Record<string, unknown> = {}) {
  return c.post(`/api/cases/${id}/${action}`, body);
}

async function ok(c: Client, id: string, action: string, body: Record<string, unknown> = {}) {
  const res = await act(c, id, action, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json();
}

describe('intake', () => {
  it('creates one case for a retried request with the same idempotency key', async () => {
    const before = await caseCount(env);
    const headers = { 'idempotency-key': 'call-20261127-0001' };
    const first = await operator.request({ method: 'POST', url: '/api/cases', payload: intakeBody(), headers });
    const retry = await operator.request({ method: 'POST', url: '/api/cases', payload: intakeBody(), headers });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(first.json().id);
    expect(first.json().caseNumber).toMatch(/^\d{8}-\d{6}$/);
    expect(await caseCount(env)).toBe(before + 1);
  });

  it('refuses bad intake input with the field named and writes nothing', async () => {
    const before = await caseCount(env);
    const wrongEnum = await operator.post('/api/cases', intakeBody({ urgency: 'whenever' }));
    expect(wrongEnum.statusCode).toBe(400);
    expect(wrongEnum.json().error.field).toBe('body.urgency');
    const noPhone = await operator.post('/api/cases', intakeBody({ requester: { name: '李四' } }));
    expect(noPhone.statusCode).toBe(400);
    expect(noPhone.json().error.field).toBe('requester.phone');
    const badStreet = await operator.post('/api/cases', intakeBody({ location: { address: 'x', districtCode: '110101', streetCode: '110105026' } }));
    expect(badStreet.statusCode).toBe(400);
    const handler = await wangjing.post('/api/cases', intakeBody());
    expect(handler.statusCode).toBe(403);
    expect(await caseCount(env)).toBe(before);
  });

  it('closes a consultation with a direct answer, without dispatch', async () => {
    const c = await takeIn({ kind: 'consultation', subject: '居住证办理需要什么材料' });
    const answered = await ok(dispatcher, c.id, 'answer', { text: '请携带身份证、租房合同到街道政务服务中心办理。' });
    expect(answered.status).toBe('answered');
    const complaint = await takeIn();
    const refused = await act(dispatcher, complaint.id, 'answer', { text: 'x' });
    expect(refused.json().error.code).toBe('DIRECT_ANSWER_NOT_CONSULTATION');
  });
});

describe('dispatch, return, dispute', () => {
  it('re-dispatches after an accepted return that carried evidence', async () => {
    const c = await takeIn();
    await ok(dispatcher, c.id, 'dispatch', { lead: '110105001' });
    const noEvidence = await act(jianwai, c.id, 'return', { reason: '不属于本街道辖区' });
    expect(noEvidence.json().error.code).toBe('EVIDENCE_REQUIRED');
    const photo = await uploadPhoto(jianwai);
    const returned = await ok(jianwai, c.id, 'return', { reason: '花家地西里属望京街道', attachmentIds: [photo], suggestedUnitCode: '110105026' });
    expect(returned.status).toBe('returned');
    const redispatched = await ok(dispatcher, c.id, 'accept-return', { redispatch: { lead: '110105026' } });
    expect(redispatched.status).toBe('dispatched');
    expect(redispatched.assignments.filter((a: { state: string }) => a.state === 'pending').map((a: { unit: { code: string } }) => a.unit.code)).toEqual(['110105026']);
  });

  it('makes a unit whose return was refused sign the case', async () => {
    const c = await takeIn();
    await ok(dispatcher, c.id, 'dispatch', { lead: '110105026' });
    await ok(wangjing, c.id, 'return', { reason: '非本街道职责', attachmentIds: [await uploadPhoto(wangjing)] });
    await ok(dispatcher, c.id, 'refuse-return', { reason: '地址在望京街道辖区，请签收办理' });
    const again = await act(wangjing, c.id, 'return', { reason: '仍然不是', attachmentIds: [await uploadPhoto(wangjing)] });
    expect(again.json().error.code).toBe('RETURN_REFUSED_MUST_SIGN');
    expect((await ok(wangjing, c.id, 'sign')).status).toBe('signed');
  });

  it('rules a jurisdiction dispute, and the ruling binds', async () => {
    const c = await takeIn();
    await ok(dispatcher, c.id, 'dispatch', { lead: '110105001' });
    await ok(jianwai, c.id, 'return', { reason: '辖区有争议', attachmentIds: [await uploadPhoto(jianwai)] });
    const disputed = await ok(dispatcher, c.id, 'open-dispute', { parties: ['110105001', '110105026'] });
    expect(disputed.status).toBe('disputed');
    const ruled = await ok(dispatcher, c.id, 'rule-dispute', { lead: '110105026', basis: '依据区划图，该地址属望京街道' });
    expect(ruled.status).toBe('dispatched');
    const refused = await act(wangjing, c.id, 'return', { reason: '不服', attachmentIds: [await uploadPhoto(wangjing)] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('RULING_BINDING');
  });

  it('refuses a community lead outside its duty list, then dual-dispatches street and community', async () => {
    const admin = await env.as('admin');
    expect((await admin.put('/api/duty-lists/110105026034', { categoryPrefixes: ['02'] })).statusCode).toBe(200);
    const c = await takeIn();
    const refused = await act(dispatcher, c.id, 'dispatch', { lead: '110105026034' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'NOT_IN_DUTY_LIST', details: { suggestedLeadCode: '110105026' } });
    const dual = await ok(dispatcher, c.id, 'dispatch', { lead: '110105026', coHandlers: ['110105026034'], mode: 'dual' });
    expect(dual.assignments.map((a: { role: string; isSupervised: boolean }) => [a.role, a.isSupervised])).toEqual([
      ['lead', true],
      ['co', true],
    ]);
  });

  it('sends a case no unit can be identified for to the district (兜底)', async () => {
    const c = await takeIn({ location: { address: '朝阳区某处', districtCode: '110105' } });
    const wrong = await act(dispatcher, c.id, 'dispatch', { lead: '110108', mode: 'backstop' });
    expect(wrong.json().error.code).toBe('BACKSTOP_DISTRICT_MISMATCH');
    const b = await ok(dispatcher, c.id, 'dispatch', { lead: '110105', mode: 'backstop' });
    expect(b.assignments[0]).toMatchObject({ source: 'backstop', unit: { code: '110105' } });
  });
});

describe('handling to closure', () => {
  it('walks a case from sign to close, with whistle, extension, send-back and a merged repeat request', async () => {
    const c = await takeIn();
    const repeat = await takeIn({ requester: { name: '王五', phone: '13900001111' }, subject: '花家地西里门口路面坑洼' });
    await ok(dispatcher, c.id, 'dispatch', { lead: '110105026' });
    const merged = await ok(dispatcher, repeat.id, 'merge', { parentCaseId: c.id });
    expect(merged.status).toBe('merged');

    // A second handler acting on a stale version loses.
    const v = (await wangjing.get(`/api/cases/${c.id}`)).json().version as number;
    expect((await ok(wangjing, c.id, 'sign', { expectedVersion: v })).status).toBe('signed');
    const stale = await act(wangjing, c.id, 'contact', { expectedVersion: v });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    expect((await ok(wangjing, c.id, 'contact', { method: 'phone' })).status).toBe('handling');
    const whistled = await ok(wangjing, c.id, 'whistle', { units: ['D110000-SWJ'], reason: '路面塌陷疑似水管渗漏' });
    const call = whistled.whistles[0];
    expect(call.unit.code).toBe('D110000-SWJ');
    const reported = await ok(water, c.id, 'whistle-report', { whistleId: call.id });
    expect(reported.whistles[0].late).toBe(false);

    await ok(wangjing, c.id, 'request-extension', { amount: 3, unit: 'calendar_days', reason: '需协调市政施工' });
    const approved = await ok(dispatcher, c.id, 'approve-extension');
    expect(approved.extensions[0].decision).toBe('approved');

    const photo = await uploadPhoto(wangjing);
    expect((await ok(wangjing, c.id, 'submit-feedback', { summary: '已临时回填', isSolved: false, attachmentIds: [photo] })).status).toBe('feedback');
    expect((await ok(dispatcher, c.id, 'send-back', { reason: '未彻底修复，请重办' })).status).toBe('handling');
    await ok(wangjing, c.id, 'submit-feedback', { summary: '已重新铺装路面', isSolved: true, attachmentIds: [await uploadPhoto(wangjing)] });
    const closed = await ok(dispatcher, c.id, 'close');
    expect(closed.status).toBe('closed');

    // Every requester gets feedback: the merged request closed with its parent.
    const child = (await dispatcher.get(`/api/cases/${repeat.id}`)).json();
    expect(child.status).toBe('closed');
    const outbox = await env.rt.ctx.db.selectFrom('notification_outbox').select(['case_id', 'kind']).where('kind', '=', 'requester_feedback').execute();
    expect(outbox.map((o) => o.case_id).sort()).toEqual([c.id, repeat.id].sort());

    const timeline = (await dispatcher.get(`/api/cases/${c.id}/timeline`)).json();
    const actions = timeline.events.map((e: { action: string }) => e.action);
    expect(actions).toEqual([
      'intake',
      'dispatch',
      'link_child',
      'sign',
      'contact',
      'whistle',
      'whistle_report',
      'request_extension',
      'approve_extension',
      'submit_feedback',
      'send_back',
      'submit_feedback',
      'close',
    ]);
    expect(timeline.events[3]).toMatchObject({ fromStatus: 'dispatched', toStatus: 'signed', actor: { username: 'wangjing.handler' } });

    // An illegal transition is refused with its code and changes nothing.
    const before = await historyCount(env, c.id);
    const illegal = await act(wangjing, c.id, 'sign');
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error.code).toBe('ILLEGAL_TRANSITION');
    expect(await historyCount(env, c.id)).toBe(before);
  });
});

describe('confidentiality and scope', () => {
  it('masks the requester except for the centre and the lead handler, and logs unmasked views', async () => {
    const c = await takeIn();
    await ok(dispatcher, c.id, 'dispatch', { lead: '110105026', coHandlers: ['110105001'] });
    const audit = () => env.rt.ctx.db.selectFrom('audit_log').select('actor_username').where('action', '=', 'requester.view_unmasked').where('target_id', '=', c.id).execute();
    const before = (await audit()).length;

    const lead = (await wangjing.get(`/api/cases/${c.id}`)).json();
    expect(lead.requester).toMatchObject({ name: '张三丰', phone: '13812341234', isMasked: false });
    const co = (await jianwai.get(`/api/cases/${c.id}`)).json();
    expect(co.requester).toMatchObject({ name: '张**', phone: '138****1234', isMasked: true });
    const district = await env.as('cy.leader');
    expect((await district.get(`/api/cases/${c.id}`)).json().requester.phone).toBe('138****1234');
    const analyst = await env.as('analyst');
    expect((await analyst.get(`/api/cases/${c.id}`)).json().requester.isMasked).toBe(true);

    const viewers = (await audit()).slice(before).map((r) => r.actor_username);
    expect(viewers).toEqual(['wangjing.handler']);
  });

  it("refuses a case outside the actor's area", async () => {
    const c = await takeIn();
    await ok(dispatcher, c.id, 'dispatch', { lead: '110105026' });
    const dongcheng = await env.as('admin');
    await dongcheng.post('/api/users', {
      username: 'dongcheng.handler',
      displayName: '东华门 承办人',
      unitCode: '110101001',
      roles: ['handler'],
      password: 'long-enough-password',
    });
    const outsider = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'dongcheng.handler', password: 'long-enough-password' } });
    const token = outsider.json().token;
    const res = await env.app.inject({ method: 'GET', url: `/api/cases/${c.id}`, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('OUT_OF_SCOPE');
    const list = await env.app.inject({ method: 'GET', url: '/api/cases', headers: { authorization: `Bearer ${token}` } });
    expect(list.json().total).toBe(0);
  });
});

describe('queues', () => {
  it("shows a unit's inbox and the centre's dispatch queue", async () => {
    const fresh = await takeIn();
    const toSign = await takeIn();
    await ok(dispatcher, toSign.id, 'dispatch', { lead: '110105026' });
    const inbox = (await wangjing.get('/api/queues/inbox')).json();
    expect(inbox.toSign.map((c: { id: string }) => c.id)).toContain(toSign.id);
    expect(inbox.dueSoon.length + inbox.toSign.length).toBeGreaterThan(0);
    const queue = (await dispatcher.get('/api/queues/dispatch')).json();
    expect(queue.toDispatch.map((c: { id: string }) => c.id)).toContain(fresh.id);
    expect(queue.toDispatch.map((c: { id: string }) => c.id)).not.toContain(toSign.id);
    expect((await wangjing.get('/api/queues/dispatch')).statusCode).toBe(403);
  });
});

describe('the case as the API presents it', () => {
  // The response schema (contracts CaseDetailSchema) is also the serialiser: a field it lacked
  // would be dropped silently. Every case this file made (returns, disputes, rulings, whistles,
  // extensions, feedback reviews, merges, attachments) must come back exactly as stored.
  it('drops nothing the stored state holds, and the timeline carries every history row', async () => {
    const ids = (await env.rt.ctx.db.selectFrom('cases').select('id').execute()).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) {
      const res = await dispatcher.get(`/api/cases/${id}`);
      expect(res.statusCode, res.body).toBe(200);
      const { requester, allowedActions, supervisableClocks, ...presented } = res.json() as Record<string, unknown>;
      const stored = await env.rt.ctx.repos.cases.load(id);
      const { requester: storedRequester, ...state } = JSON.parse(JSON.stringify(stored?.state)) as Record<string, unknown>;
      expect(presented, id).toEqual(state);
      expect(requester).toMatchObject(storedRequester as object);
      expect(Array.isArray(allowedActions) && typeof supervisableClocks === 'object').toBe(true);
      const timeline = (await dispatcher.get(`/api/cases/${id}/timeline`)).json() as { events: unknown[] };
      expect(timeline.events.length, id).toBe(await historyCount(env, id));
    }
  });
});
