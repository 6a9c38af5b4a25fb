// Side effects after commit: notifications written with each decision are delivered by a job
// through a pluggable sender, each exactly once; a failed delivery stays for the next round; a
// unit reads its own notifications.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OutboxMessage } from '../src/adapters/notification-sender';
import { deliverNotifications } from '../src/use-cases/notifications/deliver-notifications';
import { intakeBody } from './case-helpers';
import { type TestEnv, startTestEnv } from './harness';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => env?.close());

it('delivers each notification once, keeps failed ones, and shows a unit its own', async () => {
  const operator = await env.as('operator');
  const dispatcher = await env.as('dispatcher');
  const wangjing = await env.as('wangjing.handler');
  const jianwai = await env.as('jianwai.handler');
  const c = (await operator.post('/api/cases', intakeBody())).json();
  expect((await dispatcher.post(`/api/cases/${c.id}/dispatch`, { lead: '110105026' })).statusCode).toBe(200);

  const mine = (await wangjing.get('/api/notifications')).json();
  expect(mine.items.map((n: { kind: string; caseId: string }) => [n.kind, n.caseId])).toContainEqual(['assigned', c.id]);
  expect(mine.items[0].caseNumber).toBe(c.caseNumber);
  expect((await jianwai.get('/api/notifications')).json().items).toEqual([]);

  const failing = { send: async () => Promise.reject(new Error('gateway down')) };
  const failed = await deliverNotifications(env.rt.ctx, { sender: failing });
  expect(failed.delivered).toBe(0);
  expect(failed.failed).toBeGreaterThan(0);

  // a failed message waits (backoff) before its next attempt: retry once that time has come
  const realNow = env.rt.ctx.now;
  env.rt.ctx.now = () => new Date(realNow().getTime() + 10 * 60_000);
  const sent: OutboxMessage[] = [];
  const recording = { send: async (m: OutboxMessage) => void sent.push(m) };
  const first = await deliverNotifications(env.rt.ctx, { sender: recording });
  expect(first.delivered).toBe(failed.failed);
  expect(sent.some((m) => m.kind === 'assigned' && m.unitCode === '110105026' && m.caseId === c.id)).toBe(true);
  const again = await deliverNotifications(env.rt.ctx, { sender: recording });
  expect(again).toEqual({ delivered: 0, failed: 0 });
  expect(new Set(sent.map((m) => m.id)).size).toBe(sent.length);
  expect((await wangjing.get('/api/notifications')).json().items[0].deliveredAt).not.toBeNull();
  env.rt.ctx.now = realNow;
});
