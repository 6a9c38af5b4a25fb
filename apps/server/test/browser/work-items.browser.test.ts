// Work items on a phone (390×844, headless Chromium), the way street and community staff use them:
// the street leader sets a task for a community with the form; the community handler finds it in
// 工作任务, opens it, starts it and completes it with a photo, pressing only the buttons the server
// offered; the street leader then sees it done with its evidence and its notice, in Chinese and English.
// Screenshots: see screenshots.ts (docs/screenshots/console-work-items-*.png with JIESU_UPDATE_SCREENSHOTS=1).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from '../case-helpers';
import { eventually, logIn, pageWidth, runsBrowser, startBrowserEnv, submitModal, type BrowserEnv } from './browser-env';
import { screenshotDir } from './screenshots';

const SHOTS = screenshotDir();
const TITLE = '清理花家地西里5号楼楼道堆物';

let web: BrowserEnv | undefined;
let browser: Browser;
let base = '';

beforeAll(async () => {
  if (!runsBrowser) return;
  web = await startBrowserEnv(['console']);
  ({ browser, base } = web);
}, 180_000);

afterAll(async () => {
  await web?.close();
});

const phoneLogIn = (username: string): Promise<Page> => logIn(browser, base, username, { phone: true });

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}console-work-items-${name}.png`, fullPage: false });

/** Nothing on the page is wider than the phone: no sideways scrolling. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
}

describe.runIf(runsBrowser)('work items on a phone (headless Chromium, 390×844)', () => {
  it('the street leader sets a task for a community with the form', async () => {
    const page = await phoneLogIn('wangjing.leader');
    await page.goto(`${base}/work-items`);
    await page.getByTestId('wi-new').click();
    const modal = page.locator('.ant-modal:visible');
    await modal.locator('#wi-title').fill(TITLE);
    await modal.locator('#wi-owner').click();
    await modal.locator('#wi-owner').fill('花家地');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '花家地西里' }).first().click();
    await page.waitForTimeout(300);
    await shot(page, 'create');
    await submitModal(page, modal);
    await page.getByTestId('wi-card').filter({ hasText: TITLE }).waitFor();
    await expectNoSidewaysScroll(page);
    await page.context().close();
  });

  it('the community handler starts and completes it with a photo, using only the offered buttons', async () => {
    const page = await phoneLogIn('huajiadi.handler');
    await page.goto(`${base}/work-items`);
    const card = page.getByTestId('wi-card').filter({ hasText: TITLE });
    await card.waitFor();
    await eventually(() => card.getByTestId('wi-countdown').textContent()).toMatch(/剩余 \d+天/);
    await expectNoSidewaysScroll(page);
    await shot(page, 'list');

    await card.click();
    const drawer = page.locator('.ant-drawer-section:visible');
    await drawer.getByTestId('wi-status').filter({ hasText: '待办理' }).waitFor();
    // The buttons are the server's allowedActions for this user, nothing more.
    await eventually(() => drawer.getByTestId('wi-actions').locator('button').allTextContents()).toEqual(['开始办理', '报告进展', '办结', '签收']);
    await page.waitForTimeout(400); // the drawer's opening animation
    await shot(page, 'detail');

    await drawer.getByTestId('wi-action-start').click();
    await page.getByTestId('wi-action-submit').click();
    await drawer.getByTestId('wi-status').filter({ hasText: '办理中' }).waitFor();

    await drawer.getByTestId('wi-action-complete').click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByTestId('wi-action-text').fill('楼道杂物已全部清运，消防通道畅通。');
    await modal.locator('input[type=file]:not([capture])').setInputFiles({ name: 'cleared.png', mimeType: 'image/png', buffer: PNG });
    await modal.locator('.ant-upload-list-item-done').waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'complete');
    await page.getByTestId('wi-action-submit').click();
    await drawer.getByTestId('wi-status').filter({ hasText: '已完成' }).waitFor();
    await drawer.getByTestId('wi-evidence').getByText('楼道杂物已全部清运').waitFor();
    expect(await drawer.getByTestId('wi-actions').locator('button').count()).toBe(0);
    await page.waitForTimeout(300);
    await shot(page, 'done');
    await page.context().close();
  });

  it('the street leader sees it done, with the photo, and a completion notice', async () => {
    const page = await phoneLogIn('wangjing.leader');
    await page.goto(`${base}/work-items`);
    await page.getByText('已结束').click();
    const card = page.getByTestId('wi-card').filter({ hasText: TITLE });
    await card.waitFor();
    await card.click();
    const drawer = page.locator('.ant-drawer-section:visible');
    await drawer.getByTestId('wi-status').filter({ hasText: '已完成' }).waitFor();
    await drawer.locator('.ant-image img').first().waitFor();
    await eventually(() => drawer.getByTestId('wi-actions').locator('button').allTextContents()).toEqual(['重新打开']);
    // By its close button (Escape reaches the drawer only when it holds the focus, and a close it
    // started would race a click on the button while the drawer slides away).
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: '通知' }).click();
    await page.getByTestId('wi-notifications').getByText('任务已办结').first().waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'notifications');
    // English is one tap away, on the same screen.
    await page.getByTestId('lang-toggle').click();
    await page.getByRole('tab', { name: 'Work items' }).click();
    await page.getByText('Finished').click();
    await page.getByTestId('wi-card').filter({ hasText: TITLE }).getByText('Done').waitFor();
    await expectNoSidewaysScroll(page);
    await page.waitForTimeout(400); // the tab bar's ink animation
    await shot(page, 'list-en');
    await page.context().close();
  });
});
