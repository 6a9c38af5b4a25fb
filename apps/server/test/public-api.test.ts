// The portal's public API (/api/public) through app.inject: categories, photo upload (refused
// when too large or not a photo, before anything is kept), submit, track with and without the
// right phone digits or tracking code, rating only after closure and only once, the published
// rankings, and the public rate limit. Runs on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/http/app';
import { statusOf } from '../src/http/error-status';
import { multipart, PNG } from './case-helpers';
import { type TestEnv, startTestEnv } from './harness';
import { closeCase } from './open311-helpers';

let env: TestEnv;
let serviceCode: string;
let submitted: { caseNumber: string; trackingToken: string };

const json = (method: 'GET' | 'POST', url: string, payload?: object) => env.app.inject({ method, url, ...(payload ? { payload } : {}) });
const attachmentCount = async () => (await env.rt.ctx.db.selectFrom('attachments').select('id').execute()).length;

async function upload(name: string, type: string, content: Buffer) {
  const m = multipart('file', name, type, content);
  return env.app.inject({ method: 'POST', url: '/api/public/uploads', payload: m.payload, headers: m.headers });
}

beforeAll(async () => {
  env = await startTestEnv({ config: { publicRateLimit: 100_000 } });
});
afterAll(async () => {
  await env?.close();
});

