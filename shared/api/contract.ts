// The one API between the UI and the engine. Electron's preload exposes exactly this contract
// through contextBridge, `npm run web` serves it over HTTP; both sides validate with these schemas.
// Channels are `domain:method`; there is no generic send.
import { z } from 'zod';
import { articleSchema, issueMetaSchema, issueSchema, qrCodeSchema } from '../model/issue';
import { editorStateSchema } from '../content/lexicalJson';

const id = z.string().min(1).max(200);
const isoWeek = z.string().regex(/^\d{4}-W\d{2}$/, '期号格式应为 2024-W47');

export const issueListItemSchema = z.object({
  id,
  isoWeek,
  issueNumber: z.string(),
  dateRange: z.string(),
  title: z.string(),
  columnCount: z.number().int(),
  articleCount: z.number().int(),
  updatedAt: z.string(),
});
export type IssueListItem = z.infer<typeof issueListItemSchema>;

export const alreadyRanSchema = z.object({
  issueId: id,
  issueNumber: z.string(),
  articleId: id,
  title: z.string(),
  /** 栏目 it ran in */
  column: z.string().optional(),
  /** 0..1; 1 for an exact copy */
  similarity: z.number().min(0).max(1).optional(),
});
export type AlreadyRan = z.infer<typeof alreadyRanSchema>;

/** A clipping read by the import engine, shown to the editor before it joins a column. */
export const clippingSchema = z.object({
  fileName: z.string().max(500),
  title: z.string(),
  source: z.string(),
  author: z.string().nullable(),
  url: z.string().nullable(),
  content: editorStateSchema,
  summary: z.string(),
  warnings: z.array(z.string()),
  alreadyRan: z.array(alreadyRanSchema),
});
export type Clipping = z.infer<typeof clippingSchema>;

