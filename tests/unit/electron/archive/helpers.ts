// Realistic hand-made issues for archive tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article, Issue } from '../../../../shared/model/issue';
import { issueMetaForWeek } from '../../../../shared/model/issueMeta';
import { paragraphsContent, testArticle } from '../../../helpers/model';

export { paragraphsContent as content } from '../../../helpers/model';

export function article(id: string, title: string, source: string, ...paragraphs: string[]): Article {
  return testArticle(id, title, { source, content: paragraphsContent(...paragraphs), summary: paragraphs[0]?.slice(0, 100) ?? '' });
}

export function issue(isoWeek: string, columns: Array<{ id: string; name: string; articles: Article[] }>): Issue {
  return {
    id: isoWeek,
    meta: issueMetaForWeek(isoWeek, { tags: ['医保', '医疗', '医药'] }),
    columns,
  };
}

export const DRG_TEXT =
  '2020年，心脏支架的集中带量采购落地，价格从均价1.3万元降至700元左右。DRG付费改革随之提速，' +
  '医院必须从规模扩张转向精细化管理。早入DRG的医院，已在病案首页质量、临床路径和成本核算上积累了经验。';

export const INSURANCE_TEXT =
  '随着经济社会发展和人民群众健康需求的不断提升，商业健康保险在多层次医疗保障体系中的作用日益凸显。' +
  '推动基本医保与商业健康保险一站式结算，是提升参保群众就医体验的重要举措。';

export const SANMING_TEXT =
  '三明市药事服务费涨了！其他省市可以借鉴三明经验，在公立医院综合改革中理顺医疗服务价格，' +
  '建立以公益性为导向的考核评价机制，推动医务人员薪酬制度改革。';

/** Two issues, a few weeks apart, with the words the search tests look for. */
export function sampleIssues(): Issue[] {
  return [
    issue('2021-W08', [
      { id: 'c1', name: '医院管理', articles: [article('a1', '早入DRG才是医院应对支付改革的正确之道！', 'DRG变量', DRG_TEXT)] },
      { id: 'c2', name: '地方精彩', articles: [article('a2', '药事服务费提价！三明医改再领先全国', '看医界', SANMING_TEXT)] },
    ]),
    issue('2024-W47', [
      {
        id: 'c1',
        name: '分析解读',
        articles: [
          article('a1', '推动“医保+商保”一站式结算的思考', '国家医疗保障局大数据中心', INSURANCE_TEXT),
          article('a2', '集采新预判！十大趋势点燃行业激情', '医药经济报', '刚刚收官的“十三五”期间，药品集采从试点走向常态化，集采品种持续扩围。'),
        ],
      },
    ]),
  ];
}

export interface TempDir {
  dir: string;
  path: (name: string) => string;
  remove: () => void;
}

export function tempDir(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'weekly-archive-'));
  return { dir, path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const FIXED_NOW = () => new Date('2024-11-20T08:00:00Z');
