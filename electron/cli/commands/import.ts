// weekly import <file|url> [--json] — run the app's import pipeline on one clipping and print what it produced.
import { parseArgs } from 'node:util';
import { describeError, isUserFacingError } from '../../../shared/errors';
import { importFile, importUrl } from '../../engine/import/index';
import { importReport } from '../../engine/import/report';

const USAGE = 'usage: weekly import <file|url> [--json]';

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  } catch (e) {
    console.error(`weekly import: ${describeError(e)} — ${USAGE}`);
    return 2;
  }
  const [target, extra] = parsed.positionals;
  if (!target || extra) {
    console.error(USAGE);
    return 2;
  }
  let report;
  try {
    const clipping = /^https?:\/\//i.test(target) ? await importUrl(target) : await importFile(target);
    report = importReport(clipping);
  } catch (e) {
    // One line, no stack trace: the Chinese reason for the editor, the English one for logs.
    console.error(isUserFacingError(e) ? `weekly import: ${e.messageZh} (${e.message})` : `weekly import: 导入失败 (${describeError(e)})`);
    return 1;
  }
  if (parsed.values.json) {
    console.log(JSON.stringify(report, null, 2));
    return 0;
  }
  const b = report.blocks;
  const lines = [
    `标题：${report.title}`,
    `来源：${report.source || '（无）'}`,
    `作者：${report.author ?? '（无）'}`,
    ...(report.url ? [`网址：${report.url}`] : []),
    `内容：${b.paragraph} 段，${b.heading} 个小标题，${b.table} 个表格，${b.image} 张图片，${b.list} 个列表；${report.text.length} 字`,
    ...report.warnings.map((w) => `提醒：${w}`),
    '',
    report.text,
  ];
  console.log(lines.join('\n'));
  return 0;
}
