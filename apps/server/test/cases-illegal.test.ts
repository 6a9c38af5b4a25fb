// Every action refused in every status a case can reach over HTTP: the stable code from the
// transition table, and nothing written (no history row, same version). The pure core tests the
// same matrix cell by cell; this proves the HTTP layer and the transaction keep it so.
import { CASE_STATUSES, type CaseAction, type CaseStatus, canTakeAction, refusalCode } from '@jiesu/core';
import { HTTP_CASE_ACTIONS } from '@jiesu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markScoredCases } from '../src/use-cases/scoring/mark-scored-cases';
import { historyCount, intakeBody, uploadPhoto } from './case-helpers';
import { type Client, type TestEnv, startTestEnv } from './harness';

let env: TestEnv;
let operator: Client;
let dispatcher: Client;
let wangjing: Client;
let visitor: Client;
const caseIn = new Map<CaseStatus, string>();
let openParent = '';

const BODIES: Record<(typeof HTTP_CASE_ACTIONS)[number], () => Record<string, unknown>> = {
  answer: () => ({ text: '答复' }),
  dispatch: () => ({ lead: '110105026' }),
  redispatch: () => ({ lead: '110105026', reason: '改派' }),
  sign: () => ({}),
  return: () => ({ reason: '退单' }),
  accept_return: () => ({}),
  refuse_return: () => ({ reason: '不同意' }),
  open_dispute: () => ({ parties: ['110105001', '110105026'] }),
  rule_dispute: () => ({ lead: '110105026', basis: '裁定' }),
  acknowledge: () => ({}),
  add_co_handler: () => ({ units: ['110105001'] }),
  contact: () => ({}),
  note: () => ({ note: '备注' }),
  whistle: () => ({ units: ['D110000-SWJ'], reason: '吹哨' }),
  whistle_report: () => ({ whistleId: 1 }),
  request_extension: () => ({ amount: 1, unit: 'hours', reason: '延期' }),
  approve_extension: () => ({}),
  refuse_extension: () => ({ reason: '不批' }),
  submit_feedback: () => ({ summary: '办结', isSolved: true }),
  close: () => ({}),
  send_back: () => ({ reason: '重办' }),
  merge: () => ({ parentCaseId: openParent }),
  remind: () => ({ clockKey: 'dispatch' }),
  escalate: () => ({ clockKey: 'dispatch' }),
};

async function step(c: Client, id: string, action: string, body: Record<string, unknown> = {}) {
  const res = await c.post(`/api/cases/${id}/${action}`, body);
  if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
}

async function newCase(overrides: Record<string, unknown> = {}): Promise<string> {
  return (await operator.post('/api/cases', intakeBody(overrides))).json().id;
}

// A fixed clock: the scored case needs its evaluation period (2026-12: Nov 19 – Dec 18) published,
// which is allowed only once the period has ended.
let clock = new Date('2026-11-25T10:00:00+08:00');

