// One walker from the stored Lexical JSON to render blocks; exporters never read Lexical JSON themselves.
import type { Block, ListBlock, ListItem, Run, TableCell } from './blocks';
import {
  isElement,
  TEXT_FORMAT,
  type SerializedEditorStateJson,
  type SerializedFigure,
  type SerializedLexicalNode,
  type SerializedText,
} from './lexicalJson';

interface RunContext {
  link?: string;
}

function textRun(node: SerializedText, ctx: RunContext): Run {
  const f = node.format ?? 0;
  const run: Run = { text: node.text ?? '' };
  if (f & TEXT_FORMAT.bold) run.bold = true;
  if (f & TEXT_FORMAT.italic) run.italic = true;
  if (f & TEXT_FORMAT.underline) run.underline = true;
  if (f & TEXT_FORMAT.superscript) run.superscript = true;
  if (f & TEXT_FORMAT.subscript) run.subscript = true;
  if (ctx.link) run.link = ctx.link;
  return run;
}

/** Inline content of an element as styled runs (adjacent runs of equal style merged). */
export function collectRuns(node: SerializedLexicalNode, ctx: RunContext = {}): Run[] {
  const out: Run[] = [];
  const visit = (n: SerializedLexicalNode, c: RunContext): void => {
    switch (n.type) {
      case 'text':
        out.push(textRun(n as SerializedText, c));
        return;
      case 'linebreak':
        out.push({ text: '\n', ...(c.link ? { link: c.link } : {}) });
        return;
      case 'tab':
        out.push({ text: '\t' });
        return;
      case 'link':
      case 'autolink': {
        const url = typeof n.url === 'string' ? n.url : undefined;
        if (isElement(n)) for (const child of n.children) visit(child, { link: url });
        return;
      }
      case 'list':
        return; // nested lists are handled by the list walker
      default:
        if (isElement(n)) for (const child of n.children) visit(child, c);
    }
  };
  if (isElement(node)) for (const child of node.children) visit(child, ctx);
  return mergeRuns(out);
}

function sameStyle(a: Run, b: Run): boolean {
  return (
    !!a.bold === !!b.bold &&
    !!a.italic === !!b.italic &&
    !!a.underline === !!b.underline &&
    !!a.superscript === !!b.superscript &&
    !!a.subscript === !!b.subscript &&
    a.link === b.link
  );
}

export function mergeRuns(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const last = merged[merged.length - 1];
    if (last && sameStyle(last, run)) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}

function headingLevel(tag: unknown): 1 | 2 | 3 {
  const n = typeof tag === 'string' ? Number(tag.replace(/^h/, '')) : 2;
  if (n <= 2) return 1;
  if (n === 3) return 2;
  return 3;
}

function walkList(node: SerializedLexicalNode): ListBlock {
  const ordered = node.listType === 'number';
  const items: ListItem[] = [];
  const children = isElement(node) ? node.children : [];
  for (const child of children) {
    if (child.type !== 'listitem' || !isElement(child)) continue;
    const nested = child.children.find((c) => c.type === 'list');
    const runs = collectRuns(child);
    if (nested && runs.length === 0 && items.length > 0) {
      // Lexical stores a nested list as a sibling listitem holding only the list.
      items[items.length - 1].children = walkList(nested);
      continue;
    }
    const item: ListItem = { runs };
    if (nested) item.children = walkList(nested);
    items.push(item);
  }
  const block: ListBlock = { kind: 'list', ordered, items };
  if (ordered && typeof node.start === 'number' && node.start !== 1) block.start = node.start;
  return block;
}

function walkTable(node: SerializedLexicalNode): Block {
  const rows: TableCell[][] = [];
  for (const row of isElement(node) ? node.children : []) {
    if (row.type !== 'tablerow' || !isElement(row)) continue;
    const cells: TableCell[] = [];
    for (const cell of row.children) {
      if (cell.type !== 'tablecell' || !isElement(cell)) continue;
      const paragraphs = cell.children.map((p) => collectRuns(p)).filter((runs) => runs.length > 0);
      const c: TableCell = { paragraphs };
      if (typeof cell.headerState === 'number' && cell.headerState !== 0) c.header = true;
      if (typeof cell.colSpan === 'number' && cell.colSpan > 1) c.colSpan = cell.colSpan;
      if (typeof cell.rowSpan === 'number' && cell.rowSpan > 1) c.rowSpan = cell.rowSpan;
      cells.push(c);
    }
    if (cells.length > 0) rows.push(cells);
  }
  return { kind: 'table', rows };
}

function alignOf(node: SerializedLexicalNode): 'left' | 'center' | 'right' | 'justify' | undefined {
  const f = node.format;
  return f === 'left' || f === 'center' || f === 'right' || f === 'justify' ? f : undefined;
}

function walkBlock(node: SerializedLexicalNode, out: Block[]): void {
  switch (node.type) {
    case 'paragraph': {
      const runs = collectRuns(node);
      if (runs.some((r) => r.text.trim() !== '')) {
        const align = alignOf(node);
        out.push(align ? { kind: 'paragraph', runs, align } : { kind: 'paragraph', runs });
      }
      return;
    }
    case 'heading': {
      const runs = collectRuns(node);
      if (runs.length > 0) out.push({ kind: 'heading', level: headingLevel(node.tag), runs });
      return;
    }
    case 'quote': {
      const runs = collectRuns(node);
      if (runs.length > 0) out.push({ kind: 'quote', runs });
      return;
    }
    case 'list':
      out.push(walkList(node));
      return;
    case 'table':
      out.push(walkTable(node));
      return;
    case 'figure': {
      const f = node as SerializedFigure;
      out.push({
        kind: 'figure',
        src: String(f.src ?? ''),
        altText: String(f.altText ?? ''),
        caption: String(f.caption ?? ''),
        ...(typeof f.width === 'number' ? { width: f.width } : {}),
        ...(typeof f.height === 'number' ? { height: f.height } : {}),
      });
      return;
    }
    default:
      // Unknown container (e.g. a newer node type): keep its text rather than drop it.
      if (isElement(node)) {
        const hasBlockChildren = node.children.some((c) => isElement(c) && c.type !== 'link' && c.type !== 'autolink');
        if (hasBlockChildren) for (const child of node.children) walkBlock(child, out);
        else {
          const runs = collectRuns(node);
          if (runs.length > 0) out.push({ kind: 'paragraph', runs });
        }
      }
  }
}

export function toBlocks(state: SerializedEditorStateJson): Block[] {
  const out: Block[] = [];
  for (const child of state.root.children) walkBlock(child, out);
  return out;
}

/** Plain text of a block list, one block per line (used by 提要, search and duplicate checks). */
export function blocksToPlainText(blocks: Block[]): string {
  const lines: string[] = [];
  const listLines = (list: ListBlock): void => {
    for (const item of list.items) {
      lines.push(item.runs.map((r) => r.text).join(''));
      if (item.children) listLines(item.children);
    }
  };
  for (const b of blocks) {
    switch (b.kind) {
      case 'list':
        listLines(b);
        break;
      case 'table':
        for (const row of b.rows) lines.push(row.map((c) => c.paragraphs.map((p) => p.map((r) => r.text).join('')).join(' ')).join('\t'));
        break;
      case 'figure':
        if (b.caption) lines.push(b.caption);
        break;
      default:
        lines.push(b.runs.map((r) => r.text).join(''));
    }
  }
  return lines.join('\n');
}
