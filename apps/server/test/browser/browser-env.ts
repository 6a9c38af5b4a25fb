// What every browser journey shares: Debian's chromium and how to start it here, whether to run
// at all, the production build of the web app under test, the server and browser of a file
// (startBrowserEnv), a phone or desktop context, logging in, and waiting for text to settle.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page, chromium } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/seed-demo';
import { type StartTestEnvOptions, type TestEnv, startTestEnv } from '../harness';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const CHROMIUM = process.env.JIESU_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Skipped only on a developer machine without Debian's chromium; in CI (CI=true, which installs
 * it) a missing browser fails the run instead of hiding the journey.
 */
export const runsBrowser = existsSync(CHROMIUM) || Boolean(process.env.CI);

/**
 * Builds apps/<name> (console, portal) once if its production build is missing. Asynchronously:
 * a build takes over a minute under load, and a worker whose event loop is blocked that long
 * fails the run with vitest's `Timeout calling "onTaskUpdate"` (its RPC to the main process times
 * out after 60 s, even though the answer arrived) — seen in CI-like runs at load 20.
 */
export async function ensureBuilt(name: 'console' | 'portal'): Promise<void> {
  const child = spawn(process.execPath, [`${ROOT}scripts/ensure-built.mjs`, name], { cwd: ROOT, stdio: 'inherit' });
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  if (code !== 0) throw new Error(`ensure-built ${name} failed (${signal ?? `exit ${code}`})`);
}

/** Headless, and without the background networking this machine's closed network refuses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface BrowserEnv {
  /** The server, on a copy of the run's seeded template database. */
  env: TestEnv;
  browser: Browser;
  /** The server's address, no trailing slash (the console is at `${base}/`, the portal at `${base}/portal/`). */
  base: string;
  /** Logs `username` in over HTTP and GETs `path` (from `/api/…`) with their token: the JSON answer. */
  api<T>(path: string, username: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * A browser journey's set-up: the production builds of `apps` (built once if missing), a test
 * server listening on a free loopback port, and Debian's chromium — the last two started together.
 * `options` go to startTestEnv (a clock, configuration).
 */
export async function startBrowserEnv(apps: ReadonlyArray<'console' | 'portal'>, options: StartTestEnvOptions = {}): Promise<BrowserEnv> {
  for (const app of apps) await ensureBuilt(app);
  const [env, browser] = await Promise.all([startTestEnv(options), launchChromium()]);
  const base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    env,
    browser,
    base,
    async api<T>(path: string, username: string): Promise<T> {
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      const { token } = (await login.json()) as { token: string };
      return (await (await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T;
    },
    async close() {
      await browser.close();
      await env.close();
    },
  };
}

/**
 * How long a page waits for what it expects (an upper bound: a passing step never waits it out).
 * Generous because CI's two cores are sometimes shared: a work-item action once took over 12 s to
 * re-render under a load average of 20.
 */
export const WAIT_MS = 30_000;

/**
 * Asserts on a value the page may still be changing (a text that re-renders when its data arrives):
 * `await eventually(() => locator.textContent()).toContain('…')` retries until it holds or WAIT_MS
 * pass. A bare `expect(await locator.textContent())` reads once and races the render.
 */
export function eventually<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: WAIT_MS, interval: 100 });
}

/**
 * Clicks a modal's 提交 and waits until the modal has gone: the action was accepted. If the console
 * shows an error notification or the form marks a field instead, or the modal is still open after
 * WAIT_MS, fails at once saying which — a step that only waited for the action's result would
 * time out without a word (CI once timed out waiting for a contact event, with nothing to go on).
 */
export async function submitModal(page: Page, modal = page.locator('.ant-modal')): Promise<void> {
  await modal.getByRole('button', { name: '提交' }).click();
  const refused = page.locator('.ant-notification-notice-error, .ant-modal .ant-form-item-explain-error').first();
  const outcome = await Promise.race([
    modal.waitFor({ state: 'hidden', timeout: WAIT_MS }).then(
      () => 'closed' as const,
      () => 'still open' as const,
    ),
    refused.waitFor({ timeout: WAIT_MS }).then(
      () => 'refused' as const,
      () => 'still open' as const,
    ),
  ]);
  if (outcome === 'refused') throw new Error(`提交 was refused: ${(await refused.textContent()) ?? ''}`);
  if (outcome === 'still open') throw new Error(`the modal was still open ${WAIT_MS} ms after 提交`);
}

/** A phone as street and community staff hold it: 390×844, touch, zh-CN, the city's time zone. */
export const PHONE_VIEWPORT = { width: 390, height: 844 } as const;
/** The centre's desktop screens. */
export const DESKTOP_VIEWPORT = { width: 1440, height: 900 } as const;

const CITY = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' } as const;

/** A phone-sized context (390×844, 2× pixels, mobile, touch); `extra` adds geolocation and the like. */
export function phoneContext(browser: Browser, extra: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: PHONE_VIEWPORT, deviceScaleFactor: 2, isMobile: true, hasTouch: true, ...CITY, ...extra });
}

/** A desktop context (1440×900 unless `extra.viewport` says otherwise), zh-CN, Asia/Shanghai. */
export function desktopContext(browser: Browser, extra: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: DESKTOP_VIEWPORT, ...CITY, ...extra });
}

export interface LogInOptions {
  /** A phone context instead of a desktop one. */
  phone?: boolean;
  /** Passed to the new context (a desktop viewport of another size, geolocation …). */
  context?: BrowserContextOptions;
  /** Playwright's default timeout for the page, in ms. */
  timeoutMs?: number;
  password?: string;
}

/**
 * Opens a new context and signs in to the console at `baseUrl` (the server's address, no trailing
 * slash) through its login form; resolves once the header shows who is logged in.
 */
export async function logIn(browser: Browser, baseUrl: string, username: string, options: LogInOptions = {}): Promise<Page> {
  const context = await (options.phone ? phoneContext : desktopContext)(browser, options.context);
  const page = await context.newPage();
  page.setDefaultTimeout(options.timeoutMs ?? WAIT_MS);
  await page.goto(`${baseUrl}/login`);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(options.password ?? DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('whoami').waitFor();
  return page;
}

/** A page's full width in CSS pixels (nothing wider than the phone means no sideways scrolling). */
export function pageWidth(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth');
}
