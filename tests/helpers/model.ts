// Realistic model values shared by tests: the 2024-W47 issue's metadata as printed.
import type { IssueMeta } from '../../shared/model/issue';
import { issueMetaForWeek } from '../../shared/model/issueMeta';

export function issueMeta2024W47(overrides: Partial<IssueMeta> = {}): IssueMeta {
  return issueMetaForWeek('2024-W47', overrides);
}
