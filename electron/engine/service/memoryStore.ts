// IssueStore kept in memory: tests and web sessions without a database.
import type { AlreadyRan, IssueListItem, SearchHit, Settings } from '../../../shared/api/contract';
import { blocksToPlainText, toBlocks } from '../../../shared/content/walker';
import { UserFacingError } from '../../../shared/errors';
import { allArticles, type Article, type Issue } from '../../../shared/model/issue';
import type { AlreadyRanQuery, IssueStore } from './store';
import { highlightSnippet, normalizeTitle } from './text';

export function listItemOf(issue: Issue, updatedAt: string): IssueListItem {
  return {
    id: issue.id,
    isoWeek: issue.meta.isoWeek,
    issueNumber: issue.meta.issueNumber,
    dateRange: issue.meta.dateRange,
    title: issue.meta.title,
    columnCount: issue.columns.length,
    articleCount: issue.columns.reduce((n, c) => n + c.articles.length, 0),
    updatedAt,
  };
}

export function createMemoryStore(now: () => Date = () => new Date()): IssueStore {
  const issues = new Map<string, { issue: Issue; updatedAt: string }>();
  let settings: Settings | null = null;

  const plain = (a: Article): string => blocksToPlainText(toBlocks(a.content));

  return {
    async listIssues() {
      return [...issues.values()]
        .map((e) => listItemOf(e.issue, e.updatedAt))
        .sort((a, b) => b.isoWeek.localeCompare(a.isoWeek) || b.updatedAt.localeCompare(a.updatedAt));
    },
    async getIssue(id) {
      const e = issues.get(id);
      return e ? structuredClone(e.issue) : null;
    },
    async saveIssue(issue) {
      issues.set(issue.id, { issue: structuredClone(issue), updatedAt: now().toISOString() });
    },
    async saveArticle(issueId, columnId, article) {
      const e = issues.get(issueId);
      if (!e) throw new UserFacingError('issue-not-found', '找不到这一期，文章未能保存。', `Issue ${issueId} not found`);
      const target = e.issue.columns.find((c) => c.id === columnId);
      if (!target) throw new UserFacingError('column-not-found', '这个栏目已不在本期中，文章未能保存。', `Column ${columnId} not in issue ${issueId}`);
      const current = target.articles.findIndex((a) => a.id === article.id);
      if (current >= 0) target.articles[current] = structuredClone(article);
      else {
        for (const column of e.issue.columns) column.articles = column.articles.filter((a) => a.id !== article.id);
        target.articles.push(structuredClone(article));
      }
      e.updatedAt = now().toISOString();
    },
    async deleteIssue(id) {
      issues.delete(id);
    },
    async search(query, limit) {
      const terms = query.split(/\s+/).filter(Boolean);
      const hits: SearchHit[] = [];
      for (const { issue } of issues.values()) {
        for (const { column, article } of allArticles(issue)) {
          const text = `${article.title}\n${plain(article)}`;
          if (!terms.every((t) => text.includes(t))) continue;
          hits.push({
            issueId: issue.id,
            issueNumber: issue.meta.issueNumber,
            articleId: article.id,
            title: article.title,
            column: column.name,
            ...highlightSnippet(text, terms),
          });
          if (hits.length >= limit) return hits;
        }
      }
      return hits;
    },
    async findAlreadyRan(q: AlreadyRanQuery) {
      const title = normalizeTitle(q.title);
      const found: AlreadyRan[] = [];
      for (const { issue } of issues.values()) {
        if (issue.id === q.excludeIssueId) continue;
        for (const { article } of allArticles(issue)) {
          const sameUrl = q.url !== null && article.url === q.url;
          if (sameUrl || (title.length > 0 && normalizeTitle(article.title) === title)) {
            found.push({ issueId: issue.id, issueNumber: issue.meta.issueNumber, articleId: article.id, title: article.title });
          }
        }
      }
      return found;
    },
    async getSettings() {
      return settings ? structuredClone(settings) : null;
    },
    async saveSettings(s) {
      settings = structuredClone(s);
    },
    async columnNames() {
      const counts = new Map<string, number>();
      for (const { issue } of issues.values()) for (const c of issue.columns) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
      return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh')).map(([n]) => n);
    },
    async close() {},
  };
}
