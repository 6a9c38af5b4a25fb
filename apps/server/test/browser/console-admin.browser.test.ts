// Browser journey through the console's settings screens in headless Chromium, against the real
// server on an in-memory database: the administrator changes the general-urgency dispatch clock
// (after the API refuses a sign clock longer than the feedback clock, shown on the field) and adds
// a scoring weight version; the evaluator publishes last period's rankings, then again with a
// reason as version 2; the appeals, suggestion-rule and knowledge screens render.
// Screenshots: see screenshots.ts (docs/screenshots/console-admin-*.png with JIESU_UPDATE_SCREENSHOTS=1).
import { evaluationPeriodKeyOf, shiftPeriodKey } from '@jiesu/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoKnowledge } from '../../src/seed/seed-knowledge';
import { caseFactory } from '../scoring-helpers';
import type { TestEnv } from '../harness';
import { eventually, logIn as logInAs, runsBrowser, startBrowserEnv, submitModal, type BrowserEnv } from './browser-env';
import { screenshotDir } from './screenshots';

const SHOTS = screenshotDir();

let web: BrowserEnv | undefined;
let env: TestEnv;
let browser: Browser;
let base = '';
/** A case the street led, closed, that it appeals from the case page. */
let closed = { id: '', caseNumber: '' };

beforeAll(async () => {
  if (!runsBrowser) return;
  web = await startBrowserEnv(['console']);
  ({ env, browser, base } = web);
  await seedDemoKnowledge(env.rt.ctx);
  closed = await (await caseFactory(env)).closedCase('110105026');
}, 180_000);

afterAll(async () => {
  await web?.close();
});

