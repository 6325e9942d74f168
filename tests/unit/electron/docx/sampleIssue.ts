// A small issue written by hand from the fixtures' text: two columns, three articles, and every kind of block
// the DOCX exporter draws (sub-headings, table with header row and spans, figures with and without images,
// superscript note marks, nested lists, a quote, internal and external links).
import type { Block } from '../../../../shared/content/blocks';
import { ANCHORS, type IssueDocument } from '../../../../shared/document/issueDocument';
import { issueMeta2024W47 } from '../../../helpers/model';

/** A 2 × 1 PNG (red, blue) */
export const TINY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAD0lEQVR4nGP4z8DAwPAfAAcAAf9+CLHQAAAAAElFTkSuQmCC';

/** A 1 × 2 PNG (green), what a media store would return for `media:clip-0042` */
export const MEDIA_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAACCAIAAAAW4yFwAAAADklEQVR4nGNgaGBgAGIABAgBATM4sLYAAAAASUVORK5CYII=';

const resourcesArticle: Block[] = [
  {
    kind: 'paragraph',
    runs: [
      {
        text: '促进优质医疗资源扩容下沉和区域均衡布局，对于解决基层医疗资源相对匮乏问题，缩小城乡卫生健康服务差距，推进基本公共卫生服务均等化、基本医疗服务均质化，提升医疗卫生服务可及性和人民群众获得感，具有十分重要的意义。',
      },
    ],
  },
  { kind: 'heading', level: 1, runs: [{ text: '一、高位统筹，上下贯通' }] },
  {
    kind: 'paragraph',
    runs: [
      { text: '着眼全方位扩容、均衡性布局优质医疗资源，加快建设省级区域医疗中心，建强市县两级龙头医院，持续开展“优质服务基层行”活动' },
      { text: '①', superscript: true },
      { text: '，形成“市优、县强、乡活、村稳”的分级诊疗格局。目前，运城市有三级医院 10 家、二级医院 40 家。' },
    ],
  },
  { kind: 'heading', level: 2, runs: [{ text: '（一）政策激励，“推拉”结合' }] },
  {
    kind: 'list',
    ordered: true,
    items: [
      { runs: [{ text: '“推下去”的硬性机制：将优质医疗资源下沉纳入绩效考核范畴；' }] },
      {
        runs: [{ text: '“拉下来”的利益驱动：', bold: true }, { text: '强化对医院和医务人员的考核。' }],
        children: { kind: 'list', ordered: false, items: [{ runs: [{ text: '城市医疗集团辐射带动市区医疗卫生机构' }] }] },
      },
    ],
  },
  {
    kind: 'quote',
    runs: [{ text: '要让优质医疗资源持续性下沉，仅靠情怀是不够的。' }],
  },
  { kind: 'figure', src: TINY_PNG, altText: '运城市医疗集团分布', caption: '图 1 运城市城市医疗集团分布' },
  { kind: 'figure', src: 'media:clip-0042', altText: '', caption: '资料来源：运城市卫生健康委' },
  { kind: 'figure', src: '', altText: '', caption: '图片来源于网络' },
  {
    kind: 'paragraph',
    runs: [
      { text: '详见' },
      { text: '本期视点', link: `#${ANCHORS.viewpoint}` },
      { text: '及' },
      { text: '健康报原文', link: 'https://www.jkb.com.cn/' },
      { text: '。' },
    ],
  },
];

