// Browser journey: the public 每月一题 page on a phone (390×844). A topic with three problems is
// set up through the API (started, tasks set and one done, a policy recorded); the page shows the
// problems with their lead units, task progress and the policy, and no personal data.
// Screenshot: docs/screenshots/portal-topics.png with JIESU_UPDATE_SCREENSHOTS=1.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeBody } from '../case-helpers';
import type { TestEnv } from '../harness';
import { type BrowserEnv, pageWidth, phoneContext, runsBrowser, startBrowserEnv } from './browser-env';
import { screenshotDir } from './screenshots';

const SHOTS = screenshotDir();
let web: BrowserEnv | undefined;
let env: TestEnv;
let browser: Browser;
let page: Page;
let base: string;

async function setUpTopic() {
  const supervisor = await env.as('supervisor');
  const operator = await env.as('operator');
  await operator.post('/api/cases', intakeBody({ subject: '电动自行车充电难', detail: '小区没有电动自行车充电桩，居民飞线充电，有火灾隐患。' }));
  const created = await supervisor.post('/api/topics', {
    month: '2026-12',
    title: '电动自行车充电与停放',
    description: '居民反映集中的充电难、飞线充电和楼道停放问题',
    problems: [
      { title: '老旧小区电动自行车充电设施不足', leadUnitCode: 'D110000-SWJ', coUnitCodes: ['110105026'], keywords: '电动自行车 充电桩 充电' },
      { title: '飞线充电和楼道停放火灾隐患', leadUnitCode: '110105026', keywords: '飞线 楼道 电动车' },
      { title: '充电收费不透明', leadUnitCode: 'E110000-GAS', keywords: '充电 收费' },
    ],
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const topic = created.json();
  await supervisor.post(`/api/topics/${topic.topic.id}/actions/start`, {});
  const [p1, p2] = topic.problems as { id: string }[];
  const t1 = await supervisor.post(`/api/topics/${topic.topic.id}/problems/${p1?.id}/tasks`, { title: '制定充电设施建设计划', ownerUnitCode: 'D110000-SWJ', dueInWorkingDays: 10 });
  await supervisor.post(`/api/topics/${topic.topic.id}/problems/${p1?.id}/tasks`, { title: '望京街道排查充电需求', ownerUnitCode: '110105026', dueInWorkingDays: 5 });
  await supervisor.post(`/api/topics/${topic.topic.id}/problems/${p2?.id}/tasks`, { title: '清理楼道电动车', ownerUnitCode: '110105026', dueInWorkingDays: 3 });
  const water = await env.as('water.handler');
  await water.post(`/api/work-items/${t1.json().id}/actions/start`, {});
  await water.post(`/api/work-items/${t1.json().id}/actions/complete`, { text: '计划已印发' });
  await supervisor.post(`/api/topics/${topic.topic.id}/policies`, {
    title: '关于加快老旧小区电动自行车充电设施建设的通知',
    issuingBody: '北京市住房和城乡建设委员会',
    issuedOn: '2026-12-03',
  });
}

beforeAll(async () => {
  if (!runsBrowser) return;
  web = await startBrowserEnv(['portal'], { config: { publicRateLimit: 100_000 } });
  ({ env, browser } = web);
  base = `${web.base}/portal/`;
  await setUpTopic();
  const context = await phoneContext(browser);
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await web?.close();
});

describe.runIf(runsBrowser)('每月一题 on the portal, on a phone', () => {
  it('shows the month’s topic, its problems, task progress and policies, without personal data', async () => {
    await page.goto(`${base}#/topics`);
    await page.waitForSelector('text=电动自行车充电与停放');
    const text = await page.innerText('main');
    expect(text).toContain('老旧小区电动自行车充电设施不足');
    expect(text).toContain('牵头单位');
    expect(text).toContain('任务 1/2 已完成');
    expect(text).toContain('关于加快老旧小区电动自行车充电设施建设的通知');
    expect(text).not.toMatch(/1\d{10}/);
    expect(text).not.toContain('张三丰');
    // Fits the phone: nothing wider than the viewport.
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(SHOTS, 'portal-topics.png'), fullPage: true });
  });
});
