// The editors' world: an Issue (期) has ordered Columns (栏目), each with ordered Articles.
import { z } from 'zod';
import { editorStateSchema } from '../content/lexicalJson';

export const articleSchema = z.object({
  id: z.string().min(1).max(200),
  title: z.string().max(500),
  /** 来源 */
  source: z.string().max(500).default(''),
  /** 作者; null when the clipping names none. */
  author: z.string().max(500).nullable().default(null),
  url: z.string().max(4000).nullable().default(null),
  clippedAt: z.string().nullable().default(null),
  content: editorStateSchema,
  /** 【提要】 */
  summary: z.string().max(5000).default(''),
  /** true once the editor changed the 提要 by hand: a regenerate never overwrites it unasked. */
  summaryEdited: z.boolean().default(false),
});
export type Article = z.infer<typeof articleSchema>;

export const columnSchema = z.object({
  id: z.string().min(1).max(200),
  /** 栏目 name, e.g. 专家观点 */
  name: z.string().min(1).max(100),
  articles: z.array(articleSchema),
});
export type Column = z.infer<typeof columnSchema>;

export const qrCodeSchema = z.object({
  image: z.string().min(1).max(3_000_000),
  caption: z.string().max(200),
});
export type QrCode = z.infer<typeof qrCodeSchema>;

export const issueMetaSchema = z.object({
  series: z.string().max(200).default('医药先锋系列之'),
  title: z.string().min(1).max(200).default('医周药事'),
  subtitle: z.string().max(200).default('Medical weekly pharmacy'),
  /** ISO week, e.g. 2024-W47 */
  isoWeek: z.string().regex(/^\d{4}-W\d{2}$/),
  /** 期号, e.g. 2024年第47期 */
  issueNumber: z.string().max(100),
  /** e.g. 2024.11.18-2024.11.24 */
  dateRange: z.string().max(100),
  tags: z.array(z.string().max(50)).max(20).default([]),
  readingNote: z.string().max(2000).default(''),
  backCover: z.string().max(5000).default(''),
  /** QR codes on the back cover: an image (`media:<sha256>` in the archive, a data: URL for the layout) and its caption */
  qrCodes: z.array(qrCodeSchema).max(4).optional(),
});
export type IssueMeta = z.infer<typeof issueMetaSchema>;

export const issueSchema = z.object({
  id: z.string().min(1).max(200),
  meta: issueMetaSchema,
  columns: z.array(columnSchema),
});
export type Issue = z.infer<typeof issueSchema>;

export const DEFAULT_READING_NOTE =
  '阅读提醒：使用手机阅读的朋友，请按页码提示，进行阅读；使用电脑阅读的朋友，可点击您要阅读的文章标题，直接跳转具体内容。';

export function allArticles(issue: Issue): Array<{ column: Column; article: Article }> {
  return issue.columns.flatMap((column) => column.articles.map((article) => ({ column, article })));
}
