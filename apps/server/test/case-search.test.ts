// GET /api/cases as a list and as search (#15, #17): keyset pages that never skip or repeat a case
// even when many share one timestamp; a capped total said to be exact or not; q finding a case by
// its whole number, its trailing digits, the requester's phone (only for those who may see it),
// an address fragment and words, ranked; and bad cursors refused with the field named.
// Runs on PGlite and PostgreSQL.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../src/repositories/keyset';
import { intakeBody } from './case-helpers';
import { type Client, type TestEnv, startTestEnv } from './harness';

let env: TestEnv;
let operator: Client;
let dispatcher: Client;
let analyst: Client;
let wangjing: Client;
let jianwai: Client;
let huajiadi: Client;

type Item = { id: string; caseNumber: string; matched?: string[] };
type ListPage = { items: Item[]; total: number; totalExact: boolean; nextCursor: string | null };

const JIANWAI = { address: '朝阳区建外街道永安里东街8号', districtCode: '110105', streetCode: '110105001' };
const cases: Record<string, { id: string; caseNumber: string }> = {};

async function takeIn(key: string, overrides: Record<string, unknown>) {
  const res = await operator.post('/api/cases', intakeBody(overrides));
  expect(res.statusCode, res.body).toBe(201);
  cases[key] = res.json() as { id: string; caseNumber: string };
}

