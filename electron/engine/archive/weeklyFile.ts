// The portable `.weekly` file: one issue as a zip holding weekly.json (format marker, metadata,
// columns, article fields), articles/<n>.json (Lexical content) and media/<sha256> (images).
// Every entry's sha256 is listed in weekly.json, so a damaged file is caught on import, not later.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { z } from 'zod';
import { UserFacingError } from '../../../shared/errors';
import { articleSchema, issueMetaSchema, issueSchema, type Issue } from '../../../shared/model/issue';
import { collectMediaRefs, parseMediaRef, sha256Hex, type MediaItem } from './media';

export const WEEKLY_FORMAT = 'weekly-desk/issue';
export const WEEKLY_FORMAT_VERSION = 1;
const MANIFEST_ENTRY = 'weekly.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const weeklyManifestSchema = z.object({
  format: z.literal(WEEKLY_FORMAT),
  formatVersion: z.number().int().min(1),
  exportedAt: z.string(),
  issue: z.object({
    id: z.string().min(1),
    meta: issueMetaSchema,
    columns: z.array(
      z.object({
        id: z.string().min(1),
        name: z.string().min(1),
        articles: z.array(articleSchema.omit({ content: true }).extend({ contentEntry: z.string(), contentSha256: sha256 })),
      }),
    ),
  }),
  media: z.array(z.object({ ref: z.string(), mime: z.string(), entry: z.string(), sha256 })),
});
type WeeklyManifest = z.infer<typeof weeklyManifestSchema>;

export interface ExportWeeklyOptions {
  readMedia: (ref: string) => MediaItem;
  now: Date;
}

export async function exportWeeklyFile(issue: Issue, file: string, options: ExportWeeklyOptions): Promise<void> {
  const entries: Zippable = {};
  const manifest: WeeklyManifest = {
    format: WEEKLY_FORMAT,
    formatVersion: WEEKLY_FORMAT_VERSION,
    exportedAt: options.now.toISOString(),
    issue: { id: issue.id, meta: issue.meta, columns: [] },
    media: [],
  };
  let n = 0;
  for (const column of issue.columns) {
    const articles: WeeklyManifest['issue']['columns'][number]['articles'] = [];
    for (const { content, ...fields } of column.articles) {
      const entry = `articles/${String(++n).padStart(3, '0')}.json`;
      const bytes = strToU8(JSON.stringify(content));
      entries[entry] = bytes;
      articles.push({ ...fields, contentEntry: entry, contentSha256: sha256Hex(bytes) });
    }
    manifest.issue.columns.push({ id: column.id, name: column.name, articles });
  }
  for (const ref of collectMediaRefs(issue.columns)) {
    const media = options.readMedia(ref);
    const entry = `media/${media.hash}`;
    // Images are compressed already; storing them saves time for nothing lost.
    entries[entry] = [new Uint8Array(media.bytes), { level: 0 }];
    manifest.media.push({ ref, mime: media.mime, entry, sha256: media.hash });
  }
  entries[MANIFEST_ENTRY] = strToU8(JSON.stringify(manifest, null, 1));
  const tmp = `${file}.partial`;
  await writeFile(tmp, zipSync(entries, { level: 6 }));
  await rename(tmp, file);
}

export interface ImportWeeklyOptions {
  /**
   * When the archive already holds an issue with the file's id: 'error' (default) refuses,
   * 'replace' overwrites it, 'copy' imports under a new id.
   */
  onConflict?: 'error' | 'replace' | 'copy';
}

export interface ImportWeeklyContext extends ImportWeeklyOptions {
  exists: (issueId: string) => boolean;
  putMedia: (bytes: Uint8Array, mime: string) => string;
}

function damaged(file: string, detail: string, cause?: unknown): UserFacingError {
  return new UserFacingError(
    'weekly-file-damaged',
    `文件 ${basename(file)} 已损坏或不完整，无法导入。请重新导出或重新传输后再试。`,
    `${file} is damaged: ${detail}`,
    { cause },
  );
}

