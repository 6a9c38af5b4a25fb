// Browser journey through the web console in headless Chromium, against the real server on an
// in-memory database: the operator takes a call and dispatches it; the street (wangjing.handler)
// signs, contacts the requester and gives feedback with a photo; the dispatcher closes it; the
// visitor records the return visit; the evaluator sees the street appear in the month's ranking.
// Screenshots: see screenshots.ts (docs/screenshots/console-*.png with JIESU_UPDATE_SCREENSHOTS=1).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { PNG, intakeBody } from '../case-helpers';
import { seedRulesMonth } from '../scoring-rules-fixture';
import type { TestEnv } from '../harness';
import { desktopContext, eventually, logIn as logInAs, runsBrowser, startBrowserEnv, submitModal, type BrowserEnv } from './browser-env';
import { screenshotDir } from './screenshots';

const SHOTS = screenshotDir();

let web: BrowserEnv | undefined;
let env: TestEnv;
let browser: Browser;
let base = '';

beforeAll(async () => {
  if (!runsBrowser) return;
  // The console's production build is what the server serves; built once if it is missing.
  web = await startBrowserEnv(['console']);
  ({ env, browser, base } = web);
}, 180_000);

afterAll(async () => {
  await web?.close();
});

const logIn = (username: string): Promise<Page> => logInAs(browser, base, username);

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}console-${name}.png`, fullPage: false });

/** Opens an antd Select by its input id, types, and picks the first option whose label matches. */
async function pickOption(page: Page, inputId: string, text: string): Promise<void> {
  await page.locator(`#${inputId}`).click();
  await page.locator(`#${inputId}`).fill(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

/** Runs of three or more English words: what a zh-CN screen should not show (codes and single terms may). */
function englishSentences(text: string): string[] {
  return [...text.matchAll(/[A-Za-z][A-Za-z'’-]+(?:[ ,]+[A-Za-z][A-Za-z'’-]*){2,}/g)].map((m) => m[0]);
}

const api = <T>(path: string, username: string): Promise<T> => (web as BrowserEnv).api<T>(path, username);

