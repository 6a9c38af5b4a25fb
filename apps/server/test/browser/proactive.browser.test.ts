// 未诉先办 in headless Chromium: a community handler on a phone (390×844) records a patrol with a
// camera photo and turns the finding into a proactive case, which is then dispatched, handled and
// closed through the ordinary lifecycle; the street leader on a desktop sees the zones (with the
// gaps), a warning with its ECharts evidence, and the measures.
// Screenshots: docs/screenshots/console-proactive-*.png with JIESU_UPDATE_SCREENSHOTS=1.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG, uploadPhoto } from '../case-helpers';
import type { Client, TestEnv } from '../harness';
import { type BrowserEnv, logIn as logInAs, pageWidth, runsBrowser, startBrowserEnv } from './browser-env';
import { screenshotDir } from './screenshots';

const SHOTS = screenshotDir();
const WANGJING = '110105026';
const HUAJIADI = '110105026034';
const SEEN = '3号楼东侧井盖松动，老人经过容易绊倒';

let web: BrowserEnv | undefined;
let env: TestEnv;
let browser: Browser;
let base = '';
let category: { code: string; name: string };

beforeAll(async () => {
  if (!runsBrowser) return;
  web = await startBrowserEnv(['console']);
  ({ env, browser, base } = web);
  const db = env.rt.ctx.db;
  category = await db
    .selectFrom('categories as c')
    .select(['c.code', 'c.name'])
    .where('c.is_active', '=', true)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('categories as k').select('k.code').whereRef('k.parent_code', '=', 'c.code'))))
    .orderBy('c.code')
    .executeTakeFirstOrThrow();
  const admin = await env.as('admin');
  expect((await admin.put(`/api/duty-lists/${HUAJIADI}`, { categoryPrefixes: [category.code] })).statusCode).toBe(200);
  const leader = await env.as('wangjing.leader');
  const leaderId = (await db.selectFrom('users').select('id').where('username', '=', 'wangjing.leader').executeTakeFirstOrThrow()).id;
  const communities = (await leader.get(`/api/proactive/streets/${WANGJING}/zones`)).json<{ communities: Array<{ code: string }> }>().communities.map((c) => c.code);
  const others = communities.filter((c) => c !== HUAJIADI);
  const term = { termStart: '2026-01-01', termEnd: '2027-12-31' };
  expect(
    (
      await leader.post(`/api/proactive/streets/${WANGJING}/zones`, {
        name: '北片',
        communityCodes: [HUAJIADI, ...others.slice(0, 4)],
        leaderUserId: leaderId,
        team: [{ name: '城管科 张科长' }, { name: '社区书记 王芳' }],
        ...term,
      })
    ).statusCode,
  ).toBe(201);
  expect(
    (
      await leader.post(`/api/proactive/streets/${WANGJING}/zones`, {
        name: '南片',
        communityCodes: others.slice(4, 12),
        leaderUserId: leaderId,
        team: [{ name: '平安办 李主任' }],
        ...term,
      })
    ).statusCode,
  ).toBe(201);
}, 240_000);

afterAll(async () => {
  await web?.close();
});

const logIn = (username: string, phone: boolean): Promise<Page> => logInAs(browser, base, username, phone ? { phone } : { context: { viewport: { width: 1280, height: 860 } } });

const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: `${SHOTS}console-proactive-${name}.png`, fullPage });

