// Images stored once by content hash: bytes in <mediaDir>/<first two hex>/<sha256>, a row in
// `media` for the type. Articles refer to them as `media:<sha256>`.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadableDB, WritableDB } from './db';
import { notFound } from './errors';

export const MEDIA_PREFIX = 'media:';
const MEDIA_REF = /^media:([0-9a-f]{64})$/;

export function mediaRef(hash: string): string {
  return `${MEDIA_PREFIX}${hash}`;
}

/** The hash in a `media:<sha256>` reference, or null for anything else (data:, http:, ''). */
export function parseMediaRef(ref: string): string | null {
  return MEDIA_REF.exec(ref)?.[1] ?? null;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function mediaFilePath(mediaDir: string, hash: string): string {
  return join(mediaDir, hash.slice(0, 2), hash);
}

/** Stores the bytes (once) and returns their `media:<sha256>` reference. */
export function putMedia(db: WritableDB, mediaDir: string, bytes: Uint8Array, mime: string, now: Date): string {
  const hash = sha256Hex(bytes);
  const file = mediaFilePath(mediaDir, hash);
  if (!existsSync(file) || readFileSync(file).length !== bytes.length) {
    mkdirSync(join(mediaDir, hash.slice(0, 2)), { recursive: true });
    // Write then rename, so a crash never leaves a half-written image under its final name.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
  }
  db.prepare('INSERT OR IGNORE INTO media (hash, mime, size, created_at) VALUES (?, ?, ?, ?)').run(hash, mime, bytes.length, now.toISOString());
  return mediaRef(hash);
}

export interface MediaItem {
  hash: string;
  mime: string;
  bytes: Buffer;
}

export function getMedia(db: ReadableDB, mediaDir: string, ref: string): MediaItem {
  const hash = parseMediaRef(ref);
  const row = hash ? (db.prepare('SELECT mime FROM media WHERE hash = ?').get(hash) as { mime: string } | undefined) : undefined;
  if (!hash || !row) throw notFound('media', ref);
  const file = mediaFilePath(mediaDir, hash);
  if (!existsSync(file)) throw notFound('media', ref);
  return { hash, mime: row.mime, bytes: readFileSync(file) };
}

/** Every `media:<sha256>` reference anywhere in a JSON value (e.g. an article's Lexical content). */
export function collectMediaRefs(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    if (parseMediaRef(value)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) collectMediaRefs(v, into);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) collectMediaRefs(v, into);
  }
  return into;
}