describe.runIf(runsBrowser)('console journey (headless Chromium)', () => {
  let caseNumber = '';

  it('serves the console at / with SPA fallback, and keeps API 404s as JSON', async () => {
    const index = await fetch(`${base}/inbox`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="root">');
    const missing = await fetch(`${base}/api/no-such-thing`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('operator takes a call; the dispatcher dispatches it to the street from the board', async () => {
    const ctx = await desktopContext(browser);
    const login = await ctx.newPage();
    await login.goto(`${base}/login`);
    await login.locator('#login-username').fill('operator');
    await login.locator('#login-password').fill('wrong-password');
    await login.getByRole('button', { name: '登录' }).click();
    await eventually(() => login.getByTestId('login-error').textContent()).toContain('用户名或密码不正确');
    await shot(login, 'login');
    await ctx.close();

    const page = await logIn('operator');
    await page.waitForURL(/\/intake$/);
    await page.locator('#intake-name').fill('张三丰');
    await page.locator('#intake-phone').fill('13812341234');
    await page.locator('#intake-category').click();
    await page.locator('#intake-category').fill('人行道破损');
    await page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item', { hasText: '人行道破损' }).first().click();
    await page.locator('#intake-subject').fill('小区门口人行道破损');
    await page.locator('#intake-detail').fill('花家地西里三区门口人行道的步道砖翘起来了，晚上行人容易摔倒，请尽快修补。');
    await page.locator('#intake-address').fill('朝阳区望京街道花家地西里三区5号楼');
    await pickOption(page, 'intake-district', '朝阳区');
    await pickOption(page, 'intake-street', '望京街道');
    // The chosen category is sent with the draft: the street leads a neighbourhood matter, and says why.
    const lead = page.getByTestId('suggested-lead');
    await lead.waitFor();
    await eventually(() => lead.textContent()).toContain('望京街道');
    await eventually(() => lead.textContent()).toContain('派单目录');
    await page.waitForTimeout(400);
    await shot(page, 'intake');

    await page.getByTestId('take-in').click();
    await page.getByTestId('handed-over').waitFor();
    caseNumber = ((await page.getByTestId('created-number').textContent()) ?? '').match(/\d{8}-\d{6,}/)?.[0] ?? '';
    expect(caseNumber).not.toBe('');
    await page.waitForTimeout(400);
    await shot(page, 'intake-taken');
    await page.context().close();

    // Dispatch is the dispatcher's: from the board, with the lead pre-filled from the location.
    const board = await logIn('dispatcher');
    await board.goto(`${base}/dispatch`);
    const row = board.locator('tr:visible', { hasText: caseNumber });
    await row.waitFor();
    await shot(board, 'dispatch-board');
    await row.getByTestId('row-dispatch').click();
    const modal = board.locator('.ant-modal');
    // The lead is routed as at intake (a neighbourhood matter: the street), with the reason shown.
    await modal.getByTestId('dispatch-lead-why').waitFor();
    await eventually(() => modal.getByTestId('dispatch-lead-why').textContent()).toContain('望京街道');
    await modal.getByText('望京街道').first().waitFor();
    await board.waitForTimeout(500); // the modal's opening animation
    await shot(board, 'dispatch-modal');
    await submitModal(board, modal);
    await row.waitFor({ state: 'detached' });
    await board.context().close();
  });

  it('the street signs, contacts the requester and gives feedback with a photo', async () => {
    const page = await logIn('wangjing.handler');
    await page.goto(`${base}/inbox`);
    const row = page.locator('tr:visible', { hasText: caseNumber });
    await row.waitFor();
    await shot(page, 'inbox');
    await row.getByTestId('row-sign').click();
    await page.getByTestId('case-number').waitFor();
    await page.getByRole('button', { name: '联系诉求人' }).waitFor();
    // The lead street's handler must call the requester back: the API unmasks them for it.
    await eventually(() => page.getByTestId('requester-phone').textContent()).toBe('13812341234');

    await page.getByRole('button', { name: '联系诉求人' }).click();
    await submitModal(page);
    await page.getByRole('button', { name: '办结反馈' }).waitFor();
    await page.locator('[data-testid="event-contact"]').waitFor();

    await page.getByRole('button', { name: '办结反馈' }).click();
    const modal = page.locator('.ant-modal');
    await modal.locator('textarea').first().fill('已组织施工队修补路面，并设置警示标志，现场已恢复通行。');
    await modal.locator('input[type=file]:not([capture])').setInputFiles({ name: 'repaired.png', mimeType: 'image/png', buffer: PNG });
    await modal.locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)').first().waitFor();
    await submitModal(page, modal);
    await page.locator('[data-testid="event-submit_feedback"]').waitFor();
    await eventually(() => page.locator('.ant-tag[data-status]').first().textContent()).toBe('待审核');
    await page.waitForTimeout(500);
    await shot(page, 'case-detail');
    await page.context().close();
  });

  it('the dispatcher reviews the feedback and closes the case', async () => {
    const page = await logIn('dispatcher');
    await page.goto(`${base}/dispatch`);
    await page.getByRole('tab', { name: /待审核/ }).click();
    const row = page.locator('tr:visible', { hasText: caseNumber });
    await row.waitFor();
    await shot(page, 'dispatch-review');
    await row.getByTestId('row-close').click();
    await submitModal(page);
    await row.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('the visitor records the return visit; the evaluator sees the street ranked', async () => {
    const period = (await import('@jiesu/core')).evaluationPeriodKeyOf(new Date());
    type Rankings = { classes: { rows: { unitCode: string; sampleSize: number }[] }[] };
    const before = await api<Rankings>(`/api/scoring/periods/${period}/rankings?class=street&source=live`, 'evaluator');
    const wangjingBefore = before.classes.flatMap((c) => c.rows).find((r) => r.unitCode === '110105026');
    expect(wangjingBefore?.sampleSize ?? 0).toBe(0);

    const page = await logIn('visitor');
    await page.goto(`${base}/visits`);
    const row = page.locator('tr:visible', { hasText: caseNumber });
    await row.waitFor();
    await row.getByTestId('row-visit').click();
    const visit = page.locator('.ant-modal');
    // The visitor sees whom to call, who handled it and what they reported.
    await eventually(() => visit.getByTestId('visit-phone').textContent()).toContain('13812341234');
    await eventually(() => visit.getByTestId('visit-unit').textContent()).toBe('望京街道');
    await eventually(() => visit.getByTestId('visit-feedback').textContent()).toContain('已组织施工队修补路面');
    // Nothing is pre-selected: submitting at once is refused on the form, nothing is recorded.
    await expect(visit.locator('.ant-radio-wrapper-checked, .ant-radio-button-wrapper-checked').count()).resolves.toBe(0);
    await visit.getByRole('button', { name: '提交' }).click();
    await visit.locator('.ant-form-item-explain-error').first().waitFor();
    await visit.getByText('已接通', { exact: true }).click();
    await visit.locator('#isContacted').getByText('是', { exact: true }).click();
    await visit.locator('#isSolved').getByText('是', { exact: true }).click();
    await visit.getByText('满意', { exact: true }).click();
    await page.waitForTimeout(300);
    await shot(page, 'visit');
    await submitModal(page, visit);
    await row.waitFor({ state: 'detached' });
    await page.context().close();

    // One valid visit does not rank a street (minimum 10): 望京 is listed apart, with its 100%.
    const evaluator = await logIn('evaluator');
    await evaluator.goto(`${base}/rankings`);
    const listedApart = evaluator.locator('[data-testid="unranked-table"] tr', { has: evaluator.locator('[data-unit="110105026"]') });
    await listedApart.waitFor();
    await eventually(() => listedApart.textContent()).toContain('100.0%');

    // The hand-made month of scoring-rules-fixture in this period: 13 Chaoyang streets ranked, a tie
    // across the top-10 cut, two more streets under the minimum; city and district departments apart.
    const month = await seedRulesMonth(env.rt.ctx, period);
    await evaluator.getByTestId('recompute').click();
    const tie = evaluator.getByTestId('tie-note');
    await tie.waitFor();
    await eventually(() => tie.textContent()).toContain(`前10名边界并列：${month.names.T1}、${month.names.T2}、${month.names.T3}综合得分同为64.00分（并列第9名）`);
    await eventually(() => evaluator.getByTestId('unranked-title').textContent()).toBe('不参与排名（有效回访 n < 10）· 3 个单位');
    await evaluator.waitForTimeout(800); // let the charts animate in
    await shot(evaluator, 'rankings');
    await evaluator.getByTestId('unranked-title').scrollIntoViewIfNeeded();
    await evaluator.waitForTimeout(300);
    await shot(evaluator, 'rankings-unranked');
    await evaluator.getByTestId('ranking-class').getByText('区级部门').click();
    await evaluator.locator('[data-testid="rankings-table"] [data-unit="D110105-CGW"]').waitFor();
    await evaluator.waitForTimeout(800);
    await shot(evaluator, 'rankings-district-departments');
    await evaluator.getByTestId('ranking-class').getByText('市级部门').click();
    await evaluator.locator('[data-testid="rankings-table"] [data-unit="D110000-SWJ"]').waitFor();
    await expect(evaluator.locator('[data-testid="rankings-table"] [data-unit="D110105-CGW"]').count()).resolves.toBe(0);
    // The dashboard: the period's figures from the server; the case closed today is among them.
    await evaluator.goto(`${base}/dashboard`);
    await evaluator.getByTestId('kpi-total').waitFor();
    await eventually(() => evaluator.getByTestId('kpi-total').locator('.ant-statistic-content-value').textContent()).toBe('1');
    await evaluator.waitForTimeout(800);
    await shot(evaluator, 'dashboard');
    // The evaluator works with aggregates: the requester is masked for them.
    await evaluator.goto(`${base}/cases`);
    await evaluator.getByRole('link', { name: caseNumber }).click();
    await evaluator.getByTestId('requester-phone').waitFor();
    await eventually(() => evaluator.getByTestId('requester-phone').textContent()).toBe('138****1234');
    await evaluator.context().close();
  });

  it('a repeat caller: the operator sees the earlier case (status, same problem) and links the new call as a repeat', async () => {
    const page = await logIn('operator');
    await page.waitForURL(/\/intake$/);
    await page.locator('#intake-category').click();
    await page.locator('#intake-category').fill('人行道破损');
    await page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item', { hasText: '人行道破损' }).first().click();
    await pickOption(page, 'intake-district', '朝阳区');
    await pickOption(page, 'intake-street', '望京街道');
    await page.locator('#intake-phone').fill('13812341234');
    const earlier = page.getByTestId('caller-case').filter({ hasText: caseNumber });
    await earlier.waitFor();
    // The first case, now visited: its status, the same problem, and 标记为重复来电 (it is finished).
    await expect(earlier.textContent()).resolves.toMatch(/已回访|已考核|已计分|已办结/);
    await expect(earlier.textContent()).resolves.toContain('同一问题');
    await earlier.getByTestId('caller-link-repeat').click();
    await earlier.getByTestId('caller-linked').waitFor();
    await shot(page, 'intake-caller-history');
    await page.locator('#intake-name').fill('张三丰');
    await page.locator('#intake-subject').fill('人行道又破损了');
    await page.locator('#intake-detail').fill('上次修好的花家地西里三区门口人行道步道砖又翘起来了。');
    await page.locator('#intake-address').fill('朝阳区望京街道花家地西里三区5号楼');
    await page.getByTestId('take-in').click();
    // What to tell the caller: the number and its 查询码 (also sent by SMS).
    const tell = page.getByTestId('tell-caller');
    await tell.waitFor();
    await expect(tell.textContent()).resolves.toMatch(/查询码 [A-HJKMNP-Z2-9]{12}/);
    const repeatNumber = ((await page.getByTestId('created-number').textContent()) ?? '').match(/\d{8}-\d{6,}/)?.[0] ?? '';
    await page.context().close();
    const found = await api<{ items: { id: string; caseNumber: string }[] }>(`/api/cases?q=${repeatNumber}`, 'operator');
    const repeatId = found.items.find((c) => c.caseNumber === repeatNumber)?.id ?? '';
    const links = await api<{ repeatOf: { caseNumber: string } | null }>(`/api/cases/${repeatId}/repeats`, 'evaluator');
    expect(links.repeatOf?.caseNumber).toBe(caseNumber);
  });

  it('批量催办: the supervisor selects two open cases on 工单查询 and reminds both; a second click reminds nothing twice', async () => {
    const op = await env.as('operator');
    const made: { id: string; caseNumber: string }[] = [];
    for (const n of ['一', '二']) {
      const res = await op.post('/api/cases', intakeBody({ subject: `批量催办井盖松动${n}`, detail: `花家地西里井盖松动${n}，车辆经过响声很大。` }));
      expect(res.statusCode, res.body).toBe(201);
      made.push(res.json<{ id: string; caseNumber: string }>());
    }
    const db = env.rt.ctx.db;
    const ids = made.map((c) => c.id);
    const runningClocks = await sql<{ n: number }>`select count(distinct case_id)::int as n from case_clocks
      where status = 'running' and reminded_at is null and case_id in (${sql.join(ids)})`.execute(db);
    expect(runningClocks.rows[0]?.n).toBe(2);
    const remindRows = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from case_history where action = 'remind' and case_id in (${sql.join(ids)})`.execute(db)).rows[0]?.n;
    expect(await remindRows()).toBe(0);

    const sup = await logIn('supervisor');
    await sup.goto(`${base}/cases`);
    await sup.getByPlaceholder('搜索').fill('批量催办井盖松动');
    await sup.getByPlaceholder('搜索').press('Enter');
    const row = (c: { id: string }) => sup.locator(`tr[data-row-key="${c.id}"]`);
    for (const c of made) await row(c).waitFor();
    await eventually(() => sup.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(2);
    const remindBoth = async () => {
      for (const c of made) await row(c).locator('.ant-checkbox-input').check();
      await expect(sup.getByTestId('batch-remind').textContent()).resolves.toContain('(2)');
      await sup.getByTestId('batch-remind').click();
    };
    await remindBoth();
    await sup.locator('.ant-message').getByText('已催办 2 · 30分钟内已催办（未重复） 0 · 失败 0').waitFor();
    await shot(sup, 'batch-remind');
    // The selection is cleared; select both again and remind: nothing is reminded twice.
    await sup.getByTestId('batch-remind').waitFor({ state: 'detached' });
    await remindBoth();
    await sup.locator('.ant-message').getByText('已催办 0 · 30分钟内已催办（未重复） 2 · 失败 0').waitFor();
    expect(await remindRows()).toBe(2);
    await sup.context().close();
  });

  it('supervision and administration screens render, and English is one click away', async () => {
    const sup = await logIn('supervisor');
    await sup.goto(`${base}/supervision`);
    await sup.getByText('超期督办看板').waitFor();
    await sup.getByRole('button', { name: '立即执行催办督办扫描' }).click();
    await sup.getByText('扫描完成').waitFor();
    await shot(sup, 'supervision');
    await sup.context().close();

    const admin = await logIn('admin');
    await admin.goto(`${base}/admin/org`);
    await admin.locator('.ant-tree-switcher').first().click();
    await admin.getByText('朝阳区').first().waitFor();
    await shot(admin, 'admin-org');
    // Every admin screen in zh-CN: no English sentence on the page (three English words in a row).
    for (const path of ['org', 'users', 'categories', 'duty-lists', 'calendar', 'case-policy', 'intake-rules', 'knowledge']) {
      await admin.goto(`${base}/admin/${path}`);
      await admin.locator('.ant-card').first().waitFor();
      await admin.waitForTimeout(600); // the page's data
      const text = await admin.locator('main, .ant-layout-content').first().innerText();
      expect(englishSentences(text), `/admin/${path}`).toEqual([]);
    }
    await admin.getByTestId('lang-toggle').click();
    await admin.goto(`${base}/admin/categories`);
    await admin.getByText('Category tree').waitFor();
    await shot(admin, 'admin-categories-en');
    await admin.context().close();
  });
});
