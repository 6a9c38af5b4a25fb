// What every browser journey shares: Debian's chromium and how to start it here, whether to run
// at all, and the production build of the web app under test.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const CHROMIUM = process.env.JIESU_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Skipped only on a developer machine without Debian's chromium; in CI (CI=true, which installs
 * it) a missing browser fails the run instead of hiding the journey.
 */
export const runsBrowser = existsSync(CHROMIUM) || Boolean(process.env.CI);

/** Builds apps/<name> (console, portal) once if its production build is missing. */
export function ensureBuilt(name: 'console' | 'portal'): void {
  execFileSync(process.execPath, [`${ROOT}scripts/ensure-built.mjs`, name], { cwd: ROOT, stdio: 'inherit' });
}

/** Headless, and without the background networking this machine's closed network refuses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