const logIn = (username: string): Promise<Page> => logInAs(browser, base, username);

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}console-admin-${name}.png`, fullPage: false });

const api = <T>(path: string, username: string): Promise<T> => (web as BrowserEnv).api<T>(path, username);

type ClockRule = { amount: number; unit: string };
type PolicyView = { policy: { clocks: { byUrgency: Record<string, Record<string, ClockRule>> } }; updatedBy: string | null };

describe.runIf(runsBrowser)('console administration (headless Chromium)', () => {
  it('the administrator changes the general dispatch clock and adds a weight version', async () => {
    const before = await api<PolicyView>('/api/settings/case-policy', 'admin');
    const general = before.policy.clocks.byUrgency.general!;
    const newDispatch = general.dispatch!.amount + 1;

    const page = await logIn('admin');
    // The menu: 系统管理 and 考核 entries for the administrator, but no publishing (centre evaluators).
    await page.getByRole('menuitem', { name: '时限设置' }).click();
    await page.waitForURL(/\/admin\/case-policy$/);
    await expect(page.getByRole('menuitem', { name: '考核权重' }).count()).resolves.toBe(1);
    await expect(page.getByRole('menuitem', { name: '排名发布' }).count()).resolves.toBe(0);

    await page.locator('#clock-general-dispatch-amount').fill(String(newDispatch));
    // Signing may not take longer than the feedback: the API refuses and names the field.
    await page.locator('#clock-general-sign-amount').fill('99999');
    await page.getByTestId('policy-save').click();
    await page.getByTestId('field-problem').waitFor();
    await eventually(() => page.getByTestId('field-problem').textContent()).toContain('一般');
    await expect(page.locator('#clock-general-sign-amount').locator('xpath=ancestor::*[contains(@class,"ant-input-number")][1]').getAttribute('class')).resolves.toContain(
      'status-error',
    );
    await shot(page, 'case-policy-error');

    await page.locator('#clock-general-sign-amount').fill(String(general.sign!.amount));
    await page.getByTestId('policy-save').click();
    await page.getByTestId('field-problem').waitFor({ state: 'detached' });
    await eventually(() => page.getByTestId('policy-last-changed').textContent()).toContain('admin');
    const after = await api<PolicyView>('/api/settings/case-policy', 'admin');
    expect(after.policy.clocks.byUrgency.general!.dispatch!.amount).toBe(newDispatch);
    expect(after.policy.clocks.byUrgency.general!.sign!.amount).toBe(general.sign!.amount);
    expect(after.updatedBy).toBe('admin');
    await page.waitForTimeout(300);
    await shot(page, 'case-policy');

    // A weight version: the sum shows live and must be 1 before it can be added.
    await page.getByRole('menuitem', { name: '考核权重' }).click();
    await page.getByTestId('weight-versions').locator('tbody tr').first().waitFor();
    await page.locator('#weight-valid-from').click();
    await page.locator('#weight-valid-from').fill('2030-01-01');
    await page.locator('#weight-valid-from').press('Enter');
    await page.locator('#weight-response').fill('0.3');
    await page.locator('#weight-resolution').fill('0.3');
    await page.locator('#weight-satisfaction').fill('0.3');
    await page.locator('#weight-satisfaction').blur();
    await eventually(() => page.getByTestId('weight-sum').textContent()).toBe('0.9');
    await expect(page.getByTestId('weight-add').isDisabled()).resolves.toBe(true);
    await page.locator('#weight-satisfaction').fill('0.4');
    await page.locator('#weight-satisfaction').blur();
    await eventually(() => page.getByTestId('weight-sum').textContent()).toBe('1');
    await page.getByTestId('weight-add').click();
    await page.getByTestId('weight-versions').locator('tr', { hasText: '2030-01-01' }).waitFor();
    const settings = await api<{ weights: { validFrom: string; response: number }[] }>('/api/scoring/settings', 'evaluator');
    expect(settings.weights.find((w) => w.validFrom === '2030-01-01')?.response).toBe(0.3);
    await page.waitForTimeout(300);
    await shot(page, 'weights');

    await page.getByRole('menuitem', { name: '智能建议规则' }).click();
    await page.getByTestId('urgency-rules').locator('tbody tr').first().waitFor();
    await shot(page, 'intake-rules');
    // 派单目录: the default catalogue, filtered to one kind of call, with the leaf's code resolved.
    await page.getByRole('tab', { name: '派单目录' }).click();
    await page.getByTestId('dispatch-catalogue').locator('tbody tr').first().waitFor();
    await page.getByTestId('catalogue-filter').locator('input').fill('燃气泄漏');
    const gasRow = page.getByTestId('dispatch-catalogue').locator('tbody tr', { has: page.locator('input[value="gas-leak"]') });
    await gasRow.waitFor();
    await expect(gasRow.locator('input[value="enterprise:气"]').count()).resolves.toBe(1);
    await page.waitForTimeout(300);
    await shot(page, 'dispatch-catalogue');
    await page.getByRole('menuitem', { name: '知识库' }).click();
    const firstRow = page.getByTestId('knowledge-articles').locator('tbody tr').first();
    await firstRow.getByRole('button', { name: '编辑' }).waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'knowledge');
    await firstRow.getByRole('button', { name: '编辑' }).click();
    const edit = page.locator('.ant-modal');
    await edit.locator('#title').waitFor();
    const title = `${await edit.locator('#title').inputValue()}（已核对）`;
    await edit.locator('#title').fill(title);
    await page.waitForTimeout(400);
    await shot(page, 'knowledge-edit');
    await edit.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('knowledge-articles').getByText(title).waitFor();
    await page.context().close();
  });

  it('the evaluator publishes last period, then again with a reason as version 2', async () => {
    const period = shiftPeriodKey(evaluationPeriodKeyOf(new Date()), -1);
    const page = await logIn('evaluator');
    await page.getByRole('menuitem', { name: '排名发布' }).click();
    await page.waitForURL(/\/evaluation\/publications$/);
    await expect(page.getByRole('menuitem', { name: '时限设置' }).count()).resolves.toBe(0);
    await page.getByText(period, { exact: true }).first().waitFor();
    await page.getByTestId('publish').click();
    await page.getByTestId('latest-version').filter({ hasText: 'v1' }).waitFor();

    await page.getByTestId('publish').click(); // 重新发布: a reason is asked for
    const modal = page.locator('.ant-modal');
    await modal.locator('#publish-reason').fill('回访记录更正后重新发布');
    await page.waitForTimeout(400); // the modal's opening animation
    await shot(page, 'publish-modal');
    await modal.getByRole('button', { name: '发布' }).click();
    await page.getByTestId('latest-version').filter({ hasText: 'v2' }).waitFor();
    const versions = await api<{ version: number; reason: string | null }[]>(`/api/scoring/periods/${period}/publications`, 'evaluator');
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[1]?.reason).toBe('回访记录更正后重新发布');
    await page.waitForTimeout(400);
    await shot(page, 'publications');

    await page.context().close();
  });

  it('the street appeals a closed case from its page; the evaluator grants it', async () => {
    const unit = await logIn('wangjing.handler');
    await unit.goto(`${base}/cases/${closed.id}`);
    await unit.getByTestId('file-appeal').click();
    const modal = unit.locator('.ant-modal');
    await modal.locator('textarea').fill('诉求属市政管线问题，非街道职责，已协调区水务部门处理。');
    await submitModal(unit, modal);
    await unit.getByText('申诉已提交').waitFor();
    await unit.context().close();

    const page = await logIn('evaluator');
    await page.getByRole('menuitem', { name: '申诉审核' }).click();
    const row = page.getByTestId('appeals').locator('tr', { hasText: closed.caseNumber });
    await row.waitFor();
    await page.getByText('望京街道').first().waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'appeals');
    await row.getByTestId('appeal-grant').click();
    await page.locator('.ant-modal textarea').fill('经核实属市政管线问题，予以免考核');
    await submitModal(page);
    await row.waitFor({ state: 'detached' }); // it leaves the pending list
    const granted = await api<{ items: { caseId: string; isExemptInScoring: boolean }[] }>('/api/appeals?status=granted', 'evaluator');
    expect(granted.items.find((a) => a.caseId === closed.id)?.isExemptInScoring).toBe(true);
    await page.context().close();
  });
});
