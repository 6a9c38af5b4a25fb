// Where browser journeys save their screenshots: a temporary folder by default, so a test run
// leaves the work tree as it was; docs/screenshots when JIESU_UPDATE_SCREENSHOTS=1 (then look at
// them and commit the ones that changed).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DOCS = fileURLToPath(new URL('../../../../docs/screenshots/', import.meta.url));

export function screenshotDir(): string {
  if (process.env.JIESU_UPDATE_SCREENSHOTS === '1') {
    mkdirSync(DOCS, { recursive: true });
    return DOCS;
  }
  return `${mkdtempSync(join(tmpdir(), 'jiesu-screenshots-'))}/`;
}
