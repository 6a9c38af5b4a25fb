#!/usr/bin/env node
// Builds the web apps the server serves (apps/console → /, apps/portal → /portal/) when their
// production build is missing, so `npm start` and the browser tests need no extra step. One
// mechanism for every web app: each workspace under apps/ with a `build` script and a vite config.
// `--force` rebuilds even when dist/index.html exists.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
  console.log(`[ensure-built] building ${pkg.name} …`);
  // A production build whoever calls it: under vitest NODE_ENV is 'test', which would bundle
  // React's development build (a third heavier, and not what users get).
  execFileSync('npm', ['run', 'build', '--workspace', pkg.name], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
