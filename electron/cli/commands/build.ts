// weekly build <manifest.json> --out <dir> [--format pdf,docx] [--page-size A4|16K] [--body-font serif|sans]
import { parseArgs } from 'node:util';
import { describeError, isUserFacingError } from '../../../shared/errors';
import { buildIssueFromManifest, type OutputFormat } from '../../engine/build/buildIssue';

const USAGE = 'usage: weekly build <manifest.json> --out <dir> [--format pdf|docx|pdf,docx] [--page-size A4|16K] [--body-font serif|sans]';

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        format: { type: 'string', default: 'pdf,docx' },
        'page-size': { type: 'string', default: 'A4' },
        // 正文字体: serif 宋体 (default), sans 黑体
        'body-font': { type: 'string', default: 'serif' },
      },
    });
  } catch (e) {
    console.error(`weekly build: ${describeError(e)}\n${USAGE}`);
    return 2;
  }
  const [manifest] = parsed.positionals;
  const outDir = parsed.values.out;
  if (!manifest || !outDir) {
    console.error(USAGE);
    return 2;
  }
  const formats = parsed.values.format.split(',').map((f) => f.trim()) as OutputFormat[];
  if (formats.length === 0 || formats.some((f) => f !== 'pdf' && f !== 'docx')) {
    console.error(`weekly build: --format must be pdf, docx or pdf,docx (got "${parsed.values.format}")`);
    return 2;
  }
  const pageSize = parsed.values['page-size'].toUpperCase();
  if (pageSize !== 'A4' && pageSize !== '16K') {
    console.error(`weekly build: --page-size must be A4 or 16K (got "${parsed.values['page-size']}")`);
    return 2;
  }
  const bodyFont = parsed.values['body-font'].toLowerCase();
  if (bodyFont !== 'serif' && bodyFont !== 'sans') {
    console.error(`weekly build: --body-font must be serif (宋体) or sans (黑体) (got "${parsed.values['body-font']}")`);
    return 2;
  }
  const started = performance.now();
  try {
    const result = await buildIssueFromManifest(manifest, {
      outDir,
      formats,
      pageSize,
      bodyFont,
      onStage: (stage, ms) => console.log(`${stage.padEnd(7)} ${ms.toFixed(0).padStart(6)} ms`),
      onWarning: (m) => console.warn(`warning: ${m}`),
    });
    const pages = result.json.pages === null ? '' : `, ${result.json.pages} pages`;
    console.log(`done    ${(performance.now() - started).toFixed(0).padStart(6)} ms  ${result.json.articles.length} articles${pages}`);
    for (const f of result.files) console.log(`wrote   ${f}`);
    return 0;
  } catch (e) {
    console.error(`weekly build: ${describeError(e)}`);
    if (isUserFacingError(e)) console.error(`（${e.messageZh}）`);
    return 1;
  }
}