function foreign(file: string, detail: string): UserFacingError {
  return new UserFacingError(
    'weekly-file-foreign',
    `文件 ${basename(file)} 不是周刊编辑台导出的 .weekly 期刊文件。`,
    `${file} is not a Weekly Desk .weekly file: ${detail}`,
  );
}

function unzip(file: string, bytes: Uint8Array): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes);
  } catch (e) {
    // A zip that does not even start like one was never ours; one that does is damaged.
    const looksLikeZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
    if (!looksLikeZip) throw foreign(file, 'not a zip archive');
    throw damaged(file, `unreadable zip (${e instanceof Error ? e.message : String(e)})`, e);
  }
}

function readManifest(file: string, entries: Record<string, Uint8Array>): WeeklyManifest {
  const raw = entries[MANIFEST_ENTRY];
  if (!raw) throw foreign(file, `no ${MANIFEST_ENTRY}`);
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(raw));
  } catch (e) {
    throw damaged(file, `${MANIFEST_ENTRY} is not JSON`, e);
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== WEEKLY_FORMAT) throw foreign(file, `format is ${JSON.stringify(format)}`);
  const version = (json as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > WEEKLY_FORMAT_VERSION) {
    throw new UserFacingError(
      'weekly-file-too-new',
      `文件 ${basename(file)} 由更新版本的周刊编辑台导出，请升级软件后再导入。`,
      `${file} has format version ${version}; this build reads up to ${WEEKLY_FORMAT_VERSION}`,
    );
  }
  const parsed = weeklyManifestSchema.safeParse(json);
  if (!parsed.success) throw damaged(file, `${MANIFEST_ENTRY}: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`);
  return parsed.data;
}

function entryBytes(file: string, entries: Record<string, Uint8Array>, name: string, expected: string): Uint8Array {
  const bytes = entries[name];
  if (!bytes) throw damaged(file, `missing entry ${name}`);
  if (sha256Hex(bytes) !== expected) throw damaged(file, `entry ${name} does not match its checksum`);
  return bytes;
}

function freeId(base: string, exists: (id: string) => boolean): string {
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!exists(id)) return id;
  }
}

/** Reads and checks a `.weekly` file, stores its media, and returns the issue to save. */
export async function importWeeklyFile(file: string, context: ImportWeeklyContext): Promise<Issue> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new UserFacingError('weekly-file-unreadable', `无法读取文件 ${basename(file)}。`, `Cannot read ${file}`, { cause: e });
  }
  const entries = unzip(file, bytes);
  const manifest = readManifest(file, entries);

  // Check everything before storing anything.
  const columns = manifest.issue.columns.map((c) => ({
    id: c.id,
    name: c.name,
    articles: c.articles.map(({ contentEntry, contentSha256, ...fields }) => {
      const raw = entryBytes(file, entries, contentEntry, contentSha256);
      let content: unknown;
      try {
        content = JSON.parse(strFromU8(raw));
      } catch (e) {
        throw damaged(file, `${contentEntry} is not JSON`, e);
      }
      return { ...fields, content };
    }),
  }));
  const media = manifest.media.map((m) => {
    if (parseMediaRef(m.ref) !== m.sha256) throw damaged(file, `media reference ${m.ref} does not match its hash`);
    return { ...m, bytes: entryBytes(file, entries, m.entry, m.sha256) };
  });
  const shipped = new Set(media.map((m) => m.ref));
  for (const ref of collectMediaRefs(columns)) if (!shipped.has(ref)) throw damaged(file, `image ${ref} is referenced but not included`);
  let id = manifest.issue.id;
  if (context.exists(id)) {
    const policy = context.onConflict ?? 'error';
    if (policy === 'error') {
      throw new UserFacingError(
        'weekly-file-exists',
        `档案库中已有这一期（${manifest.issue.meta.issueNumber}）。可以选择覆盖，或作为副本导入。`,
        `Issue ${id} is already in the archive`,
      );
    }
    if (policy === 'copy') id = freeId(id, context.exists);
  }
  const parsed = issueSchema.safeParse({ id, meta: manifest.issue.meta, columns });
  if (!parsed.success) throw damaged(file, `issue: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`);
  for (const m of media) context.putMedia(m.bytes, m.mime);
  return parsed.data;
}
