// The case policy is data: an administrator changes a clock and the next case runs on it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { intakeBody } from './case-helpers';
import { type TestEnv, startTestEnv } from './harness';

let env: TestEnv;
const NOW = new Date('2026-11-24T10:00:00+08:00');
beforeAll(async () => {
  env = await startTestEnv({ now: () => NOW });
});
afterAll(async () => env?.close());

it('applies an administrator’s clock to cases taken in afterwards, and refuses bad policies', async () => {
  const admin = await env.as('admin');
  const operator = await env.as('operator');
  const current = (await admin.get('/api/settings/case-policy')).json();
  expect(current.isDefault).toBe(true);
  expect(current.policy.clocks.byUrgency.general.dispatch).toEqual({ amount: 24, unit: 'hours' });

  const { timeZone: _tz, ...policy } = current.policy;
  policy.clocks.byUrgency.general.dispatch = { amount: 2, unit: 'hours' };
  expect((await operator.put('/api/settings/case-policy', policy)).statusCode).toBe(403);
  const bad = structuredClone(policy);
  bad.clocks.byUrgency.general.sign = { amount: 30, unit: 'calendar_days' };
  const refused = await admin.put('/api/settings/case-policy', bad);
  expect(refused.statusCode).toBe(400);
  expect(refused.json().error.field).toBe('body.clocks.byUrgency.general');
  const unknownField = await admin.put('/api/settings/case-policy', { ...policy, maxExtentions: 3 });
  expect(unknownField.json().error.field).toBe('body.maxExtentions');

  const saved = await admin.put('/api/settings/case-policy', policy);
  expect(saved.statusCode).toBe(200);
  expect(saved.json()).toMatchObject({ isDefault: false, updatedBy: 'admin' });

  const c = (await operator.post('/api/cases', intakeBody())).json();
  const dispatch = c.clocks.find((k: { key: string }) => k.key === 'dispatch');
  // Received 10:00 +08 with a 2-hour dispatch clock → due 12:00 +08 = 04:00Z.
  expect(dispatch.dueAt).toBe('2026-11-24T04:00:00.000Z');
});
