// Abuse and bad luck (#11): brute force against login and public tracking with a rotating
// X-Forwarded-For, the per-account lockout and its lifting, an idempotency key reused with a
// different body, attachments by id across scopes, and a notification sender that always fails.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app';
import { DEMO_PASSWORD } from '../../src/seed/seed-demo';
import type { OutboxMessage } from '../../src/adapters/notification-sender';
import { deliverNotifications } from '../../src/use-cases/notifications/deliver-notifications';
import { intakeBody, multipart, PNG, uploadPhoto } from '../case-helpers';
import { type Client, clientFor, type TestEnv, startTestEnv } from '../harness';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ config: { loginRateLimit: 10, publicRateLimit: 20, loginMaxFailures: 5 } });
}, 120_000);
afterAll(async () => env?.close());

const rotating = (i: number) => ({ 'x-forwarded-for': `203.0.${Math.floor(i / 250)}.${i % 250}` });

describe('brute force with a rotating X-Forwarded-For', () => {
  it('limits login guesses per address (the forged header is not believed) and locks the account', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', headers: rotating(i), payload: { username: 'visitor', password: `guess-${i}` } });
      statuses.push(res.statusCode);
    }
    const count = (s: number) => statuses.filter((x) => x === s).length;
    console.log(`login brute force, 30 guesses from rotating X-Forwarded-For: 401×${count(401)} 423×${count(423)} 429×${count(429)}`);
    expect(count(401)).toBe(4); // the 5th failure locks the account
    expect(count(423)).toBe(6); // locked until the address limit (10/min) cuts in
    expect(count(429)).toBe(20);
    const row = await env.rt.ctx.db.selectFrom('users').select(['failed_logins', 'locked_until']).where('username', '=', 'visitor').executeTakeFirstOrThrow();
    expect(row.failed_logins).toBeGreaterThanOrEqual(5);
    expect(row.locked_until).not.toBeNull();
  });

  it('keeps the account locked even for the right password until an administrator lifts it (audited)', async () => {
    // a fresh address (a new app on the same database) so the per-address limit is not in the way
    const app2 = await buildApp({ ctx: env.rt.ctx, consoleDir: null, portalDir: null });
    await app2.ready();
    const right = await app2.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'visitor', password: DEMO_PASSWORD } });
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
    const visitor = await env.rt.ctx.repos.users.findByUsername('visitor');
    const adminLogin = await app2.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: DEMO_PASSWORD } });
    const adminToken = adminLogin.json<{ token: string }>().token;
    const opLogin = await app2.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'operator', password: DEMO_PASSWORD } });
    const refused = await app2.inject({ method: 'DELETE', url: `/api/lockouts/${visitor?.id}`, headers: { authorization: `Bearer ${opLogin.json<{ token: string }>().token}` } });
    expect(refused.statusCode).toBe(403);
    const lifted = await app2.inject({ method: 'DELETE', url: `/api/lockouts/${visitor?.id}`, headers: { authorization: `Bearer ${adminToken}` } });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json()).toEqual({ userId: visitor?.id, wasLocked: true });
    const audit = await env.rt.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username'])
      .where('target_id', '=', visitor?.id as string)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.locked', 'auth.unlock']));
    expect((await app2.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'visitor', password: DEMO_PASSWORD } })).statusCode).toBe(200);
    await app2.close();
  });

  it('limits tracking guesses per address; the phone digits are no proof', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/public/track',
        headers: rotating(i),
        payload: { caseNumber: '20261201-000001', trackingToken: `guess-${String(i).padStart(6, '0')}` },
      });
      statuses.push(res.statusCode);
    }
    const count = (s: number) => statuses.filter((x) => x === s).length;
    console.log(`tracking brute force, 40 guesses from rotating X-Forwarded-For: 404×${count(404)} 429×${count(429)}`);
    expect(count(404)).toBe(20);
    expect(count(429)).toBe(20);
  });
});

/** The rest of the file logs in freely: an app over the same database with the limits lifted. */
let open: FastifyInstance;
async function as(username: string): Promise<Client> {
  if (!open) {
    open = await buildApp({ ctx: { ...env.rt.ctx, config: { ...env.rt.ctx.config, loginRateLimit: 100_000, publicRateLimit: 100_000 } }, consoleDir: null, portalDir: null });
    await open.ready();
  }
  const res = await open.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
  return clientFor(open, res.json<{ token: string }>().token);
}
afterAll(async () => open?.close());

