// Browser journey of 居民议事会 at a phone's size (390×844) in headless Chromium: the community
// handler schedules a meeting in the console, puts two cases and a supported resident proposal on
// its agenda, opens the session, takes a motion that passes and one that fails (the result states
// the rule applied), concludes an item (its requester is told) and sets a follow-up task; then the
// public community page on the portal shows it without personal data. Cases and the proposal are
// set up through the API. Screenshots: docs/screenshots/console-meeting.png and
// portal-community.png with JIESU_UPDATE_SCREENSHOTS=1.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeBody } from '../case-helpers';
import type { TestEnv } from '../harness';
import { type BrowserEnv, eventually, logIn, pageWidth, phoneContext, runsBrowser, startBrowserEnv, WAIT_MS } from './browser-env';
import { screenshotDir } from './screenshots';

const SHOTS = screenshotDir();
const COMMUNITY = '110105026034';
let web: BrowserEnv | undefined;
let env: TestEnv;
let browser: Browser;
let base = '';
const cases: Array<{ id: string; caseNumber: string }> = [];
let proposalId = '';

async function as(username: string) {
  const c = await env.as(username);
  return {
    post: async (url: string, payload: object) => {
      const r = await c.post(url, payload);
      if (r.statusCode >= 300) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
      return r.json() as Record<string, unknown>;
    },
  };
}

beforeAll(async () => {
  if (!runsBrowser) return;
  web = await startBrowserEnv(['console', 'portal'], { config: { publicRateLimit: 100_000 } });
  ({ env, browser, base } = web);
  const [operator, dispatcher, wangjing, huajiadi] = [await as('operator'), await as('dispatcher'), await as('wangjing.handler'), await as('huajiadi.handler')];
  for (const [subject, name, phone] of [
    ['5号楼前树木遮挡路灯', '张三丰', '13812341234'],
    ['3号楼纱窗破损蚊虫进屋', '李秋菊', '13698765432'],
  ] as const) {
    const c = (await operator.post('/api/cases', intakeBody({ subject, requester: { name, phone, isAnonymous: false } }))) as { id: string; caseNumber: string };
    await dispatcher.post(`/api/cases/${c.id}/dispatch`, { lead: '110105026', coHandlers: [COMMUNITY] });
    await wangjing.post(`/api/cases/${c.id}/sign`, {});
    cases.push(c);
  }
  const submitted = await env.app.inject({
    method: 'POST',
    url: '/api/public/proposals',
    payload: { communityCode: COMMUNITY, title: '楼下加装休息座椅', detail: '老人多，建议在5号楼前加装两张长椅。', name: '赵秀兰', phone: '13911112222' },
  });
  proposalId = submitted.json<{ proposalId: string }>().proposalId;
  await huajiadi.post(`/api/deliberation/proposals/${proposalId}/open`, {});
  for (let i = 1; i <= 6; i++) await env.app.inject({ method: 'POST', url: `/api/public/proposals/${proposalId}/support`, payload: { phone: `1370000000${i}` } });
}, 240_000);

afterAll(async () => {
  await web?.close();
});

async function phone(path: string): Promise<Page> {
  const page = await (await phoneContext(browser)).newPage();
  page.setDefaultTimeout(WAIT_MS);
  await page.goto(`${base}${path}`);
  return page;
}

async function dialog(page: Page, fill: Record<string, string>): Promise<void> {
  const modal = page.locator('.ant-modal:visible');
  await modal.waitFor();
  for (const [name, value] of Object.entries(fill)) await modal.getByTestId(`field-${name}`).fill(value);
  await modal.getByTestId('dialog-ok').click();
  await modal.waitFor({ state: 'hidden' });
}

