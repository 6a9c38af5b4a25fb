// Vitest globalSetup of the integration project: the production builds of the web apps the
// browser journeys serve (apps/console, apps/portal), built once per run before any file starts
// when they are missing (a clean clone, CI) — a no-op when they exist. Here and not in each
// file's beforeAll: a build takes 40–120 s depending on load, which would count against the
// file's hook timeout, and building in the main process keeps it off the test workers.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export default async function setup(): Promise<void> {
  const child = spawn(process.execPath, [`${ROOT}scripts/ensure-built.mjs`], { cwd: ROOT, stdio: 'inherit' });
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  if (code !== 0) throw new Error(`scripts/ensure-built.mjs failed (${signal ?? `exit ${code}`})`);
}
