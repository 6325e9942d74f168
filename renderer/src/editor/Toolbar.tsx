// The editor's toolbar: block type, inline styles, lists, quote, link, table, figure, undo/redo.
// Every button has a Chinese accessible name and reflects the selection's state.
import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import {
  $deleteTableColumnAtSelection,
  $deleteTableRowAtSelection,
  $insertTableColumnAtSelection,
  $insertTableRowAtSelection,
  $isTableCellNode,
  INSERT_TABLE_COMMAND,
} from '@lexical/table';
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  $isRootOrShadowRoot,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  UNDO_COMMAND,
  type TextFormatType,
} from 'lexical';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { $createFigureNode } from '../../../shared/lexical/FigureNode';
import { BulletListIcon, ImageIcon, LinkIcon, NumberListIcon, QuoteIcon, RedoIcon, TableIcon, UndoIcon } from './icons';
import { WordCount } from './plugins/WordCountPlugin';

type BlockType = 'paragraph' | 'h2' | 'h3' | 'quote' | 'bullet' | 'number';

interface ToolbarState {
  block: BlockType;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  superscript: boolean;
  link: boolean;
  inTable: boolean;
}

const INITIAL: ToolbarState = { block: 'paragraph', bold: false, italic: false, underline: false, superscript: false, link: false, inTable: false };

