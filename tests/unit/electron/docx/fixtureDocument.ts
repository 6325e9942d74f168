// Builds an IssueDocument straight from a fixture's clippings (../shared/fixtures), for the DOCX tests and bench.
// The clippings are simple, known HTML (see fixtures/README.md), so a small DOM walk gives the render blocks
// without depending on the import pipeline.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import type { Block, ListBlock, Run, TableCell } from '../../../../shared/content/blocks';
import { ANCHORS, type DocumentArticle, type IssueDocument, type ViewpointColumn } from '../../../../shared/document/issueDocument';
import { DEFAULT_READING_NOTE } from '../../../../shared/model/issue';

export const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/fixtures');
export const FIXTURE_ISSUES = ['2024-W47', '2021-W08'] as const;

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

function runsOf(node: Node, style: Omit<Run, 'text'> = {}): Run[] {
  const out: Run[] = [];
  node.childNodes.forEach((child) => {
    if (child.nodeType === 3) {
      const text = (child.textContent ?? '').replace(/\s*\n\s*/g, '');
      if (text) out.push({ text, ...style });
      return;
    }
    if (child.nodeType !== 1) return;
    const el = child as Element;
    const tag = el.tagName.toLowerCase();
    if (tag === 'br') out.push({ text: '\n', ...style });
    else if (tag === 'sup') out.push(...runsOf(el, { ...style, superscript: true }));
    else if (tag === 'sub') out.push(...runsOf(el, { ...style, subscript: true }));
    else if (tag === 'b' || tag === 'strong') out.push(...runsOf(el, { ...style, bold: true }));
    else if (tag === 'i' || tag === 'em') out.push(...runsOf(el, { ...style, italic: true }));
    else if (tag === 'a') out.push(...runsOf(el, { ...style, link: el.getAttribute('href') ?? undefined }));
    else out.push(...runsOf(el, style));
  });
  return out;
}

function listOf(el: Element): ListBlock {
  return {
    kind: 'list',
    ordered: el.tagName.toLowerCase() === 'ol',
    items: [...el.children]
      .filter((li) => li.tagName.toLowerCase() === 'li')
      .map((li) => {
        const nested = [...li.children].find((c) => /^(ul|ol)$/i.test(c.tagName));
        const clone = li.cloneNode(true) as Element;
        clone.querySelectorAll('ul,ol').forEach((n) => n.remove());
        return { runs: runsOf(clone), ...(nested ? { children: listOf(nested) } : {}) };
      }),
  };
}

export function blocksFromArticleHtml(article: Element): Block[] {
  const blocks: Block[] = [];
  for (const el of [...article.children]) {
    const tag = el.tagName.toLowerCase();
    if (tag === 'h1' || el.classList.contains('source') || el.classList.contains('author')) continue;
    if (tag === 'h2' || tag === 'h3' || tag === 'h4') {
      blocks.push({ kind: 'heading', level: (Number(tag[1]) - 1) as 1 | 2 | 3, runs: runsOf(el) });
    } else if (tag === 'p') {
      blocks.push({ kind: 'paragraph', runs: runsOf(el) });
    } else if (tag === 'blockquote') {
      blocks.push({ kind: 'quote', runs: runsOf(el) });
    } else if (tag === 'ul' || tag === 'ol') {
      blocks.push(listOf(el));
    } else if (tag === 'table') {
      const rows: TableCell[][] = [...el.querySelectorAll('tr')].map((tr) =>
        [...tr.children].map((td) => ({
          paragraphs: [runsOf(td)],
          header: td.tagName.toLowerCase() === 'th',
          colSpan: Number(td.getAttribute('colspan') ?? 1),
          rowSpan: Number(td.getAttribute('rowspan') ?? 1),
        })),
      );
      blocks.push({ kind: 'table', rows });
    } else if (tag === 'figure') {
      const img = el.querySelector('img');
      blocks.push({
        kind: 'figure',
        src: img?.getAttribute('src') ?? '',
        altText: img?.getAttribute('alt') ?? '',
        caption: el.querySelector('figcaption')?.textContent?.trim() ?? '',
      });
    }
  }
  return blocks;
}

export function articleFromClip(path: string): { title: string; source: string; author: string | null; blocks: Block[] } {
  const dom = new JSDOM(readFileSync(path, 'utf8'));
  const doc = dom.window.document;
  const article = doc.querySelector('article');
  if (!article) throw new Error(`no <article> in ${path}`);
  const title = article.querySelector('h1')?.textContent?.trim() ?? '';
  const source = article.querySelector('p.source')?.textContent?.replace(/^来源[：:]\s*/, '').trim() ?? '';
  const author = article.querySelector('p.author')?.textContent?.replace(/^作者\s*[|｜]\s*/, '').trim() || null;
  return { title, source, author, blocks: blocksFromArticleHtml(article) };
}

/** The whole fixture issue as the exporters see it, with the human 提要 from the manifest. */
export function fixtureDocument(issue: string): IssueDocument {
  const manifestPath = join(FIXTURES_DIR, issue, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const viewpoint: ViewpointColumn[] = [];
  const articles: DocumentArticle[] = [];
  let index = 0;
  for (const section of manifest.sections) {
    const entries: ViewpointColumn['entries'] = [];
    section.articles.forEach((a, i) => {
      const clip = articleFromClip(join(dirname(manifestPath), a.clip));
      const anchor = ANCHORS.article(index++);
      entries.push({ articleId: a.id, anchor, title: clip.title, source: clip.source, summary: a.summary ?? a.referenceSummary ?? '' });
      articles.push({ id: a.id, anchor, column: section.name, firstInColumn: i === 0, ...clip });
    });
    viewpoint.push({ column: section.name, entries });
  }
  return {
    meta: {
      series: manifest.series,
      title: manifest.title,
      subtitle: manifest.subtitle,
      isoWeek: manifest.isoWeek,
      issueNumber: manifest.issueNumber ?? '',
      dateRange: manifest.dateRange,
      tags: manifest.tags,
      readingNote: manifest.readingNote,
      backCover: manifest.backCover,
    },
    readingNote: `（${(manifest.readingNote || DEFAULT_READING_NOTE).replace(/^（|）$/g, '')}）`,
    viewpoint,
    articles,
  };
}
