// One export in a fresh process, so time and peak RSS are those of a single export:
// tsx bench/exportOnce.ts <issue.json> <pdf|docx>  → prints {"ms","rss","bytes","pages"}
import { readFileSync } from 'node:fs';
import { buildIssueDocument } from '../shared/document/issueDocument';
import { issueSchema } from '../shared/model/issue';
import { renderIssueDocx } from '../electron/engine/docx/index';
import { renderIssuePdf } from '../electron/engine/pdf/index';

const [file, format] = process.argv.slice(2);
const issue = issueSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
const start = performance.now();
const doc = buildIssueDocument(issue);
let bytes: number;
let pages: number | null = null;
if (format === 'docx') {
  bytes = (await renderIssueDocx(doc)).docx.length;
} else {
  const r = await renderIssuePdf(doc);
  bytes = r.pdf.length;
  pages = r.pageCount;
}
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, rss: process.resourceUsage().maxRSS * 1024, bytes, pages }));
