// Child process for crash.test.ts: saves an article over and over (the autosave path, plus a
// whole-issue save every few edits) and prints each revision number once its transaction committed.
// The test kills it with SIGKILL at a random moment.
import { writeSync } from 'node:fs';
import { openArchive } from '../../../../electron/engine/archive/index';
import { article, issue } from './helpers';

const dbPath = process.argv[2];
const archive = openArchive(dbPath, { check: 'none' });
if (!archive.getIssue('2024-W47')) {
  archive.saveIssue(issue('2024-W47', [{ id: 'c1', name: '分析解读', articles: [article('a1', '第0稿', '健康报', '第0稿正文')] }]));
}
const current = archive.getIssue('2024-W47')!;
let revision = Number(/^第(\d+)稿$/.exec(current.columns[0].articles[0].title)?.[1] ?? 0);
const padding = '医保基金监管从人海战术走向智能监控，飞行检查常态化。'.repeat(40);

for (;;) {
  revision++;
  const edited = article('a1', `第${revision}稿`, '健康报', `第${revision}稿正文`, padding);
  if (revision % 5 === 0) {
    const whole = archive.getIssue('2024-W47')!;
    whole.columns[0].articles[0] = edited;
    whole.meta.tags = [`rev${revision}`];
    archive.saveIssue(whole);
  } else {
    archive.saveArticle('2024-W47', 'c1', edited);
  }
  writeSync(1, `${revision}\n`);
}