describe.runIf(runsBrowser)('居民议事会 on a phone (390×844)', () => {
  it('the community runs a meeting in the console: agenda, motions and votes, conclusion, follow-up', async () => {
    const page = await logIn(browser, base, 'huajiadi.handler', { phone: true });
    await page.goto(`${base}/deliberation/meetings`);
    await page.getByTestId('schedule-meeting').click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByTestId('field-title').fill('12月居民议事会：树木修剪与纱窗更换');
    await modal.getByTestId('field-scheduledAt').fill('2026-12-08T15:00');
    await modal.getByTestId('field-place').fill('花家地西里社区活动室');
    await modal.getByTestId('field-chairName').fill('王建国');
    await modal.getByTestId('schedule-form-ok').click();
    await page.getByTestId('meeting-page').waitFor();

    for (const c of cases) {
      await page.getByTestId('add-case-item').click();
      await dialog(page, { caseNumber: c.caseNumber });
    }
    await page.getByTestId('add-proposal-item').click();
    await page.locator('.ant-modal:visible .ant-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '楼下加装休息座椅' }).click();
    await page.locator('.ant-modal:visible').getByTestId('dialog-ok').click();
    await eventually(() => page.getByTestId('agenda-item').count()).toBe(3);

    await page.getByTestId('meeting-start').click();
    await eventually(() => page.getByTestId('meeting-status').textContent()).toBe('进行中');

    const item = (i: number) => page.getByTestId('agenda-item').nth(i);
    const vote = async (i: number, text: string, by: string, second: string, counts: Record<string, string>) => {
      await item(i).getByTestId('move-motion').click();
      await dialog(page, { text, movedBy: by });
      await item(i).getByTestId('motion-second').click();
      await dialog(page, { secondedBy: second });
      await item(i).getByTestId('motion-discuss').click();
      await item(i).getByTestId('motion-vote').click();
      await dialog(page, counts);
      return (await item(i).getByTestId('vote-result').textContent()) ?? '';
    };
    const passed = await vote(0, '请物业在5月底前修剪5号楼前树木', '刘阿姨', '陈师傅', { for: '9', against: '2', abstain: '1', present: '12' });
    const failed = await vote(1, '由社区公益金统一为3号楼更换纱窗', '周大姐', '吴先生', { for: '4', against: '5', abstain: '3', present: '12' });
    console.log(`[must-show] console passed: ${passed}`);
    console.log(`[must-show] console failed: ${failed}`);
    expect(passed).toContain('基数 11，需赞成 6 —— 通过');
    expect(failed).toContain('基数 9，需赞成 5 —— 未通过');

    await item(0).getByTestId('save-minutes').waitFor();
    await item(0).getByTestId('minutes').fill('居民12人到会，物业经理列席，一致认为须在夏季前修剪。');
    await item(0).getByTestId('save-minutes').click();
    await item(0).getByTestId('conclude-item').click();
    await dialog(page, { summary: '物业于5月31日前修剪5号楼前树木，社区监督。' });
    await eventually(() => item(0).getByText('已告知结果').count()).toBe(1);
    await item(0).getByTestId('add-follow-up').click();
    await dialog(page, { title: '联系物业确定修剪方案并公示', dueAt: '2026-12-20T18:00' });
    await eventually(() => item(0).getByTestId('follow-ups').getByText('联系物业确定修剪方案并公示').count()).toBe(1);
    await page.getByTestId('meeting-close').click();
    await eventually(() => page.getByTestId('meeting-status').textContent()).toBe('已结束');
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 12_000 }).toBe(0);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: `${SHOTS}console-meeting.png`, fullPage: true });

    // the API agrees with what the screen showed
    const told = await env.rt.ctx.db.selectFrom('notification_outbox').select('case_id').where('kind', '=', 'requester_outcome').execute();
    expect(told.map((r) => r.case_id)).toEqual([cases[0]?.id]);
  });

  it('the public community page at phone size shows the meeting, votes, tasks and proposals — no personal data', async () => {
    const page = await phone(`/portal/#/community?code=${COMMUNITY}`);
    await page.getByTestId('community-page').waitFor();
    const text = (await page.locator('body').innerText()) ?? '';
    expect(text).toContain('12月居民议事会');
    expect(text).toContain('联系物业确定修剪方案并公示');
    expect(text).toContain('6 人附议');
    for (const personal of ['张三丰', '李秋菊', '赵秀兰', '王建国', '刘阿姨', '陈师傅', '138', '139', cases[0]?.caseNumber ?? 'x']) expect(text).not.toContain(personal);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}portal-community.png`, fullPage: true });
    await page.getByTestId('portal-lang').click();
    await eventually(() => page.locator('body').innerText()).toContain('Decisions');
  });
});
