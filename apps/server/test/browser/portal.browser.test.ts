// Browser journey on the public portal in headless Chromium at a phone's size: submit a request
// with a photo and the phone's location, read the case number, track it by number and phone
// digits, rate it once closed, and look at the published rankings. The real server listens on a
// free port over an in-memory database (as the harness builds it); the portal is built first if
// apps/portal/dist is missing. Screenshots: see screenshots.ts (docs/screenshots/portal-*.png with
// JIESU_UPDATE_SCREENSHOTS=1).
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from '../case-helpers';
import { type TestEnv, startTestEnv } from '../harness';
import { closeCase } from '../open311-helpers';
import { ensureBuilt, launchChromium, runsBrowser } from './browser-env';
import { screenshotDir } from './screenshots';

const SHOTS = screenshotDir();

let env: TestEnv;
let browser: Browser;
let page: Page;
let base: string;

async function shot(name: string) {
  // Full-page shots of a scrolled page draw the sticky header mid-page: start from the top.
  await page.evaluate('window.scrollTo(0, 0)');
  const file = join(SHOTS, `portal-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
}

/** A published snapshot in the scoring area's shape, so the rankings page has something to draw. */
async function publishSampleRankings() {
  const row = (i: number, name: string, code: string, composite: number, n: number) => ({
    unitCode: code,
    unitName: name,
    unitClass: 'street',
    unitPath: `/110000/${code}/`,
    rank: i,
    composite,
    responseRate: Math.min(1, composite + 0.05),
    resolutionRate: composite - 0.03,
    satisfactionRate: composite - 0.01,
    sampleSize: n,
    invalidVisits: 0,
    exemptions: 0,
    cases: n,
    ledCases: n,
    wilsonComposite: composite - 0.05,
    wilsonRank: i,
    trend: null,
    isTop: i <= 3,
    isBottom: i > 3,
  });
  const rows = [
    row(1, '望京街道', '110105026', 0.962, 412),
    row(2, '建外街道', '110105001', 0.948, 198),
    row(3, '三里屯街道', '110105002', 0.931, 87),
    row(4, '酒仙桥街道', '110105038', 0.842, 150),
    row(5, '常营地区', '110105045', 0.801, 33),
  ];
  const rankings = {
    periodKey: '2026-02',
    classes: [
      { unitClass: 'street', rows },
      { unitClass: 'district', rows: [] },
    ],
  };
  await env.rt.ctx.db
    .insertInto('score_publications')
    .values({
      period_key: '2026-02',
      version: 1,
      reason: 'browser test sample',
      published_at: new Date('2026-02-20T10:00:00+08:00'),
      published_by_user_id: 'test',
      published_by_username: 'evaluator',
      rankings: JSON.stringify(rankings),
    })
    .execute();
}

beforeAll(async () => {
  if (!runsBrowser) return;
  ensureBuilt('portal');
  env = await startTestEnv({ config: { publicRateLimit: 100_000 } });
  const address = await env.app.listen({ port: 0, host: '127.0.0.1' });
  base = `${address}/portal/`;
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    geolocation: { latitude: 39.9912, longitude: 116.4701 },
    permissions: ['geolocation'],
  });
  page = await context.newPage();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

describe.runIf(runsBrowser)('public portal on a phone', () => {
  let caseNumber = '';
  let trackingToken = '';

  it('submits a request with a photo and location and shows the case number', async () => {
    const services = (await env.app.inject({ method: 'GET', url: '/api/public/services' })).json() as Array<{ serviceCode: string; group: string }>;
    const service = services.find((s) => s.serviceCode.startsWith('0101')) ?? (services[0] as { serviceCode: string; group: string });
    await page.goto(base);
    await page.waitForSelector('select[name=group] option:nth-child(2)', { state: 'attached' });
    await page.selectOption('select[name=group]', service.group);
    await page.selectOption('select[name=service]', service.serviceCode);
    await page.fill('textarea[name=detail]', '花家地西里三区门口路面塌陷出一个大坑，晚上行人容易摔倒，请尽快修补。');
    await page.fill('input[name=address]', '朝阳区望京街道花家地西里三区5号楼');
    await page.click('text=使用当前位置');
    await page.waitForSelector('[data-testid=coords]');
    await page.setInputFiles('input[name=photo]', { name: 'pothole.png', mimeType: 'image/png', buffer: PNG });
    await page.fill('input[name=name]', '张先生');
    await page.fill('input[name=phone]', '13812345678');
    await shot('submit');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=case-number]');
    caseNumber = (await page.textContent('[data-testid=case-number]'))?.trim() ?? '';
    expect(caseNumber).toMatch(/^\d{8}-\d{6}$/);
    trackingToken = (await page.textContent('[data-testid=tracking-token]'))?.trim() ?? '';
    expect(trackingToken.length).toBeGreaterThanOrEqual(16);
    await shot('submitted');
    const id = (await env.rt.ctx.repos.cases.findIdByNumber(caseNumber)) as string;
    const state = (await env.rt.ctx.repos.cases.load(id))?.state;
    expect(state?.attachments).toHaveLength(1);
    expect(state?.location.coordinates).toEqual({ lat: 39.9912, lng: 116.4701 });
  });

  it('tracks it by its tracking code with the number, and refuses a wrong code', async () => {
    await page.click('a.tab[href="#/track"]');
    await page.fill('input[name=caseNumber]', caseNumber);
    await page.fill('input[name=token]', 'wrong-code-0000');
    await page.click('button[type=submit]');
    await page.waitForSelector('[role=alert]');
    expect(await page.textContent('[role=alert]')).toContain('没有找到');
    await page.fill('input[name=token]', trackingToken);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=case-view]');
    expect(await page.textContent('[data-testid=status]')).toBe('已受理');
    const text = (await page.textContent('[data-testid=case-view]')) ?? '';
    expect(text).toContain('诉求已受理');
    expect(text).not.toContain('张先生');
    await shot('track');
  });

  it('rates the handling once the case is closed', async () => {
    await closeCase(env, caseNumber);
    await page.click('button[type=submit]');
    await page.waitForFunction(`document.querySelector('[data-testid=status]')?.textContent === '已办结'`);
    await page.waitForSelector('form.rate');
    await page.getByRole('button', { name: '满意', exact: true }).click();
    await page.fill('.rate textarea', '修得很快，谢谢！');
    await page.click('.rate button[type=submit]');
    await page.waitForSelector('.rated');
    expect(await page.textContent('.rated')).toContain('满意');
    await shot('rated');
  });

  it('shows the published rankings with charts', async () => {
    await publishSampleRankings();
    await page.click('a.tab[href="#/rankings"]');
    await page.waitForSelector('canvas');
    await page.waitForTimeout(600); // let the bar animation finish before the screenshot
    expect(await page.textContent('table')).toContain('望京街道');
    await shot('rankings');
  });
});
