// A street handler's working day on a phone (390×844, zh-CN), in headless Chromium against the real
// server: the login page within its weight budget (< 300 KB transferred, compressed), the inbox as
// cards with the bell and the menu badge, two cases signed in one batch, then one case contacted and
// given feedback with a photo from the camera input; then found again by the server's search (trailing
// digits, an address word). Prints the bytes of /login and of the first
// screen after login. Screenshots: docs/screenshots/phone-*.png with JIESU_UPDATE_SCREENSHOTS=1.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/seed-demo';
import { intakeBody, PNG } from '../case-helpers';
import type { TestEnv } from '../harness';
import { eventually, runsBrowser, startBrowserEnv, submitModal, type BrowserEnv, WAIT_MS } from './browser-env';
import { screenshotDir } from './screenshots';
import { meterTransfer } from './transfer';

const SHOTS = screenshotDir();
const LOGIN_BUDGET = 300 * 1024;

let web: BrowserEnv | undefined;
let env: TestEnv;
let browser: Browser;
let base = '';
const numbers: string[] = [];

beforeAll(async () => {
  if (!runsBrowser) return;
  web = await startBrowserEnv(['console']);
  ({ env, browser, base } = web);
  // Two calls dispatched to 望京街道 this morning.
  const operator = await env.as('operator');
  const dispatcher = await env.as('dispatcher');
  for (const subject of ['小区门口人行道破损', '楼下路灯不亮']) {
    const c = (await operator.post('/api/cases', intakeBody({ subject }))).json<{ id: string; caseNumber: string }>();
    expect((await dispatcher.post(`/api/cases/${c.id}/dispatch`, { lead: '110105026' })).statusCode).toBe(200);
    numbers.push(c.caseNumber);
  }
}, 180_000);

afterAll(async () => {
  await web?.close();
});

describe.runIf(runsBrowser)('a street handler on a phone (390×844)', () => {
  it('logs in light, signs two cases at once, contacts the requester and gives feedback with a photo', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const meter = await meterTransfer(page);

    await page.goto(`${base}/login`, { waitUntil: 'networkidle' });
    const login = meter.read();
    console.log(`[weight] /login: ${login.bytes} bytes transferred in ${login.requests} requests ${JSON.stringify(login.byType)}`);
    expect(login.bytes).toBeLessThan(LOGIN_BUDGET);
    await page.screenshot({ path: `${SHOTS}phone-login.png` });

    meter.reset();
    await page.locator('#login-username').fill('wangjing.handler');
    await page.locator('#login-password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/inbox$/);
    const cards = page.getByTestId('case-card');
    await cards.filter({ hasText: numbers[0] }).waitFor();
    await page.waitForLoadState('networkidle');
    const first = meter.read();
    console.log(`[weight] first screen after login (/inbox): ${first.bytes} bytes transferred in ${first.requests} requests ${JSON.stringify(first.byType)}`);

    // Nothing on the page is wider than the phone (no clipped tables, no one-character header).
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(
      page
        .getByTestId('whoami')
        .boundingBox()
        .then((b) => b?.height ?? 99),
    ).resolves.toBeLessThan(40);
    // The bell counts the two new assignments; the folded menu carries the inbox badge.
    await eventually(() => page.getByTestId('bell').locator('xpath=..').locator('.ant-badge-count').textContent()).toBe('2');
    await page.screenshot({ path: `${SHOTS}phone-inbox.png` });

    // 批量签收: both cards ticked, one button.
    for (const n of numbers) await cards.filter({ hasText: n }).getByTestId('card-select').check();
    await page.getByTestId('batch-sign').click();
    await page.getByText('已完成 2').waitFor();
    await cards.first().waitFor({ state: 'detached' }); // the list reloads after the batch
    await expect(cards.count()).resolves.toBe(0);
    expect(await env.rt.ctx.db.selectFrom('cases').select('status').where('case_number', 'in', numbers).execute()).toEqual([{ status: 'signed' }, { status: 'signed' }]);

    // The first case, from 办理中: countdowns on its clocks, actions as full-width buttons.
    await page.getByRole('tab', { name: /办理中/ }).click();
    await cards.filter({ hasText: numbers[0] }).getByRole('link', { name: numbers[0] }).click();
    await page.getByTestId('case-number').waitFor();
    await page.getByTestId('countdown').first().waitFor();
    await eventually(() => page.getByTestId('requester-phone').textContent()).toBe('13812341234');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}phone-case.png` });

    await page.getByRole('button', { name: '联系诉求人' }).click();
    await submitModal(page);
    await page.locator('[data-testid="event-contact"]').waitFor();

    await page.getByRole('button', { name: '办结反馈' }).click();
    const modal = page.locator('.ant-modal');
    await modal.locator('textarea').first().fill('已组织施工队修补路面，并设置警示标志，现场已恢复通行。');
    // The camera button: an image input with capture=environment (the phone opens its camera).
    const camera = modal.locator('input[type=file][capture="environment"]');
    await expect(camera.getAttribute('accept')).resolves.toBe('image/*');
    await camera.setInputFiles({ name: 'repaired.png', mimeType: 'image/png', buffer: PNG });
    await modal.locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)').first().waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${SHOTS}phone-feedback.png` });
    await submitModal(page, modal);
    await page.locator('[data-testid="event-submit_feedback"]').waitFor();
    await eventually(() => page.locator('.ant-tag[data-status]').first().textContent()).toBe('待审核');
    // The timeline at 390 px: the time above each event, the event text over (nearly) the card's width.
    await page.getByTestId('event-time').first().waitFor();
    const event = await page.locator('[data-testid="event-submit_feedback"]').boundingBox();
    expect(event?.width ?? 0).toBeGreaterThan(280);
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${SHOTS}phone-case-done.png`, fullPage: true });

    // 工单查询 on the server's ranked search: the last six digits of a number, then an address word.
    await page.goto(`${base}/cases`);
    const search = page.getByPlaceholder('搜索');
    await search.fill(numbers[1]?.slice(-6) ?? '');
    await search.press('Enter');
    await page.getByTestId('case-card').filter({ hasText: numbers[1] }).waitFor();
    await eventually(() => page.getByTestId('case-card').count()).toBe(1);
    await search.fill('花家地');
    await search.press('Enter');
    await page.getByTestId('case-card').filter({ hasText: numbers[0] }).waitFor();
    await eventually(() => page.getByTestId('case-card').count()).toBe(2);
    expect(Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'))).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}phone-search.png` });
    await context.close();
  });
});
