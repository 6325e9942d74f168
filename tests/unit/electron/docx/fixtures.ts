// Where the team's fixture issues live (../shared/fixtures next to the repository; see fixtures/README.md).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/fixtures');
export const FIXTURE_ISSUES = ['2024-W47', '2021-W08'] as const;
