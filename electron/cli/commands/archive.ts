// weekly archive add|list|search|export|import|backup|restore — the archive from the command line.
// Every subcommand takes --db <path> (default: $WEEKLY_DESK_HOME/weekly-desk.db or
// ~/.config/weekly-desk/weekly-desk.db) and --json for scripts.
import { parseArgs } from 'node:util';
import { describeError, isUserFacingError } from '../../../shared/errors';
import { allArticles, type Issue } from '../../../shared/model/issue';
import { markSnippet } from '../../../shared/search/snippet';
import { loadIssueFromManifest } from '../../engine/build/manifest';
import { defaultDbPath, describeAlreadyRan, openArchive, restoreArchive, type Archive, type IssueSummary } from '../../engine/archive/index';

const USAGE = `usage: weekly archive <command> [--db <path>] [--json]
  add <manifest.json>                import an issue (prints articles that already ran)
  list                               issues, newest first
  search <query…> [--column 栏目] [--source 来源] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N]
                                     ranked hits; matches in snippets are marked **like this**
  export <issue> <file.weekly>       one issue as a portable file (<issue>: 2024-W47 or 2024年第47期)
  import <file.weekly> [--copy|--replace]
  backup <file>                      online backup of the whole archive
  restore <file>                     replace the archive with a checked backup (the old file is kept)`;

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  column: { type: 'string' },
  source: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  limit: { type: 'string' },
  copy: { type: 'boolean', default: false },
  replace: { type: 'boolean', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

class UsageError extends Error {}

const round = (x: number, places: number): number => Math.round(x * 10 ** places) / 10 ** places;

function print(json: boolean, data: unknown, text: string): void {
  console.log(json ? JSON.stringify(data, null, 2) : text);
}

function issueLine(i: IssueSummary): string {
  const status = i.status === 'published' ? '已发布' : '草稿';
  return `${i.id}\t${i.issueNumber}\t(${i.dateRange})\t${i.columnCount} 个栏目 ${i.articleCount} 篇\t${status}`;
}

/** An issue named by id (2024-W47) or by 期号 (2024年第47期). */
function resolveIssue(archive: Archive, name: string): string {
  const all = archive.listIssues();
  const found = all.find((i) => i.id === name) ?? all.find((i) => i.issueNumber === name);
  if (!found) throw new UsageError(`no issue "${name}" in the archive (try: weekly archive list)`);
  return found.id;
}

async function add(archive: Archive, manifest: string, values: Values): Promise<void> {
  const issue: Issue = await loadIssueFromManifest(manifest, { onWarning: (m) => console.error(`提醒：${m}`) });
  // Checked before saving so the answer does not depend on whether this issue was added before.
  const articles = allArticles(issue).map(({ column, article }) => ({
    id: article.id,
    title: article.title,
    column: column.name,
    alreadyRan: archive.findAlreadyRan(article, { excludeIssueId: issue.id }),
  }));
  archive.saveIssue(issue);
  const summary = archive.listIssues().find((i) => i.id === issue.id)!;
  const data = {
    issue: summary,
    articles: articles.map((a) => ({
      ...a,
      alreadyRan: a.alreadyRan.map((r) => ({ issue: r.issueNumber, column: r.column, title: r.title, similarity: round(r.similarity, 2) })),
    })),
  };
  const lines = [`已存入 ${summary.issueNumber}（${summary.articleCount} 篇）→ ${archive.dbPath}`];
  for (const a of articles) {
    for (const r of a.alreadyRan) lines.push(`  ▶ ${a.title}\n    ${describeAlreadyRan(r)}：${r.title}`);
  }
  print(values.json, data, lines.join('\n'));
}

function search(archive: Archive, query: string, values: Values): void {
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive whole number');
  const hits = archive.search(query, { column: values.column, source: values.source, from: values.from, to: values.to, limit });
  const data = {
    hits: hits.map((h) => ({ issue: h.issueNumber, column: h.column, title: h.title, snippet: markSnippet({ text: h.snippet, highlights: h.highlights }), score: round(h.score, 3) })),
  };
  const text = hits.length === 0 ? '没有找到。' : data.hits.map((h, i) => `${i + 1}. ${h.title}\n   ${h.issue} · ${h.column}\n   ${h.snippet}`).join('\n');
  print(values.json, data, text);
}

async function dispatch(archive: Archive, command: string, rest: string[], values: Values): Promise<void> {
  const need = (n: number, what: string): void => {
    if (rest.length !== n) throw new UsageError(`${command} takes ${what}`);
  };
  switch (command) {
    case 'add':
      need(1, '<manifest.json>');
      return add(archive, rest[0], values);
    case 'list': {
      need(0, 'no arguments');
      const issues = archive.listIssues();
      return print(values.json, { issues }, issues.length === 0 ? '档案库是空的。' : issues.map(issueLine).join('\n'));
    }
    case 'search':
      if (rest.length === 0) throw new UsageError('search takes <query>');
      return search(archive, rest.join(' '), values);
    case 'export': {
      need(2, '<issue> <file.weekly>');
      const id = resolveIssue(archive, rest[0]);
      await archive.exportWeekly(id, rest[1]);
      return print(values.json, { issue: id, file: rest[1] }, `已导出 ${id} → ${rest[1]}`);
    }
    case 'import': {
      need(1, '<file.weekly>');
      const onConflict = values.replace ? 'replace' : values.copy ? 'copy' : 'error';
      const issue = await archive.importWeekly(rest[0], { onConflict });
      const summary = archive.listIssues().find((i) => i.id === issue.id)!;
      return print(values.json, { issue: summary }, `已导入 ${summary.issueNumber}（${summary.articleCount} 篇）`);
    }
    case 'backup': {
      need(1, '<file>');
      const file = await archive.backup(rest[0]);
      return print(values.json, { file }, `已备份 → ${file}`);
    }
    case 'restore': {
      need(1, '<file>');
      const keptAs = await archive.restore(rest[0]);
      return print(values.json, { restored: rest[0], previous: keptAs }, `已从 ${rest[0]} 恢复${keptAs ? `；原档案库保留为 ${keptAs}` : ''}`);
    }
    default:
      throw new UsageError(`unknown archive command "${command}"`);
  }
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  } catch (e) {
    console.error(`weekly archive: ${describeError(e)}\n${USAGE}`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  if (!command) {
    console.error(USAGE);
    return 2;
  }
  const dbPath = parsed.values.db ?? defaultDbPath();
  let archive: Archive | null = null;
  try {
    // `restore` must work when the archive is too damaged to open.
    if (command === 'restore' && rest.length === 1) {
      try {
        archive = openArchive(dbPath);
      } catch (e) {
        if (!isUserFacingError(e) || e.code !== 'archive-corrupt') throw e;
        const keptAs = restoreArchive(dbPath, rest[0]);
        print(parsed.values.json, { restored: rest[0], previous: keptAs }, `已从 ${rest[0]} 恢复；损坏的档案库保留为 ${keptAs}`);
        return 0;
      }
    } else archive = openArchive(dbPath);
    await dispatch(archive, command, rest, parsed.values);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`weekly archive: ${e.message}\n${USAGE}`);
      return 2;
    }
    console.error(isUserFacingError(e) ? `weekly archive: ${e.messageZh} (${e.message})` : `weekly archive: 操作失败 (${describeError(e)})`);
    return 1;
  } finally {
    archive?.close();
  }
}
