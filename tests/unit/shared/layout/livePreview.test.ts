// The renderer's live 本期视点 layout: warmed ahead (article by article, then the issue), an edit
// of one paragraph re-breaks that paragraph only, and the numbers stay the engine's.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadIssueFromManifest } from '../../../../electron/engine/build/manifest';
import { metricsPack } from '../../../../electron/engine/fonts/metricsPack';
import { settlePageNumbers } from '../../../../electron/engine/pdf/index';
import { buildIssueDocument } from '../../../../shared/document/issueDocument';
import { createLivePreview, type PageLook } from '../../../../shared/layout/livePreview';
import { metricsFromPack } from '../../../../shared/layout/metricsPack';
import type { Issue } from '../../../../shared/model/issue';
import { withArticleEdited } from '../../../helpers/model';

const SAMPLE = resolve(__dirname, '../../../../resources/sample/manifest.json');
const look: PageLook = { pageSize: 'A4', bodyFont: 'serif' };

function pagesOf(view: { columns: Array<{ entries: Array<{ page: number | null }> }> }): Array<number | null> {
  return view.columns.flatMap((c) => c.entries.map((e) => e.page));
}

/** The article at `k` (issue order) with `text` added to the start of its first paragraph. */
function editFirstParagraph(issue: Issue, k: number, text: string): Issue {
  return withArticleEdited(issue, k, (a) => {
    const content = structuredClone(a.content);
    const first = content.root.children.find((b) => b.type === 'paragraph') as unknown as { children: Array<{ text?: string }> };
    first.children[0].text = `${text}${first.children[0].text ?? ''}`;
    return { ...a, content };
  });
}

/** An idle period with time for one step (an article, or the issue itself). */
function oneStep(): () => boolean {
  let left = 1;
  return () => left-- > 0;
}

describe('createLivePreview', () => {
  let issue: Issue;
  beforeAll(async () => {
    issue = await loadIssueFromManifest(SAMPLE);
  }, 60_000);

  it('once warm, re-breaks only the edited paragraph, and gives the engine’s numbers', () => {
    const live = createLivePreview(metricsFromPack(metricsPack()));
    expect(live.isWarm(issue, look)).toBe(false);
    let periods = 0;
    while (!live.warm(issue, look, oneStep())) periods++;
    expect(periods).toBe(issue.columns.flatMap((c) => c.articles).length); // one article per period, then the issue
    expect(live.isWarm(issue, look)).toBe(true);

    const before = live.paragraphsBroken;
    const edited = editFirstParagraph(issue, 1, '据国家医保局消息，');
    const view = live.preview(edited, look);
    expect(live.paragraphsBroken - before).toBe(1);
    const doc = buildIssueDocument(edited);
    const engine = settlePageNumbers(doc, look);
    expect(pagesOf(view)).toEqual(doc.viewpoint.flatMap((c) => c.entries.map((e) => engine.pageMap[e.articleId])));
    expect(view.pageCount).toBe(engine.pageCount);
  }, 60_000);

  it('after a move, warming the new order leaves the next edit to re-break one paragraph', () => {
    const live = createLivePreview(metricsFromPack(metricsPack()));
    while (!live.warm(issue, look, () => true));
    const [first, ...rest] = issue.columns;
    const last = rest.at(-1)!;
    // the last article to the front: every article's anchor and pages shift
    const moved = { ...issue, columns: [{ ...first, articles: [last.articles.at(-1)!, ...first.articles] }, ...rest.slice(0, -1), { ...last, articles: last.articles.slice(0, -1) }] };
    expect(live.isWarm(moved, look)).toBe(true);
    const cold = live.paragraphsBroken;
    expect(live.warm(moved, look, () => true)).toBe(true);
    const warmed = live.paragraphsBroken;
    expect(warmed).toBeGreaterThan(cold); // titles and 本期视点 entries with new links and numbers
    live.preview(moved, look);
    expect(live.paragraphsBroken).toBe(warmed);
    const edited = editFirstParagraph(moved, 3, '记者从会上获悉，');
    const view = live.preview(edited, look);
    expect(live.paragraphsBroken).toBe(warmed + 1);
    const doc = buildIssueDocument(edited);
    const engine = settlePageNumbers(doc, look);
    expect(pagesOf(view)).toEqual(doc.viewpoint.flatMap((c) => c.entries.map((e) => engine.pageMap[e.articleId])));
  }, 60_000);
});
