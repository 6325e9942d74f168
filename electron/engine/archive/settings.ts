// App settings (publisher, back cover, page size, 提要 length…), one row per key so a newer app's
// extra keys survive an older app's save. The shape is the API contract's settingsSchema.
import { settingsSchema, type Settings } from '../../../shared/api/contract';
import type { ReadableDB, WritableDB } from './db';

export type { Settings };

export function getSettings(db: ReadableDB): Settings {
  const rows = db.prepare('SELECT key, value_json FROM settings').all() as Array<{ key: string; value_json: string }>;
  const stored: Record<string, unknown> = {};
  for (const r of rows) stored[r.key] = JSON.parse(r.value_json);
  const parsed = settingsSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  // A value this build cannot read falls back to its default rather than blocking the app.
  const fallback = settingsSchema.parse({});
  for (const key of Object.keys(fallback) as Array<keyof Settings>) {
    const one = settingsSchema.safeParse({ [key]: stored[key] });
    if (one.success) (fallback as Record<string, unknown>)[key] = one.data[key];
  }
  return fallback;
}

/** Merges `patch` into the stored settings, validates the result, stores it, and returns it. */
export function setSettings(db: WritableDB, patch: Partial<Settings>): Settings {
  const next = settingsSchema.parse({ ...getSettings(db), ...patch });
  const put = db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json');
  db.transaction(() => {
    for (const [key, value] of Object.entries(next)) put.run(key, JSON.stringify(value));
  }).immediate();
  return next;
}
