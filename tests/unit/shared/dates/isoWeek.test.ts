import { describe, expect, it } from 'vitest';
import {
  dateRangeLabel,
  formatIsoWeek,
  isoWeekOf,
  isoWeekRange,
  issueNumberLabel,
  parseIsoWeek,
  weeksInIsoYear,
} from '../../../../shared/dates/isoWeek';

describe('ISO weeks', () => {
  it.each([
    ['2024-W47', '2024.11.18-2024.11.24'],
    ['2022-W08', '2022.02.21-2022.02.27'],
    ['2022-W51', '2022.12.19-2022.12.25'],
    ['2021-W08', '2021.02.22-2021.02.28'],
    ['2020-W53', '2020.12.28-2021.01.03'],
    ['2026-W01', '2025.12.29-2026.01.04'],
  ])('%s runs %s (Monday to Sunday, as the printed issues say)', (week, range) => {
    expect(dateRangeLabel(parseIsoWeek(week))).toBe(range);
  });

  it('labels the issue number', () => {
    expect(issueNumberLabel(parseIsoWeek('2024-W47'))).toBe('2024年第47期');
    expect(issueNumberLabel(parseIsoWeek('2021-W08'))).toBe('2021年第8期');
  });

  it('finds the week of a date, across year boundaries', () => {
    expect(formatIsoWeek(isoWeekOf(new Date(Date.UTC(2024, 10, 20))))).toBe('2024-W47');
    expect(formatIsoWeek(isoWeekOf(new Date(Date.UTC(2021, 0, 1))))).toBe('2020-W53');
    expect(formatIsoWeek(isoWeekOf(new Date(Date.UTC(2024, 11, 30))))).toBe('2025-W01');
    expect(formatIsoWeek(isoWeekOf(new Date(Date.UTC(2026, 10, 23))))).toBe('2026-W48');
  });

  it('round-trips every week of several years', () => {
    for (let year = 2015; year <= 2030; year++) {
      for (let week = 1; week <= weeksInIsoYear(year); week++) {
        const { monday, sunday } = isoWeekRange({ year, week });
        expect(monday.getUTCDay()).toBe(1);
        expect(sunday.getUTCDay()).toBe(0);
        expect(isoWeekOf(monday)).toEqual({ year, week });
        expect(isoWeekOf(sunday)).toEqual({ year, week });
      }
    }
  });

  it('knows 53-week years', () => {
    expect(weeksInIsoYear(2020)).toBe(53);
    expect(weeksInIsoYear(2026)).toBe(53);
    expect(weeksInIsoYear(2024)).toBe(52);
  });

  it('rejects malformed and impossible weeks', () => {
    expect(() => parseIsoWeek('2024-47')).toThrow(/ISO week/);
    expect(() => parseIsoWeek('2024-W53')).toThrow(/does not exist/);
    expect(() => parseIsoWeek('2024-W00')).toThrow(/does not exist/);
  });
});
