// Markdown → HTML with markdown-it (CommonMark), then the shared HTML pipeline.
// A leading `# 标题` is the title; `来源：` / `作者：` lines are picked up like in any clipping.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

export function markdownToHtml(text: string): string {
  return md.render(text);
}
