// A PDF build lays out each article as soon as its clipping is imported; the issue's layout then takes
// those pages from the typesetter's memo. That only works (and only stays correct) when the article laid
// out early is exactly the article the issue document holds.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIssueFromManifest } from '../../../../../electron/engine/build/manifest';
import { buildIssueDocument, documentArticle, type ArticlePlace, type DocumentArticle } from '../../../../../shared/document/issueDocument';

const MANIFEST = resolve(__dirname, '../../../../../../shared/fixtures/2024-W47/manifest.json');

describe('documentArticle', () => {
  it('is the issue document article, field for field and in the same key order', async () => {
    const early: DocumentArticle[] = [];
    const places: ArticlePlace[] = [];
    const issue = await loadIssueFromManifest(MANIFEST, {
      onArticle: (article, place) => {
        places.push(place);
        early[place.index] = documentArticle(article, place);
      },
    });
    const doc = buildIssueDocument(issue);
    expect(doc.articles.length).toBeGreaterThan(1);
    expect(places.map((p) => p.index).sort((a, b) => a - b)).toEqual(doc.articles.map((_, k) => k));
    expect(places.filter((p) => p.firstInColumn).length).toBe(doc.viewpoint.length);
    expect(early).toEqual(doc.articles);
    // the memo key is the article's JSON
    expect(early.map((a) => JSON.stringify(a))).toEqual(doc.articles.map((a) => JSON.stringify(a)));
  });
});
