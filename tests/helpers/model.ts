// Realistic model values shared by tests: the 2024-W47 issue's metadata as printed.
import type { IssueMeta } from '../../shared/model/issue';

export function issueMeta2024W47(overrides: Partial<IssueMeta> = {}): IssueMeta {
  return {
    series: '医药先锋系列之',
    title: '医周药事',
    subtitle: 'Medical weekly pharmacy',
    isoWeek: '2024-W47',
    issueNumber: '2024年第47期',
    dateRange: '2024.11.18-2024.11.24',
    tags: [],
    readingNote: '',
    backCover: '',
    ...overrides,
  };
}
