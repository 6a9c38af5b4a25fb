// The buttons the console shows on a case are the case's `allowedActions` (the console adds and
// removes none). For the Chaoyang district dispatcher (cy.dispatcher), a street handler
// (wangjing.handler) and the centre dispatcher on cases in four statuses: every action offered is
// accepted by the server (tried on a fresh case in the same status), and every action not offered
// is refused with a 4xx that changes nothing.
import { HTTP_CASE_ACTIONS, type HttpCaseAction } from '@jiesu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeBody, uploadPhoto } from './case-helpers';
import { type Client, type TestEnv, startTestEnv } from './harness';

let env: TestEnv;
const users: Record<string, Client> = {};
const USERS = ['cy.dispatcher', 'wangjing.handler', 'dispatcher'] as const;
type User = (typeof USERS)[number];
const STATUSES = ['received', 'dispatched', 'handling', 'feedback'] as const;
type Status = (typeof STATUSES)[number];
let parentCaseId = '';
const photos: Partial<Record<User, string>> = {};
/** What the test saw, printed at the end for the record (docs/cases.md quotes it). */
const seen: string[] = [];

beforeAll(async () => {
  env = await startTestEnv();
  for (const u of [...USERS, 'operator']) users[u] = await env.as(u);
  for (const u of USERS) photos[u] = await uploadPhoto(users[u]!);
  parentCaseId = (await users.operator!.post('/api/cases', intakeBody({ subject: '另一件诉求' }))).json().id;
});
afterAll(async () => {
  if (seen.length > 0) console.log(`allowed actions by viewer and status:\n${seen.join('\n')}`);
  await env?.close();
});

async function step(c: Client, id: string, action: string, body: Record<string, unknown> = {}) {
  const res = await c.post(`/api/cases/${id}/${action.replace(/_/g, '-')}`, body);
  if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
}

/** A new case brought to `status` through the API. */
async function caseIn(status: Status): Promise<string> {
  const id = (await users.operator!.post('/api/cases', intakeBody())).json().id as string;
  if (status === 'received') return id;
  await step(users.dispatcher!, id, 'dispatch', { lead: '110105026' });
  if (status === 'dispatched') return id;
  await step(users['wangjing.handler']!, id, 'sign');
  await step(users['wangjing.handler']!, id, 'contact', { method: 'phone' });
  if (status === 'handling') return id;
  await step(users['wangjing.handler']!, id, 'submit_feedback', { summary: '已修补路面', isSolved: true });
  return id;
}

interface Shown {
  version: number;
  allowedActions: HttpCaseAction[];
  supervisableClocks: { remind: string[]; escalate: string[] };
  clocks: Array<{ key: string; status: string }>;
}

async function view(user: User, id: string): Promise<Shown> {
  const res = await users[user]!.get(`/api/cases/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Shown;
}

/** A well-formed body for each action, so a refusal is about who or when, never about the body's shape. */
function bodyFor(action: HttpCaseAction, user: User, shown: Shown): Record<string, unknown> {
  const clock = (kind: 'remind' | 'escalate') => shown.supervisableClocks[kind][0] ?? shown.clocks.find((k) => k.status === 'running')?.key ?? 'dispatch';
  switch (action) {
    case 'answer':
      return { text: '已电话答复诉求人。' };
    case 'dispatch':
      return { lead: '110105026' };
    case 'redispatch':
      return { lead: '110105001', reason: '属地调整' };
    case 'sign':
    case 'acknowledge':
    case 'accept_return':
    case 'approve_extension':
    case 'close':
      return {};
    case 'return':
      return { reason: '不属于本单位职责', attachmentIds: [photos[user]] };
    case 'refuse_return':
    case 'refuse_extension':
    case 'send_back':
      return { reason: '理由不充分' };
    case 'open_dispute':
      return { parties: ['110105026', '110105001'] };
    case 'rule_dispute':
      return { lead: '110105026', basis: '按属地裁定' };
    case 'add_co_handler':
      return { units: ['110105026034'] };
    case 'contact':
      return { method: 'phone' };
    case 'note':
      return { note: '已联系物业' };
    case 'whistle':
      return { units: ['D110000-SWJ'], reason: '需要水务部门到场' };
    case 'whistle_report':
      return { whistleId: 1 };
    case 'request_extension':
      return { amount: 2, unit: 'calendar_days', reason: '需等待施工队' };
    case 'submit_feedback':
      return { summary: '已修补路面', isSolved: true };
    case 'merge':
      return { parentCaseId };
    case 'remind':
      return { clockKey: clock('remind') };
    case 'escalate':
      return { clockKey: clock('escalate') };
  }
}

describe('allowedActions is what the server accepts', () => {
  for (const user of USERS) {
    for (const status of STATUSES) {
      it(`${user} on a ${status} case`, async () => {
        const id = await caseIn(status);
        const shown = await view(user, id);
        seen.push(`${user.padEnd(17)} ${status.padEnd(10)} ${shown.allowedActions.join(', ') || '(none)'}`);
        for (const action of HTTP_CASE_ACTIONS) {
          if (shown.allowedActions.includes(action)) {
            // Offered → accepted, on a fresh case in the same status (an action changes the case).
            const fresh = await caseIn(status);
            const res = await users[user]!.post(`/api/cases/${fresh}/${action.replace(/_/g, '-')}`, bodyFor(action, user, await view(user, fresh)));
            expect(res.statusCode, `${user} was offered ${action} on a ${status} case but: ${res.body}`).toBe(200);
          } else {
            // Not offered → refused, and the case is unchanged.
            const res = await users[user]!.post(`/api/cases/${id}/${action.replace(/_/g, '-')}`, bodyFor(action, user, shown));
            expect(res.statusCode, `${user} was not offered ${action} on a ${status} case, yet the server accepted it`).toBeGreaterThanOrEqual(400);
            expect(res.statusCode).toBeLessThan(500);
            expect((await view(user, id)).version).toBe(shown.version);
          }
        }
      });
    }
  }
});
