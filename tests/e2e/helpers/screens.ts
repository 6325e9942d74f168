// Screenshots of each screen at 1440×900: always under test-results/, and into docs/screenshots/
// when UPDATE_SCREENSHOTS=1 (so a normal test run leaves tracked files alone).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './webApp';

export const VIEWPORT = { width: 1440, height: 900 };

export async function screenshot(page: Page, name: string): Promise<void> {
  const dirs = [join(REPO_ROOT, 'test-results', 'screenshots')];
  if (process.env.UPDATE_SCREENSHOTS === '1') dirs.push(join(REPO_ROOT, 'docs', 'screenshots'));
  for (const dir of dirs) {
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${name}.png`) });
  }
}
