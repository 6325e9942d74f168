// What the 新建期刊 dialog shows for a chosen week (pure).
import { dateRangeLabel, formatIsoWeek, isoWeekOf, issueNumberLabel, parseIsoWeek } from '../../../shared/dates/isoWeek';

export interface WeekChoice {
  isoWeek: string;
  issueNumber: string;
  dateRange: string;
}

/** null when the text is not a real ISO week (e.g. 2021-W53). */
export function describeWeek(text: string): WeekChoice | null {
  try {
    const week = parseIsoWeek(text);
    return { isoWeek: formatIsoWeek(week), issueNumber: issueNumberLabel(week), dateRange: dateRangeLabel(week) };
  } catch {
    return null;
  }
}

/** The week editors usually start on Monday: the current one. */
export function currentWeek(now: Date): string {
  const local = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  return formatIsoWeek(isoWeekOf(local));
}