const childrenArticle: Block[] = [
  {
    kind: 'paragraph',
    runs: [
      {
        text: '目前，儿童用药的短缺问题已经成为全世界医药行业关注的共性问题，也是全球药政当局和患者关注问题。即使是在药品研发、生产、监管水平都很高的美国，也有超过 75% 的药品缺少儿童用药的信息。',
      },
    ],
  },
  {
    kind: 'table',
    rows: [
      [
        { paragraphs: [[{ text: '药物名称' }]], header: true },
        { paragraphs: [[{ text: '日期' }]], header: true },
        { paragraphs: [[{ text: '所有公司' }]], header: true },
        { paragraphs: [[{ text: '适应症' }]], header: true },
      ],
      [{ paragraphs: [[{ text: '2019年' }]], colSpan: 4 }],
      [
        { paragraphs: [[{ text: 'Ivabradine' }]] },
        { paragraphs: [[{ text: '3/30/2019' }]] },
        { paragraphs: [[{ text: '安进' }]], rowSpan: 2 },
        { paragraphs: [[{ text: '扩张型心肌病 (DCM)' }]] },
      ],
      [
        { paragraphs: [[{ text: 'Amphetamine Mixed Salts' }]] },
        { paragraphs: [[{ text: '8/18/2019' }]] },
        { paragraphs: [[{ text: '小儿多动症 (ADHD)' }]] },
      ],
    ],
  },
  {
    kind: 'paragraph',
    runs: [{ text: '1997年：出台的FDA现代化法案中设立了儿童用药的《儿科独占权条款》，规定如果企业增加儿科标签，可获得6个月的市场独占权优惠政策。' }],
  },
];

export function sampleIssue(): IssueDocument {
  return {
    meta: issueMeta2024W47({
      tags: ['医保', '医疗', '医药'],
      readingNote: '',
      backCover: '扫一扫\n关注药城公众号\n\n\n\n北京先锋寰宇大健康管理有限公司\n 电 话: 010-68489858',
    }),
    readingNote:
      '（阅读提醒：使用手机阅读的朋友，请按页码提示，进行阅读；使用电脑阅读的朋友，可点击您要阅读的文章标题，直接跳转具体内容。）',
    viewpoint: [
      {
        column: '专家观点',
        entries: [
          {
            articleId: 'a-resources',
            anchor: ANCHORS.article(0),
            title: '推进优质医疗资源下沉，需在四方面下功夫',
            source: '健康报',
            summary:
              '促进优质医疗资源扩容下沉和区域均衡布局，对于解决基层医疗资源相对匮乏问题，缩小城乡卫生健康服务差距，具有十分重要的意义。',
          },
          {
            articleId: 'a-renyuan',
            anchor: ANCHORS.article(1),
            title: '王仁元：培育一批具有鲜明浙江辨识度的医改典型',
            source: '中国卫生杂志',
            summary:
              '11 月 18 日，国家卫生健康委在浙江省丽水市召开新闻发布会，介绍学习推广三明医改经验有关情况。浙江省认真学习推广三明经验，着力打造“看病不出省”重大标志性成果。',
          },
        ],
      },
      {
        column: '国际视野',
        entries: [
          {
            articleId: 'a-children',
            anchor: ANCHORS.article(2),
            title: '深度 | 儿童用药品种分析和政策盘点之美国篇',
            source: 'CPhI 制药在线',
            summary: '',
          },
        ],
      },
    ],
    articles: [
      {
        id: 'a-resources',
        anchor: ANCHORS.article(0),
        column: '专家观点',
        firstInColumn: true,
        title: '推进优质医疗资源下沉，需在四方面下功夫',
        source: '健康报',
        author: null,
        blocks: resourcesArticle,
      },
      {
        id: 'a-renyuan',
        anchor: ANCHORS.article(1),
        column: '专家观点',
        firstInColumn: false,
        title: '王仁元：培育一批具有鲜明浙江辨识度的医改典型',
        source: '中国卫生杂志',
        author: '王仁元',
        blocks: [
          {
            kind: 'paragraph',
            runs: [{ text: '浙江省认真学习推广三明经验，结合浙江实际，推动医改与卫生健康现代化建设互促共进，着力打造“看病不出省”重大标志性成果。' }],
          },
        ],
      },
      {
        id: 'a-children',
        anchor: ANCHORS.article(2),
        column: '国际视野',
        firstInColumn: true,
        title: '深度 | 儿童用药品种分析和政策盘点之美国篇',
        source: 'CPhI 制药在线',
        author: null,
        blocks: childrenArticle,
      },
    ],
  };
}
