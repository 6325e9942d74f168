// An issue's metadata from its ISO week: 期号 and the Monday–Sunday dates follow from the week;
// series, title and subtitle default to the digest's own. Given values win; undefined ones do not.
// Also what the 期刊信息 dialog needs: moving to another week, and checking the fields.
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

/** Dash variants editors type between two dates (2024.11.18—2024.11.24, 2024.11.18～2024.11.24). */
function sameDates(a: string, b: string): boolean {
  const norm = (s: string): string => s.replace(/\s+/g, '').replace(/[-‐‑‒–—―－~～至]+/g, '-');
  return norm(a) === norm(b);
}

/** Whether 期号 and 日期范围 still read as the week's own labels (blank counts as following the week). */
export function followsWeek(meta: Pick<IssueMeta, 'isoWeek' | 'issueNumber' | 'dateRange'>): { issueNumber: boolean; dateRange: boolean } {
  let week: ReturnType<typeof parseIsoWeek>;
  try {
    week = parseIsoWeek(meta.isoWeek);
  } catch {
    return { issueNumber: meta.issueNumber.trim() === '', dateRange: meta.dateRange.trim() === '' };
  }
  return {
    issueNumber: meta.issueNumber.trim() === '' || meta.issueNumber.trim() === issueNumberLabel(week),
    dateRange: meta.dateRange.trim() === '' || sameDates(meta.dateRange, dateRangeLabel(week)),
  };
}

/**
 * The metadata moved to another ISO week: 期号 and the Monday–Sunday 日期范围 follow the new week,
 * unless the editor wrote their own (e.g. 2024年第47期（总第300期）) and `force` is not set.
 * Throws on a week that does not exist.
 */
export function withIsoWeek<M extends IssueMeta>(meta: M, isoWeek: string, force = false): M {
  const week = parseIsoWeek(isoWeek);
  const follows = force ? { issueNumber: true, dateRange: true } : followsWeek(meta);
  return {
    ...meta,
    isoWeek,
    issueNumber: follows.issueNumber ? issueNumberLabel(week) : meta.issueNumber,
    dateRange: follows.dateRange ? dateRangeLabel(week) : meta.dateRange,
  };
}

export type IssueMetaField = 'series' | 'title' | 'subtitle' | 'isoWeek' | 'issueNumber' | 'dateRange' | 'tags' | 'readingNote' | 'backCover' | 'qrCodes';

/** Limits of issueMetaSchema, with the names editors know the fields by. */
const TEXT_LIMITS: Array<{ field: Exclude<IssueMetaField, 'isoWeek' | 'tags' | 'qrCodes'>; label: string; max: number; required?: boolean }> = [
  { field: 'series', label: '系列', max: 200 },
  { field: 'title', label: '刊名', max: 200, required: true },
  { field: 'subtitle', label: '副标题', max: 200 },
  { field: 'issueNumber', label: '期号', max: 100, required: true },
  { field: 'dateRange', label: '日期范围', max: 100 },
  { field: 'readingNote', label: '阅读提醒', max: 2000 },
  { field: 'backCover', label: '封底文字', max: 5000 },
];
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 50;
export const MAX_ISSUE_QR_CODES = 4;

/** Chinese messages per field for metadata the schema (or the cover) cannot take; empty when all is well. */
export function issueMetaProblems(meta: IssueMeta): Partial<Record<IssueMetaField, string>> {
  const problems: Partial<Record<IssueMetaField, string>> = {};
  for (const { field, label, max, required } of TEXT_LIMITS) {
    const value = meta[field];
    if (required && value.trim() === '') problems[field] = `请填写${label}。`;
    else if (value.length > max) problems[field] = `${label}最多 ${max} 个字符（现有 ${value.length} 个）。`;
  }
  try {
    parseIsoWeek(meta.isoWeek);
  } catch {
    problems.isoWeek = /^\d{4}-W\d{2}$/.test(meta.isoWeek.trim()) ? `没有这一周：${meta.isoWeek}。` : '请选择周次（例如 2024 年第 47 周）。';
  }
  const tagProblem = meta.tags.map((t, k) => tagProblems(meta.tags.slice(0, k), t)).find(Boolean);
  if (meta.tags.length > MAX_TAGS) problems.tags = `标签最多 ${MAX_TAGS} 个。`;
  else if (tagProblem) problems.tags = tagProblem;
  if (meta.qrCodes && meta.qrCodes.length > MAX_ISSUE_QR_CODES) problems.qrCodes = `二维码最多 ${MAX_ISSUE_QR_CODES} 个。`;
  return problems;
}

/** Why `tag` cannot join `tags`, or null when it can (blank, too long, already there, one too many). */
export function tagProblems(tags: readonly string[], tag: string): string | null {
  const t = tag.trim();
  if (t === '') return '标签不能为空。';
  if (t.length > MAX_TAG_LENGTH) return `标签最多 ${MAX_TAG_LENGTH} 个字符：“${t.slice(0, 12)}…”。`;
  if (tags.includes(t)) return `标签“${t}”已经有了。`;
  if (tags.length >= MAX_TAGS) return `标签最多 ${MAX_TAGS} 个。`;
  return null;
}

/** Tags typed into the tag box, split at commas, 、 and semicolons: 医保，医疗、医药 → three tags. */
export function splitTags(text: string): string[] {
  return text
    .split(/[,，、;；\n]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}
