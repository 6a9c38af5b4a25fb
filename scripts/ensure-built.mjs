#!/usr/bin/env node
// Builds the web apps the server serves (apps/console → /, apps/portal → /portal/) when their
// production build is missing, so `npm start` and the browser tests need no extra step. One
// mechanism for every web app: each workspace under apps/ with a `build` script and a vite config.
// `--force` rebuilds even when dist/index.html exists. Test files running side by side may call it
// at once: one builds an app while the others wait for it (a lock folder per app), so nobody serves
// or overwrites a half-written dist/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const force = process.argv.includes('--force');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

for (const name of readdirSync(join(root, 'apps'))) {
  const dir = join(root, 'apps', name);
  const pkgFile = join(dir, 'package.json');
  if (!existsSync(pkgFile) || (only.length > 0 && !only.includes(name))) continue;
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  const isWebApp = pkg.scripts?.build && (existsSync(join(dir, 'vite.config.ts')) || existsSync(join(dir, 'vite.config.js')));
  if (!isWebApp || !existsSync(join(dir, 'index.html'))) continue;
  if (!force && existsSync(join(dir, 'dist', 'index.html'))) continue;
  const release = lock(join(dir, '.ensure-built.lock'));
  try {
    // another caller may have built it while this one waited for the lock
    if (!force && existsSync(join(dir, 'dist', 'index.html'))) continue;
    console.log(`[ensure-built] building ${pkg.name} …`);
    // A production build whoever calls it: under vitest NODE_ENV is 'test', which would bundle
    // React's development build (a third heavier, and not what users get).
    execFileSync('npm', ['run', 'build', '--workspace', pkg.name], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  } finally {
    release();
  }
}

/** Takes the lock folder `path` (waiting while a live process holds it; a dead holder's is taken over). */
function lock(path) {
  for (;;) {
    try {
      mkdirSync(path);
      writeFileSync(join(path, 'pid'), String(process.pid));
      return () => rmSync(path, { recursive: true, force: true });
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(join(path, 'pid'), 'utf8'));
    } catch {
      // just created, pid not written yet
    }
    if (Number.isInteger(holder) && holder > 0 && !isAlive(holder)) {
      rmSync(path, { recursive: true, force: true });
      continue;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}
