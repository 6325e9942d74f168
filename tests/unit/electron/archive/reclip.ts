// A second clipping of a fixture article, as it would come back years later from another site:
// new headline and source, full-width/half-width punctuation swapped, spaces around numbers
// dropped, the last paragraph cut. Written next to a manifest that files it under a 2024 issue.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '../../../../../shared/fixtures');
export const ORIGINAL_CLIP = join(FIXTURES, '2021-W08/clips/13-早入DRG才是医院应对支.html');

export function writeReclip(dir: string): string {
  let html = readFileSync(ORIGINAL_CLIP, 'utf8');
  html = html
    .replace(/早入 DRG 才是医院应对支付改革的正确之道！/g, '骨科耗材之后：医院如何应对 DRG 支付改革')
    .replace(/DRG 变量/g, '医院管理评论')
    .replace(/，/g, ',')
    .replace(/(\d) (?=[\u4e00-\u9fff])/g, '$1');
  const paragraphs = html.match(/<p>[\s\S]*?<\/p>/g) ?? [];
  html = html.replace(paragraphs[paragraphs.length - 1], '<p>（本文有删节）</p>');
  mkdirSync(join(dir, 'clips'), { recursive: true });
  writeFileSync(join(dir, 'clips/01-骨科耗材之后.html'), html);
  const manifest = {
    isoWeek: '2024-W48',
    issueNumber: '2024年第48期',
    sections: [
      {
        name: '分析解读',
        articles: [
          { id: '048-01', clip: 'clips/01-骨科耗材之后.html' },
          { id: '048-02', clip: join(FIXTURES, '2024-W47/clips/06-推进优质医疗资源下沉需在.html') },
        ],
      },
    ],
  };
  const file = join(dir, 'manifest.json');
  writeFileSync(file, JSON.stringify(manifest));
  return file;
}
