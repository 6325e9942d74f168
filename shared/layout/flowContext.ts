// What block layout needs to know, and content runs → styled runs.
import type { Run } from '../content/blocks';
import type { StyledRun } from './atoms';
import type { PageStyle } from './pageStyle';
import type { Typesetter } from './typesetter';
import type { FontKey, StructRole, StructTag } from './types';

export interface FlowContext {
  ts: Typesetter;
  style: PageStyle;
  /** characters a face lacked, reported per article */
  onMissing: (chars: string) => void;
  /** intrinsic size of an image source, when known */
  imageSize?: (src: string) => { width: number; height: number } | null;
  /** a new structure element (tagged PDF) */
  tag: (role: StructRole, alt?: string) => StructTag;
}

/** Structure tags numbered under a prefix (one per article, so cached articles never collide). */
export function tagger(prefix: string): (role: StructRole, alt?: string) => StructTag {
  let n = 0;
  return (role, alt) => ({ role, id: `${prefix}:${n++}`, ...(alt ? { alt } : {}) });
}

export interface RunStyle {
  font: FontKey;
  bold: FontKey;
  size: number;
  color?: string;
}

/** Content runs → styled runs: bold face, superscript note marks (①), links. */
export function styleRuns(runs: Run[], s: RunStyle): StyledRun[] {
  return runs.map((r) => {
    const out: StyledRun = { text: r.text, font: r.bold ? s.bold : s.font, size: s.size };
    if (s.color) out.color = s.color;
    if (r.superscript) {
      out.size = s.size * 0.62;
      out.rise = s.size * 0.36;
    } else if (r.subscript) {
      out.size = s.size * 0.62;
      out.rise = -s.size * 0.12;
    }
    if (r.link) {
      out.link = r.link;
      out.color = '#1f4e79';
    }
    if (r.underline) out.underline = true;
    if (r.italic) out.italic = true;
    return out;
  });
}
