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
import type { TestEnv } from '../harness';
import { closeCase } from '../open311-helpers';
import { computePeriodRankings } from '../../src/use-cases/scoring/compute-rankings';
import { type RulesMonth, seedRulesMonth } from '../scoring-rules-fixture';
import { type BrowserEnv, eventually, phoneContext, runsBrowser, startBrowserEnv } from './browser-env';
import { screenshotDir } from './screenshots';

const SHOTS = screenshotDir();

let web: BrowserEnv | undefined;
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

/**
 * A published month computed by the scoring code from the hand-made facts of scoring-rules-fixture:
 * 13 Chaoyang streets ranked, a tie across the top-10 cut, two streets under the minimum sample.
 */
async function publishRulesMonth(): Promise<RulesMonth> {
  const month = await seedRulesMonth(env.rt.ctx, '2026-02');
  const rankings = await computePeriodRankings(env.rt.ctx, { periodKey: '2026-02' });
  await env.rt.ctx.db
    .insertInto('score_publications')
    .values({
      period_key: '2026-02',
      version: 1,
      reason: null,
      published_at: new Date('2026-02-20T10:00:00+08:00'),
      published_by_user_id: 'test',
      published_by_username: 'evaluator',
      rankings: JSON.stringify({ ...rankings, source: 'published', version: 1 }),
    })
    .execute();
  return month;
}

beforeAll(async () => {
  if (!runsBrowser) return;
  web = await startBrowserEnv(['portal'], { config: { publicRateLimit: 100_000 } });
  ({ env, browser } = web);
  base = `${web.base}/portal/`;
  const context = await phoneContext(browser, { geolocation: { latitude: 39.9912, longitude: 116.4701 }, permissions: ['geolocation'] });
  page = await context.newPage();
}, 90_000);

afterAll(async () => {
  await web?.close();
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
    await eventually(() => page.textContent('[data-testid=status]')).toBe('已受理');
    const text = (await page.textContent('[data-testid=case-view]')) ?? '';
    expect(text).toContain('诉求已受理');
    expect(text).not.toContain('张先生');
    await shot('track');
  });

  it('rates the handling once the case is closed', async () => {
    await closeCase(env, caseNumber);
    await page.click('button[type=submit]');
    // A locator, not a string predicate: the portal's CSP forbids eval, which string predicates need.
    await page
      .locator('[data-testid=status]')
      .filter({ hasText: /^已办结$/ })
      .waitFor();
    await page.waitForSelector('form.rate');
    await page.getByRole('button', { name: '满意', exact: true }).click();
    await page.fill('.rate textarea', '修得很快，谢谢！');
    await page.click('.rate button[type=submit]');
    await page.waitForSelector('.rated');
    expect(await page.textContent('.rated')).toContain('满意');
    await shot('rated');
  });

  it('shows the published rankings: top 10 with the tie at the cut, units not ranked (n < 10) apart', async () => {
    const month = await publishRulesMonth();
    await page.click('a.tab[href="#/rankings"]');
    await page.waitForSelector('canvas');
    await page.waitForTimeout(600); // let the bar animation finish before the screenshot
    await eventually(() => page.locator('table').first().locator('tbody tr').count()).toBe(10);
    const top = await page.locator('table').first().locator('tbody tr').allTextContents();
    expect(top[9]).toContain(month.names.T2);
    expect(await page.textContent('[data-testid=tie-note]')).toBe(
      `前10名边界并列：${month.names.T1}、${month.names.T2}、${month.names.T3}综合得分同为64.00分（并列第9名），按小样本修正得分、有效回访量依次区分，列入${month.names.T1}、${month.names.T2}；${month.names.T3}未列入。`,
    );
    expect(await page.textContent('[data-testid=unranked]')).toBe(`${month.names.U1}（n = 3）、${month.names.U2}（n = 9）`);
    const height = await page.evaluate('document.documentElement.scrollHeight');
    console.log(`portal rankings page height at 390 px: ${String(height)} px`);
    await shot('rankings');
  });
});
