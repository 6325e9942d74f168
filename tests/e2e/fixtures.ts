// The 2024-W47 issue of 医周药事 (resources/sample/clips, cut from the real issue): where each
// clipping ran and the title and 来源 the import must find in it.
export const ISSUE_2024_W47 = {
  isoWeek: '2024-W47',
  issueNumber: '2024年第47期',
  dateRange: '2024.11.18-2024.11.24',
  clipsDir: 'resources/sample/clips',
  columns: ['分析解读', '专家观点', '医疗速递', '国际视野', '地方精彩'],
  articles: [
    { file: '01-推动医保商保一站式结算的.html', column: '分析解读', title: '推动“医保+商保”一站式结算的思考', source: '国家医疗保障局大数据中心' },
    { file: '02-凝心聚力攻坚克难扎实推进.html', column: '分析解读', title: '凝心聚力 攻坚克难 扎实推进新时代医疗保障信息化建设', source: '国家医疗保障局' },
    {
      file: '03-以基层为重点加快建设分级.html',
      column: '专家观点',
      title: '雷海潮：以基层为重点加快建设分级诊疗体系 为群众提供就近就便系统连续的卫生健康服务',
      source: '国家卫生健康委',
    },
    { file: '04-培育一批具有鲜明浙江辨识.html', column: '专家观点', title: '王仁元：培育一批具有鲜明浙江辨识度的医改典型', source: '中国卫生杂志' },
    { file: '05-破局养老困境点亮银发经济.html', column: '医疗速递', title: '破局养老困境、点亮银发经济，长护险有哪些新进展？这个大会“划重点”——', source: '中国医疗保险' },
    { file: '06-推进优质医疗资源下沉需在.html', column: '医疗速递', title: '推进优质医疗资源下沉，需在四方面下功夫', source: '健康报' },
    { file: '07-科技创新应对健康挑战.html', column: '国际视野', title: 'CGP 特稿：科技创新应对健康挑战', source: '中国全科医学' },
    { file: '08-我国大健康行业前景巨大是.html', column: '国际视野', title: '我国大健康行业前景巨大，是未来 10 年的最大机遇之一', source: '药智网' },
    { file: '09-四川省2025年1月1日.html', column: '地方精彩', title: '四川省 2025 年 1 月 1 日全面实施，将如何影响你我的生活', source: '中科厚立' },
    { file: '10-多维度发力筑牢医保基金监.html', column: '地方精彩', title: '泰安肥城：多维度发力，筑牢医保基金监管“铜墙铁壁”', source: '肥城市医保局' },
  ],
} as const;