/** Outcome per file: a clipping, or a Chinese reason it could not be read. */
export const importResultSchema = z.object({
  clippings: z.array(clippingSchema),
  failures: z.array(z.object({ fileName: z.string(), messageZh: z.string() })),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const pageSizeSchema = z.enum(['A4', '16K']);
export type PageSize = z.infer<typeof pageSizeSchema>;

export const settingsSchema = z.object({
  publisher: z.string().max(200).default(''),
  website: z.string().max(500).default(''),
  address: z.string().max(500).default(''),
  phone: z.string().max(100).default(''),
  backCover: z.string().max(5000).default(''),
  pageSize: pageSizeSchema.default('A4'),
  summaryMinChars: z.number().int().min(20).max(2000).default(100),
  summaryMaxChars: z.number().int().min(40).max(5000).default(320),
  /** back-cover QR codes (images stored as `media:<sha256>`), used by issues that set none of their own */
  qrCodes: z.array(qrCodeSchema).max(4).default([]),
  /** face of body text, 提要 and table cells in the PDF and DOCX: 宋体-like serif (Noto Serif SC) or 黑体-like sans (Noto Sans SC) */
  bodyFont: z.enum(['serif', 'sans']).default('serif'),
  /** desktop app only: the folder exports are saved to ('' = the user's Documents folder); the browser uses its downloads */
  exportFolder: z.string().max(4000).default(''),
});
export type Settings = z.infer<typeof settingsSchema>;

export const jobStatusSchema = z.object({
  jobId: id,
  kind: z.enum(['pdf', 'docx']),
  state: z.enum(['running', 'done', 'failed']),
  /** Chinese stage name shown under the progress bar */
  stage: z.string(),
  /** 0..1 */
  progress: z.number().min(0).max(1),
  messageZh: z.string().optional(),
});
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const exportFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** base64 of the file's bytes */
  data: z.string(),
  pageCount: z.number().int().nullable(),
  /** articleId → page of its title */
  pageMap: z.record(z.string(), z.number().int()),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

export const searchHitSchema = z.object({
  issueId: id,
  issueNumber: z.string(),
  articleId: id,
  title: z.string(),
  column: z.string(),
  /** plain snippet text around the matches */
  snippet: z.string(),
  /** matched ranges in the snippet (offsets, end exclusive), highlighted by the UI */
  highlights: z.array(z.object({ start: z.number().int().min(0), end: z.number().int().min(0) })),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const viewpointPreviewSchema = z.object({
  columns: z.array(
    z.object({
      column: z.string(),
      entries: z.array(z.object({ articleId: id, title: z.string(), source: z.string(), summary: z.string(), page: z.number().int().nullable() })),
    }),
  ),
  pageCount: z.number().int().nullable(),
  /** true when page numbers came from a real layout, false while they are estimates */
  exact: z.boolean(),
});
export type ViewpointPreview = z.infer<typeof viewpointPreviewSchema>;

/** Most code points a face can map: all of Unicode. */
const CODE_POINTS = 0x110000;

/** One face of a metrics pack (shared/layout/metricsPack.ts's FacePack). */
const facePackSchema = z.object({
  unitsPerEm: z.number().int().min(16).max(16384),
  ascent: z.number().int().min(-32768).max(32767),
  descent: z.number().int().min(-32768).max(32767),
  missingAdvance: z.number().int().min(0).max(0xffff),
  twoEmDash: z.boolean(),
  /**
   * [gap, count, advance] triples of mapped code points (a wide CJK face packs to a few thousand), checked
   * in one loop: a per-element schema took 2–5 ms a call (warm) for the ~20,000 numbers, this ~0.1 ms.
   */
  runs: z
    .custom<number[]>((v) => Array.isArray(v), 'runs must be an array of numbers')
    .superRefine((runs, ctx) => {
      if (runs.length % 3 !== 0 || runs.length > 300_000) {
        ctx.addIssue({ code: 'custom', message: 'runs must be at most 100,000 [gap, count, advance] triples' });
        return;
      }
      let end = 0;
      for (let i = 0; i < runs.length; i += 3) {
        const gap = runs[i];
        const count = runs[i + 1];
        const advance = runs[i + 2];
        end += gap + count;
        const whole = Number.isInteger(gap) && Number.isInteger(count) && Number.isInteger(advance);
        if (!whole || gap < 0 || count < 1 || advance < 0 || advance > 0xffff || end > CODE_POINTS) {
          ctx.addIssue({ code: 'custom', message: `run ${i / 3} is not whole numbers, is empty, is wider than 65535 units or goes past U+10FFFF`, path: [i] });
          return;
        }
      }
    }),
});

const faceIndex = z.number().int().min(0).max(15).nullable();

/** The faces' metrics as plain numbers, for laying out without fontkit (the renderer's page-number worker). */
export const metricsPackSchema = z
  .object({
    version: z.literal(1),
    faces: z.array(facePackSchema).min(1).max(16),
    /** FontKey → index into faces; null: the machine lacks that face (the serif measures it) */
    keys: z.object({ serif: faceIndex, serifBold: faceIndex, sans: faceIndex, sansBold: faceIndex, extra: faceIndex }),
  })
  .superRefine((pack, ctx) => {
    if (pack.keys.serif === null) ctx.addIssue({ code: 'custom', message: 'the serif face is required', path: ['keys', 'serif'] });
    for (const [key, index] of Object.entries(pack.keys)) {
      if (index !== null && index >= pack.faces.length) ctx.addIssue({ code: 'custom', message: `no face ${index}`, path: ['keys', key] });
    }
  });

const empty = z.object({});
const ok = z.object({ ok: z.literal(true) });

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): { input: I; output: O } {
  return { input, output };
}

export const contract = {
  issues: {
    list: method(empty, z.array(issueListItemSchema)),
    get: method(z.object({ id }), issueSchema),
    create: method(
      z.object({ isoWeek, copyColumnsFrom: id.nullable().default(null), columns: z.array(z.string().min(1).max(100)).max(50).optional() }),
      issueSchema,
    ),
    save: method(issueSchema, z.object({ savedAt: z.string() })),
    saveMeta: method(z.object({ id, meta: issueMetaSchema }), z.object({ savedAt: z.string() })),
    remove: method(z.object({ id }), ok),
    columnNames: method(empty, z.array(z.string())),
    viewpoint: method(z.object({ id }), viewpointPreviewSchema),
    /**
     * 本期视点 with the editor's unsaved drafts of some articles laid over the saved issue (live page
     * numbers while an autosave is still pending); the drafts are not saved. Each must already be in
     * that column of the saved issue (code `viewpoint-draft-stale` otherwise: save, then ask again).
     */
    viewpointDraft: method(
      z.object({ id, drafts: z.array(z.object({ columnId: id, article: articleSchema })).max(500) }),
      viewpointPreviewSchema,
    ),
    /** a `.weekly` file (zip: manifest, Lexical content, media), base64, into the archive */
    importWeekly: method(
      z.object({
        name: z.string().min(1).max(500),
        data: z.string().min(1).max(140_000_000),
        /** when the archive already holds that issue: refuse (code `weekly-file-exists`), replace it, or import a copy */
        onConflict: z.enum(['error', 'replace', 'copy']).default('error'),
      }),
      issueSchema,
    ),
    /** one issue as a `.weekly` file, base64, for a download (web mode) or a save dialog */
    exportWeekly: method(z.object({ id }), z.object({ fileName: z.string(), data: z.string() })),
  },
  articles: {
    save: method(z.object({ issueId: id, columnId: id, article: articleSchema }), z.object({ savedAt: z.string() })),
    summarize: method(z.object({ title: z.string().max(500), content: editorStateSchema }), z.object({ summary: z.string() })),
  },
  import: {
    files: method(
      z.object({
        issueId: id.nullable().default(null),
        files: z.array(z.object({ name: z.string().min(1).max(500), data: z.string().max(70_000_000) })).min(1).max(100),
      }),
      importResultSchema,
    ),
    html: method(z.object({ issueId: id.nullable().default(null), html: z.string().max(20_000_000) }), importResultSchema),
    url: method(z.object({ issueId: id.nullable().default(null), url: z.url({ protocol: /^https?$/, error: '请输入以 http:// 或 https:// 开头的网址' }).max(4000) }), importResultSchema),
  },
  export: {
    pdf: method(z.object({ issueId: id, pageSize: pageSizeSchema.optional() }), z.object({ jobId: id })),
    docx: method(z.object({ issueId: id, pageSize: pageSizeSchema.optional() }), z.object({ jobId: id })),
    status: method(z.object({ jobId: id }), jobStatusSchema),
    result: method(z.object({ jobId: id }), exportFileSchema),
  },
  media: {
    /** store an image (PNG or JPEG: what the PDF can embed) in the archive; returns its `media:<sha256>` */
    put: method(z.object({ mimeType: z.enum(['image/png', 'image/jpeg']), data: z.string().min(1).max(14_000_000) }), z.object({ ref: z.string() })),
    get: method(z.object({ ref: z.string().regex(/^media:[0-9a-f]{64}$/) }), z.object({ mimeType: z.string(), data: z.string() })),
  },
  search: {
    query: method(z.object({ query: z.string().min(1).max(200), limit: z.number().int().min(1).max(200).default(50) }), z.array(searchHitSchema)),
  },
  settings: {
    get: method(empty, settingsSchema),
    set: method(settingsSchema, settingsSchema),
  },
  layout: {
    /** the faces' metrics, for the layout engine in the renderer (same numbers as the PDF's); made once per engine process */
    metrics: method(empty, metricsPackSchema),
  },
  app: {
    /** what the app opened on start (e.g. `--sample`): an issue to show first */
    startup: method(empty, z.object({ openIssueId: id.nullable(), version: z.string() })),
  },
} as const;

export type Contract = typeof contract;
export type Domain = keyof Contract;
export type MethodOf<D extends Domain> = keyof Contract[D] & string;
export type Channel = { [D in Domain]: `${D}:${MethodOf<D>}` }[Domain];

type Spec<D extends Domain, M extends MethodOf<D>> = Contract[D][M] extends { input: infer I; output: infer O } ? { input: I; output: O } : never;
export type InputOf<D extends Domain, M extends MethodOf<D>> = Spec<D, M>['input'] extends z.ZodType ? z.input<Spec<D, M>['input']> : never;
export type OutputOf<D extends Domain, M extends MethodOf<D>> = Spec<D, M>['output'] extends z.ZodType ? z.output<Spec<D, M>['output']> : never;
/** What the handler receives: the input after parsing (defaults filled). */
export type ParsedInputOf<D extends Domain, M extends MethodOf<D>> = Spec<D, M>['input'] extends z.ZodType ? z.output<Spec<D, M>['input']> : never;

/** The typed client every caller (renderer over HTTP, renderer over preload, tests) holds. */
export type WeeklyDeskApi = { [D in Domain]: { [M in MethodOf<D>]: (input: InputOf<D, M>) => Promise<OutputOf<D, M>> } };
/** What the engine implements. */
export type WeeklyDeskHandlers = { [D in Domain]: { [M in MethodOf<D>]: (input: ParsedInputOf<D, M>) => Promise<OutputOf<D, M>> } };

export const CHANNELS: readonly Channel[] = (Object.keys(contract) as Domain[]).flatMap((d) =>
  Object.keys(contract[d]).map((m) => `${d}:${m}` as Channel),
);

export function isChannel(name: string): name is Channel {
  return (CHANNELS as readonly string[]).includes(name);
}

export function splitChannel(channel: Channel): [Domain, string] {
  const [d, m] = channel.split(':') as [Domain, string];
  return [d, m];
}

export function specOf(channel: Channel): { input: z.ZodType; output: z.ZodType } {
  const [d, m] = splitChannel(channel);
  return (contract[d] as Record<string, { input: z.ZodType; output: z.ZodType }>)[m];
}

/** Error as it crosses the boundary: code + Chinese message for the editor. */
export const apiErrorSchema = z.object({ code: z.string(), messageZh: z.string() });
export type ApiError = z.infer<typeof apiErrorSchema>;

/** Build a typed client from one transport function (HTTP, IPC); the channel set is closed. */
export function createClient(invoke: (channel: Channel, input: unknown) => Promise<unknown>): WeeklyDeskApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    const [d, m] = splitChannel(channel);
    api[d] ??= {};
    api[d][m] = (input: unknown) => invoke(channel, input ?? {});
  }
  return api as unknown as WeeklyDeskApi;
}
