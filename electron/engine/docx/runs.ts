// Styled runs → docx runs and links. Every run names its fonts (eastAsia included), so a paragraph pasted
// into another document keeps 宋体/黑体 instead of falling back to the target's theme fonts.
import {
  ExternalHyperlink,
  InternalHyperlink,
  PageReference,
  RunProperties,
  Tab,
  TextRun,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { Run } from '../../../shared/content/blocks';
import { runFonts, STYLE, type DocxFonts, type FontRole } from './styles';

export interface RunStyle {
  fonts: DocxFonts;
  role?: FontRole;
  bold?: boolean;
  /** character style id */
  style?: string;
}

type RunFormat = Omit<IRunOptions, 'text' | 'children' | 'break'>;

function format(style: RunStyle, run?: Run): RunFormat {
  return {
    font: runFonts(style.fonts, style.role ?? 'body'),
    ...(style.style ? { style: style.style } : {}),
    ...(style.bold || run?.bold ? { bold: true } : {}),
    ...(run?.italic ? { italics: true } : {}),
    ...(run?.underline ? { underline: {} } : {}),
    ...(run?.superscript ? { superScript: true } : {}),
    ...(run?.subscript ? { subScript: true } : {}),
  };
}

/** One text run; `\n` becomes a line break and `\t` a tab, as Word stores them. */
export function textRuns(text: string, style: RunStyle, run?: Run): TextRun[] {
  const base = format(style, run);
  return text.split('\n').map((line, i) => {
    const parts = line.split('\t');
    const children = parts.flatMap((part, j) => (j === 0 ? [part] : [new Tab(), part])).filter((c) => c !== '');
    return new TextRun({ ...base, ...(i > 0 ? { break: 1 } : {}), children });
  });
}

/** Where a run's link points: a bookmark inside the document, or a URL. */
export function linkTarget(link: string): { anchor: string } | { url: string } {
  return link.startsWith('#') ? { anchor: link.slice(1) } : { url: link };
}

/** Inline content of a block: consecutive runs with the same link become one hyperlink. */
export function inlineRuns(runs: Run[], style: RunStyle): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  let i = 0;
  while (i < runs.length) {
    const link = runs[i].link;
    if (!link) {
      out.push(...textRuns(runs[i].text, style, runs[i]));
      i++;
      continue;
    }
    const group: TextRun[] = [];
    while (i < runs.length && runs[i].link === link) {
      group.push(...textRuns(runs[i].text, { ...style, style: STYLE.hyperlink }, runs[i]));
      i++;
    }
    const target = linkTarget(link);
    out.push(
      'anchor' in target
        ? new InternalHyperlink({ anchor: target.anchor, children: group })
        : new ExternalHyperlink({ link: target.url, children: group }),
    );
  }
  return out;
}

/**
 * A PAGEREF field to a bookmark, as a link, in the fonts of its paragraph. docx writes the field's cached
 * result from the document's page estimate; its own PageReference carries no run properties, so they are
 * set here.
 */
export class StyledPageReference extends PageReference {
  constructor(bookmark: string, style: RunStyle) {
    super(bookmark, { hyperlink: true });
    this.root[0] = new RunProperties(format(style));
  }
}
