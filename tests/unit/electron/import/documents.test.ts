// Word, Markdown and plain-text clippings: title, 来源, 作者, block counts and images.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runsText } from '../../../../shared/content/blocks';
import { importBytes, importFile } from '../../../../electron/engine/import/index';
import { blocksOf, countsOf, figures, fixture, importedOnce, textBlocks } from './helpers';

describe('Word .docx', () => {
  const path = fixture('word', 'cost-control-report.docx');
  const load = importedOnce(() => importFile(path));

  it('maps Title to the title, lifts the 来源/作者 lines, keeps headings, lists, the table and the image', async () => {
    const c = await load();
    expect(c.title).toBe('DIP 支付改革下医院成本管控的三点做法');
    expect(c.source).toBe('中国医院院长');
    expect(c.author).toBe('王晓明 刘芳');
    expect(countsOf(c)).toEqual({ paragraph: 3, heading: 3, table: 1, image: 1, list: 2 });
    expect(c.warnings).toEqual([]);
  });

  it('gives Heading 1 / Heading 2 the two sub-heading levels and keeps bold runs', async () => {
    const blocks = blocksOf(await load());
    const headings = blocks.flatMap((b) => (b.kind === 'heading' ? [[b.level, runsText(b.runs)]] : []));
    expect(headings).toEqual([
      [1, '一、摸清病种成本'],
      [2, '（一）重点病种的盈亏情况'],
      [1, '二、把管控落到临床'],
    ]);
    const first = blocks[0];
    expect(first.kind === 'paragraph' && first.runs.find((r) => r.bold)?.text).toBe('成本管控');
  });

  it('turns Word numbering into an ordered list and bullets into a nested bullet list', async () => {
    const lists = blocksOf(await load()).flatMap((b) => (b.kind === 'list' ? [b] : []));
    expect(lists[0].ordered).toBe(true);
    expect(lists[0].items.map((i) => runsText(i.runs))).toEqual(['归集科室直接成本和分摊间接成本；', '把科室成本分配到每一份病例；', '按病种汇总，并与 DIP 支付标准比较。']);
    expect(lists[1].ordered).toBe(false);
    expect(lists[1].items).toHaveLength(2);
    expect(lists[1].items[0].children?.items.map((i) => runsText(i.runs))).toEqual(['每季度按成本数据修订一次']);
  });

  it('embeds the image as a PNG data: URL with the caption line under it', async () => {
    const [figure] = figures(await load());
    expect(figure.src).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(figure.caption).toBe('图 1 重点病种成本与支付标准对比');
  });

  it('keeps the table cells in order', async () => {
    const table = blocksOf(await load()).find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows.map((r) => r.map((cell) => cell.paragraphs.map(runsText).join('')))).toEqual([
      ['病种', '例均成本（元）', '支付标准（元）'],
      ['急性心肌梗死', '38,620', '41,200'],
      ['脑梗死', '15,480', '14,300'],
    ]);
  });

  it('imports the same bytes through importBytes (the web upload)', async () => {
    const c = await importBytes(readFileSync(path), 'cost-control-report.docx');
    expect(c.title).toBe('DIP 支付改革下医院成本管控的三点做法');
    expect(countsOf(c).image).toBe(1);
  });
});

describe('Markdown', () => {
  const path = fixture('markdown', '互联网医院发展观察.md');
  const load = importedOnce(() => importFile(path));

  it('takes the # title and the 来源/作者 lines, and keeps lists, the pipe table, the image and the quote', async () => {
    const c = await load();
    expect(c.title).toBe('互联网医院发展观察：从“能看病”到“看好病”');
    expect(c.source).toBe('健康界');
    expect(c.author).toBe('李明');
    expect(countsOf(c)).toEqual({ paragraph: 3, heading: 2, table: 1, image: 1, list: 1 });
    const [figure] = figures(c);
    expect(figure).toMatchObject({ src: 'https://www.cn-healthcare.com/uploads/2024/07/hospital-count.png', caption: '图 1 2020—2024 年全国互联网医院数量' });
    expect(blocksOf(c).some((b) => b.kind === 'quote')).toBe(true);
  });

  it('keeps links and bold text as runs', async () => {
    const blocks = blocksOf(await load());
    const runs = blocks.flatMap((b) => (b.kind === 'paragraph' ? b.runs : []));
    expect(runs.find((r) => r.link)).toMatchObject({ text: '处方流转平台', link: 'https://www.nhsa.gov.cn/' });
    expect(runs.find((r) => r.bold)?.text).toBe('3340 家');
  });
});

describe('plain text', () => {
  const path = fixture('text', '基层医疗卫生服务能力提升.txt');
  const load = importedOnce(() => importFile(path));

  it('takes the first line as title, picks up 来源/作者, makes paragraphs, headings and a list', async () => {
    const c = await load();
    expect(c.title).toBe('基层医疗卫生服务能力提升行动取得阶段性成效');
    expect(c.source).toBe('国家卫生健康委');
    expect(c.author).toBe('卫健委基层司');
    expect(countsOf(c)).toEqual({ paragraph: 5, heading: 2, table: 0, image: 0, list: 1 });
  });

  it('joins lines that were wrapped mid-sentence', async () => {
    const text = textBlocks(await load());
    expect(text[0]).toBe('近年来，各地以县域医共体建设为抓手，推动优质医疗资源下沉，基层医疗卫生服务能力持续提升。截至 2024 年底，全国 90% 以上的县已建成县域医共体，县域内就诊率达到 90% 左右。');
  });
});
