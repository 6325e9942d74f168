// The typesetting measures of issue #3 on both fixture issues, set with the real Noto faces:
// every line that is not a paragraph's last is flush on both edges (within 0.5 pt), no line
// starts or ends with a prohibited mark, no paragraph ends in a lone character, no page ends
// with a heading.
import { describe, expect, it } from 'vitest';
import type { StyledRun } from '../../../../shared/layout/atoms';
import { isLineEndProhibited, isLineStartProhibited } from '../../../../shared/layout/charClasses';
import { layoutIssue } from '../../../../shared/layout/issueLayout';
import type { BreakOptions, Line } from '../../../../shared/layout/lineBreaker';
import { Typesetter } from '../../../../shared/layout/typesetter';
import { loadFontSet } from '../../../../electron/engine/fonts';
import { fixtureDocument } from './fixtureDocument';

class RecordingTypesetter extends Typesetter {
  readonly paragraphs: Array<{ runs: StyledRun[]; opts: BreakOptions; lines: Line[] }> = [];
  override set(runs: StyledRun[], opts: BreakOptions, onMissing?: (chars: string) => void): Line[] {
    const lines = super.set(runs, opts, onMissing);
    this.paragraphs.push({ runs, opts, lines });
    return lines;
  }
}

const isMark = (t: string): boolean => !/[\p{L}\p{N}]/u.test(t);

describe.each(['2024-W47', '2021-W08'] as const)('typesetting of fixture %s', (id) => {
  const ts = new RecordingTypesetter(loadFontSet().metrics);
  const layout = layoutIssue(fixtureDocument(id), ts);

  it('sets every non-final line of a justified paragraph flush on both edges', () => {
    let checked = 0;
    const ragged: string[] = [];
    for (const p of ts.paragraphs) {
      if ((p.opts.align ?? 'justify') !== 'justify') continue;
      p.lines.slice(0, -1).forEach((line) => {
        if (line.placed.length < 2) return;
        checked++;
        if (Math.abs(line.indent + line.width - p.opts.width) > 0.5) ragged.push(line.placed.map((a) => a.atom.text).join(''));
      });
    }
    expect(checked).toBeGreaterThan(500);
    expect(ragged).toEqual([]);
  });

  it('never breaks a line before a closing mark or after an opening one', () => {
    const bad: string[] = [];
    let breaks = 0;
    for (const p of ts.paragraphs) {
      p.lines.forEach((line, k) => {
        const first = [...line.placed[0].atom.text][0];
        const last = [...line.placed[line.placed.length - 1].atom.text].pop() ?? '';
        // a paragraph's own first and last characters are not break decisions
        if (k > 0 && isLineStartProhibited(first)) bad.push(line.placed.map((a) => a.atom.text).join(''));
        if (k < p.lines.length - 1 && isLineEndProhibited(last)) bad.push(line.placed.map((a) => a.atom.text).join(''));
        if (k > 0) breaks++;
      });
    }
    expect(breaks).toBeGreaterThan(500);
    expect(bad).toEqual([]);
  });

  it('leaves no lone character as the last line of a paragraph', () => {
    const lone = ts.paragraphs
      .filter((p) => p.opts.avoidLoneLastLine && p.lines.length > 1)
      .map((p) => p.lines[p.lines.length - 1].placed.filter((a) => !isMark(a.atom.text)))
      .filter((atoms) => atoms.length === 1 && atoms[0].atom.kind === 'cjk');
    expect(lone.map((atoms) => atoms[0].atom.text)).toEqual([]);
  });

  it('ends no page with a heading, and settles page numbers in a few rounds', () => {
    expect(layout.headingAtPageEnd).toEqual([]);
    expect(layout.rounds).toBeLessThanOrEqual(3);
  });
});
