// An issue's metadata from its ISO week: 期号 and the Monday–Sunday dates follow from the week;
// series, title and subtitle default to the digest's own. Given values win; undefined ones do not.
import { dateRangeLabel, issueNumberLabel, parseIsoWeek } from '../dates/isoWeek';
import type { IssueMeta } from './issue';

export function issueMetaForWeek(isoWeek: string, given: Partial<IssueMeta> = {}): IssueMeta {
  const week = parseIsoWeek(isoWeek);
  const meta: IssueMeta = {
    series: '医药先锋系列之',
    title: '医周药事',
    subtitle: 'Medical weekly pharmacy',
    isoWeek,
    issueNumber: issueNumberLabel(week),
    dateRange: dateRangeLabel(week),
    tags: [],
    readingNote: '',
    backCover: '',
  };
  for (const [key, value] of Object.entries(given)) {
    if (value !== undefined) Object.assign(meta, { [key]: value });
  }
  return meta;
}