async function act(c: Client, caseId: string, action: string, body: Record<string, unknown> = {}) {
  const res = await c.post(`/api/cases/${caseId}/${action}`, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json<{ status: string }>();
}

describe.runIf(runsBrowser)('未诉先办 in the console (headless Chromium)', () => {
  let caseNumber = '';

  it('a community handler records a patrol on a phone and turns the finding into a proactive case', async () => {
    const page = await logIn('huajiadi.handler', true);
    await page.goto(`${base}/patrol`);
    await page.getByTestId('patrol-community').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '花家地西里' }).first().click();
    await page.getByTestId('patrol-observations').fill(SEEN);
    const input = page.getByTestId('patrol-photo');
    expect(await input.getAttribute('capture')).toBe('environment');
    expect(await input.getAttribute('accept')).toBe('image/*');
    await input.setInputFiles({ name: 'manhole.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('patrol-photo-count').waitFor();
    await shot(page, 'patrol-form');
    await page.getByTestId('patrol-save').click();
    await page.getByTestId('patrol-saved').waitFor();
    await page.getByTestId('patrol-category').click();
    await page.keyboard.type(category.name);
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: category.name }).first().click();
    await page.getByTestId('patrol-to-case').click();
    const made = page.getByTestId('patrol-case');
    await made.waitFor();
    caseNumber = ((await made.locator('a').textContent()) ?? '').trim();
    expect(caseNumber).toMatch(/^\d{8}-\d{6,}$/);
    await page.waitForTimeout(300);
    await shot(page, 'patrol-case', true);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await page.context().close();
  });

  it('the proactive case is dispatched, handled and closed like any case', async () => {
    const [dispatcher, centre, handler] = (await Promise.all(['cy.dispatcher', 'dispatcher', 'huajiadi.handler'].map((u) => env.as(u)))) as [Client, Client, Client];
    const found = await centre.get(`/api/cases/by-number/${caseNumber}`);
    expect(found.statusCode).toBe(200);
    const c = found.json<{ id: string; channel: string; status: string; attachments: unknown[]; requester: unknown }>();
    expect(c).toMatchObject({ channel: 'proactive', status: 'received' });
    expect(c.attachments).toHaveLength(1);
    await act(dispatcher, c.id, 'dispatch', { lead: HUAJIADI });
    await act(handler, c.id, 'sign');
    await act(handler, c.id, 'contact', { method: 'visit' });
    await act(handler, c.id, 'submit-feedback', { summary: '已联系物业加固井盖', isSolved: true, attachmentIds: [await uploadPhoto(handler)] });
    expect((await act(centre, c.id, 'close')).status).toBe('closed');
  });

  it('the street leader sees zones and gaps, a warning with its evidence chart, and the measures', async () => {
    // Planted history for a warning: one request a week for a year, then 12 in the last week.
    const db = env.rt.ctx.db;
    const now = env.rt.ctx.now();
    const times: Date[] = [];
    for (let w = 1; w <= 60; w++) times.push(new Date(now.getTime() - (7 * w + 3) * 86_400_000));
    for (let d = 0; d < 12; d++) times.push(new Date(now.getTime() - (1 + (d % 6)) * 86_400_000 - d * 3600_000));
    for (const [i, t] of times.entries()) {
      await db
        .insertInto('cases')
        .values({
          id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
          case_number: `20200101-9${String(i).padStart(5, '0')}`,
          status: 'received',
          version: 1,
          channel: 'phone',
          kind: 'complaint',
          category_code: category.code,
          urgency: 'general',
          subject: '楼道堆物',
          district_code: '110105',
          street_code: WANGJING,
          community_code: HUAJIADI,
          location_path: null,
          lead_unit_code: null,
          live_unit_codes: [],
          pending_unit_codes: [],
          unit_paths: [],
          has_pending_extension: false,
          is_overdue: false,
          parent_case_id: null,
          idempotency_key: null,
          received_at: t,
          closed_at: null,
          state: '{}',
        })
        .execute();
    }
    const page = await logIn('wangjing.leader', false);
    await page.goto(`${base}/proactive`);
    await page.getByTestId('zone-gaps').waitFor();
    await page.getByText('北片').first().waitFor();
    await shot(page, 'zones');

    await page.getByRole('tab', { name: '预警' }).click();
    await page.getByRole('button', { name: '立即扫描' }).click();
    await page.locator('.ant-table-row', { hasText: '花家地西里' }).first().click();
    await page.locator('.ant-drawer canvas').first().waitFor();
    await page.waitForTimeout(800);
    await shot(page, 'warning');
    await page.getByRole('button', { name: '转为包干任务' }).click();
    await page.locator('.ant-table-row', { hasText: '已转任务' }).first().waitFor();

    await page.getByRole('tab', { name: '成效' }).click();
    await page.getByText('巡查覆盖率').first().waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'measures');
    const found = await page.locator('.ant-statistic', { hasText: '主动发现' }).locator('.ant-statistic-content-value').textContent();
    expect(found?.trim()).toBe('1');
    await page.context().close();
  });
});
