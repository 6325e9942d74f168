// IssueStore over the SQLite archive (electron/engine/archive).
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
    close: async () => archive.close(),
  };
}
