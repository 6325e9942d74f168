// Input cleaning for 提要 extraction: from render blocks to the body paragraphs a summary may
// quote. Tables, figures and captions never go into a 提要; neither do metadata lines
// (来源/作者/责任编辑 …), editor's notes, WeChat boilerplate, note marks or a leading dateline.
import { runsText, type Block, type Run } from '../content/blocks';

export type ParagraphKind = 'body' | 'heading' | 'item';

export interface CleanParagraph {
  text: string;
  kind: ParagraphKind;
}

/** Lines that carry metadata or credits, not article text. */
const META_LINE =
  /^[\s【[（(]*(?:来源|来\s*源|作者|作\s*者|编者按|编者的话|责任编辑|责编|编辑|主编|审核|审校|校对|排版|美编|图片来源|图片|图源|摄影|资料来源|数据来源|信息来源|文章来源|本文来源|原文来源|原标题|原文标题|转自|转载自|本文转载自|原文链接|原文地址|文章链接|出处|撰文|撰稿|文字|记者|通讯员|供稿|监制|统筹|策划|声明|免责声明|版权声明|注|备注|参考文献|参考资料)\s*(?:[】\]]\s*[：:|｜丨/]?|[：:|｜丨/])/;
/** A byline of names only: `本报记者 张三 通讯员 李四`, `文/王五`. */
const BYLINE =
  /^(?:(?:(?:本报|本刊|本网|本台)?(?:特约)?(?:记者|通讯员|实习生|撰文|摄影|编辑|编译)\s*[|｜/／：:]?|(?:文\s*[/／]\s*图|文|图)\s*[|｜/／：:])\s*[\p{Script=Han}·]{2,4}[\s、，,]*)+$/u;
/** WeChat / web boilerplate: follow prompts, share prompts, reprint notices. */
const BOILERPLATE =
  /点击.{0,6}(?:蓝字|关注|上方|下方)|关注我们|长按.{0,6}(?:二维码|识别)|扫码关注|扫一扫|识别二维码|阅读原文|点个?[“"]?在看|分享.{0,4}朋友圈|转载请|未经授权|版权归.{0,10}所有|如有侵权|侵删|欢迎转发|星标|设为星标|往期回顾|往期推荐|推荐阅读|相关阅读|延伸阅读/;
/** Captions: 图 1 …, 表 2 …, 图为…, ▲…, and bracketed photo credits. */
const CAPTION = /^(?:[图表]\s*\d+(?:[-–.．]\d+)?[\s:：.．、]|图为|▲|△|↑|（图片?(?:来源|来自|源)|\(图片?(?:来源|来自|源))/;
/**
 * Datelines opening a news report: `【大河网讯】`, `新华社北京11月18日电（记者 张三）`,
 * `中新网11月18日电`, `人民网消息（记者 李四）`, `本报讯（通讯员 王五）`. Without a date, the
 * bracket must name a reporter, so `光伏发电（PV）……` is not taken for one.
 */
const DATELINE = new RegExp(
  `^(?:${[
    '[【[]\\s*[^】\\]\\n]{1,16}讯\\s*[】\\]]',
    '[^，。！？“”\\s]{1,14}?\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*(?:电|讯|消息)(?:\\s*[（(][^）)]{1,40}[）)])?',
    '[^，。！？“”\\s]{1,14}?(?:电|讯|消息)\\s*[（(]\\s*(?:记者|通讯员|实习生|特约|本报|本刊)[^）)]{0,36}[）)]',
    '(?:本报|本刊|本台|本网)讯(?:\\s*[（(][^）)]{1,40}[）)])?',
  ].join('|')})\\s*`,
);
/** A paragraph that is only a date or a date and time. */
const DATE_ONLY = /^\s*\d{4}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*$/;
/** Circled numbers used as note marks: after a word, before punctuation or the end. */
const NOTE_MARK = /(?<=[\p{L}\p{N}）)”》])[①-⑳⑴-⒇❶-❿]+(?=[\s，。；：！？、,.;:!?）)”]|$)/gu;
/** Bracketed reference marks: [1], [12], 〔3〕. */
const REF_MARK = /[[〔［]\d{1,3}(?:[-,，]\d{1,3})*[\]〕］]/g;
/** Superscript runs that are note marks. */
const SUPERSCRIPT_MARK = /^[\s[〔［(（]*(?:\d{1,3}|[①-⑳⑴-⒇❶-❿]|\*)[\s\]〕］)）]*$/;

/** Text of a run list without superscript note marks. */
function textOf(runs: Run[]): string {
  return runsText(runs.filter((r) => !(r.superscript && SUPERSCRIPT_MARK.test(r.text))));
}

/** Normalizes one paragraph's text: note marks out, whitespace collapsed. */
export function cleanText(text: string): string {
  return text
    .replace(REF_MARK, '')
    .replace(NOTE_MARK, '')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[ \t\u00a0\u3000]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** Drops a leading dateline such as `新华社北京11月18日电（记者 张三）`. */
export function stripDateline(text: string): string {
  const m = DATELINE.exec(text);
  if (!m) return text;
  const rest = text.slice(m[0].length).replace(/^[\s，,：:—-]+/, '');
  // Only when real text follows: a whole paragraph of "…电" is left for the other rules.
  return rest.length >= 10 ? rest : text;
}

/** True for a line that is metadata, a caption or boilerplate rather than article text. */
export function isNoise(text: string): boolean {
  const t = text.trim();
  if (t === '') return true;
  if (META_LINE.test(t)) return true;
  if (t.length <= 40 && BYLINE.test(t)) return true;
  if (DATE_ONLY.test(t)) return true;
  if (CAPTION.test(t) && t.length < 80) return true;
  if (BOILERPLATE.test(t) && t.length < 120) return true;
  // A whole paragraph in brackets is an aside (photo credit, editor's remark), not body text.
  if (/^[（(【[][^（(【[]*[）)】\]]$/.test(t) && t.length < 80) return true;
  // No CJK or Latin letters at all: a stray number, separator or emoji line.
  if (!/[\p{Script=Han}A-Za-z]/u.test(t)) return true;
  return false;
}

/** Sub-heading numbering: 一、 （一） 1. 1、 第一部分 */
const HEADING_NUMBER = /^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}(?:[.．、]|\s)|第[一二三四五六七八九十\d]{1,3}[部章节])/;

/**
 * A pasted clipping often carries its sub-headings as short paragraphs, bold or numbered and
 * without a closing mark: they separate sections rather than say something a 提要 would quote.
 */
export function looksLikeHeading(runs: Run[], text: string): boolean {
  const t = text.trim();
  if (t === '' || Array.from(t).length > 40 || /[。！？!?；;…]$/.test(t)) return false;
  const visible = runs.filter((r) => r.text.trim() !== '');
  const bold = visible.length > 0 && visible.every((r) => r.bold);
  return bold || HEADING_NUMBER.test(t);
}

/** Body paragraphs, headings and list items of an article, cleaned, in reading order. */
export function cleanBlocks(blocks: Block[]): CleanParagraph[] {
  const out: CleanParagraph[] = [];
  const add = (raw: string, kind: ParagraphKind): void => {
    for (const line of splitLines(cleanText(raw))) {
      if (isNoise(line)) continue;
      const text = out.some((p) => p.kind !== 'heading') ? line : stripDateline(line);
      out.push({ text, kind });
    }
  };
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph': {
        const text = textOf(block.runs);
        add(text, looksLikeHeading(block.runs, text) ? 'heading' : 'body');
        break;
      }
      case 'quote':
        add(textOf(block.runs), 'body');
        break;
      case 'heading':
        add(textOf(block.runs), 'heading');
        break;
      case 'list':
        for (const item of block.items) add(textOf(item.runs), 'item');
        break;
      case 'table':
      case 'figure':
        break; // table text and captions never go into a 提要
    }
  }
  return out;
}

/** Hard line breaks inside a paragraph separate lines that are judged one by one (a credit glued to the text). */
function splitLines(text: string): string[] {
  if (!text.includes('\n')) return [text];
  return text.split('\n').filter((l) => l.trim() !== '');
}

/** Interview turn labels: `问：`, `答：`, `记者：`, or a speaker named in the title (`傅卫：`). */
const TURN_LABEL = /^(?:问|答|Q|A|记者|主持人|嘉宾)\s*[：:]\s*/;
const NAME_LABEL = /^([\p{Script=Han}·]{2,4})\s*[：:]\s*/u;

/** Drops an interview turn label so the answer reads as plain text. */
export function stripSpeakerLabel(text: string, title: string): string {
  const turn = TURN_LABEL.exec(text);
  if (turn) return text.slice(turn[0].length);
  const named = NAME_LABEL.exec(text);
  if (named && title.includes(named[1]) && text.length - named[0].length >= 20) return text.slice(named[0].length);
  return text;
}