async function list(c: Client, query: Record<string, string | number>): Promise<ListPage> {
  const res = await c.get(`/api/cases?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString()}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ListPage;
}

const ids = (p: ListPage) => p.items.map((i) => i.id);

beforeAll(async () => {
  env = await startTestEnv();
  operator = await env.as('operator');
  dispatcher = await env.as('dispatcher');
  analyst = await env.as('analyst');
  wangjing = await env.as('wangjing.handler');
  jianwai = await env.as('jianwai.handler');
  huajiadi = await env.as('huajiadi.handler');

  // In 花家地西里 (望京 street), phone 13900001111, words in the subject.
  await takeIn('noise', {
    subject: '楼上噪音扰民',
    detail: '每天深夜楼上装修电钻声音很大，无法休息。',
    requester: { name: '李四', phone: '139-0000-1111', isAnonymous: false },
  });
  // In 建外 street: the same word only in the detail, another requester.
  await takeIn('jianwai', {
    subject: '夜间施工',
    detail: '工地夜间施工噪音很大。',
    requester: { name: '王五', phone: '13700002222', isAnonymous: false },
    location: JIANWAI,
  });
  // 花家地 again, nothing about noise; an anonymous requester with the same phone as 'noise'.
  await takeIn('road', { requester: { name: null, phone: '13900001111', isAnonymous: true } });
  const d = await dispatcher.post(`/api/cases/${cases.noise!.id}/dispatch`, { lead: '110105026' });
  expect(d.statusCode, d.body).toBe(200);
  const r = await dispatcher.post(`/api/cases/${cases.road!.id}/dispatch`, { lead: '110105026' });
  expect(r.statusCode, r.body).toBe(200);
});
afterAll(async () => {
  await env?.close();
});

describe('keyset pages', () => {
  it('walks 150 cases that share one timestamp, 7 at a time, seeing each exactly once', async () => {
    // Copies of one case with new ids and numbers and the SAME received_at: an ordering by time
    // alone would skip and repeat rows across pages (#11 item 4); the id tie-breaker must not.
    await sql`
      insert into cases (id, case_number, status, version, channel, kind, category_code, urgency, subject, district_code, street_code,
        community_code, location_path, lead_unit_code, live_unit_codes, pending_unit_codes, unit_paths, scope_codes, search_vector,
        requester_phone, is_requester_anonymous, address, has_pending_extension, is_overdue, received_at, state)
      select gen_random_uuid(), '20200101-' || lpad(g::text, 6, '0'), 'closed', version, channel, kind, category_code, urgency, '批量 ' || g,
        district_code, street_code, community_code, location_path, null, '{}', '{}', unit_paths, scope_codes, '', null, false, address, false, false,
        timestamptz '2020-01-01 08:00:00.123456+08', state
      from cases, generate_series(1, 150) g where cases.id = ${cases.road!.id}::uuid`.execute(env.rt.ctx.db);
    // Expected independently of scope_codes: the stored paths under the street's path.
    const expected = await sql<{ id: string }>`
      select id from cases where exists (select 1 from unnest(unit_paths) p where p like (select path from units where code = '110105026') || '%')`.execute(env.rt.ctx.db);
    expect(expected.rows.length).toBeGreaterThanOrEqual(152);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: ListPage = await list(wangjing, { limit: 7, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(7);
      expect(page.total).toBe(expected.rows.length);
      expect(page.totalExact).toBe(true);
      seen.push(...ids(page));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 100);
    expect(seen.length).toBe(expected.rows.length);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(expected.rows.map((r) => r.id)));
    // Newest first: the three cases taken in today come before the 2020 copies.
    expect(seen.slice(0, 2).sort()).toEqual([cases.noise!.id, cases.road!.id].sort());
  });

  it('scopes the list to the subtree: a community handler sees its community, not the next street', async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ListPage = await list(huajiadi, { limit: 100, ...(cursor ? { cursor } : {}) });
      all.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(all).toContain(cases.noise!.id);
    expect(all).not.toContain(cases.jianwai!.id);
    expect(ids(await list(jianwai, { limit: 100 }))).toEqual([cases.jianwai!.id]);
  });

  it('refuses a cursor it did not make, naming the field, and a ranked cursor on the plain list', async () => {
    for (const bad of [
      'nonsense',
      Buffer.from('["r","2026-13-45 00:00:00+00","x"]').toString('base64url'),
      Buffer.from('["r","0000-01-01 00:00:00+00","00000000-0000-0000-0000-000000000000"]').toString('base64url'),
    ]) {
      const res = await wangjing.get(`/api/cases?cursor=${bad}`);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.field).toBe('querystring.cursor');
    }
    const ranked = await list(operator, { q: '花家地', limit: 1 });
    expect(ranked.nextCursor).not.toBeNull();
    const res = await operator.get(`/api/cases?cursor=${ranked.nextCursor}`);
    expect(res.statusCode).toBe(400);
    expect((await operator.get('/api/cases?offset=10')).statusCode).toBe(400);
  });
});

describe('search', () => {
  it('finds a case by its whole number and by its trailing digits', async () => {
    const whole = await list(wangjing, { q: cases.noise!.caseNumber });
    expect(whole.items[0]?.id).toBe(cases.noise!.id);
    expect(whole.items[0]?.matched).toContain('caseNumber');
    const tail = cases.noise!.caseNumber.slice(-6);
    const byTail = await list(operator, { q: tail });
    expect(ids(byTail)).toContain(cases.noise!.id);
    expect(byTail.items.every((i) => i.caseNumber.endsWith(tail) || !i.matched?.includes('caseNumber'))).toBe(true);
  });

  it('finds a case by requester phone only for those who may see the requester, without echoing it', async () => {
    const centre = await list(operator, { q: '13900001111' });
    expect(ids(centre).sort()).toEqual([cases.noise!.id, cases.road!.id].sort());
    expect(JSON.stringify(centre)).not.toContain('13900001111');
    // The lead unit's handler finds the case it leads, but not the anonymous requester's.
    expect(ids(await list(wangjing, { q: '139 0000 1111' }))).toEqual([cases.noise!.id]);
    // Not the lead: in scope (the location), yet the phone finds nothing; an analyst neither.
    expect(ids(await list(huajiadi, { q: '13900001111' }))).toEqual([]);
    expect(ids(await list(analyst, { q: '13900001111' }))).toEqual([]);
    expect(ids(await list(jianwai, { q: '13700002222' }))).toEqual([]);
  });

  it('finds cases by an address fragment and by words, the subject ranked above the detail', async () => {
    const place = await list(operator, { q: '花家地', limit: 500 });
    expect(ids(place)).toContain(cases.noise!.id);
    expect(ids(place)).toContain(cases.road!.id);
    expect(ids(place)).not.toContain(cases.jianwai!.id);
    expect(place.items.find((i) => i.id === cases.road!.id)?.matched).toContain('address');

    const noise = await list(operator, { q: '噪音' });
    expect(ids(noise)).toEqual([cases.noise!.id, cases.jianwai!.id]);
    expect(noise.total).toBe(2);
    expect(noise.totalExact).toBe(true);
    const phrase = await list(operator, { q: '楼上噪音扰民' });
    expect(ids(phrase)).toEqual([cases.noise!.id]);
    expect(phrase.items[0]?.matched).toEqual(['words']);
    // A phrase of several words that an address holds is still asked as an address too.
    const street = await list(operator, { q: '永安里东街8号' });
    expect(ids(street)).toEqual([cases.jianwai!.id]);
    expect(street.items[0]?.matched).toContain('address');
    // Scope still applies to search.
    expect(ids(await list(jianwai, { q: '噪音' }))).toEqual([cases.jianwai!.id]);
  });

  it('pages a ranked search with its own cursor, each hit once', async () => {
    const first = await list(operator, { q: '花家地', limit: 50 });
    const seen = [...ids(first)];
    let cursor = first.nextCursor;
    while (cursor) {
      const p = await list(operator, { q: '花家地', limit: 50, cursor });
      seen.push(...ids(p));
      cursor = p.nextCursor;
    }
    expect(seen.length).toBe(first.total);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('says on every page of a ranked search the total of all its matches, as SQL counts them', async () => {
    // Enough word matches for several pages of 2 (the page and its count come from one pass).
    for (let i = 0; i < 4; i++) await takeIn(`leak${i}`, { subject: `楼道水管漏水${i}`, detail: '楼道里的水管一直漏水。' });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from cases where subject like '%漏水%' or state->>'detail' like '%漏水%'`.execute(env.rt.ctx.db);
    const expected = rows[0]!.n;
    expect(expected).toBeGreaterThanOrEqual(4);
    const totals: number[] = [];
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p: ListPage = await list(operator, { q: '漏水', limit: 2, ...(cursor ? { cursor } : {}) });
      totals.push(p.total);
      seen.push(...ids(p));
      cursor = p.nextCursor;
    } while (cursor);
    expect(totals.length).toBeGreaterThanOrEqual(2);
    expect(new Set(totals)).toEqual(new Set([expected]));
    expect(new Set(seen).size).toBe(expected);
    // A cursor below every match (score 0) finds no row to carry the count: the total is still said.
    const pastTheEnd = encodeCursor('s', [0, '2000-01-01 00:00:00+00', '00000000-0000-0000-0000-000000000000']);
    const empty = await list(operator, { q: '漏水', limit: 2, cursor: pastTheEnd });
    expect(empty.items).toEqual([]);
    expect(empty.total).toBe(expected);
    expect(empty.nextCursor).toBeNull();
  });
});
