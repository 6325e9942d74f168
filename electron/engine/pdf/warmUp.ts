// The one-article issue warmUpPdf writes and throws away: cover, 本期视点, TOC, an article with
// each kind of block an issue has (mixed Chinese and Latin text, marks to compress, a link, bold,
// a list, a quote, a table) and the back cover.
import { ANCHORS, type IssueDocument } from '../../../shared/document/issueDocument';
import { issueMetaSchema } from '../../../shared/model/issue';

const TEXT =
  '医疗保障是减轻群众就医负担、增进民生福祉、维护社会和谐稳定的重大制度安排。近年来，各地持续推进医保支付方式改革，' +
  'DRG/DIP 付费覆盖面不断扩大——“集采”（带量采购）节约资金 3000 亿元，惠及 85.2% 的参保人。';

export function warmUpDocument(): IssueDocument {
  const anchor = ANCHORS.article(0);
  const title = '国家医保局：2021年医保支付方式改革稳步推进';
  return {
    meta: issueMetaSchema.parse({
      isoWeek: '2021-W08',
      issueNumber: '2021年第8期',
      dateRange: '2021.02.22-2021.02.28',
      tags: ['医保', '医药'],
      backCover: '扫一扫\n关注公众号\n\n北京某某健康管理有限公司',
    }),
    readingNote: '（阅读提醒：请按页码提示阅读。）',
    viewpoint: [{ column: '医保快讯', entries: [{ articleId: 'warm-up', anchor, title, source: '健康报', summary: TEXT }] }],
    articles: [
      {
        id: 'warm-up',
        anchor,
        column: '医保快讯',
        firstInColumn: true,
        title,
        source: '健康报',
        author: '张三',
        blocks: [
          { kind: 'heading', level: 1, runs: [{ text: '一、总体要求' }] },
          { kind: 'paragraph', runs: [{ text: TEXT }, { text: '重点任务', bold: true }, { text: '见国家医保局网站。', link: 'https://www.nhsa.gov.cn/' }] },
          { kind: 'quote', runs: [{ text: '医保基金是人民群众的“看病钱”“救命钱”。' }] },
          { kind: 'list', ordered: true, items: [{ runs: [{ text: '完善医保目录动态调整机制；' }] }, { runs: [{ text: '推进 DRG 付费国家试点。' }] }] },
          {
            kind: 'table',
            rows: [
              [
                { paragraphs: [[{ text: '项目' }]], header: true },
                { paragraphs: [[{ text: '金额（亿元）' }]], header: true },
              ],
              [{ paragraphs: [[{ text: '药品集采' }]] }, { paragraphs: [[{ text: '3000' }]] }],
            ],
          },
        ],
      },
    ],
  };
}
