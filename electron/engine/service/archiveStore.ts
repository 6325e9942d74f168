// IssueStore over the SQLite archive (electron/engine/archive).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Archive } from '../archive/index';
import type { IssueStore } from './store';

export function archiveStore(archive: Archive): IssueStore {
  return {
    listIssues: async () => archive.listIssues(),
    getIssue: async (id) => archive.getIssue(id),
    saveIssue: async (issue) => archive.saveIssue(issue),
    saveArticle: async (issueId, columnId, article) => archive.saveArticle(issueId, columnId, article),
    deleteIssue: async (id) => {
      archive.deleteIssue(id);
    },
    search: async (query, limit) => archive.search(query, { limit }),
    findAlreadyRan: async ({ title, content, excludeIssueId }) => archive.findAlreadyRan({ title, content }, excludeIssueId ? { excludeIssueId } : {}),
    getSettings: async () => archive.getSettings(),
    saveSettings: async (settings) => {
      archive.setSettings(settings);
    },
    columnNames: async () => archive.columnNames(),
    importWeekly: async (bytes, fileName, onConflict = 'error') => {
      // The archive reads .weekly files from disk: stage the bytes in a private temporary folder.
      const dir = await mkdtemp(join(tmpdir(), 'weekly-import-'));
      try {
        const file = join(dir, basename(fileName).replace(/[\\/:*?"<>|]+/g, '-') || 'issue.weekly');
        await writeFile(file, bytes);
        return await archive.importWeekly(file, { onConflict });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    exportWeekly: async (issueId) => {
      const dir = await mkdtemp(join(tmpdir(), 'weekly-export-'));
      try {
        const file = join(dir, 'issue.weekly');
        await archive.exportWeekly(issueId, file);
        return new Uint8Array(await readFile(file));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    putMedia: async (bytes, mimeType) => archive.putMedia(bytes, mimeType),
    getMedia: async (ref) => {
      const item = archive.getMedia(ref);
      return { mimeType: item.mime, bytes: new Uint8Array(item.bytes) };
    },
    close: async () => archive.close(),
  };
}
