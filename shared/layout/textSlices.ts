// Set lines → slices, with the paragraph keep rules: a paragraph's first line never sits alone
// at a page bottom and its last line never alone at a page top; heading lines keep with what follows.
import type { StyledRun } from './atoms';
import { lineItems } from './lineItems';
import type { Line } from './lineBreaker';
import type { Slice } from './paginate';
import type { PageItem, StructTag } from './types';

export interface LineSlot {
  size: number;
  leading: number;
}

/** Baseline offset from the slot top: the ideographic em box centred in the slot. */
export function baselineIn(slot: LineSlot): number {
  return (slot.leading - slot.size) / 2 + slot.size * 0.88;
}

export interface TextSliceOptions {
  slot: LineSlot;
  spaceBefore?: number;
  /** x offset of the lines inside the text block */
  dx?: number;
  heading?: boolean;
  /** the last line keeps with the next slice too */
  keepWithNext?: boolean;
  /** extra items drawn with each line (e.g. a quote bar), given the line's top y and height */
  decorate?: (x: number, y: number, height: number) => PageItem[];
  /** first-line extras (list markers, destinations) */
  firstLineExtras?: (x: number, y: number) => PageItem[];
  mark?: string;
  /** structure path of the text (tagged PDF) */
  tags?: StructTag[];
}

export function textSlices(lines: Line[], o: TextSliceOptions): Slice[] {
  const n = lines.length;
  const base = baselineIn(o.slot);
  const dx = o.dx ?? 0;
  return lines.map((line, k): Slice => {
    const widowOrphan = n >= 2 && (k === 0 || k === n - 2);
    const slice: Slice = {
      height: o.slot.leading,
      spaceBefore: k === 0 ? (o.spaceBefore ?? 0) : 0,
      keepWithNext: !!o.heading || widowOrphan || (k === n - 1 && !!o.keepWithNext),
      render: (x, y) => {
        const items = lineItems(line, x + dx, y + base);
        if (o.tags) for (const item of items) if (item.kind === 'text') item.tags = o.tags;
        if (o.decorate) items.push(...o.decorate(x, y, o.slot.leading));
        if (k === 0 && o.firstLineExtras) items.push(...o.firstLineExtras(x, y));
        return items;
      },
    };
    if (o.heading) slice.isHeading = true;
    if (k === 0 && o.mark) slice.mark = o.mark;
    return slice;
  });
}

/** Plain one-style run. */
export function run(text: string, font: StyledRun['font'], size: number, extra: Partial<StyledRun> = {}): StyledRun {
  return { text, font, size, ...extra };
}