beforeAll(async () => {
  env = await startTestEnv({ now: () => clock, config: { sessionTtlHours: 24 * 90 } });
  operator = await env.as('operator');
  dispatcher = await env.as('dispatcher');
  wangjing = await env.as('wangjing.handler');
  visitor = await env.as('visitor');
  openParent = await newCase();

  caseIn.set('received', await newCase());
  const answered = await newCase({ kind: 'consultation' });
  await step(dispatcher, answered, 'answer', { text: '已答复' });
  caseIn.set('answered', answered);

  const dispatched = await newCase();
  await step(dispatcher, dispatched, 'dispatch', { lead: '110105026' });
  caseIn.set('dispatched', dispatched);

  const returned = await newCase();
  await step(dispatcher, returned, 'dispatch', { lead: '110105026' });
  await step(wangjing, returned, 'return', { reason: '非本辖区', attachmentIds: [await uploadPhoto(wangjing)] });
  caseIn.set('returned', returned);

  const disputed = await newCase();
  await step(dispatcher, disputed, 'dispatch', { lead: '110105026' });
  await step(wangjing, disputed, 'return', { reason: '非本辖区', attachmentIds: [await uploadPhoto(wangjing)] });
  await step(dispatcher, disputed, 'open-dispute', { parties: ['110105001', '110105026'] });
  caseIn.set('disputed', disputed);

  const signed = await newCase();
  await step(dispatcher, signed, 'dispatch', { lead: '110105026' });
  await step(wangjing, signed, 'sign');
  caseIn.set('signed', signed);

  const handling = await newCase();
  await step(dispatcher, handling, 'dispatch', { lead: '110105026' });
  await step(wangjing, handling, 'sign');
  await step(wangjing, handling, 'contact');
  caseIn.set('handling', handling);

  const feedback = await newCase();
  await step(dispatcher, feedback, 'dispatch', { lead: '110105026' });
  await step(wangjing, feedback, 'sign');
  await step(wangjing, feedback, 'contact');
  await step(wangjing, feedback, 'submit-feedback', { summary: '已处理', isSolved: true });
  caseIn.set('feedback', feedback);

  const closed = await newCase();
  await step(dispatcher, closed, 'dispatch', { lead: '110105026' });
  await step(wangjing, closed, 'sign');
  await step(wangjing, closed, 'contact');
  await step(wangjing, closed, 'submit-feedback', { summary: '已处理', isSolved: true });
  await step(dispatcher, closed, 'close');
  caseIn.set('closed', closed);

  const scored = await newCase();
  await step(dispatcher, scored, 'dispatch', { lead: '110105026' });
  await step(wangjing, scored, 'sign');
  await step(wangjing, scored, 'contact');
  await step(wangjing, scored, 'submit-feedback', { summary: '已处理', isSolved: true });
  await step(dispatcher, scored, 'close');
  const scoredVisit = await visitor.post(`/api/visits/${scored}/attempts`, { result: 'reached', isContacted: true, isSolved: true, satisfaction: 'satisfied' });
  if (scoredVisit.statusCode !== 200) throw new Error(`visit: ${scoredVisit.statusCode} ${scoredVisit.body}`);
  clock = new Date('2026-12-20T10:00:00+08:00');
  const published = await (await env.as('evaluator')).post('/api/scoring/periods/2026-12/publications', {});
  if (published.statusCode !== 201) throw new Error(`publish: ${published.statusCode} ${published.body}`);
  const marked = await markScoredCases(env.rt.ctx);
  if (marked.scored < 1) throw new Error(`no case was marked scored: ${JSON.stringify(marked)}`);
  caseIn.set('scored', scored);

  // After the publication: this case's period (2027-01) is not published, so it stays visited.
  const visited = await newCase();
  await step(dispatcher, visited, 'dispatch', { lead: '110105026' });
  await step(wangjing, visited, 'sign');
  await step(wangjing, visited, 'contact');
  await step(wangjing, visited, 'submit-feedback', { summary: '已处理', isSolved: true });
  await step(dispatcher, visited, 'close');
  const visit = await visitor.post(`/api/visits/${visited}/attempts`, { result: 'reached', isContacted: true, isSolved: true, satisfaction: 'satisfied' });
  if (visit.statusCode !== 200) throw new Error(`visit: ${visit.statusCode} ${visit.body}`);
  caseIn.set('visited', visited);

  const merged = await newCase();
  await step(dispatcher, merged, 'merge', { parentCaseId: openParent });
  caseIn.set('merged', merged);
}, 120_000);
afterAll(async () => env?.close());

describe('illegal transitions over HTTP', () => {
  it('reaches every status (scored: once its period is published)', () => {
    expect([...caseIn.keys()].sort()).toEqual([...CASE_STATUSES].sort());
  });

  it('marks the visited cases of a published period scored, once, through the decider', async () => {
    const id = caseIn.get('scored') as string;
    const timeline = (await dispatcher.get(`/api/cases/${id}/timeline`)).json();
    expect(timeline.events.at(-1)).toMatchObject({ action: 'score', fromStatus: 'visited', toStatus: 'scored', actor: { username: 'system' } });
    expect(timeline.events.at(-1).data.periodKey).toBe('2026-12');
    expect(await markScoredCases(env.rt.ctx)).toEqual({ scored: 0, skipped: 0 });
  });

  it('refuses every action not allowed in each status, with its code, writing nothing', async () => {
    let refused = 0;
    for (const [status, id] of caseIn) {
      const before = (await dispatcher.get(`/api/cases/${id}`)).json();
      expect(before.status).toBe(status);
      const rows = await historyCount(env, id);
      const parentRows = await historyCount(env, openParent);
      for (const action of HTTP_CASE_ACTIONS) {
        if (canTakeAction(status, action as CaseAction)) continue;
        const res = await dispatcher.post(`/api/cases/${id}/${action.replace(/_/g, '-')}`, BODIES[action]());
        const expected = refusalCode(status, action as CaseAction) ?? 'ILLEGAL_TRANSITION';
        expect(res.json().error?.code, `${action} in ${status}: ${res.body}`).toBe(expected);
        expect([409, 422]).toContain(res.statusCode);
        refused++;
      }
      const after = (await dispatcher.get(`/api/cases/${id}`)).json();
      expect(after.version).toBe(before.version);
      expect(after.status).toBe(status);
      expect(await historyCount(env, id)).toBe(rows);
      expect(await historyCount(env, openParent)).toBe(parentRows);
    }
    console.log(`illegal transitions refused over HTTP: ${refused}`);
    expect(refused).toBeGreaterThan(200);
  }, 120_000);
});