describe('idempotency and attachments', () => {
  it('refuses the same Idempotency-Key with a different body, and replays the same one', async () => {
    const op = await as('operator');
    const send = (body: object) => op.request({ method: 'POST', url: '/api/cases', payload: body, headers: { 'idempotency-key': 'intake-abc-1' } });
    const first = await send(intakeBody());
    expect(first.statusCode).toBe(201);
    const replay = await send(intakeBody());
    expect(replay.json().id).toBe(first.json().id);
    const different = await send(intakeBody({ subject: '另一件事：路灯不亮' }));
    expect(different.statusCode).toBe(422);
    expect(different.json().error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'Idempotency-Key' });
  });

  it("lets nobody attach another's upload or download a case's file outside its scope", async () => {
    const op = await as('operator');
    const wangjing = await as('wangjing.handler');
    const jianwai = await as('jianwai.handler');
    const photo = await uploadPhoto(op);
    // before a case holds it, only the uploader sees it
    expect((await jianwai.get(`/api/attachments/${photo}`)).statusCode).toBe(404);
    const c = (await op.post('/api/cases', intakeBody({ attachmentIds: [photo] }))).json();
    expect((await (await as('dispatcher')).post(`/api/cases/${c.id}/dispatch`, { lead: '110105026' })).statusCode).toBe(200);
    expect((await wangjing.get(`/api/attachments/${photo}`)).statusCode).toBe(200);
    expect((await wangjing.get(`/api/attachments/${photo.toUpperCase()}`)).statusCode).toBe(200);
    expect((await jianwai.get(`/api/attachments/${photo}`)).statusCode).toBe(404);
    // naming the id of someone else's file on one's own case does not claim it
    const own = (await op.post('/api/cases', intakeBody({ subject: '别的诉求' }))).json();
    const note = await wangjing.post(`/api/cases/${own.id}/note`, { note: '看看这张', attachmentIds: [photo] });
    expect(note.statusCode).toBeGreaterThanOrEqual(400);
    expect(note.statusCode).toBeLessThan(500);
    const stolen = await op.post('/api/cases', intakeBody({ subject: '再来一件', attachmentIds: [photo] }));
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().error.field).toBe('attachmentIds');
  });

  it('expires uploads that nothing used', async () => {
    const op = await as('operator');
    const m = multipart('file', 'orphan.png', 'image/png', PNG);
    const orphan = (await op.request({ method: 'POST', url: '/api/attachments?kind=photo', payload: m.payload, headers: m.headers })).json().id as string;
    const { expireOrphanUploads } = await import('../../src/use-cases/attachments/download-attachment');
    const realNow = env.rt.ctx.now;
    env.rt.ctx.now = () => new Date(realNow().getTime() + 25 * 3600_000);
    const removed = await expireOrphanUploads(env.rt.ctx);
    env.rt.ctx.now = realNow;
    expect(removed).toBeGreaterThanOrEqual(1);
    expect((await op.get(`/api/attachments/${orphan}`)).statusCode).toBe(404);
  });
});

describe('notification outbox', () => {
  it('delivers the others while one message keeps failing, and the failing row shows its error', async () => {
    const op = await as('operator');
    const dispatcher = await as('dispatcher');
    for (let i = 0; i < 3; i++) {
      const c = (await op.post('/api/cases', intakeBody({ subject: `路面破损 ${i}` }))).json();
      expect((await dispatcher.post(`/api/cases/${c.id}/dispatch`, { lead: '110105026' })).statusCode).toBe(200);
    }
    const pending = await env.rt.ctx.db.selectFrom('notification_outbox').select('id').where('delivered_at', 'is', null).orderBy('id').execute();
    expect(pending.length).toBeGreaterThan(2);
    const poison = pending[0]?.id as number;
    const sent: number[] = [];
    const sender = {
      send: async (m: OutboxMessage) => {
        if (m.id === poison) throw new Error('SMS gateway: number refused');
        sent.push(m.id);
      },
    };
    // batches of 1: the failing message must not stand in front of the others
    let rounds = 0;
    while (rounds++ < pending.length + 2) await deliverNotifications(env.rt.ctx, { sender, batchSize: 1 });
    expect(sent.sort((a, b) => a - b)).toEqual(pending.map((p) => p.id).filter((id) => id !== poison));
    const row = await env.rt.ctx.repos.notifications.deliveryState(poison);
    console.log(
      `failing sender: ${sent.length} others delivered; failing row attempts=${row?.attempts} last_error="${row?.last_error}" next_attempt_at=${row?.next_attempt_at?.toISOString()}`,
    );
    expect(row).toMatchObject({ attempts: 1, last_error: 'SMS gateway: number refused', delivered_at: null });
    expect(row?.next_attempt_at?.getTime()).toBeGreaterThan(Date.now() + 20_000);
  });
});
