// Browser journey: 每月一题 in the console (desktop, headless Chromium). On a simulated month with a
// problem planted over many streets, the analyst computes the month's hotspots on 热点发现 and opens
// the top group (trend, areas, example cases); the centre makes it a topic's problem and starts the
// topic on 每月一题 (matching cases linked), sees one task done by the lead department and one overdue
// after the sweep, and the before/after effect; the lead department's handler sees its own task.
// Screenshots: docs/screenshots/console-hotspots*.png, console-topics*.png with JIESU_UPDATE_SCREENSHOTS=1.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateTopics } from '../../src/simulate/simulate-topics';
import type { TestEnv } from '../harness';
import { type BrowserEnv, eventually, logIn as logInAs, runsBrowser, startBrowserEnv } from './browser-env';
import { screenshotDir } from './screenshots';

const SHOTS = screenshotDir();
const DAY = 86_400_000;
const WATER = 'D110000-SWJ';
const WANGJING = '110105026';
let clock = new Date('2026-12-01T10:00:00+08:00');
let web: BrowserEnv | undefined;
let env: TestEnv;
let browser: Browser;
let base = '';

beforeAll(async () => {
  if (!runsBrowser) return;
  web = await startBrowserEnv(['console'], { now: () => clock, config: { sessionTtlHours: 24 * 30 } });
  ({ env, browser, base } = web);
  await simulateTopics(env.rt.ctx, {
    casesPerMonth: 30,
    previousMonths: 1,
    plantedCases: 16,
    plantedStreets: 12,
    monthStart: new Date('2026-11-01T00:00:00+08:00'),
    days: 30,
    seed: 5,
    handledShare: 0.5,
  });
}, 180_000);

afterAll(async () => {
  await web?.close();
});

const logIn = (username: string): Promise<Page> => logInAs(browser, base, username, { context: { viewport: { width: 1280, height: 860 } } });

describe.runIf(runsBrowser)('每月一题 in the console', () => {
  it('the analyst computes the month’s hotspots and opens the top group', async () => {
    const page = await logIn('analyst');
    await page.goto(`${base}/hotspots`);
    await page.getByLabel('月份').fill('2026-11');
    await page.getByRole('button', { name: '计算热点' }).click();
    // 30 ordinary cases + 16 planted in November.
    await page.getByText('件诉求').waitFor();
    await eventually(() => page.getByText('2026-11 · 46 件诉求').count()).toBe(1);
    await eventually(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    const first = page.locator('.ant-table-row').first();
    // The planted problem (电动自行车 charging, over 12 streets) ranks first.
    await eventually(() => first.innerText()).toContain('充电');
    await page.screenshot({ path: `${SHOTS}console-hotspots.png` });
    await first.click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('每日趋势').waitFor();
    await drawer.locator('canvas').first().waitFor();
    const text = await drawer.innerText();
    expect(text).toContain('16');
    expect(text).not.toMatch(/1\d{10}/);
    await page.screenshot({ path: `${SHOTS}console-hotspots-group.png` });
    await page.context().close();
  });

  it('the centre starts a topic from the top group and follows its tasks; the lead department sees its own', async () => {
    // Set up through the API (the form is the API's): a topic with the top two groups as its problems.
    const supervisor = await env.as('supervisor');
    const [top, second] = (await supervisor.get('/api/hotspots?limit=2')).json().groups as { id: string }[];
    const created = await supervisor.post('/api/topics', {
      month: '2026-12',
      title: '电动自行车充电难',
      problems: [
        { title: '老旧小区电动自行车充电设施不足', leadUnitCode: WATER, coUnitCodes: [WANGJING], sourceGroupId: top?.id },
        { title: '餐馆油烟直排扰民', leadUnitCode: WANGJING, sourceGroupId: second?.id },
      ],
    });
    expect(created.statusCode).toBe(201);
    const topicId = created.json().topic.id as string;
    const problemId = created.json().problems[0].id as string;

    const page = await logIn('supervisor');
    await page.goto(`${base}/topics`);
    const card = page.locator('.ant-card').filter({ hasText: '电动自行车充电难' }).first();
    await card.getByRole('button', { name: '启动' }).click();
    await card.getByRole('button', { name: '结束' }).waitFor();
    // Starting linked the planted November cases to the problem.
    const linked = await env.rt.ctx.db.selectFrom('topic_problem_cases').select('case_id').where('problem_id', '=', problemId).execute();
    expect(linked.length).toBeGreaterThanOrEqual(16);

    const tasks = `/api/topics/${topicId}/problems/${problemId}/tasks`;
    const t1 = await supervisor.post(tasks, { title: '出台老旧小区充电设施建设指引', ownerUnitCode: WATER, dueInWorkingDays: 10 });
    const t2 = await supervisor.post(tasks, { title: '望京街道排查飞线充电点位', ownerUnitCode: WANGJING, dueAt: new Date(clock.getTime() + 2 * DAY).toISOString() });
    expect([t1.statusCode, t2.statusCode]).toEqual([201, 201]);
    const water = await env.as('water.handler');
    await water.post(`/api/work-items/${t1.json().id}/actions/start`, {});
    expect((await water.post(`/api/work-items/${t1.json().id}/actions/complete`, { text: '指引已印发' })).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 3 * DAY);
    expect((await supervisor.post('/api/queues/sweep')).statusCode).toBe(200);

    await page.reload();
    await card.getByText('望京街道排查飞线充电点位').waitFor();
    const cardText = await card.innerText();
    expect(cardText).toContain(`关联诉求: ${linked.length}`);
    expect(cardText).toContain('超期');
    expect(cardText).toContain('周均诉求量 启动前→启动后');
    await card.locator('canvas').first().waitFor();
    await page.screenshot({ path: `${SHOTS}console-topics.png`, fullPage: true });
    await page.context().close();

    // The lead department (北京市水务局's handler) sees its task, not the street's.
    const lead = await logIn('water.handler');
    await lead.goto(`${base}/topics`);
    const leadCard = lead.locator('.ant-card').filter({ hasText: '电动自行车充电难' }).first();
    await leadCard.getByText('出台老旧小区充电设施建设指引').waitFor();
    expect(await leadCard.getByText('望京街道排查飞线充电点位').count()).toBe(0);
    expect(await leadCard.getByRole('button', { name: '启动' }).count()).toBe(0);
    await lead.screenshot({ path: `${SHOTS}console-topics-lead.png` });
    await lead.context().close();
  });
});
