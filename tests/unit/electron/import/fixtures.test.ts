// Every clipping of both fixture issues imports with the title, 来源 and 作者 the manifest's reference
// fields give, keeps its headings, tables and figures, and does not repeat its title in the body.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runsText } from '../../../../shared/content/blocks';
import { toBlocks } from '../../../../shared/content/walker';
import { textKey } from '../../../../shared/import/punctuation';
import { importFile } from '../../../../electron/engine/import/index';

const FIXTURES = resolve(__dirname, '../../../../../shared/fixtures');
const MANIFESTS = ['2024-W47', '2021-W08'].map((issue) => join(FIXTURES, issue, 'manifest.json'));

interface RefArticle {
  clip: string;
  title: string;
  source: string;
  author: string | null;
}

function articlesOf(manifestPath: string): RefArticle[] {
  const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as { sections: Array<{ articles: RefArticle[] }> };
  return m.sections.flatMap((s) => s.articles);
}

// The reference title was typed from the printed issue; in one case it names another office than the
// clipping itself does (its <title>, og:title and <h1> all say 服务中心). The importer reads the clipping.
const CLIPPING_SAYS_OTHERWISE: Record<string, string> = {
  'clips/09-抚州市政务服务中心打造电.html': '抚州市政务服务中心：打造电子金融保证平台，推动招投标全流程电子化',
};

/** Counts of tags in the clipping, to compare with the imported blocks. */
function tagCount(html: string, re: RegExp): number {
  return (html.match(re) ?? []).length;
}

const cases = MANIFESTS.flatMap((manifest) => articlesOf(manifest).map((a) => ({ manifest, ...a })));

describe('importFile on the fixture clippings', () => {
  it('covers all 25 clippings', () => {
    expect(cases).toHaveLength(25);
  });

  it.each(cases)('$clip', async ({ manifest, clip, title, source, author }) => {
    const path = join(dirname(manifest), clip);
    const html = readFileSync(path, 'utf8');
    const imported = await importFile(path);

    // Title: equal up to punctuation width and dash form (the reference mixes "!" / "！", "—" / "--").
    expect(textKey(imported.title)).toBe(textKey(CLIPPING_SAYS_OTHERWISE[clip] ?? title));
    expect(imported.source).toBe(source);
    expect(imported.author).toBe(author);
    expect(imported.title).not.toMatch(/[\u4e00-\u9fff][,:?]/); // Chinese punctuation is full-width

    const blocks = toBlocks(imported.content);
    const count = (kind: string): number => blocks.filter((b) => b.kind === kind).length;
    expect(count('heading')).toBe(tagCount(html, /<h[2-6][\s>]/g));
    expect(count('table')).toBe(tagCount(html, /<table[\s>]/g));
    expect(count('figure')).toBe(tagCount(html, /<figure[\s>]/g));
    // Every <p> but the 来源 line becomes a paragraph.
    expect(count('paragraph')).toBe(tagCount(html, /<p[\s>]/g) - 1);

    // The title and the byline leave the body.
    const first = blocks[0];
    expect(first.kind === 'paragraph' || first.kind === 'heading' ? textKey(runsText(first.runs)) : '').not.toBe(textKey(imported.title));
    const text = blocks.filter((b) => b.kind === 'paragraph').map((b) => (b.kind === 'paragraph' ? runsText(b.runs) : ''));
    expect(text.some((t) => t.startsWith('来源：'))).toBe(false);

    // Figure captions survive, in order.
    const captions = [...html.matchAll(/<figcaption>(.*?)<\/figcaption>/g)].map((m) => m[1]);
    expect(blocks.flatMap((b) => (b.kind === 'figure' ? [b.caption] : []))).toEqual(captions);
  });

  it('turns half-width punctuation in a Chinese title full-width', async () => {
    const imported = await importFile(join(FIXTURES, '2024-W47', 'clips', '08-我国大健康行业前景巨大是.html'));
    expect(imported.title).toBe('我国大健康行业前景巨大，是未来 10 年的最大机遇之一');
    const dialog = await importFile(join(FIXTURES, '2021-W08', 'clips', '01-国家卫健委发展研究中心主.html'));
    expect(dialog.title).toBe('对话 | 国家卫健委发展研究中心主任傅卫：新医改的下一个“十年”，我们要关注什么？');
  });

  it('keeps header-less <td> tables with every row and cell', async () => {
    const path = join(FIXTURES, '2021-W08', 'clips', '02-医疗行业高级分析师姜天骄.html');
    const html = readFileSync(path, 'utf8');
    const table = toBlocks((await importFile(path)).content).find((b) => b.kind === 'table');
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    const tableHtml = /<table[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(table.rows).toHaveLength(tagCount(tableHtml, /<tr[\s>]/g));
    expect(table.rows.flat()).toHaveLength(tagCount(tableHtml, /<td[\s>]/g));
  });
});
