// ISO 8601 weeks: the issue number is the ISO week and its dates run Monday to Sunday.
// Pure date arithmetic in UTC so no time zone shifts a day.

export interface IsoWeek {
  year: number;
  week: number;
}

const DAY_MS = 86_400_000;

export function parseIsoWeek(text: string): IsoWeek {
  const m = /^(\d{4})-W(\d{2})$/.exec(text.trim());
  if (!m) throw new Error(`Not an ISO week: "${text}" (expected e.g. 2024-W47)`);
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1 || week > weeksInIsoYear(year)) throw new Error(`Week ${week} does not exist in ISO year ${year}`);
  return { year, week };
}

export function formatIsoWeek({ year, week }: IsoWeek): string {
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday of ISO week 1: the week containing January 4th. */
function week1Monday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - dow * DAY_MS;
}

export function weeksInIsoYear(year: number): number {
  return Math.round((week1Monday(year + 1) - week1Monday(year)) / (7 * DAY_MS));
}

/** Monday and Sunday (UTC midnight) of the week. */
export function isoWeekRange({ year, week }: IsoWeek): { monday: Date; sunday: Date } {
  const monday = week1Monday(year) + (week - 1) * 7 * DAY_MS;
  return { monday: new Date(monday), sunday: new Date(monday + 6 * DAY_MS) };
}

/** The ISO week a calendar date (taken in UTC) belongs to. */
export function isoWeekOf(date: Date): IsoWeek {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const dow = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = new Date(day + (3 - dow) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - week1Monday(year)) / (7 * DAY_MS)) + 1;
  return { year, week };
}

function dotted(d: Date): string {
  return `${d.getUTCFullYear()}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** 2024-W47 → "2024.11.18-2024.11.24" */
export function dateRangeLabel(week: IsoWeek): string {
  const { monday, sunday } = isoWeekRange(week);
  return `${dotted(monday)}-${dotted(sunday)}`;
}

/** 2024-W47 → "2024年第47期" */
export function issueNumberLabel({ year, week }: IsoWeek): string {
  return `${year}年第${week}期`;
}