describe('submit', () => {
  it('lists the categories a resident may choose', async () => {
    const res = await json('GET', '/api/public/services');
    expect(res.statusCode).toBe(200);
    const list = res.json() as Array<{ serviceCode: string; name: string; group: string }>;
    expect(list.length).toBeGreaterThan(10);
    serviceCode = (list.find((s) => s.serviceCode.startsWith('0101')) ?? list[0])?.serviceCode as string;
  });

  it('refuses an upload that is not a photo, or too large, and keeps nothing', async () => {
    const before = await attachmentCount();
    const text = await upload('notes.txt', 'text/plain', Buffer.from('hello'));
    expect(text.statusCode).toBe(statusOf('ATTACHMENT_TYPE_NOT_ALLOWED'));
    expect(text.json().error.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    const pdf = await upload('scan.pdf', 'application/pdf', Buffer.from('%PDF-1.4'));
    expect(pdf.json().error.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    const big = await upload('huge.jpg', 'image/jpeg', Buffer.alloc(9 * 1024 * 1024, 1));
    expect(big.statusCode).toBe(statusOf('ATTACHMENT_TOO_LARGE'));
    expect(big.json().error.code).toBe('ATTACHMENT_TOO_LARGE');
    const notMultipart = await json('POST', '/api/public/uploads', { file: 'x' });
    expect(notMultipart.statusCode).toBe(400);
    // Residents read these messages as they are: Chinese first (the English after).
    const empty = await upload('empty.jpg', 'image/jpeg', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    for (const r of [text, big, notMultipart, empty]) expect(r.json().error.message, r.body).toMatch(/^[\u4e00-\u9fff]/);
    expect(big.json().error.message).toContain('照片不能超过 8 MB');
    expect(empty.json().error).toMatchObject({ field: 'file', message: expect.stringContaining('照片是空的') });
    expect(await attachmentCount()).toBe(before);
  });

  it('takes a request with a photo in and returns its number and tracking code', async () => {
    const photo = await upload('pothole.png', 'image/png', PNG);
    expect(photo.statusCode, photo.body).toBe(201);
    const bad = await json('POST', '/api/public/requests', { serviceCode, detail: '路面', address: '望京' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('body.detail');
    const unknown = await json('POST', '/api/public/requests', { serviceCode: 'nope', detail: '路面有个大坑很危险', address: '望京' });
    expect(unknown.statusCode).toBe(404);
    const res = await json('POST', '/api/public/requests', {
      serviceCode,
      detail: '花家地西里三区门口路面塌陷，晚上行人容易摔倒。',
      address: '朝阳区望京街道花家地西里三区5号楼',
      coordinates: { lat: 39.99, lng: 116.47 },
      name: '李四',
      phone: '139 1234 5678',
      photoIds: [photo.json().id],
    });
    expect(res.statusCode, res.body).toBe(201);
    submitted = res.json();
    expect(submitted.caseNumber).toMatch(/^\d{8}-\d{6}$/);
    expect(submitted.trackingToken.length).toBeGreaterThanOrEqual(16);
    const id = (await env.rt.ctx.repos.cases.findIdByNumber(submitted.caseNumber)) as string;
    const state = (await env.rt.ctx.repos.cases.load(id))?.state;
    expect(state?.channel).toBe('web');
    expect(state?.attachments.map((a) => a.id)).toEqual([photo.json().id]);
    expect(state?.location.streetCode).toBe('110105026');
    expect(state?.receivedBy.username).toBe('portal');
  });
});

describe('track', () => {
  it('shows status and public history with the tracking code, alone or with the case number', async () => {
    const withNumber = await json('POST', '/api/public/track', { caseNumber: submitted.caseNumber, trackingToken: submitted.trackingToken });
    expect(withNumber.statusCode, withNumber.body).toBe(200);
    expect(withNumber.json()).toMatchObject({ caseNumber: submitted.caseNumber, status: 'received', statusLabel: '已受理', isOpen: true, canRate: false, rating: null });
    expect(withNumber.json().events.map((e: { text: string }) => e.text)).toEqual(['诉求已受理']);
    expect(withNumber.body).not.toContain('李四');
    // the phone in any spelling, whole or masked (a bare '1234' could sit in the random tracking code)
    expect(withNumber.body).not.toMatch(/139\s?1234|1234\s?5678|\*{4}/);
    const byToken = await json('POST', '/api/public/track', { trackingToken: submitted.trackingToken });
    expect(byToken.json().caseNumber).toBe(submitted.caseNumber);
  });

  it('answers a wrong code, a code with another number and an unknown number alike, and needs the code', async () => {
    const wrong = await json('POST', '/api/public/track', { caseNumber: submitted.caseNumber, trackingToken: 'not-the-right-token' });
    const otherNumber = await json('POST', '/api/public/track', { caseNumber: '20200101-000001', trackingToken: submitted.trackingToken });
    const badToken = await json('POST', '/api/public/track', { trackingToken: 'not-the-right-token' });
    for (const r of [wrong, otherNumber, badToken]) {
      expect(r.statusCode).toBe(404);
      expect(r.json().error.message).toBe(wrong.json().error.message);
    }
    // the phone's last four digits (10,000 values) are no longer a proof
    expect((await json('POST', '/api/public/track', { caseNumber: submitted.caseNumber })).statusCode).toBe(400);
    expect((await json('POST', '/api/public/track', { caseNumber: submitted.caseNumber, phoneLast4: '5678' })).statusCode).toBe(400);
    expect((await json('POST', '/api/public/track', { caseNumber: 'x', trackingToken: submitted.trackingToken })).statusCode).toBe(400);
  });
});

describe('rate', () => {
  const rating = () => ({ caseNumber: submitted.caseNumber, trackingToken: submitted.trackingToken, satisfaction: 'satisfied', comment: '修得很快，谢谢！' });

  it('refuses a rating before the case is closed', async () => {
    const early = await json('POST', '/api/public/ratings', rating());
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('ILLEGAL_TRANSITION');
  });

  it('takes one rating after closure, shows it, and refuses a second', async () => {
    await closeCase(env, submitted.caseNumber);
    const tracked = await json('POST', '/api/public/track', { trackingToken: submitted.trackingToken });
    expect(tracked.json()).toMatchObject({ status: 'closed', isOpen: false, canRate: true });
    const texts = tracked.json().events.map((e: { text: string }) => e.text);
    expect(texts).toEqual(['诉求已受理', '已派至 望京街道 办理', '望京街道 已签收', '承办单位已与诉求人联系', '已办结：已修补路面坑洞']);
    expect(tracked.body).not.toContain('内部备注');
    expect((await json('POST', '/api/public/ratings', { ...rating(), satisfaction: 'great' })).statusCode).toBe(400);
    expect((await json('POST', '/api/public/ratings', { ...rating(), trackingToken: 'not-the-right-token' })).statusCode).toBe(404);
    const first = await json('POST', '/api/public/ratings', rating());
    expect(first.statusCode, first.body).toBe(201);
    const again = await json('POST', '/api/public/ratings', { ...rating(), satisfaction: 'dissatisfied' });
    expect(again.statusCode).toBe(409);
    const after = await json('POST', '/api/public/track', { trackingToken: submitted.trackingToken });
    expect(after.json()).toMatchObject({ canRate: false, rating: { satisfaction: 'satisfied', comment: '修得很快，谢谢！' } });
  });
});

describe('rankings and limits', () => {
  it('serves the published rankings in the documented shape', async () => {
    const res = await json('GET', '/api/public/rankings');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ periods: expect.any(Array), classes: expect.any(Array) });
    expect((await json('GET', '/api/public/rankings?period=bad')).statusCode).toBe(400);
  });

  it('answers 429 once a client passes the public rate limit', async () => {
    const ctx = env.rt.ctx;
    const limited = await buildApp({ ctx: { ...ctx, config: { ...ctx.config, publicRateLimit: 2 } }, portalDir: null });
    try {
      const track = () => limited.inject({ method: 'POST', url: '/api/public/track', payload: { caseNumber: submitted.caseNumber, trackingToken: 'not-the-right-token' } });
      expect((await track()).statusCode).toBe(404);
      expect((await track()).statusCode).toBe(404);
      const limitedRes = await track();
      expect(limitedRes.statusCode).toBe(429);
      expect(limitedRes.json().error.code).toBe('RATE_LIMITED');
      for (let i = 0; i < 2; i++) await limited.inject({ method: 'GET', url: '/api/public/services' });
      expect((await limited.inject({ method: 'GET', url: '/api/public/services' })).statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
