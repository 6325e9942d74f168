// Test helper: a fixture issue (../shared/fixtures) as an IssueDocument, read straight from the
// clippings' simple HTML with jsdom. Lets the PDF writer be tested on real text independently of
// the importer; the 提要 are the human ones printed in the original issue.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import type { Block, Run, TableCell } from '../../../../shared/content/blocks';
import { ANCHORS, type DocumentArticle, type IssueDocument, type ViewpointColumn } from '../../../../shared/document/issueDocument';
import { DEFAULT_READING_NOTE } from '../../../../shared/model/issue';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../shared/fixtures');

interface ManifestArticle {
  id: string;
  clip: string;
  summary?: string;
  referenceSummary?: string;
}

interface Manifest {
  series: string;
  title: string;
  subtitle: string;
  issueNumber: string | null;
  dateRange: string;
  isoWeek: string;
  tags: string[];
  readingNote: string;
  backCover: string;
  sections: Array<{ name: string; articles: ManifestArticle[] }>;
}

function runsOf(el: Element): Run[] {
  const runs: Run[] = [];
  const walk = (node: Node, style: Omit<Run, 'text'>): void => {
    if (node.nodeType === 3) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ');
      if (text) runs.push({ text, ...style });
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toLowerCase();
    const next = { ...style };
    if (tag === 'b' || tag === 'strong') next.bold = true;
    if (tag === 'sup') next.superscript = true;
    if (tag === 'a') next.link = (node as Element).getAttribute('href') ?? undefined;
    if (tag === 'br') {
      runs.push({ text: '\n' });
      return;
    }
    node.childNodes.forEach((c) => walk(c, next));
  };
  el.childNodes.forEach((c) => walk(c, {}));
  if (runs.length > 0) {
    runs[0].text = runs[0].text.replace(/^\s+/, '');
    runs[runs.length - 1].text = runs[runs.length - 1].text.replace(/\s+$/, '');
  }
  return runs.filter((r) => r.text !== '');
}

function blocksOf(article: Element): Block[] {
  const blocks: Block[] = [];
  for (const el of Array.from(article.children)) {
    const tag = el.tagName.toLowerCase();
    if (tag === 'h1' || el.classList.contains('source') || el.classList.contains('author')) continue;
    if (tag === 'h2' || tag === 'h3' || tag === 'h4') blocks.push({ kind: 'heading', level: tag === 'h2' ? 1 : tag === 'h3' ? 2 : 3, runs: runsOf(el) });
    else if (tag === 'p') {
      const runs = runsOf(el);
      if (runs.length > 0) blocks.push({ kind: 'paragraph', runs });
    } else if (tag === 'ul' || tag === 'ol') {
      blocks.push({ kind: 'list', ordered: tag === 'ol', items: Array.from(el.querySelectorAll(':scope > li')).map((li) => ({ runs: runsOf(li) })) });
    } else if (tag === 'table') {
      const rows: TableCell[][] = Array.from(el.querySelectorAll('tr')).map((tr) =>
        Array.from(tr.querySelectorAll('td,th')).map((td) => ({
          paragraphs: [runsOf(td)].filter((r) => r.length > 0),
          ...(td.tagName === 'TH' ? { header: true } : {}),
        })),
      );
      blocks.push({ kind: 'table', rows });
    } else if (tag === 'figure') {
      const img = el.querySelector('img');
      blocks.push({ kind: 'figure', src: img?.getAttribute('src') ?? '', altText: img?.getAttribute('alt') ?? '', caption: el.querySelector('figcaption')?.textContent?.trim() ?? '' });
    }
  }
  return blocks;
}

export function fixtureDocument(issue: '2024-W47' | '2021-W08'): IssueDocument {
  const dir = path.join(FIXTURES, issue);
  const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const articles: DocumentArticle[] = [];
  const viewpoint: ViewpointColumn[] = [];
  let index = 0;
  for (const section of m.sections) {
    const column: ViewpointColumn = { column: section.name, entries: [] };
    section.articles.forEach((a, i) => {
      const dom = new JSDOM(readFileSync(path.join(dir, a.clip), 'utf8'));
      const art = dom.window.document.querySelector('article') ?? dom.window.document.body;
      const title = art.querySelector('h1')?.textContent?.trim() ?? '';
      const source = art.querySelector('p.source')?.textContent?.replace(/^来源[：:]\s*/, '').trim() ?? '';
      const author = art.querySelector('p.author')?.textContent?.replace(/^作者\s*[|｜]\s*/, '').trim() || null;
      const anchor = ANCHORS.article(index++);
      articles.push({ id: a.id, anchor, column: section.name, firstInColumn: i === 0, title, source, author, blocks: blocksOf(art) });
      column.entries.push({ articleId: a.id, anchor, title, source, summary: a.summary ?? a.referenceSummary ?? '' });
    });
    viewpoint.push(column);
  }
  const [, week] = m.isoWeek.split('-W');
  return {
    meta: {
      series: m.series,
      title: m.title,
      subtitle: m.subtitle,
      isoWeek: m.isoWeek,
      issueNumber: m.issueNumber ?? `${m.isoWeek.slice(0, 4)}年第${Number(week)}期`,
      dateRange: m.dateRange,
      tags: m.tags,
      readingNote: m.readingNote,
      backCover: m.backCover,
    },
    readingNote: `（${(m.readingNote || DEFAULT_READING_NOTE).replace(/^（|）$/g, '')}）`,
    viewpoint,
    articles,
  };
}