function ToolButton({ label, active, disabled, onClick, children }: { label: string; active?: boolean; disabled?: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className={`tool${active ? ' active' : ''}`}
      aria-label={label}
      title={label}
      aria-pressed={active === undefined ? undefined : active}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

export function Toolbar() {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>(INITIAL);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [linkDraft, setLinkDraft] = useState<string | null>(null);
  const imageInput = useRef<HTMLInputElement>(null);

  const refresh = useCallback(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const anchor = selection.anchor.getNode();
    const top =
      anchor.getKey() === 'root'
        ? anchor
        : ($findMatchingParent(anchor, (n) => {
            const parent = n.getParent();
            return parent !== null && $isRootOrShadowRoot(parent);
          }) ?? anchor.getTopLevelElementOrThrow());
    let block: BlockType = 'paragraph';
    if ($isListNode(top)) {
      const list = $getNearestNodeOfType(anchor, ListNode);
      block = (list ?? top).getListType() === 'number' ? 'number' : 'bullet';
    } else if ($isHeadingNode(top)) block = top.getTag() === 'h3' ? 'h3' : 'h2';
    else if ($isQuoteNode(top)) block = 'quote';
    const parent = anchor.getParent();
    setState({
      block,
      bold: selection.hasFormat('bold'),
      italic: selection.hasFormat('italic'),
      underline: selection.hasFormat('underline'),
      superscript: selection.hasFormat('superscript'),
      link: $isLinkNode(parent) || $isLinkNode(anchor),
      inTable: $findMatchingParent(anchor, $isTableCellNode) !== null,
    });
  }, []);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => editorState.read(refresh)),
        editor.registerCommand(
          SELECTION_CHANGE_COMMAND,
          () => {
            refresh();
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (v) => {
            setCanUndo(v);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (v) => {
            setCanRedo(v);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, refresh],
  );

  const setBlock = (block: BlockType) => {
    if (block === 'bullet' || block === 'number') {
      editor.dispatchCommand(state.block === block ? REMOVE_LIST_COMMAND : block === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
      return;
    }
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      if (block === 'paragraph' || state.block === block) $setBlocksType(selection, () => $createParagraphNode());
      else if (block === 'quote') $setBlocksType(selection, () => $createQuoteNode());
      else $setBlocksType(selection, () => $createHeadingNode(block as HeadingTagType));
    });
  };

  const format = (f: TextFormatType) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, f);

  const table = (fn: () => void) => editor.update(fn);

  const insertImage = (file: File) => {
    const reader = new FileReader();
    reader.onload = () => {
      const src = String(reader.result);
      editor.update(() => {
        $insertNodes([$createFigureNode({ src, altText: file.name, caption: '' })]);
      });
    };
    reader.readAsDataURL(file);
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="编辑工具">
      <ToolButton label="撤销" disabled={!canUndo} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
        <UndoIcon />
      </ToolButton>
      <ToolButton label="重做" disabled={!canRedo} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>
        <RedoIcon />
      </ToolButton>
      <span className="tool-sep" />
      <select
        className="block-select"
        aria-label="段落样式"
        value={state.block === 'bullet' || state.block === 'number' ? 'paragraph' : state.block}
        onChange={(e) => setBlock(e.target.value as BlockType)}
      >
        <option value="paragraph">正文</option>
        <option value="h2">一级标题（一、）</option>
        <option value="h3">二级标题（（一））</option>
        <option value="quote">引用</option>
      </select>
      <span className="tool-sep" />
      <ToolButton label="加粗" active={state.bold} onClick={() => format('bold')}>
        <b>B</b>
      </ToolButton>
      <ToolButton label="斜体" active={state.italic} onClick={() => format('italic')}>
        <i>I</i>
      </ToolButton>
      <ToolButton label="下划线" active={state.underline} onClick={() => format('underline')}>
        <u>U</u>
      </ToolButton>
      <ToolButton label="上标" active={state.superscript} onClick={() => format('superscript')}>
        x<sup>²</sup>
      </ToolButton>
      <span className="tool-sep" />
      <ToolButton label="项目符号列表" active={state.block === 'bullet'} onClick={() => setBlock('bullet')}>
        <BulletListIcon />
      </ToolButton>
      <ToolButton label="编号列表" active={state.block === 'number'} onClick={() => setBlock('number')}>
        <NumberListIcon />
      </ToolButton>
      <ToolButton label="引用" active={state.block === 'quote'} onClick={() => setBlock('quote')}>
        <QuoteIcon />
      </ToolButton>
      <ToolButton
        label="链接"
        active={state.link}
        onClick={() => (state.link ? editor.dispatchCommand(TOGGLE_LINK_COMMAND, null) : setLinkDraft('https://'))}
      >
        <LinkIcon />
      </ToolButton>
      <span className="tool-sep" />
      <ToolButton label="插入表格" onClick={() => editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: false })}>
        <TableIcon />
      </ToolButton>
      {state.inTable && (
        <>
          <ToolButton label="下方插入行" onClick={() => table(() => $insertTableRowAtSelection(true))}>
            +行
          </ToolButton>
          <ToolButton label="右侧插入列" onClick={() => table(() => $insertTableColumnAtSelection(true))}>
            +列
          </ToolButton>
          <ToolButton label="删除行" onClick={() => table(() => $deleteTableRowAtSelection())}>
            −行
          </ToolButton>
          <ToolButton label="删除列" onClick={() => table(() => $deleteTableColumnAtSelection())}>
            −列
          </ToolButton>
        </>
      )}
      <ToolButton label="插入图片" onClick={() => imageInput.current?.click()}>
        <ImageIcon />
      </ToolButton>
      <input
        ref={imageInput}
        type="file"
        accept="image/png,image/jpeg,image/gif,image/webp"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) insertImage(file);
          e.target.value = '';
        }}
      />
      <span className="tool-spacer" />
      <WordCount />
      {linkDraft !== null && (
        <form
          className="link-popover"
          onSubmit={(e) => {
            e.preventDefault();
            const url = linkDraft.trim();
            if (/^(https?:|mailto:)/i.test(url)) editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
            setLinkDraft(null);
          }}
        >
          <input aria-label="链接地址" value={linkDraft} autoFocus onChange={(e) => setLinkDraft(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setLinkDraft(null)} />
          <button type="submit" className="primary">
            确定
          </button>
          <button type="button" onClick={() => setLinkDraft(null)}>
            取消
          </button>
        </form>
      )}
    </div>
  );
}
