// Access matrix (role × endpoint × unit scope), attachments included: users of the centre, a
// district, two streets, a community and a department read cases and their files in and out of
// their subtree; every cell's expected answer is worked out from where the case sits, not from the
// code under test. Also 30 crossed merges (X→Y while Y→X): never a 500.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { intakeBody, uploadPhoto } from '../case-helpers';
import { type Client, type TestEnv, startTestEnv } from '../harness';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
}, 120_000);
afterAll(async () => env?.close());

/** Who may see a case dispatched to a street: the centre, that street's district, that street and its communities where it sits. */
const USERS: Record<string, { sees: (street: string) => boolean }> = {
  admin: { sees: () => true },
  dispatcher: { sees: () => true },
  'cy.dispatcher': { sees: () => true }, // both streets are in 朝阳区
  'wangjing.handler': { sees: (s) => s === '110105026' },
  'jianwai.handler': { sees: (s) => s === '110105001' },
  'huajiadi.handler': { sees: (s) => s === '110105026' }, // the case sits in 花家地西里 when it is 望京's
  'water.handler': { sees: () => false },
};

it('answers every role × endpoint × scope cell as the tree says, files included, with 0 leaks', async () => {
  const op = await env.as('operator');
  const dispatcher = await env.as('dispatcher');
  const cases: Array<{ id: string; street: string; photo: string }> = [];
  for (const [street, community, address] of [
    ['110105026', '110105026034', '朝阳区望京街道花家地西里三区5号楼'],
    ['110105001', null, '朝阳区建外街道建国门外大街1号'],
  ] as const) {
    const photo = await uploadPhoto(op);
    const c = (
      await op.post('/api/cases', intakeBody({ attachmentIds: [photo], location: { address, districtCode: '110105', streetCode: street, communityCode: community } }))
    ).json();
    expect((await dispatcher.post(`/api/cases/${c.id}/dispatch`, { lead: street })).statusCode).toBe(200);
    cases.push({ id: c.id, street, photo });
  }
  const clients: Record<string, Client> = {};
  for (const u of Object.keys(USERS)) clients[u] = await env.as(u);
  const endpoints = (c: { id: string; photo: string }) => [`/api/cases/${c.id}`, `/api/attachments/${c.photo}`, `/api/attachments/${c.photo.toUpperCase()}`];
  let cells = 0;
  const leaks: string[] = [];
  const wrongRefusals: string[] = [];
  for (const [u, rule] of Object.entries(USERS)) {
    for (const c of cases) {
      for (const url of endpoints(c)) {
        const res = await (clients[u] as Client).get(url);
        cells++;
        const allowed = rule.sees(c.street);
        if (!allowed && res.statusCode < 400) leaks.push(`${u} ${url} ${res.statusCode}`);
        if (allowed && res.statusCode !== 200) wrongRefusals.push(`${u} ${url} ${res.statusCode}`);
        expect(res.statusCode).toBeLessThan(500);
      }
    }
  }
  for (const c of cases) for (const url of endpoints(c)) expect((await env.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  console.log(
    `access matrix: ${Object.keys(USERS).length} users × ${cases.length} cases × 3 endpoints = ${cells} cells (+${cases.length * 3} anonymous); leaks ${leaks.length}; wrong refusals ${wrongRefusals.length}`,
  );
  expect(leaks).toEqual([]);
  expect(wrongRefusals).toEqual([]);
});

it('answers 30 crossed merges (X→Y while Y→X) without a 500', async () => {
  const op = await env.as('operator');
  const dispatcher = await env.as('dispatcher');
  const statuses = new Map<number, number>();
  for (let i = 0; i < 30; i++) {
    const x = (await op.post('/api/cases', intakeBody({ subject: `重复诉求 ${i}a` }))).json();
    const y = (await op.post('/api/cases', intakeBody({ subject: `重复诉求 ${i}b` }))).json();
    const [a, b] = await Promise.all([dispatcher.post(`/api/cases/${x.id}/merge`, { parentCaseId: y.id }), dispatcher.post(`/api/cases/${y.id}/merge`, { parentCaseId: x.id })]);
    for (const r of [a, b]) statuses.set(r.statusCode, (statuses.get(r.statusCode) ?? 0) + 1);
  }
  console.log(`crossed merges (${env.kind}): ${[...statuses.entries()].map(([s, n]) => `${s}×${n}`).join(' ')}`);
  expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
  expect(statuses.get(200)).toBeGreaterThanOrEqual(30);
});
