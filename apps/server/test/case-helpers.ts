// Helpers for case tests: a valid intake body, multipart uploads, counting rows.
import type { TestEnv, Client } from './harness';

export function intakeBody(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'phone',
    kind: 'complaint',
    categoryCode: '010101',
    urgency: 'general',
    requester: { name: '张三丰', phone: '13812341234', isAnonymous: false },
    subject: '小区门口道路破损',
    detail: '花家地西里三区门口路面塌陷一个大坑，晚上行人容易摔倒，请尽快修补。',
    location: { address: '朝阳区望京街道花家地西里三区5号楼', districtCode: '110105', streetCode: '110105026', communityCode: '110105026034' },
    ...overrides,
  };
}

export function multipart(fieldName: string, filename: string, contentType: string, content: Buffer) {
  const boundary = `----jiesu${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${fieldName}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A tiny valid PNG (1×1). */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export async function uploadPhoto(c: Client): Promise<string> {
  const m = multipart('file', 'evidence.png', 'image/png', PNG);
  const res = await c.request({ method: 'POST', url: '/api/attachments?kind=photo', payload: m.payload, headers: m.headers });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

export async function historyCount(env: TestEnv, caseId?: string): Promise<number> {
  let q = env.rt.ctx.db.selectFrom('case_history').select((eb) => eb.fn.countAll<number>().as('n'));
  if (caseId) q = q.where('case_id', '=', caseId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function caseCount(env: TestEnv): Promise<number> {
  return Number(
    (
      await env.rt.ctx.db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/**
 * Takes a phoned-in case through the whole loop to 已办结 over HTTP — dispatched to 望京街道, signed,
 * the requester contacted, feedback with a photo, closed by the dispatcher — and returns its id.
 */
export async function closedCase(env: TestEnv, body: Record<string, unknown> = intakeBody()): Promise<string> {
  const operator = await env.as('operator');
  const dispatcher = await env.as('dispatcher');
  const handler = await env.as('wangjing.handler');
  const made = await operator.post('/api/cases', body);
  if (made.statusCode !== 201) throw new Error(`intake: ${made.statusCode} ${made.body}`);
  const caseId = made.json<{ id: string }>().id;
  const photo = await uploadPhoto(handler);
  for (const [who, action, actionBody] of [
    [dispatcher, 'dispatch', { lead: '110105026' }],
    [handler, 'sign', {}],
    [handler, 'contact', { method: 'phone' }],
    [handler, 'submit-feedback', { summary: '已修补路面', isSolved: true, attachmentIds: [photo] }],
    [dispatcher, 'close', {}],
  ] as const) {
    const r = await who.post(`/api/cases/${caseId}/${action}`, actionBody);
    if (r.statusCode !== 200) throw new Error(`${action}: ${r.statusCode} ${r.body}`);
  }
  return caseId;
}
